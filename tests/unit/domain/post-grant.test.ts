// After the grant: the plan a grant brings once its agreement is accepted, the payment and report machines,
// and the settlement arithmetic, checked to the cent against the schemes' rules.
import { describe, expect, it } from "vitest";

import { parisDay, paris } from "~/domain/paris-time";
import {
  PAYMENT_MOVES,
  checkPaymentMove,
  paymentAvailability,
  type PaymentMove,
} from "~/domain/post-grant/payment-workflow";
import { paymentCondition, paymentName, postGrantPlan } from "~/domain/post-grant/plan";
import { REPORT_MOVES, checkReportMove, daysLate, reportOverdue } from "~/domain/post-grant/report-workflow";
import {
  aVosIdFinalSubsidy,
  capScopScicFinalSubsidy,
  moneyTotals,
  periodBalance,
  settlementCheck,
} from "~/domain/post-grant/settlement";
import {
  DEFAULT_A_VOS_ID_PAYMENT_TERMS,
  DEFAULT_CAP_ASSO_PAYMENT_TERMS,
  DEFAULT_CAP_SCOP_SCIC_PAYMENT_TERMS,
} from "~/domain/schemes/payment-terms";
import { SCHEMES } from "~/domain/schemes";
import { PaymentStatus, RecoveryStatus, ReportStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";

const accepted = paris("2027-01-15T10:30:00");

describe("postGrantPlan", () => {
  it("CAP ASSO: each year an advance of 50 % and the balance on the report, one report per year due six months after it ends", () => {
    const plan = postGrantPlan({
      schemeCode: SchemeCode.CAP_ASSO,
      terms: DEFAULT_CAP_ASSO_PAYMENT_TERMS,
      agreementLengthMonths: 36,
      grantedAmountCents: 4_500_001,
      yearlyAmountsCents: [2_000_001, 1_500_000, 1_000_000],
      startsOn: accepted,
    });
    expect(
      plan.periods.map((period) => [parisDay(period.start), parisDay(period.end), period.amountCents]),
    ).toEqual([
      ["2027-01-15", "2028-01-14", 2_000_001],
      ["2028-01-15", "2029-01-14", 1_500_000],
      ["2029-01-15", "2030-01-14", 1_000_000],
    ]);
    expect(
      plan.payments.map((p) => [p.position, p.period, p.kind, p.plannedAmountCents, p.condition]),
    ).toEqual([
      [1, 1, "ADVANCE", 1_000_000, "ACCEPTANCE"],
      [2, 1, "BALANCE", 1_000_001, "REPORT"],
      [3, 2, "ADVANCE", 750_000, "PREVIOUS_REPORT"],
      [4, 2, "BALANCE", 750_000, "REPORT"],
      [5, 3, "ADVANCE", 500_000, "PREVIOUS_REPORT"],
      [6, 3, "BALANCE", 500_000, "REPORT"],
    ]);
    // The payments add up to the grant, to the cent.
    expect(plan.payments.reduce((sum, p) => sum + p.plannedAmountCents, 0)).toBe(4_500_001);
    expect(plan.reports.map((report) => parisDay(report.dueDate))).toEqual([
      "2028-07-14",
      "2029-07-14",
      "2030-07-14",
    ]);
    for (const payment of plan.payments) {
      expect(paymentCondition(SchemeCode.CAP_ASSO, payment)).toBe(payment.condition);
    }
    expect(paymentName(SchemeCode.CAP_ASSO, plan.payments[2]!)).toBe("Avance de l’année 2");
  });

  it("CAP ASSO without yearly amounts splits the grant evenly, the remainder on the first year; no advance when the rate is 0", () => {
    const plan = postGrantPlan({
      schemeCode: SchemeCode.CAP_ASSO,
      terms: { ...DEFAULT_CAP_ASSO_PAYMENT_TERMS, advancePercent: 0 },
      agreementLengthMonths: 36,
      grantedAmountCents: 1_000_000,
      yearlyAmountsCents: [],
      startsOn: accepted,
    });
    expect(plan.periods.map((period) => period.amountCents)).toEqual([333_334, 333_333, 333_333]);
    expect(plan.payments.map((payment) => payment.kind)).toEqual(["BALANCE", "BALANCE", "BALANCE"]);
  });

  it("A VOS ID: 30 % at acceptance, the balance on the final report at the end of the project", () => {
    const plan = postGrantPlan({
      schemeCode: SchemeCode.A_VOS_ID,
      terms: DEFAULT_A_VOS_ID_PAYMENT_TERMS,
      grantedAmountCents: 3_333_333,
      startsOn: accepted,
    });
    expect(plan.payments.map((p) => [p.kind, p.plannedAmountCents, p.condition])).toEqual([
      ["ADVANCE", 999_999, "ACCEPTANCE"],
      ["BALANCE", 2_333_334, "REPORT"],
    ]);
    expect(parisDay(plan.periods[0]!.end)).toBe("2029-01-14");
    expect(plan.reports.map((report) => parisDay(report.dueDate))).toEqual(["2029-07-14"]);
  });

  it("CAP SCOP-SCIC: one payment on proof, no report; the equity advance: one payment at acceptance", () => {
    const scop = postGrantPlan({
      schemeCode: SchemeCode.CAP_SCOP_SCIC,
      terms: DEFAULT_CAP_SCOP_SCIC_PAYMENT_TERMS,
      grantedAmountCents: 1_500_000,
      startsOn: accepted,
    });
    expect(scop.payments).toEqual([
      { position: 1, period: 1, kind: "SINGLE", plannedAmountCents: 1_500_000, condition: "PROOF" },
    ]);
    expect(scop.reports).toEqual([]);
    const advance = postGrantPlan({
      schemeCode: SchemeCode.EQUITY_ADVANCE,
      grantedAmountCents: 5_000_000,
      startsOn: accepted,
    });
    expect(advance.payments.map((p) => [p.kind, p.condition])).toEqual([["SINGLE", "ACCEPTANCE"]]);
    expect(paymentCondition(SchemeCode.EQUITY_ADVANCE, advance.payments[0]!)).toBe("ACCEPTANCE");
  });

  it("the schemes' default rule sets carry payment terms that their parameter schemas accept", () => {
    for (const code of [SchemeCode.CAP_ASSO, SchemeCode.A_VOS_ID, SchemeCode.CAP_SCOP_SCIC] as const) {
      const scheme = SCHEMES[code];
      expect(scheme.parametersSchema.safeParse(scheme.defaultParameters).success).toBe(true);
    }
  });
});

describe("payment machine", () => {
  const ALLOWED: Array<[PaymentMove, PaymentStatus, UserRole, PaymentStatus]> = [
    ["REQUEST", "EXPECTED", "APPLICANT", "REQUESTED"],
    ["ASK_CORRECTION", "REQUESTED", "INSTRUCTOR", "CORRECTION_REQUESTED"],
    ["RESUBMIT", "CORRECTION_REQUESTED", "APPLICANT", "REQUESTED"],
    ["APPROVE", "REQUESTED", "INSTRUCTOR", "APPROVED"],
    ["RECORD_PAYMENT", "APPROVED", "INSTRUCTOR", "PAID"],
    ["CANCEL", "EXPECTED", "INSTRUCTOR", "CANCELLED"],
    ["CANCEL", "REQUESTED", "INSTRUCTOR", "CANCELLED"],
    ["CANCEL", "CORRECTION_REQUESTED", "INSTRUCTOR", "CANCELLED"],
  ];
  const cases = Object.values(PaymentStatus).flatMap((status) =>
    (Object.keys(PAYMENT_MOVES) as PaymentMove[]).flatMap((move) =>
      Object.values(UserRole).map((role) => ({
        status,
        move,
        role,
        to:
          ALLOWED.find(([name, from, who]) => name === move && from === status && who === role)?.[3] ?? null,
      })),
    ),
  );

  it.each(cases)("$move from $status by $role → $to", ({ status, move, role, to }) => {
    const result = checkPaymentMove({ status, move, role, reason: "Motif indiqué" });
    if (to) expect(result).toEqual({ ok: true, to });
    else expect(!result.ok && result.error).toMatch(/^(Vous ne pouvez pas|Impossible de) «\u00a0/);
  });

  it("asks why a complement is needed or a payment cancelled, and refuses unknown moves", () => {
    expect(
      checkPaymentMove({ status: "REQUESTED", move: "ASK_CORRECTION", role: "INSTRUCTOR", reason: " " }),
    ).toEqual({
      ok: false,
      error: "Indiquez le motif\u202f: il figure dans l’historique du dossier.",
    });
    expect(checkPaymentMove({ status: "REQUESTED", move: "toString", role: "INSTRUCTOR" })).toEqual({
      ok: false,
      error: "Action inconnue.",
    });
  });

  it("says when a planned payment may be requested", () => {
    const reports = [
      { period: 1, status: ReportStatus.APPROVED },
      { period: 2, status: ReportStatus.DUE },
    ];
    const availability = (
      condition: "ACCEPTANCE" | "PREVIOUS_REPORT" | "REPORT" | "PROOF",
      period: number,
      agreementAccepted = true,
    ) => paymentAvailability({ condition, period, agreementAccepted, reports });
    expect(availability("ACCEPTANCE", 1, false)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("convention"),
    });
    expect(availability("ACCEPTANCE", 1)).toEqual({ ok: true });
    expect(availability("PREVIOUS_REPORT", 2)).toEqual({ ok: true });
    expect(availability("PREVIOUS_REPORT", 3)).toMatchObject({ ok: false });
    expect(availability("REPORT", 1)).toEqual({ ok: true });
    expect(availability("REPORT", 2)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("compte rendu"),
    });
  });
});

describe("report machine", () => {
  it("lets the association send a due or corrected report and the instructor approve or send it back", () => {
    expect(checkReportMove({ status: "DUE", move: "SUBMIT", role: "APPLICANT" })).toEqual({
      ok: true,
      to: "SUBMITTED",
    });
    expect(checkReportMove({ status: "CORRECTION_REQUESTED", move: "SUBMIT", role: "APPLICANT" })).toEqual({
      ok: true,
      to: "SUBMITTED",
    });
    expect(checkReportMove({ status: "SUBMITTED", move: "APPROVE", role: "INSTRUCTOR" })).toEqual({
      ok: true,
      to: "APPROVED",
    });
    expect(checkReportMove({ status: "SUBMITTED", move: "APPROVE", role: "APPLICANT" }).ok).toBe(false);
    expect(checkReportMove({ status: "APPROVED", move: "SUBMIT", role: "APPLICANT" }).ok).toBe(false);
    expect(checkReportMove({ status: "SUBMITTED", move: "ASK_CORRECTION", role: "INSTRUCTOR" }).ok).toBe(
      false,
    );
    expect(Object.keys(REPORT_MOVES)).toEqual(["SUBMIT", "ASK_CORRECTION", "APPROVE"]);
  });

  it("says a report is late once its due date has passed and it is not sent, and by how many days", () => {
    const dueDate = paris("2028-07-14T10:30:00");
    const later = paris("2028-07-26T11:00:00");
    expect(reportOverdue({ status: "DUE", dueDate }, later)).toBe(true);
    expect(reportOverdue({ status: "SUBMITTED", dueDate }, later)).toBe(false);
    expect(reportOverdue({ status: "DUE", dueDate }, dueDate)).toBe(false);
    expect(daysLate(dueDate, later)).toBe(12);
  });
});

describe("settlement", () => {
  it("A VOS ID: the subsidy follows the expenses actually paid at the grant's rate, never above the grant", () => {
    // 40 000 € granted on 100 000 € of eligible expenses: 40 %. Only 80 000 € spent: 32 000 € due.
    expect(
      aVosIdFinalSubsidy({
        grantedCents: 4_000_000,
        forecastEligibleCents: 10_000_000,
        actualEligibleCents: 8_000_000,
        maxSubsidyRatePercent: 50,
      }),
    ).toEqual({ finalCents: 3_200_000, ratePercent: 40 });
    // More spent than planned: still the grant.
    expect(
      aVosIdFinalSubsidy({
        grantedCents: 4_000_000,
        forecastEligibleCents: 10_000_000,
        actualEligibleCents: 12_000_000,
        maxSubsidyRatePercent: 50,
      }).finalCents,
    ).toBe(4_000_000);
    // With a 30 % advance of 12 000 € paid, 20 000 € remain to pay; spent only 20 000 €: 8 000 € due, 4 000 € to repay.
    const due = aVosIdFinalSubsidy({
      grantedCents: 4_000_000,
      forecastEligibleCents: 10_000_000,
      actualEligibleCents: 2_000_000,
      maxSubsidyRatePercent: 50,
    }).finalCents;
    expect(periodBalance({ dueCents: due, paidCents: 1_200_000 })).toEqual({
      toPayCents: 0,
      toRepayCents: 400_000,
    });
    expect(periodBalance({ dueCents: 3_200_000, paidCents: 1_200_000 })).toEqual({
      toPayCents: 2_000_000,
      toRepayCents: 0,
    });
  });

  it("CAP SCOP-SCIC: rate × capital paid up by each employee-associate, per-person and per-cooperative ceilings", () => {
    expect(
      capScopScicFinalSubsidy({
        grantedCents: 1_500_000,
        contributionsCents: [300_000, 800_000, 150_050],
        subsidyRateOfContributionPercent: 100,
        maxSubsidyPerEmployeeAssociateCents: 500_000,
        maxSubsidyPerCooperativeCents: 10_000_000,
      }),
    ).toEqual({ finalCents: 950_050, perPersonCents: [300_000, 500_000, 150_050] });
    expect(
      capScopScicFinalSubsidy({
        grantedCents: 1_000_000,
        contributionsCents: [500_000, 500_000, 500_000],
        subsidyRateOfContributionPercent: 100,
        maxSubsidyPerEmployeeAssociateCents: 500_000,
        maxSubsidyPerCooperativeCents: 10_000_000,
      }).finalCents,
    ).toBe(1_000_000);
  });

  it("totals what was paid, what is still expected and what is to repay; settles only when nothing is open", () => {
    const state = {
      payments: [
        {
          status: PaymentStatus.PAID,
          plannedAmountCents: 1_200_000,
          approvedAmountCents: 1_200_000,
          paidAmountCents: 1_200_000,
        },
        {
          status: PaymentStatus.CANCELLED,
          plannedAmountCents: 2_800_000,
          approvedAmountCents: null,
          paidAmountCents: null,
        },
      ],
      reports: [{ status: ReportStatus.APPROVED }],
      recoveries: [{ status: RecoveryStatus.ISSUED, amountCents: 400_000 }],
    };
    expect(moneyTotals(state)).toEqual({
      paidCents: 1_200_000,
      expectedCents: 0,
      toRepayCents: 400_000,
      repaidCents: 0,
    });
    expect(settlementCheck(state)).toEqual({ ok: false, open: ["un reversement n’est pas réglé"] });
    const settled = { ...state, recoveries: [{ status: RecoveryStatus.SETTLED, amountCents: 400_000 }] };
    expect(settlementCheck(settled)).toEqual({ ok: true });
    expect(
      settlementCheck({
        payments: [
          {
            status: PaymentStatus.APPROVED,
            plannedAmountCents: 1,
            approvedAmountCents: 1,
            paidAmountCents: null,
          },
        ],
        reports: [{ status: ReportStatus.DUE }, { status: ReportStatus.SUBMITTED }],
        recoveries: [],
      }),
    ).toEqual({ ok: false, open: ["1 versement n’est pas payé", "2 comptes rendus ne sont pas approuvés"] });
  });
});
