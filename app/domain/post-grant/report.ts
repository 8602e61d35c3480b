// The financial report of a financed period, laid out like Cerfa 15059 (« compte rendu financier de
// subvention », arrêté du 11 octobre 2006): a short qualitative account, the budget table (each of the
// dossier's budget lines, forecast beside actual, the gap in euros and in percent, explained above the
// rule set's threshold), contributions in kind, the indicators actually reached and, for A VOS ID, the
// eligible expenses actually paid that the final subsidy is computed from. The answers are kept as typed
// (a draft may be incomplete); a submission must be complete. Pure: the service stores and renders it.
import { z } from "zod";

import { BudgetSide, SchemeCode } from "~/generated/prisma/enums";

import { formatEuros, parseEuros } from "../format";
import { fieldErrors } from "../forms";
import type { FieldErrors } from "../user-error";

export interface ReportBudgetLine {
  id: string;
  side: BudgetSide;
  category: string;
  label: string;
  /** The forecast, as the dossier's budget line states it. */
  amountCents: number;
}

/** What the form of a report depends on: the dossier's scheme and budget, the granted rule set's threshold. */
export interface ReportContext {
  schemeCode: SchemeCode;
  /** `reportVarianceThresholdPercent` of the rule-set version the dossier was granted under. */
  thresholdPercent: number;
  lines: readonly ReportBudgetLine[];
}

/** The answers as typed, by field name: what a draft keeps, what the form shows again. */
export type RawReport = Record<string, string>;

export interface ReportLine extends ReportBudgetLine {
  actualCents: number;
  gapCents: number;
  /** Null when the forecast was zero (no percentage of nothing). */
  gapPercent: number | null;
  /** The gap exceeds the threshold: an explanation is required. */
  beyondThreshold: boolean;
  explanation: string;
}

export interface CapAssoIndicators {
  kind: "CAP_ASSO";
  jobsCreatedFte: number;
  jobsCreatedCdi: number;
  jobsConsolidatedFte: number;
  jobsConsolidatedCdi: number;
}

export interface AVosIdIndicators {
  kind: "A_VOS_ID";
  jobsCreated: number;
  servicesCreated: number;
}

/** A complete report, as submitted. */
export interface FinancialReportAnswers {
  actions: string;
  publicReached: string;
  datesAndPlaces: string;
  lines: ReportLine[];
  inKind: string;
  indicators: CapAssoIndicators | AVosIdIndicators | null;
  /** A VOS ID: the eligible expenses actually paid (« état récapitulatif des dépenses »). */
  eligibleExpensesPaidCents: number | null;
}

export const REPORT_TEXT_FIELDS = {
  actions: "Actions réalisées",
  publicReached: "Public touché",
  datesAndPlaces: "Dates et lieux de réalisation",
} as const;

export const CAP_ASSO_INDICATORS = {
  jobsCreatedFte: { label: "Emplois créés (en équivalent temps plein)", decimals: true },
  jobsCreatedCdi: { label: "dont emplois créés en CDI (nombre de personnes)", decimals: false },
  jobsConsolidatedFte: { label: "Emplois consolidés (en équivalent temps plein)", decimals: true },
  jobsConsolidatedCdi: { label: "dont emplois consolidés en CDI (nombre de personnes)", decimals: false },
} as const;

export const A_VOS_ID_INDICATORS = {
  jobsCreated: { label: "Emplois créés (en équivalent temps plein)", decimals: true },
  servicesCreated: { label: "Services ou activités créés (nombre)", decimals: false },
} as const;

export const IN_KIND_FIELD = "inKind";
export const ELIGIBLE_EXPENSES_FIELD = "eligibleExpensesPaid";
export const actualField = (lineId: string) => `actual_${lineId}`;
export const explanationField = (lineId: string) => `explanation_${lineId}`;

const TEXT_MAX = 4000;

/** The indicators a scheme's report asks for. */
export function reportIndicators(
  schemeCode: SchemeCode,
): Record<string, { label: string; decimals: boolean }> {
  if (schemeCode === SchemeCode.CAP_ASSO) return CAP_ASSO_INDICATORS;
  if (schemeCode === SchemeCode.A_VOS_ID) return A_VOS_ID_INDICATORS;
  return {};
}

/** The gap of a line: actual − forecast, in euros and in percent of the forecast (one decimal). */
export function lineGap(forecastCents: number, actualCents: number, thresholdPercent: number) {
  const gapCents = actualCents - forecastCents;
  const gapPercent = forecastCents === 0 ? null : Math.round((gapCents / forecastCents) * 1000) / 10;
  const beyondThreshold =
    gapPercent === null
      ? actualCents !== 0
      : Math.abs(gapCents) * 100 > thresholdPercent * Math.abs(forecastCents);
  return { gapCents, gapPercent, beyondThreshold };
}

/** « +12,5 % », « −3 % », « — » when the forecast was zero. */
export function formatGapPercent(gapPercent: number | null): string {
  if (gapPercent === null) return "—";
  const sign = gapPercent > 0 ? "+" : gapPercent < 0 ? "\u2212" : "";
  return `${sign}${Math.abs(gapPercent).toLocaleString("fr-FR")}\u00a0%`;
}

/** « +1 200,00 € », « −350,00 € ». */
export function formatGapEuros(gapCents: number): string {
  const sign = gapCents > 0 ? "+" : gapCents < 0 ? "\u2212" : "";
  return `${sign}${formatEuros(Math.abs(gapCents))}`;
}

function parseCount(
  value: string,
  decimals: boolean,
): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const pattern = decimals ? /^\d{1,4}(\.\d{1,2})?$/ : /^\d{1,5}$/;
  if (!pattern.test(cleaned)) {
    return {
      ok: false,
      error: decimals
        ? "Indiquez un nombre positif, par exemple 1,5 (deux décimales au plus)."
        : "Indiquez un nombre entier positif, par exemple 2.",
    };
  }
  return { ok: true, value: Number(cleaned) };
}

/**
 * The zod schema of a report's form: in `draft` mode only what was typed is checked (an amount must be an
 * amount), in `submit` mode every field is required, and an explanation for each line beyond the threshold.
 */
export function reportSchema(context: ReportContext, mode: "draft" | "submit") {
  const indicators = reportIndicators(context.schemeCode);
  const aVosId = context.schemeCode === SchemeCode.A_VOS_ID;
  return z.record(z.string(), z.string()).transform((raw, ctx): FinancialReportAnswers => {
    const text = (name: string) => (raw[name] ?? "").trim();
    const issue = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message });
    const required = mode === "submit";
    for (const [name, label] of Object.entries(REPORT_TEXT_FIELDS)) {
      if (required && !text(name)) issue(name, `Renseignez «\u00a0${label}\u00a0».`);
      else if (text(name).length > TEXT_MAX)
        issue(name, `${TEXT_MAX.toLocaleString("fr-FR")} caractères au plus.`);
    }
    if (text(IN_KIND_FIELD).length > TEXT_MAX)
      issue(IN_KIND_FIELD, `${TEXT_MAX.toLocaleString("fr-FR")} caractères au plus.`);
    const amount = (name: string): number | null => {
      const typed = text(name);
      if (!typed) {
        if (required) issue(name, "Indiquez le montant réalisé, 0 s’il n’y en a pas eu.");
        return null;
      }
      const parsed = parseEuros(typed);
      if (!parsed.ok) {
        issue(name, parsed.error);
        return null;
      }
      return parsed.cents;
    };
    const lines: ReportLine[] = [];
    for (const line of context.lines) {
      const actualCents = amount(actualField(line.id));
      const explanation = text(explanationField(line.id));
      const gap = lineGap(line.amountCents, actualCents ?? line.amountCents, context.thresholdPercent);
      if (actualCents !== null && gap.beyondThreshold && required && !explanation) {
        issue(
          explanationField(line.id),
          `L’écart dépasse ${context.thresholdPercent}\u00a0% du prévu\u202f: expliquez-le.`,
        );
      }
      if (explanation.length > TEXT_MAX)
        issue(explanationField(line.id), `${TEXT_MAX.toLocaleString("fr-FR")} caractères au plus.`);
      lines.push({ ...line, actualCents: actualCents ?? 0, ...gap, explanation });
    }
    const counts: Record<string, number> = {};
    for (const [name, { decimals }] of Object.entries(indicators)) {
      const typed = text(name);
      if (!typed) {
        if (required) issue(name, "Indiquez le nombre atteint, 0 s’il n’y en a pas.");
        continue;
      }
      const parsed = parseCount(typed, decimals);
      if (parsed.ok) counts[name] = parsed.value;
      else issue(name, parsed.error);
    }
    const eligibleExpensesPaidCents = aVosId ? amount(ELIGIBLE_EXPENSES_FIELD) : null;
    const indicatorsOut: FinancialReportAnswers["indicators"] =
      context.schemeCode === SchemeCode.CAP_ASSO
        ? {
            kind: "CAP_ASSO",
            jobsCreatedFte: counts.jobsCreatedFte ?? 0,
            jobsCreatedCdi: counts.jobsCreatedCdi ?? 0,
            jobsConsolidatedFte: counts.jobsConsolidatedFte ?? 0,
            jobsConsolidatedCdi: counts.jobsConsolidatedCdi ?? 0,
          }
        : aVosId
          ? {
              kind: "A_VOS_ID",
              jobsCreated: counts.jobsCreated ?? 0,
              servicesCreated: counts.servicesCreated ?? 0,
            }
          : null;
    return {
      actions: text("actions"),
      publicReached: text("publicReached"),
      datesAndPlaces: text("datesAndPlaces"),
      lines,
      inKind: text(IN_KIND_FIELD),
      indicators: indicatorsOut,
      eligibleExpensesPaidCents,
    };
  });
}

/** Only the report's own fields, as strings: what a draft stores (an intent or a stray field is dropped). */
export function reportValues(context: ReportContext, values: Record<string, unknown>): RawReport {
  const names = [
    ...Object.keys(REPORT_TEXT_FIELDS),
    IN_KIND_FIELD,
    ...context.lines.flatMap((line) => [actualField(line.id), explanationField(line.id)]),
    ...Object.keys(reportIndicators(context.schemeCode)),
    ...(context.schemeCode === SchemeCode.A_VOS_ID ? [ELIGIBLE_EXPENSES_FIELD] : []),
  ];
  const kept: RawReport = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === "string" && value !== "") kept[name] = value;
  }
  return kept;
}

export type ReportReading = { ok: true; report: FinancialReportAnswers } | { ok: false; errors: FieldErrors };

/** The report read from what was typed: the structured answers, or the French errors by field. */
export function readReport(context: ReportContext, raw: RawReport, mode: "draft" | "submit"): ReportReading {
  const parsed = reportSchema(context, mode).safeParse(reportValues(context, raw));
  return parsed.success
    ? { ok: true, report: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error) };
}

/** The budget totals of a report, per side: forecast and actual. */
export function reportTotals(lines: readonly ReportLine[]) {
  const total = (side: BudgetSide, key: "amountCents" | "actualCents") =>
    lines.filter((line) => line.side === side).reduce((sum, line) => sum + line[key], 0);
  return {
    expenses: {
      forecastCents: total(BudgetSide.EXPENSE, "amountCents"),
      actualCents: total(BudgetSide.EXPENSE, "actualCents"),
    },
    resources: {
      forecastCents: total(BudgetSide.RESOURCE, "amountCents"),
      actualCents: total(BudgetSide.RESOURCE, "actualCents"),
    },
  };
}

/** A VOS ID: the forecast eligible expenses, the expense lines of the rule set's expense types. */
export function forecastEligibleCents(
  lines: readonly ReportBudgetLine[],
  eligibleCategories: readonly string[],
) {
  return lines
    .filter((line) => line.side === BudgetSide.EXPENSE && eligibleCategories.includes(line.category))
    .reduce((sum, line) => sum + line.amountCents, 0);
}

/** What the database keeps in FinancialReport.answers: the values as typed, and the report once submitted. */
export interface StoredReportAnswers {
  values: RawReport;
  report?: FinancialReportAnswers;
}

export function storedReportAnswers(json: unknown): StoredReportAnswers {
  if (!json || typeof json !== "object") return { values: {} };
  const stored = json as Partial<StoredReportAnswers>;
  const values: RawReport = {};
  for (const [name, value] of Object.entries(stored.values ?? {}))
    if (typeof value === "string") values[name] = value;
  return { values, report: stored.report };
}
