// The equity advances' indicators (advances paid, repaid, outstanding, late; by EU programme and department)
// for the funders' and the Region's indicators page, and their CSV. Aggregates only: no dossier is named.
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import { csvAmount } from "~/domain/instruction-queue";
import {
  ADVANCE_INDICATOR_COLUMNS,
  advanceIndicators,
  type AdvanceGroup,
  type AdvanceIndicatorRow,
} from "~/domain/post-grant/advance-indicators";
import type { PrismaClient } from "~/generated/prisma/client";
import { PaymentStatus, SchemeCode } from "~/generated/prisma/enums";

import { frenchCsv } from "~/services/platform/csv.server";
import { shortCache } from "~/services/platform/short-cache.server";
import { loadAdvance, standingOf } from "~/services/post-grant/advance.server";

import { INDICATORS_CACHE_SECONDS } from "./indicators.server";

/** Read at most every INDICATORS_CACHE_SECONDS, like the other indicators (indicators.server.ts). */
export function communityAdvanceIndicators(db: PrismaClient, now: Date) {
  return shortCache(db, "advance-indicators", INDICATORS_CACHE_SECONDS(), () =>
    readAdvanceIndicators(db, now),
  );
}

async function readAdvanceIndicators(db: PrismaClient, now: Date) {
  const paid = await db.dossier.findMany({
    where: { schemeCode: SchemeCode.EQUITY_ADVANCE, payments: { some: { status: PaymentStatus.PAID } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const rows: AdvanceIndicatorRow[] = [];
  for (const { id } of paid) {
    const advance = await loadAdvance(db, id);
    if (!advance) continue;
    const { position, repaidCents } = standingOf(advance, now);
    const answers = (advance.dossier.answers ?? {}) as Record<string, unknown>;
    const code = typeof answers.euProgramme === "string" ? answers.euProgramme : "";
    const programme =
      advance.rules.euProgrammes.find((option) => option.code === code)?.label ?? "Non renseigné";
    const departmentCode = advance.dossier.departmentCode ?? "";
    rows.push({
      programme,
      department:
        REGION_DEPARTMENTS[departmentCode as keyof typeof REGION_DEPARTMENTS] ??
        (departmentCode || "Non renseigné"),
      paidCents: advance.advanceCents,
      repaidCents,
      outstandingCents: position.outstandingCents,
      lateCents: position.lateCents,
    });
  }
  return advanceIndicators(rows);
}

/** Both groupings in one spreadsheet, a column saying which. */
export function advanceIndicatorsCsv(
  indicators: Awaited<ReturnType<typeof communityAdvanceIndicators>>,
): string {
  const line = (grouping: string, group: AdvanceGroup) => [
    grouping,
    group.label,
    String(group.advances),
    csvAmount(group.paidCents),
    csvAmount(group.repaidCents),
    csvAmount(group.outstandingCents),
    csvAmount(group.lateCents),
    String(group.lateAdvances),
  ];
  return frenchCsv(
    [
      "Regroupement",
      "Catégorie",
      ...ADVANCE_INDICATOR_COLUMNS.map((column) => (column.startsWith("Avances") ? column : `${column} (€)`)),
    ],
    [
      ...indicators.byProgramme.map((group) => line("Programme européen", group)),
      ...indicators.byDepartment.map((group) => line("Département", group)),
      line("Total", indicators.totals),
    ],
  );
}
