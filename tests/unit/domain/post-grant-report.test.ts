// The financial report (Cerfa 15059 layout): a draft may be incomplete, a submission must be complete, each
// line's gap in euros and percent, an explanation required beyond the threshold, the indicators per scheme.
import { describe, expect, it } from "vitest";

import {
  actualField,
  ELIGIBLE_EXPENSES_FIELD,
  explanationField,
  forecastEligibleCents,
  formatGapEuros,
  formatGapPercent,
  lineGap,
  readReport,
  reportTotals,
  reportValues,
  storedReportAnswers,
  type ReportContext,
} from "~/domain/post-grant/report";
import { SchemeCode } from "~/generated/prisma/enums";

const capAsso: ReportContext = {
  schemeCode: SchemeCode.CAP_ASSO,
  thresholdPercent: 15,
  lines: [
    { id: "staff", side: "EXPENSE", category: "PERSONNEL", label: "Salaires", amountCents: 2_000_000 },
    { id: "rent", side: "EXPENSE", category: "OPERATING", label: "Loyer", amountCents: 500_000 },
    { id: "region", side: "RESOURCE", category: "REGION", label: "Région", amountCents: 1_200_000 },
    { id: "gift", side: "RESOURCE", category: "PRIVATE", label: "Don", amountCents: 0 },
  ],
};

const complete = {
  actions: "Ateliers",
  publicReached: "300 personnes",
  datesAndPlaces: "Bourges, 2027",
  [actualField("staff")]: "21 000",
  [actualField("rent")]: "5 000,50",
  [actualField("region")]: "12 000",
  [actualField("gift")]: "0",
  jobsCreatedFte: "1,5",
  jobsCreatedCdi: "1",
  jobsConsolidatedFte: "2",
  jobsConsolidatedCdi: "0",
};

describe("the gap of a budget line", () => {
  it("is actual minus forecast, in euros and in percent to one decimal", () => {
    expect(lineGap(2_000_000, 2_300_000, 15)).toEqual({
      gapCents: 300_000,
      gapPercent: 15,
      beyondThreshold: false,
    });
    expect(lineGap(2_000_000, 2_300_001, 15)).toMatchObject({ beyondThreshold: true, gapPercent: 15 });
    expect(lineGap(300_000, 200_000, 15)).toEqual({
      gapCents: -100_000,
      gapPercent: -33.3,
      beyondThreshold: true,
    });
    // Nothing forecast: no percentage; anything spent must be explained.
    expect(lineGap(0, 0, 15)).toEqual({ gapCents: 0, gapPercent: null, beyondThreshold: false });
    expect(lineGap(0, 1, 15)).toMatchObject({ gapPercent: null, beyondThreshold: true });
  });

  it("reads in French", () => {
    expect(formatGapPercent(12.5)).toBe("+12,5\u00a0%");
    expect(formatGapPercent(-33.3)).toBe("\u221233,3\u00a0%");
    expect(formatGapPercent(null)).toBe("—");
    expect(formatGapEuros(-35_000)).toBe("\u2212350,00\u00a0€");
  });
});

describe("reading a report", () => {
  it("accepts an incomplete draft but not an amount that is no amount", () => {
    expect(readReport(capAsso, { actions: "Début" }, "draft").ok).toBe(true);
    const refused = readReport(capAsso, { [actualField("rent")]: "cinq mille" }, "draft");
    expect(refused).toEqual({
      ok: false,
      errors: { [actualField("rent")]: "Saisissez un montant en euros, par exemple 12 345,50." },
    });
  });

  it("asks every field of a submission, in French", () => {
    const reading = readReport(capAsso, {}, "submit");
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.actions).toBe("Renseignez «\u00a0Actions réalisées\u00a0».");
    expect(reading.errors[actualField("staff")]).toBe("Indiquez le montant réalisé, 0 s’il n’y en a pas eu.");
    expect(reading.errors.jobsCreatedFte).toBe("Indiquez le nombre atteint, 0 s’il n’y en a pas.");
    expect(reading.errors[ELIGIBLE_EXPENSES_FIELD]).toBeUndefined();
  });

  it("requires an explanation only for the lines beyond the threshold", () => {
    const beyond = { ...complete, [actualField("rent")]: "3 000" };
    const reading = readReport(capAsso, beyond, "submit");
    expect(reading).toEqual({
      ok: false,
      errors: { [explanationField("rent")]: "L’écart dépasse 15\u00a0% du prévu\u202f: expliquez-le." },
    });
    const explained = readReport(
      capAsso,
      { ...beyond, [explanationField("rent")]: "Local partagé." },
      "submit",
    );
    expect(explained.ok).toBe(true);
  });

  it("returns the structured report with gaps, totals and CAP ASSO indicators", () => {
    const reading = readReport(capAsso, complete, "submit");
    if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
    const { report } = reading;
    expect(report.lines.map((line) => [line.id, line.actualCents, line.gapCents, line.gapPercent])).toEqual([
      ["staff", 2_100_000, 100_000, 5],
      ["rent", 500_050, 50, 0],
      ["region", 1_200_000, 0, 0],
      ["gift", 0, 0, null],
    ]);
    expect(report.indicators).toEqual({
      kind: "CAP_ASSO",
      jobsCreatedFte: 1.5,
      jobsCreatedCdi: 1,
      jobsConsolidatedFte: 2,
      jobsConsolidatedCdi: 0,
    });
    expect(report.eligibleExpensesPaidCents).toBeNull();
    expect(reportTotals(report.lines)).toEqual({
      expenses: { forecastCents: 2_500_000, actualCents: 2_600_050 },
      resources: { forecastCents: 1_200_000, actualCents: 1_200_000 },
    });
  });

  it("refuses a fraction of a person on CDI and keeps only the report's own fields", () => {
    const reading = readReport(capAsso, { ...complete, jobsCreatedCdi: "1,5" }, "submit");
    expect(reading.ok).toBe(false);
    expect(reportValues(capAsso, { intent: "SUBMIT", actions: "A", [actualField("x")]: "1" })).toEqual({
      actions: "A",
    });
  });

  it("asks A VOS ID for jobs, services and the eligible expenses actually paid", () => {
    const aVosId: ReportContext = { ...capAsso, schemeCode: SchemeCode.A_VOS_ID };
    const values = { ...complete, jobsCreated: "2", servicesCreated: "3" };
    const missing = readReport(aVosId, values, "submit");
    expect(missing).toEqual({
      ok: false,
      errors: { [ELIGIBLE_EXPENSES_FIELD]: "Indiquez le montant réalisé, 0 s’il n’y en a pas eu." },
    });
    const reading = readReport(aVosId, { ...values, [ELIGIBLE_EXPENSES_FIELD]: "40 000,55" }, "submit");
    if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
    expect(reading.report.indicators).toEqual({ kind: "A_VOS_ID", jobsCreated: 2, servicesCreated: 3 });
    expect(reading.report.eligibleExpensesPaidCents).toBe(4_000_055);
    expect(forecastEligibleCents(capAsso.lines, ["OPERATING", "INVESTMENT"])).toBe(500_000);
  });

  it("reads what the database keeps, whatever it holds", () => {
    expect(storedReportAnswers({})).toEqual({ values: {}, report: undefined });
    expect(storedReportAnswers(null)).toEqual({ values: {} });
    expect(storedReportAnswers({ values: { actions: "A", n: 3 } }).values).toEqual({ actions: "A" });
  });
});
