// What the planner does with the pages' queries on the seeded volume: the service calls behind each page are
// replayed in-process, every SQL statement Prisma sends is caught with its parameters and run again under
// EXPLAIN (ANALYZE). A page passes when no plan reads a large table whole (Seq Scan), and the number of
// statements does not grow with the rows shown (no N+1): the dossier view is loaded for two dossiers.
import { EMPTY_PIPELINE_FILTER } from "~/domain/funder-pipeline";
import { readFollowUpFilter } from "~/domain/follow-up-queue";
import { parseQueueFilter } from "~/domain/instruction-queue";
import { UserRole } from "~/generated/prisma/enums";
import { communityIndicators } from "~/services/funders/indicators.server";
import { loadPipeline } from "~/services/funders/pipeline.server";
import { instructionDossierView } from "~/services/instruction/dossier.server";
import { loadQueue } from "~/services/instruction/queue.server";
import { loadFollowUpQueue } from "~/services/post-grant/follow-up-queue.server";

import { onQuery, type BenchDatabase, type LoggedQuery } from "./database";

/** Tables this large are never to be read whole by a page. */
const LARGE_TABLE_ROWS = 10_000;

export interface ExplainedQuery {
  label: string;
  sql: string;
  ms: number;
  /** Large tables read by a Seq Scan. */
  seqScans: string[];
}

export interface ExplainedPage {
  name: string;
  statements: number;
  queries: ExplainedQuery[];
  /** No Seq Scan on a large table, and for the dossier view the same statement count for two dossiers. */
  ok: boolean;
  note?: string;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, large: Set<string>, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && large.has(node["Relation Name"]))
    found.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, large, found);
  return found;
}

function label(sql: string): string {
  // Prisma's own statements name "public"."Table"; the raw ones (the follow-up queue's) "Table".
  const table = /FROM (?:"public"\.)?"(\w+)"/.exec(sql)?.[1] ?? "?";
  if (/GROUP BY/i.test(sql)) return `${table} : regroupement`;
  if (/COUNT\(/i.test(sql)) return `${table} : total`;
  if (/\bOFFSET\b|\bLIMIT\b/i.test(sql)) return `${table} : page`;
  return `${table} : lecture`;
}

export async function explainPages(database: BenchDatabase): Promise<ExplainedPage[]> {
  const { db, query } = database;
  const large = new Set(
    (
      await query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= $1`,
        [LARGE_TABLE_ROWS],
      )
    ).map((row) => row.relname),
  );
  let captured: LoggedQuery[] | null = null;
  onQuery(db, (logged) => captured?.push(logged));
  const capture = async (run: () => Promise<unknown>) => {
    captured = [];
    try {
      await run();
      return captured;
    } finally {
      captured = null;
    }
  };

  const explain = async (name: string, run: () => Promise<unknown>): Promise<ExplainedPage> => {
    const statements = (await capture(run)).filter((logged) => /^\s*(SELECT|WITH)\b/i.test(logged.query));
    const queries: ExplainedQuery[] = [];
    for (const logged of statements) {
      const [row] = await query<{ "QUERY PLAN": unknown }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${logged.query}`,
        JSON.parse(logged.params) as unknown[],
      );
      const raw = row!["QUERY PLAN"];
      const [plan] = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{
        Plan: PlanNode;
        "Execution Time": number;
      }>;
      queries.push({
        label: label(logged.query),
        sql: logged.query,
        ms: plan!["Execution Time"],
        seqScans: seqScans(plan!.Plan, large),
      });
    }
    return {
      name,
      statements: statements.length,
      queries,
      ok: queries.every((q) => q.seqScans.length === 0),
    };
  };

  const instructor = { id: "bench_u_i1", role: UserRole.INSTRUCTOR };
  // One after the other: on PostgreSQL the bench holds a single connection.
  const call = await query<{ id: string }>(
    `SELECT id FROM "Call" WHERE id LIKE 'bench_call_CAP_ASSO_%' ORDER BY year DESC LIMIT 1`,
  );
  const territory = await query<{ code: string }>(
    `SELECT code FROM "Territory" WHERE "departmentCode" = '45' ORDER BY code LIMIT 1`,
  );
  const dossier = await query<{ number: string }>(
    `SELECT number FROM "Dossier" WHERE number LIKE 'CAPASSO-%' ORDER BY number DESC LIMIT 1`,
  );
  const organisation = await query<{ siret: string }>(
    `SELECT siret FROM "Organisation" WHERE id = 'bench_o42'`,
  );
  const queue = (search: string) => () =>
    loadQueue(db, instructor, parseQueueFilter(new URLSearchParams(search)));
  const pages: ExplainedPage[] = [];
  for (const [name, search] of [
    ["file : première page", ""],
    ["file : dispositif", "dispositif=cap-asso"],
    ["file : étape", "statut=UNDER_INSTRUCTION"],
    ["file : département", "departement=45"],
    ["file : territoire", `territoire=${territory[0]?.code ?? ""}`],
    ["file : mes dossiers", "instructeur=moi"],
    ["file : appel", `appel=${call[0]?.id ?? ""}`],
    ["file : dates de dépôt", "depose_du=2026-03-01&depose_au=2026-03-31"],
    ["file : recherche par nom", "q=ressourcerie"],
    ["file : recherche par numéro", `q=${dossier[0]?.number ?? "CAPASSO"}`],
    ["file : recherche par SIRET", `q=${organisation[0]?.siret ?? "123"}`],
  ] as const) {
    pages.push(await explain(name, queue(search)));
  }

  // The follow-up queue after the grant: every kind counted and the oldest lines of all, or of one kind.
  // (Filtered by a scheme holding half the dossiers, reading Dossier whole is the planner's right choice.)
  const followUp = (search: string) => () =>
    loadFollowUpQueue(db, instructor, readFollowUpFilter(new URLSearchParams(search)).filter, new Date());
  for (const [name, search] of [
    ["file de suivi : première page", ""],
    ["file de suivi : demandes de versement", "quoi=versements-a-verifier"],
    ["file de suivi : comptes rendus en retard", "quoi=comptes-rendus-en-retard"],
  ] as const) {
    pages.push(await explain(name, followUp(search)));
  }

  const ids = await query<{ id: string }>(
    `SELECT id FROM "Dossier" WHERE id LIKE 'bench_d%' AND status = 'GRANTED' AND "sharedWithFunders" ORDER BY id LIMIT 2`,
  );
  const view = (id: string) => () => instructionDossierView(db, instructor, id, new URLSearchParams());
  // Once unmeasured: the first view fills the process's caches (rule sets), which would add statements.
  await view(ids[1]!.id)();
  const first = await explain("vue d’un dossier", view(ids[0]!.id));
  const second = await explain("vue d’un dossier (autre)", view(ids[1]!.id));
  if (first.statements !== second.statements) {
    first.ok = false;
    first.note = `${first.statements} puis ${second.statements} requêtes selon le dossier : N+1 probable`;
  }
  pages.push(first);

  const funder = await db.user.findUniqueOrThrow({ where: { id: "bench_u_f1" } });
  pages.push(await explain("pipeline des financeurs", () => loadPipeline(db, funder, EMPTY_PIPELINE_FILTER)));
  pages.push(
    await explain("pipeline des financeurs : liste, page 3", () =>
      loadPipeline(db, funder, { ...EMPTY_PIPELINE_FILTER, view: "liste", page: 3 }),
    ),
  );
  pages.push(
    await explain("pipeline des financeurs : besoin non couvert", () =>
      loadPipeline(db, funder, { ...EMPTY_PIPELINE_FILTER, gapOnly: true }),
    ),
  );
  // The first read of the process: the indicators are cached a few seconds afterwards.
  pages.push(await explain("indicateurs des financeurs", () => communityIndicators(db)));
  return pages;
}
