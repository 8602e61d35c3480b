// What a grant brings after the decision, computed once both sides have accepted the agreement: the
// financed periods, the payments (each with the condition that makes it requestable) and the financial
// reports with their due dates. Computed from the payment terms of the rule-set version the dossier was
// granted under (app/domain/schemes/payment-terms.ts), never today's. Pure: the service stores the result.
import { addParisDays, addParisMonths } from "~/domain/paris-time";
import { splitYearly } from "~/domain/schedules";
import type {
  AVosIdPaymentTerms,
  CapAssoPaymentTerms,
  CapScopScicPaymentTerms,
} from "~/domain/schemes/payment-terms";
import { PaymentKind, SchemeCode } from "~/generated/prisma/enums";

/**
 * When a payment may be requested:
 * - ACCEPTANCE: as soon as the agreement is accepted by both sides;
 * - PREVIOUS_REPORT: once the previous period's report is approved (CAP ASSO years 2 and 3);
 * - REPORT: with the period's report (a balance), paid once the report is approved;
 * - PROOF: on proof (CAP SCOP-SCIC's certificate of paid-up capital), from acceptance.
 */
export type PaymentCondition = "ACCEPTANCE" | "PREVIOUS_REPORT" | "REPORT" | "PROOF";

export const PAYMENT_CONDITION_LABELS: Record<PaymentCondition, string> = {
  ACCEPTANCE: "dès l’acceptation de la convention",
  PREVIOUS_REPORT: "une fois le compte rendu de l’année précédente approuvé",
  REPORT: "avec le compte rendu financier de la période, une fois celui-ci approuvé",
  PROOF: "sur justificatifs",
};

export interface FinancedPeriod {
  /** 1-based. */
  period: number;
  start: Date;
  /** The period's last day (inclusive). */
  end: Date;
  /** The subsidy granted for the period. */
  amountCents: number;
}

export interface PlannedPayment {
  /** 1-based order in the plan. */
  position: number;
  period: number;
  kind: PaymentKind;
  plannedAmountCents: number;
  condition: PaymentCondition;
}

export interface PlannedReport {
  period: number;
  periodStart: Date;
  periodEnd: Date;
  dueDate: Date;
}

export interface PostGrantPlan {
  periods: FinancedPeriod[];
  payments: PlannedPayment[];
  reports: PlannedReport[];
}

/** The payment terms of each scheme, as the dossier's rule-set version holds them. */
export type PlanInput =
  | {
      schemeCode: typeof SchemeCode.CAP_ASSO;
      terms: CapAssoPaymentTerms;
      /** The agreement's length in months (a whole number of years). */
      agreementLengthMonths: number;
      grantedAmountCents: number;
      /** The yearly amounts voted; split evenly when empty. */
      yearlyAmountsCents: readonly number[];
      startsOn: Date;
    }
  | {
      schemeCode: typeof SchemeCode.A_VOS_ID;
      terms: AVosIdPaymentTerms;
      grantedAmountCents: number;
      startsOn: Date;
    }
  | {
      schemeCode: typeof SchemeCode.CAP_SCOP_SCIC;
      terms: CapScopScicPaymentTerms;
      grantedAmountCents: number;
      startsOn: Date;
    }
  | {
      schemeCode: typeof SchemeCode.EQUITY_ADVANCE;
      grantedAmountCents: number;
      startsOn: Date;
    };

/** `percent` % of `cents`, rounded down to the cent (the balance takes the remainder). */
export function shareOf(cents: number, percent: number): number {
  return Math.floor((cents * percent) / 100);
}

function period(start: Date, lengthMonths: number, index: number, amountCents: number): FinancedPeriod {
  const periodStart = addParisMonths(start, lengthMonths * index);
  return {
    period: index + 1,
    start: periodStart,
    end: addParisDays(addParisMonths(start, lengthMonths * (index + 1)), -1),
    amountCents,
  };
}

function reportFor(financed: FinancedPeriod, dueMonths: number): PlannedReport {
  return {
    period: financed.period,
    periodStart: financed.start,
    periodEnd: financed.end,
    // Due « dans les six mois suivant la fin de l’exercice »: the last day of the sixth month after the end.
    dueDate: addParisMonths(financed.end, dueMonths),
  };
}

/** The periods, payments and reports of a grant whose agreement was accepted on `startsOn`. */
export function postGrantPlan(input: PlanInput): PostGrantPlan {
  const { grantedAmountCents, startsOn } = input;
  switch (input.schemeCode) {
    case SchemeCode.CAP_ASSO: {
      const years = Math.max(1, Math.round(input.agreementLengthMonths / 12));
      const yearly =
        input.yearlyAmountsCents.length > 0
          ? [...input.yearlyAmountsCents]
          : splitYearly(grantedAmountCents, years);
      const periods = yearly.map((amountCents, index) => period(startsOn, 12, index, amountCents));
      const payments: PlannedPayment[] = [];
      for (const financed of periods) {
        const advance = shareOf(financed.amountCents, input.terms.advancePercent);
        if (advance > 0) {
          payments.push({
            position: payments.length + 1,
            period: financed.period,
            kind: PaymentKind.ADVANCE,
            plannedAmountCents: advance,
            condition: financed.period === 1 ? "ACCEPTANCE" : "PREVIOUS_REPORT",
          });
        }
        payments.push({
          position: payments.length + 1,
          period: financed.period,
          kind: PaymentKind.BALANCE,
          plannedAmountCents: financed.amountCents - advance,
          condition: "REPORT",
        });
      }
      return {
        periods,
        payments,
        reports: periods.map((financed) => reportFor(financed, input.terms.reportDueMonths)),
      };
    }
    case SchemeCode.A_VOS_ID: {
      const financed = period(startsOn, input.terms.projectLengthMonths, 0, grantedAmountCents);
      const advance = shareOf(grantedAmountCents, input.terms.advancePercent);
      const payments: PlannedPayment[] = [];
      if (advance > 0) {
        payments.push({
          position: 1,
          period: 1,
          kind: PaymentKind.ADVANCE,
          plannedAmountCents: advance,
          condition: "ACCEPTANCE",
        });
      }
      payments.push({
        position: payments.length + 1,
        period: 1,
        kind: PaymentKind.BALANCE,
        plannedAmountCents: grantedAmountCents - advance,
        condition: "REPORT",
      });
      return { periods: [financed], payments, reports: [reportFor(financed, input.terms.reportDueMonths)] };
    }
    case SchemeCode.CAP_SCOP_SCIC: {
      const financed = period(startsOn, input.terms.proofDeadlineMonths, 0, grantedAmountCents);
      return {
        periods: [financed],
        payments: [
          {
            position: 1,
            period: 1,
            kind: PaymentKind.SINGLE,
            plannedAmountCents: grantedAmountCents,
            condition: "PROOF",
          },
        ],
        reports: [],
      };
    }
    case SchemeCode.EQUITY_ADVANCE: {
      // Paid in one instalment once the agreement is accepted; its repayments follow the payment date.
      const financed = period(startsOn, 12, 0, grantedAmountCents);
      return {
        periods: [financed],
        payments: [
          {
            position: 1,
            period: 1,
            kind: PaymentKind.SINGLE,
            plannedAmountCents: grantedAmountCents,
            condition: "ACCEPTANCE",
          },
        ],
        reports: [],
      };
    }
  }
}

/** The condition of a stored payment, from its kind, period and scheme (the plan is not stored twice). */
export function paymentCondition(
  schemeCode: SchemeCode,
  payment: { kind: PaymentKind; period: number },
): PaymentCondition {
  if (payment.kind === PaymentKind.BALANCE) return "REPORT";
  if (payment.kind === PaymentKind.SINGLE)
    return schemeCode === SchemeCode.CAP_SCOP_SCIC ? "PROOF" : "ACCEPTANCE";
  return payment.period > 1 ? "PREVIOUS_REPORT" : "ACCEPTANCE";
}

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  ADVANCE: "Avance",
  BALANCE: "Solde",
  SINGLE: "Versement unique",
};

/** « Avance de l’année 2 », « Solde », « Versement unique »: how a payment is named to users. */
export function paymentName(schemeCode: SchemeCode, payment: { kind: PaymentKind; period: number }): string {
  const kind = PAYMENT_KIND_LABELS[payment.kind];
  return schemeCode === SchemeCode.CAP_ASSO ? `${kind} de l’année ${payment.period}` : kind;
}
