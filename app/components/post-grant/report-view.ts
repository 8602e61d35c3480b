// The rows a report's pages show, computed on the server from the report (as sent) and the dossier's budget.
import { formatEuros } from "~/domain/format";
import {
  A_VOS_ID_INDICATORS,
  CAP_ASSO_INDICATORS,
  formatGapEuros,
  formatGapPercent,
  reportTotals,
  type FinancialReportAnswers,
} from "~/domain/post-grant/report";

import type { ReportBudgetRow } from "./report-budget-table";

export function reportReading(report: FinancialReportAnswers) {
  const rows = (side: "EXPENSE" | "RESOURCE"): ReportBudgetRow[] =>
    report.lines
      .filter((line) => line.side === side)
      .map((line) => ({
        id: line.id,
        label: line.label,
        forecast: formatEuros(line.amountCents),
        actual: formatEuros(line.actualCents),
        gap: formatGapEuros(line.gapCents),
        gapPercent: formatGapPercent(line.gapPercent),
        beyondThreshold: line.beyondThreshold,
        explanation: line.explanation,
      }));
  const totals = reportTotals(report.lines);
  const total = (side: { forecastCents: number; actualCents: number }) => ({
    forecast: formatEuros(side.forecastCents),
    actual: formatEuros(side.actualCents),
    gap: formatGapEuros(side.actualCents - side.forecastCents),
  });
  const indicators = report.indicators;
  const labels: Record<string, { label: string }> =
    indicators?.kind === "CAP_ASSO" ? CAP_ASSO_INDICATORS : indicators ? A_VOS_ID_INDICATORS : {};
  return {
    account: [
      { label: "Actions réalisées", value: report.actions },
      { label: "Public touché", value: report.publicReached },
      { label: "Dates et lieux de réalisation", value: report.datesAndPlaces },
      { label: "Contributions volontaires en nature", value: report.inKind || "Aucune déclarée" },
      ...(report.eligibleExpensesPaidCents !== null
        ? [
            {
              label: "Dépenses éligibles effectivement payées",
              value: formatEuros(report.eligibleExpensesPaidCents),
            },
          ]
        : []),
    ],
    expenses: { rows: rows("EXPENSE"), total: total(totals.expenses) },
    resources: { rows: rows("RESOURCE"), total: total(totals.resources) },
    indicators: Object.entries(labels).map(([name, { label }]) => ({
      label,
      value: ((indicators as unknown as Record<string, number>)[name] ?? 0).toLocaleString("fr-FR"),
    })),
    gaps: report.lines.filter((line) => line.beyondThreshold).length,
  };
}

export type ReportReadingView = ReturnType<typeof reportReading>;
