// The bench's table (French headings) and bench-results.json, in the shape the issue fixes.
import { writeFile } from "node:fs/promises";

import type { ExplainedPage } from "./explain";
import type { HttpResult } from "./http";
import type { PdfResult } from "./pdf";

export interface Check {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

const number = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "—";

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), line(widths.map((width) => "─".repeat(width))), ...rows.slice(1).map(line)].join(
    "\n",
  );
}

/** How many times the route's p95 exceeds the trivial route's, measured with the same settings. */
export function ratioToTrivial(result: HttpResult, trivial: HttpResult): number {
  return Math.round((result.p95Ms / trivial.p95Ms) * 100) / 100;
}

export function httpTable(results: HttpResult[], targets: Record<string, { text: string; ok: boolean }>) {
  const trivial = results.find((result) => result.name === "trivial")!;
  return table([
    ["Mesure", "Connexions", "p50 (ms)", "p95 (ms)", "req/s", "p95 ÷ trivial", "Échecs", "Objectif", ""],
    ...results.map((result) => {
      const target = targets[result.name];
      return [
        result.name,
        String(result.connections),
        number(result.p50Ms, 1),
        number(result.p95Ms, 1),
        number(result.rps, 1),
        number(ratioToTrivial(result, trivial), 1),
        String(result.failures),
        target?.text ?? "",
        target ? (target.ok ? "atteint" : "MANQUÉ") : "",
      ];
    }),
  ]);
}

export function pdfTable(results: PdfResult[], targets: Record<string, { text: string; ok: boolean }>) {
  return table([
    ["Document PDF", "par seconde", "taille (octets)", "Objectif", ""],
    ...results.map((result) => [
      result.name,
      number(result.perSecond, 1),
      number(result.bytes),
      targets[result.name]?.text ?? "",
      targets[result.name] ? (targets[result.name]!.ok ? "atteint" : "MANQUÉ") : "",
    ]),
  ]);
}

export function explainReport(pages: ExplainedPage[]): string {
  return pages
    .map((page) => {
      const scans = page.queries.filter((query) => query.seqScans.length > 0);
      const dossierMs = page.queries.reduce((sum, query) => sum + query.ms, 0);
      const verdict = page.ok
        ? "index partout, aucune lecture complète d’une grande table"
        : (page.note ??
          `lecture complète (Seq Scan) : ${scans.map((query) => `${query.label} sur ${query.seqScans.join(", ")} (${number(query.ms, 1)} ms)`).join(" ; ")}`);
      return `${page.ok ? "✓" : "✗"} ${page.name} — ${page.statements} requêtes, ${number(dossierMs, 1)} ms en base : ${verdict}`;
    })
    .join("\n");
}

export function checksTable(checks: Check[]): string {
  return table([
    ["Objectif", "Mesuré", "Cible", ""],
    ...checks.map((check) => [check.measure, check.value, check.target, check.ok ? "atteint" : "MANQUÉ"]),
  ]);
}

export async function writeResults(
  file: string,
  results: {
    database: "postgresql" | "pglite";
    http: HttpResult[];
    pdf: PdfResult[];
    evaluationsPerSecond: number;
  },
): Promise<void> {
  const trivial = results.http.find((result) => result.name === "trivial")!;
  const json = {
    database: results.database,
    http: results.http.map((result) => ({
      name: result.name,
      connections: result.connections,
      p50Ms: result.p50Ms,
      p95Ms: result.p95Ms,
      rps: result.rps,
      ratioToTrivial: ratioToTrivial(result, trivial),
    })),
    pdf: results.pdf.map((result) => ({
      name: result.name,
      perSecond: Math.round(result.perSecond * 10) / 10,
    })),
    eligibility: { evaluationsPerSecond: Math.round(results.evaluationsPerSecond) },
  };
  await writeFile(file, JSON.stringify(json, null, 2) + "\n");
}
