// The indicators summed by the database: the filed dossiers grouped by scheme, status, department and filing
// year (Paris) with their amounts, jobs, employee-associates and resources from other funders — a few hundred
// rows however many dossiers there are — then put together by app/domain/indicators. They are aggregates,
// not dossiers: the community and the Region see them over every filed dossier; the public, suppressed.

import { frenchCsv } from "~/services/platform/csv.server";
import { secondsFromEnv, shortCache } from "~/services/platform/short-cache.server";
import {
  computeIndicatorGroups,
  EPCI_ORIGIN,
  LEVERAGE_EXCLUDED_ORIGINS,
  type IndicatorGroup,
  type Indicators,
  type SeriesId,
  type SeriesRow,
} from "~/domain/indicators";
import {
  publicCellLabel,
  publicIndicators as suppressIndicators,
  type PublicIndicators,
  type PublicSeriesRow,
} from "~/domain/public-indicators";
import type { AchievementId } from "~/domain/achievements";
import { csvAmount } from "~/domain/instruction-queue";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import type { DossierStatus, SchemeCode } from "~/generated/prisma/enums";

/** A group as the database returns it: sums are bigint (money) or float8 (FTE). */
interface GroupRow {
  schemeCode: SchemeCode;
  status: DossierStatus;
  departmentCode: string | null;
  year: number;
  dossiers: number;
  requestedCents: bigint;
  grantedCents: bigint;
  jobsCreatedFte: number;
  jobsConsolidatedFte: number;
  employeeAssociates: bigint;
  otherFundersCents: bigint;
  epciCofinanced: number;
}

async function indicatorGroups(db: PrismaClient): Promise<IndicatorGroup[]> {
  const excluded = Prisma.join(LEVERAGE_EXCLUDED_ORIGINS.map((origin) => Prisma.sql`${origin}`));
  const rows = await db.$queryRaw<GroupRow[]>`
    WITH resources AS (
      SELECT l."dossierId",
        sum(CASE WHEN l.category NOT IN (${excluded}) THEN l."amountCents" ELSE 0 END) AS other,
        sum(CASE WHEN l.category = ${EPCI_ORIGIN} THEN l."amountCents" ELSE 0 END) AS epci
      FROM "DossierBudgetLine" l WHERE l.side = 'RESOURCE' GROUP BY l."dossierId")
    SELECT d."schemeCode"::text AS "schemeCode", d.status::text AS status, d."departmentCode",
      date_part('year', (d."filedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::int AS year,
      count(*)::int AS dossiers,
      sum(coalesce(d."requestedAmountCents", 0))::bigint AS "requestedCents",
      sum(coalesce(d."grantedAmountCents", 0))::bigint AS "grantedCents",
      sum(coalesce(d."jobsCreatedFte", 0))::float8 AS "jobsCreatedFte",
      sum(coalesce(d."jobsConsolidatedFte", 0))::float8 AS "jobsConsolidatedFte",
      sum(coalesce(d."employeeAssociatesCount", 0))::bigint AS "employeeAssociates",
      sum(coalesce(r.other, 0))::bigint AS "otherFundersCents",
      (count(*) FILTER (WHERE r.epci > 0))::int AS "epciCofinanced"
    FROM "Dossier" d LEFT JOIN resources r ON r."dossierId" = d.id
    WHERE d.status <> 'DRAFT' AND d."filedAt" IS NOT NULL
    GROUP BY 1, 2, 3, 4`;
  return rows.map((row) => ({
    schemeCode: row.schemeCode,
    status: row.status,
    departmentCode: row.departmentCode,
    year: Number(row.year),
    dossiers: Number(row.dossiers),
    requestedCents: Number(row.requestedCents),
    grantedCents: Number(row.grantedCents),
    jobsCreatedFte: Number(row.jobsCreatedFte),
    jobsConsolidatedFte: Number(row.jobsConsolidatedFte),
    employeeAssociates: Number(row.employeeAssociates),
    otherFundersCents: Number(row.otherFundersCents),
    epciCofinanced: Number(row.epciCofinanced),
  }));
}

/**
 * The groups are read at most once every INDICATORS_CACHE_SECONDS (30 by default; 0 reads every time) per
 * database and process, requests arriving meanwhile sharing that read: the indicators reflect a decision
 * within half a minute (the funders' page must within a minute), and a busy page costs one aggregate, not
 * one per request. Every year's figures come from the same groups.
 */
export const INDICATORS_CACHE_SECONDS = () => secondsFromEnv("INDICATORS_CACHE_SECONDS", 30);

const cachedGroups = (db: PrismaClient) =>
  shortCache(db, "indicator-groups", INDICATORS_CACHE_SECONDS(), () => indicatorGroups(db));

/** For the funders' community and Region staff: every filed dossier, optionally those filed in `year`. */
export async function communityIndicators(
  db: PrismaClient,
  options: { year?: number | null } = {},
): Promise<Indicators> {
  return computeIndicatorGroups(await cachedGroups(db), options);
}

/** For everyone: the same figures over every year, no cell or figure resting on fewer than 3 dossiers. */
export async function publicIndicators(db: PrismaClient): Promise<PublicIndicators> {
  return suppressIndicators(computeIndicatorGroups(await cachedGroups(db)));
}

export const INDICATOR_CSV_HEADER = [
  "Catégorie",
  "Dossiers",
  "Montants demandés (€)",
  "Montants accordés (€)",
] as const;

function toCsv(records: string[][]): string {
  return frenchCsv(INDICATOR_CSV_HEADER, records);
}

/** One series of the community's indicators as a spreadsheet (French decimal comma, `;`, BOM). */
export function communitySeriesCsv(rows: SeriesRow[]): string {
  return toCsv(
    rows.map((row) => [
      row.label,
      String(row.dossiers),
      csvAmount(row.requestedCents),
      csvAmount(row.grantedCents),
    ]),
  );
}

/** One public series: a hidden cell reads « moins de 3 » or « non diffusé », never a figure. */
export function publicSeriesCsv(rows: PublicSeriesRow[]): string {
  const plain = (value: number) => String(value);
  return toCsv(
    rows.map((row) => [
      row.label,
      publicCellLabel(row, row.dossiers, plain),
      publicCellLabel(row, row.requestedCents, (cents) => csvAmount(cents)),
      publicCellLabel(row, row.grantedCents, (cents) => csvAmount(cents)),
    ]),
  );
}

/** The file name of a series' download, e.g. `indicateurs-dispositifs-2026.csv` (achievements' too). */
export function seriesFileName(id: SeriesId | AchievementId, year?: number | null): string {
  return `indicateurs-${id}${year ? `-${year}` : ""}.csv`;
}

/** The download of a series; the public one may be cached a little, the community's never. */
export function csvResponse(csv: string, fileName: string, visibility: "public" | "private"): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": visibility === "public" ? "public, max-age=300" : "private, no-store",
    },
  });
}
