// `npm run bench`: seeds a realistic volume into a database of its own (PostgreSQL when DATABASE_URL is
// set, PGlite otherwise), checks the pages' query plans, starts the production server on it and measures
// each page against a trivial one under the same load, then PDFs and eligibility evaluations in-process.
// Prints a table and writes bench-results.json (git-ignored); exits 1 when a target is missed.
// Knobs: BENCH_DOSSIERS (50000), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (20),
// BENCH_PDF_SECONDS (3), BENCH_EVAL_SECONDS (3), BENCH_DRAFTS (enough for 150 filings/s).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startAppServer, type AppServer } from "../support/app-server";

import { benchEvaluation } from "./evaluate";
import { explainPages } from "./explain";
import { measure, type HttpResult, type HttpTarget } from "./http";
import { benchPdf, readPdfInputs } from "./pdf";
import { postGrantCounts } from "./post-grant";
import { prepare, SESSION_SECRET } from "./prepare";
import {
  checksTable,
  explainReport,
  httpTable,
  pdfTable,
  ratioToTrivial,
  writeResults,
  type Check,
} from "./report";
import { generateSituations } from "./situations";

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const seconds = knob("BENCH_SECONDS", 10);
const warmupSeconds = knob("BENCH_WARMUP_SECONDS", 3);
const connections = knob("BENCH_CONNECTIONS", 20);
const dossiers = knob("BENCH_DOSSIERS", 50_000);
const drafts = knob("BENCH_DRAFTS", Math.ceil((seconds + warmupSeconds) * 150));

const TARGETS = {
  queueP95Ms: 150,
  dossierViewP95Ms: 100,
  eligibilityP95Ms: 20,
  filingsPerSecond: 30,
  receiptsPerSecond: 50,
  evaluationsPerSecond: 5_000,
  /** The post-grant follow-up queue, against the trivial page's p95 in the same run. */
  followUpRatioToTrivial: 3,
};

console.log(`Préparation : ${dossiers.toLocaleString("fr-FR")} dossiers, ${drafts} brouillons à déposer…`);
const prepared = await prepare({ dossiers, drafts });
const { database, cookies } = prepared;
let exitCode = 0;
let server: AppServer | undefined;
const mailDir = await mkdtemp(path.join(os.tmpdir(), "portail-bench-mail-"));
try {
  console.log(`Base ${database.kind} prête en ${prepared.seedSeconds.toFixed(1)} s.`);
  const followUp = await postGrantCounts(database);
  console.log(
    `Après l’octroi : ${followUp.payments} versements, ${followUp.reports} comptes rendus, ${followUp.recoveries} reversements.`,
  );
  for (const problem of prepared.templates.problems) console.warn(`Attention : ${problem}`);

  console.log("\nPlans d’exécution (EXPLAIN ANALYZE) des requêtes des pages, sur ce volume :");
  const pages = await explainPages(database);
  console.log(explainReport(pages));
  const capAsso = prepared.templates.bySchemeCode.CAP_ASSO!;
  const pdfInputs = await readPdfInputs(database.db, prepared.templates.applicantId, capAsso.dossierId);
  await database.release();

  server = await startAppServer({
    databaseUrl: database.url,
    env: {
      LOG_REQUESTS: "0",
      OUTBOX_WORKER: "0",
      INSTRUCTION_JOBS: "0",
      SESSION_SECRET,
      STORAGE_DIR: prepared.storageDir,
      MAIL_DIR: mailDir,
    },
    startTimeoutMs: 120_000,
  });
  const cycle = (paths: string[]) => {
    let next = 0;
    return () => paths[next++ % paths.length]!;
  };
  const situations = generateSituations(500, 7).map((situation) => JSON.stringify(situation));
  const json = { "content-type": "application/json" };
  const targets: HttpTarget[] = [
    // A page of the app that reads nothing from the database (no loader, signed out): Express, helmet and
    // Remix's rendering only, the floor every other page stands on.
    { name: "trivial", path: "/mentions-legales", expectStatus: 200 },
    {
      name: "queue-first-page",
      path: "/instruction",
      headers: { cookie: cookies.instructor },
      expectStatus: 200,
    },
    {
      name: "queue-filtered",
      path: "/instruction?dispositif=cap-asso&statut=UNDER_INSTRUCTION&departement=45",
      headers: { cookie: cookies.instructor },
      expectStatus: 200,
    },
    {
      name: "queue-search",
      path: "/instruction?q=ressourcerie",
      headers: { cookie: cookies.instructor },
      expectStatus: 200,
    },
    {
      name: "dossier-view",
      path: cycle(prepared.viewIds.map((id) => `/instruction/dossiers/${id}`)),
      headers: { cookie: cookies.instructor },
      expectStatus: 200,
    },
    {
      name: "follow-up-queue",
      path: "/instruction/suivi",
      headers: { cookie: cookies.instructor },
      expectStatus: 200,
    },
    { name: "funder-pipeline", path: "/financeurs", headers: { cookie: cookies.funder }, expectStatus: 200 },
    {
      name: "funder-pipeline-list",
      path: "/financeurs?vue=liste&page=3",
      headers: { cookie: cookies.funder },
      expectStatus: 200,
    },
    {
      name: "indicators",
      path: "/financeurs/indicateurs",
      headers: { cookie: cookies.funder },
      expectStatus: 200,
    },
    {
      name: "eligibility-api",
      method: "POST",
      path: "/api/eligibility",
      headers: json,
      body: cycle(situations),
      expectStatus: 200,
    },
    {
      name: "file-dossier",
      method: "POST",
      path: cycle(prepared.draftIds.map((id) => `/dossiers/${id}/depot`)),
      headers: { cookie: cookies.applicant, "content-type": "application/x-www-form-urlencoded" },
      body: "declaration=on",
      expectStatus: 302,
    },
  ];
  const http: HttpResult[] = [];
  console.log(
    `\nCharge HTTP : ${connections} connexions, ${warmupSeconds} s de chauffe puis ${seconds} s par mesure.`,
  );
  for (const target of targets) {
    http.push(await measure(server!.url, target, { connections, seconds, warmupSeconds }));
    const last = http.at(-1)!;
    console.log(
      `  ${last.name} : p95 ${last.p95Ms} ms, ${last.rps} req/s, codes ${JSON.stringify(last.statusCodes)}`,
    );
  }
  const serverExit = await server.stop();
  server = undefined;

  const filed = await database.query<{ count: string }>(
    `SELECT count(*) FROM "Dossier" WHERE id LIKE 'bench_draft_%' AND status = 'FILED'`,
  );
  const filing = http.find((result) => result.name === "file-dossier")!;
  const filedCount = Number(filed[0]?.count ?? 0);

  console.log(`\nPDF et évaluations, en mémoire sur un cœur…`);
  const pdf = await benchPdf(pdfInputs, knob("BENCH_PDF_SECONDS", 3));
  const evaluation = benchEvaluation({ situations: 5_000, seconds: knob("BENCH_EVAL_SECONDS", 3) });

  const byName = (name: string) => http.find((result) => result.name === name)!;
  const p95Under = (name: string, limit: number) => ({
    text: `p95 < ${limit} ms`,
    ok: byName(name).p95Ms < limit && byName(name).failures === 0,
  });
  const httpTargets: Record<string, { text: string; ok: boolean }> = {
    "queue-first-page": p95Under("queue-first-page", TARGETS.queueP95Ms),
    "queue-filtered": p95Under("queue-filtered", TARGETS.queueP95Ms),
    "queue-search": p95Under("queue-search", TARGETS.queueP95Ms),
    "dossier-view": p95Under("dossier-view", TARGETS.dossierViewP95Ms),
    "follow-up-queue": {
      text: `p95 ≤ ${TARGETS.followUpRatioToTrivial} × trivial`,
      ok:
        ratioToTrivial(byName("follow-up-queue"), byName("trivial")) <= TARGETS.followUpRatioToTrivial &&
        byName("follow-up-queue").failures === 0,
    },
    "eligibility-api": p95Under("eligibility-api", TARGETS.eligibilityP95Ms),
    "file-dossier": {
      text: `≥ ${TARGETS.filingsPerSecond} dépôts/s`,
      ok: filing.rps >= TARGETS.filingsPerSecond && filing.failures === 0,
    },
  };
  const receipts = pdf.find((result) => result.name === "receipt")!;
  const pdfTargets = {
    receipt: {
      text: `≥ ${TARGETS.receiptsPerSecond} /s`,
      ok: receipts.perSecond >= TARGETS.receiptsPerSecond,
    },
  };
  const queuePages = pages.filter((page) => page.name.startsWith("file"));
  const checks: Check[] = [
    ...Object.entries(httpTargets).map(([name, target]) => ({
      measure: name,
      value:
        name === "file-dossier"
          ? `${filing.rps} dépôts/s`
          : `p95 ${byName(name).p95Ms} ms (× ${ratioToTrivial(byName(name), byName("trivial"))})`,
      target: target.text,
      ok: target.ok,
    })),
    {
      measure: "receipt (PDF)",
      value: `${receipts.perSecond.toFixed(1)} /s`,
      target: pdfTargets.receipt.text,
      ok: pdfTargets.receipt.ok,
    },
    {
      measure: "évaluations d’éligibilité (1 cœur)",
      value: `${Math.round(evaluation.perSecond)} /s`,
      target: `≥ ${TARGETS.evaluationsPerSecond} /s`,
      ok: evaluation.perSecond >= TARGETS.evaluationsPerSecond,
    },
    {
      measure: "dépôts enregistrés ≥ réponses 302 mesurées",
      value: `${filedCount} / ${filing.statusCodes[302] ?? 0}`,
      target: "chauffe comprise",
      // Warm-up filings are in the database too, so at least as many as measured.
      ok: filedCount >= (filing.statusCodes[302] ?? 0) && filedCount <= prepared.draftIds.length,
    },
    {
      measure: "requêtes de la file sans Seq Scan sur une grande table",
      value: `${queuePages.filter((page) => page.ok).length} / ${queuePages.length}`,
      target: "toutes",
      ok: queuePages.every((page) => page.ok),
    },
    {
      measure: "arrêt propre du serveur (SIGTERM)",
      value: `code ${serverExit}`,
      target: "code 0",
      ok: serverExit === 0,
    },
  ];

  console.log(
    `\nRésultats (${database.kind}, ${os.availableParallelism()} cœurs partagés avec autocannon, charge moyenne sur 1 min ${os.loadavg()[0]!.toFixed(2)}) :\n`,
  );
  console.log(httpTable(http, httpTargets));
  console.log("");
  console.log(pdfTable(pdf, pdfTargets));
  console.log(
    `\nÉvaluations d’éligibilité : ${Math.round(evaluation.perSecond).toLocaleString("fr-FR")} /s sur un cœur.\n`,
  );
  console.log(checksTable(checks));

  const resultsFile = path.resolve(import.meta.dirname, "../../bench-results.json");
  await writeResults(resultsFile, {
    database: database.kind,
    http,
    pdf,
    evaluationsPerSecond: evaluation.perSecond,
  });
  console.log(`\nRésultats écrits dans ${path.relative(process.cwd(), resultsFile)}.`);
  if (!checks.every((check) => check.ok)) {
    console.error("Au moins un objectif n’est pas atteint.");
    exitCode = 1;
  }
} finally {
  await server?.stop();
  await database.destroy();
  for (const dir of [prepared.storageDir, mailDir]) await rm(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;
