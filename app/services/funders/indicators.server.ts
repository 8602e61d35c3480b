// The indicators read from the database in two queries (the filed dossiers' typed columns, and their
// resources summed by dossier and origin), then aggregated by app/domain/indicators. They are aggregates,
// not dossiers: the community and the Region see them over every filed dossier; the public, suppressed.

import { frenchCsv } from "~/services/platform/csv.server";
import {
  computeIndicators,
  type IndicatorDossier,
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
import type { PrismaClient } from "~/generated/prisma/client";
import { BudgetSide, DossierStatus } from "~/generated/prisma/enums";

const FILED = { status: { not: DossierStatus.DRAFT }, filedAt: { not: null } } as const;

async function indicatorRows(db: PrismaClient): Promise<IndicatorDossier[]> {
  const [dossiers, resources] = await Promise.all([
    db.dossier.findMany({
      where: FILED,
      select: {
        id: true,
        schemeCode: true,
        status: true,
        departmentCode: true,
        filedAt: true,
        requestedAmountCents: true,
        grantedAmountCents: true,
        jobsCreatedFte: true,
        jobsConsolidatedFte: true,
        employeeAssociatesCount: true,
      },
    }),
    db.dossierBudgetLine.groupBy({
      by: ["dossierId", "category"],
      where: { side: BudgetSide.RESOURCE, dossier: FILED },
      _sum: { amountCents: true },
    }),
  ]);
  const byDossier = new Map<string, Record<string, number>>();
  for (const line of resources) {
    const origins = byDossier.get(line.dossierId) ?? {};
    origins[line.category] = (origins[line.category] ?? 0) + (line._sum.amountCents ?? 0);
    byDossier.set(line.dossierId, origins);
  }
  return dossiers.map(({ id, filedAt, ...dossier }) => ({
    ...dossier,
    filedAt: filedAt!,
    resourcesByOrigin: byDossier.get(id) ?? {},
  }));
}

/** For the funders' community and Region staff: every filed dossier, optionally those filed in `year`. */
export async function communityIndicators(
  db: PrismaClient,
  options: { year?: number | null } = {},
): Promise<Indicators> {
  return computeIndicators(await indicatorRows(db), options);
}

/** For everyone: the same figures over every year, no cell or figure resting on fewer than 3 dossiers. */
export async function publicIndicators(db: PrismaClient): Promise<PublicIndicators> {
  return suppressIndicators(computeIndicators(await indicatorRows(db)));
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
