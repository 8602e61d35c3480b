// `npm run bench`: the eligibility evaluation's throughput and the API's p95 latency under load, against
// the targets of the issue. Exits 1 when a target is missed; writes bench-results.json (git-ignored).
// BENCH_EVAL_SECONDS and BENCH_API_SECONDS shorten or lengthen the two measures.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { benchApi } from "./api";
import { benchEvaluation } from "./evaluate";

const TARGETS = { evaluationsPerSecond: 5_000, p95Ms: 20 };

const evalSeconds = Number(process.env.BENCH_EVAL_SECONDS ?? 3);
const apiSeconds = Number(process.env.BENCH_API_SECONDS ?? 10);

console.log(`Évaluation de l’éligibilité : ${evalSeconds} s sur un cœur…`);
const evaluation = benchEvaluation({ situations: 5_000, seconds: evalSeconds });
console.log(`API : ${apiSeconds} s, 50 connexions simultanées (autocannon)…`);
const api = await benchApi({ connections: 50, seconds: apiSeconds });

const number = (value: number, digits = 0) =>
  value.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const checks = [
  {
    measure: "Évaluations par seconde (4 dispositifs, 1 cœur)",
    value: `${number(evaluation.perSecond)} /s`,
    target: `≥ ${number(TARGETS.evaluationsPerSecond)} /s`,
    ok: evaluation.perSecond >= TARGETS.evaluationsPerSecond,
  },
  {
    measure: `Latence p95 de l’API (${api.connections} connexions)`,
    value: `${number(api.latencyMs.p95, 2)} ms`,
    target: `< ${TARGETS.p95Ms} ms`,
    ok: api.latencyMs.p95 < TARGETS.p95Ms,
  },
  {
    measure: "Réponses non 2xx, erreurs et délais dépassés",
    value: String(api.non2xx + api.errors + api.timeouts),
    target: "0",
    ok: api.non2xx === 0 && api.errors === 0 && api.timeouts === 0 && api.requests > 0,
  },
  {
    measure: "Arrêt propre du serveur (SIGTERM)",
    value: `code ${api.serverExitCode}`,
    target: "code 0",
    ok: api.serverExitCode === 0,
  },
];

const rows = [
  ["Mesure", "Résultat", "Objectif", ""],
  ...checks.map((check) => [check.measure, check.value, check.target, check.ok ? "OK" : "MANQUÉ"]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
const line = (row: string[]) =>
  row
    .map((cell, column) => cell.padEnd(widths[column]!))
    .join("  ")
    .trimEnd();
console.log("");
console.log(line(rows[0]!));
console.log(line(widths.map((width) => "─".repeat(width))));
for (const row of rows.slice(1)) console.log(line(row));
console.log(
  `\nÉvaluation : ${number(evaluation.evaluations)} évaluations en ${number(evaluation.seconds, 1)} s sur ${number(evaluation.situations)} situations ` +
    `(verdicts : ${evaluation.verdicts.eligible} éligibles, ${evaluation.verdicts.ineligible} non éligibles, ${evaluation.verdicts.unknown} à compléter).`,
);
console.log(
  `API : ${number(api.requests)} requêtes en ${number(api.seconds, 1)} s (${number(api.requestsPerSecond)} req/s), ` +
    `latence p50 ${number(api.latencyMs.p50, 2)} ms, p99 ${number(api.latencyMs.p99, 2)} ms, max ${number(api.latencyMs.max, 2)} ms, ` +
    `codes ${JSON.stringify(api.statusCodes)}.`,
);
console.log(
  `Serveur : ${api.serverCpuMsPerRequest === null ? "temps CPU inconnu" : `${number(api.serverCpuMsPerRequest, 2)} ms de CPU par requête`}, ` +
    `charge de la machine avant la mesure ${number(api.loadAverageBefore, 2)} (${os.availableParallelism()} cœurs, partagés avec autocannon).`,
);

const passed = checks.every((check) => check.ok);
const resultsFile = path.resolve(import.meta.dirname, "../../bench-results.json");
await writeFile(
  resultsFile,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? "inconnu",
      cores: os.availableParallelism(),
      targets: TARGETS,
      evaluation,
      api,
      passed,
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nRésultats écrits dans ${path.relative(process.cwd(), resultsFile)}.`);
if (!passed) {
  console.error("Au moins un objectif n’est pas atteint.");
  process.exitCode = 1;
}
