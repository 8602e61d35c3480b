// What the grants achieved, summed by the database: one aggregate query per series, grouped by scheme, so
// the page reads a handful of rows however many dossiers there are (the bench runs it at 50,000). Over the
// granted and settled dossiers, optionally those filed in one year (Paris), like the other indicators.
import {
  achievementTable,
  completeJobsRows,
  completePaymentsRows,
  type AchievementId,
  type Achievements,
} from "~/domain/achievements";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import type { SchemeCode } from "~/generated/prisma/enums";
import { frenchCsv } from "~/services/platform/csv.server";
import { shortCache } from "~/services/platform/short-cache.server";

import { INDICATORS_CACHE_SECONDS } from "./indicators.server";

/** Granted or settled, filed, and filed in `year` (Paris) when one is given. */
function grantedWhere(year: number | null) {
  const inYear =
    year === null
      ? Prisma.empty
      : Prisma.sql`AND date_part('year', (d."filedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris') = ${year}`;
  return Prisma.sql`d."status" IN ('GRANTED', 'SETTLED') AND d."filedAt" IS NOT NULL ${inYear}`;
}

async function paymentsRows(db: PrismaClient, year: number | null) {
  const rows = await db.$queryRaw<
    { schemeCode: SchemeCode; dossiers: number; grantedCents: bigint | null; paidCents: bigint | null }[]
  >`
    SELECT d."schemeCode", count(*)::int AS "dossiers",
           sum(d."grantedAmountCents")::bigint AS "grantedCents", sum(p."paid")::bigint AS "paidCents"
    FROM "Dossier" d
    LEFT JOIN (
      SELECT "dossierId", sum("paidAmountCents") AS "paid" FROM "Payment"
      WHERE "status" = 'PAID' GROUP BY "dossierId"
    ) p ON p."dossierId" = d."id"
    WHERE ${grantedWhere(year)}
    GROUP BY d."schemeCode"`;
  return completePaymentsRows(
    rows.map((row) => ({
      schemeCode: row.schemeCode,
      dossiers: row.dossiers,
      grantedCents: Number(row.grantedCents ?? 0),
      paidCents: Number(row.paidCents ?? 0),
    })),
  );
}

/**
 * Jobs created add up over a dossier's approved reports (each year's new jobs); jobs consolidated are those
 * of its last approved report (the same jobs, kept year after year). A VOS ID reports `jobsCreated`.
 */
async function jobsRows(db: PrismaClient, year: number | null) {
  const rows = await db.$queryRaw<
    {
      schemeCode: SchemeCode;
      dossiers: number;
      plannedCreatedFte: number | null;
      achievedCreatedFte: number | null;
      plannedConsolidatedFte: number | null;
      achievedConsolidatedFte: number | null;
    }[]
  >`
    WITH approved AS (
      SELECT r."dossierId", r."answers" -> 'report' -> 'indicators' AS "indicators",
             row_number() OVER (PARTITION BY r."dossierId" ORDER BY r."period" DESC) AS "rank"
      FROM "FinancialReport" r WHERE r."status" = 'APPROVED'
    ), reported AS (
      SELECT "dossierId",
             sum(coalesce(("indicators" ->> 'jobsCreatedFte')::float8, ("indicators" ->> 'jobsCreated')::float8, 0)) AS "created",
             sum(CASE WHEN "rank" = 1 THEN coalesce(("indicators" ->> 'jobsConsolidatedFte')::float8, 0) ELSE 0 END) AS "consolidated"
      FROM approved GROUP BY "dossierId"
    )
    SELECT d."schemeCode", count(*)::int AS "dossiers",
           sum(coalesce(d."jobsCreatedFte", 0))::float8 AS "plannedCreatedFte",
           sum(r."created")::float8 AS "achievedCreatedFte",
           sum(coalesce(d."jobsConsolidatedFte", 0))::float8 AS "plannedConsolidatedFte",
           sum(r."consolidated")::float8 AS "achievedConsolidatedFte"
    FROM reported r JOIN "Dossier" d ON d."id" = r."dossierId"
    WHERE ${grantedWhere(year)}
    GROUP BY d."schemeCode"`;
  return completeJobsRows(
    rows.map((row) => ({
      schemeCode: row.schemeCode,
      dossiers: row.dossiers,
      plannedCreatedFte: row.plannedCreatedFte ?? 0,
      achievedCreatedFte: row.achievedCreatedFte ?? 0,
      plannedConsolidatedFte: row.plannedConsolidatedFte ?? 0,
      achievedConsolidatedFte: row.achievedConsolidatedFte ?? 0,
    })),
  );
}

/** For the funders' community and Region staff: both series, for one filing year or all. */
export async function communityAchievements(
  db: PrismaClient,
  options: { year?: number | null } = {},
): Promise<Achievements> {
  const year = options.year ?? null;
  // Read at most every INDICATORS_CACHE_SECONDS, like the other indicators (indicators.server.ts).
  return shortCache(db, `achievements-${year ?? "all"}`, INDICATORS_CACHE_SECONDS(), async () => {
    const [versements, emplois] = await Promise.all([paymentsRows(db, year), jobsRows(db, year)]);
    return { versements, emplois };
  });
}

/** One series as a spreadsheet (French decimal comma, `;`, BOM). */
export function achievementCsv(achievements: Achievements, id: AchievementId): string {
  const table = achievementTable(achievements, id);
  return frenchCsv(table.columns, table.csvRows);
}
