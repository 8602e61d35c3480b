// What an association declares with a payment request and the amount due that follows, and the payment
// terms as the admin's rule-set page states them.
import { describe, expect, it } from "vitest";

import { paymentDue, readAmount, readDeclaration } from "~/domain/post-grant/payment-request";
import { DEFAULT_CAP_ASSO_PAYMENT_TERMS } from "~/domain/schemes/payment-terms";
import { paymentTermsSentences } from "~/domain/schemes/rule-set-preview";
import { PaymentKind, ReportStatus, SchemeCode } from "~/generated/prisma/enums";

const CAP_SCOP = {
  subsidyRateOfContributionPercent: 100,
  maxSubsidyPerEmployeeAssociateCents: 500_000,
  maxSubsidyPerCooperativeCents: 10_000_000,
};

describe("a payment request's declaration and amount due", () => {
  it("reads the employee-associates, skips empty lines and refuses capital paid above what was subscribed", () => {
    expect(
      readDeclaration("CONTRIBUTIONS", {
        "associate.0.name": "Léa",
        "associate.0.subscribed": "3 000",
        "associate.0.paidUp": "2 500,50",
        "associate.1.name": "",
        "associate.1.subscribed": "",
        "associate.1.paidUp": "",
      }),
    ).toEqual({
      ok: true,
      declaration: {
        kind: "CONTRIBUTIONS",
        associates: [{ name: "Léa", subscribedCents: 300_000, paidUpCents: 250_050 }],
      },
    });
    expect(
      readDeclaration("CONTRIBUTIONS", {
        "associate.0.name": "Léa",
        "associate.0.subscribed": "1 000",
        "associate.0.paidUp": "2 000",
      }),
    ).toEqual({
      ok: false,
      errors: {
        "associate.0.paidUp": "Ligne 1\u00a0: le capital libéré ne peut pas dépasser le capital souscrit.",
      },
    });
    expect(readDeclaration("CONTRIBUTIONS", {}).ok).toBe(false);
    expect(readDeclaration("EXPENSES", { actualEligibleExpenses: "" })).toEqual({
      ok: false,
      errors: { actualEligibleExpenses: "Indiquez le total des dépenses éligibles effectivement payées." },
    });
  });

  const base = {
    grantedAmountCents: 3_000_000,
    plannedAmountCents: 2_100_000,
    rules: { aVosId: { maxSubsidyRatePercent: 50, forecastEligibleCents: 6_000_000 } },
    report: null,
    periodReceivedCents: 900_000,
  };

  it("recomputes an A VOS ID balance from the expenses paid, less what the period received", () => {
    const due = paymentDue({
      ...base,
      schemeCode: SchemeCode.A_VOS_ID,
      kind: PaymentKind.BALANCE,
      declaration: { kind: "EXPENSES", actualEligibleCents: 4_000_000 },
    });
    // 50 % of 40 000 € = 20 000 €, less the 9 000 € advance.
    expect(due.dueCents).toBe(1_100_000);
    // Expenses so low that the advance exceeds the subsidy: nothing to pay, the difference to repay.
    const low = paymentDue({
      ...base,
      schemeCode: SchemeCode.A_VOS_ID,
      kind: PaymentKind.BALANCE,
      declaration: { kind: "EXPENSES", actualEligibleCents: 1_000_000 },
    });
    expect([low.dueCents, low.toRepayCents]).toEqual([0, 400_000]);
  });

  it("takes the subsidy retained by an approved report before any declaration", () => {
    const due = paymentDue({
      ...base,
      schemeCode: SchemeCode.A_VOS_ID,
      kind: PaymentKind.BALANCE,
      report: { status: ReportStatus.APPROVED, retainedAmountCents: 2_500_000 },
      declaration: { kind: "EXPENSES", actualEligibleCents: 4_000_000 },
    });
    expect(due.dueCents).toBe(1_600_000);
  });

  it("recomputes CAP SCOP-SCIC from the capital paid up within both ceilings", () => {
    const due = paymentDue({
      ...base,
      schemeCode: SchemeCode.CAP_SCOP_SCIC,
      kind: PaymentKind.SINGLE,
      periodReceivedCents: 0,
      rules: { capScopScic: CAP_SCOP },
      declaration: {
        kind: "CONTRIBUTIONS",
        associates: [
          { name: "A", subscribedCents: 800_000, paidUpCents: 700_000 },
          { name: "B", subscribedCents: 100_000, paidUpCents: 100_000 },
        ],
      },
    });
    expect([due.dueCents, due.perPersonCents]).toEqual([600_000, [500_000, 100_000]]);
  });

  it("reads an amount, at most what is due, the amount due when left empty", () => {
    expect(readAmount("", 600_000, 600_000, "Le montant demandé")).toEqual({ ok: true, cents: 600_000 });
    expect(readAmount("0", 600_000, 600_000, "Le montant demandé")).toEqual({
      ok: false,
      error: "Le montant doit être supérieur à zéro.",
    });
    expect(readAmount("7 000", 600_000, 600_000, "Le montant demandé")).toEqual({
      ok: false,
      error: "Le montant demandé ne peut pas dépasser 6\u202f000,00\u00a0€.",
    });
  });

  it("states CAP ASSO's payment terms in French", () => {
    const sentences = paymentTermsSentences("CAP_ASSO", {
      paymentTerms: DEFAULT_CAP_ASSO_PAYMENT_TERMS,
    } as never);
    expect(sentences[0]).toBe(
      "Avance de 50\u00a0% de chaque année\u00a0: l’année\u00a01 dès l’acceptation de la convention, les années suivantes une fois le compte rendu de l’année précédente approuvé.",
    );
  });
});
