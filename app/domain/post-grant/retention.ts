// What the retention purge keeps of a dossier's life after the grant: as for its answers, the figures stay
// (amounts, actual budget, indicators reached, contributions paid up) and the free text and names go.
import { PURGED_TEXT } from "../retention";
import { storedDeclaration } from "./payment-request";
import { ELIGIBLE_EXPENSES_FIELD, reportIndicators, storedReportAnswers, type RawReport } from "./report";
import type { SchemeCode } from "~/generated/prisma/enums";

const ACTUAL_PREFIX = "actual_";

/**
 * A financial report's stored answers once purged: the typed figures (actual amounts, indicators, eligible
 * expenses paid) and the submitted report with its texts replaced, each line named by its category only.
 */
export function purgedReportAnswers(
  json: unknown,
  schemeCode: SchemeCode,
  categoryLabel: (category: string) => string,
): { values: RawReport; report?: unknown } {
  const { values, report } = storedReportAnswers(json);
  const indicators = new Set(Object.keys(reportIndicators(schemeCode)));
  const kept: RawReport = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith(ACTUAL_PREFIX) || indicators.has(name) || name === ELIGIBLE_EXPENSES_FIELD)
      kept[name] = value;
  }
  if (!report) return { values: kept };
  return {
    values: kept,
    report: {
      ...report,
      actions: PURGED_TEXT,
      publicReached: PURGED_TEXT,
      datesAndPlaces: PURGED_TEXT,
      inKind: "",
      lines: report.lines.map((line) => ({
        ...line,
        label: categoryLabel(line.category),
        explanation: line.explanation ? PURGED_TEXT : "",
      })),
    },
  };
}

/** A payment request's declaration once purged: each employee-associate's contribution, without the name. */
export function purgedDeclaration(json: unknown): unknown {
  const declaration = storedDeclaration(json);
  if (declaration?.kind !== "CONTRIBUTIONS") return declaration;
  return {
    ...declaration,
    associates: declaration.associates.map((associate, index) => ({
      ...associate,
      name: `Salarié associé ${index + 1}`,
    })),
  };
}
