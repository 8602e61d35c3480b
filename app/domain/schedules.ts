// Payment and repayment schedules of a granted aid. Due dates follow the Paris calendar, since the
// agreement says « tous les trois mois » to people who read dates in Paris: a date three months after
// 31 January is 30 April (the month’s last day), at the same wall-clock time, whatever the DST offset.
import { formatEuros, parseEuros } from "~/domain/format";
import { addParisMonths } from "~/domain/paris-time";

export interface Instalment {
  /** 1-based. */
  position: number;
  dueDate: Date;
  amountCents: number;
}

export type ScheduleKind = "PAYMENT" | "REPAYMENT";

export interface Schedule {
  kind: ScheduleKind;
  instalments: Instalment[];
}

export interface RepaymentRules {
  maxDurationMonths: number;
  repaymentDeferralMonths: number;
  repaymentFrequencyMonths: number;
}

export { addParisMonths };

function requireCents(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new RangeError(`${what}: a non-negative whole number of cents is expected, got ${cents}`);
  }
}

/** Splits a CAP ASSO total into `years` yearly amounts (equal, remainder on the first year). */
export function splitYearly(totalCents: number, years: number): number[] {
  requireCents(totalCents, "Total");
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`Not a number of years: ${years}`);
  const base = Math.floor(totalCents / years);
  const amounts = Array.from({ length: years }, () => base);
  amounts[0] = totalCents - base * (years - 1);
  return amounts;
}

/** CAP ASSO: one payment per agreement year, the first at `agreementStart`, then every 12 months. */
export function capAssoPaymentSchedule(
  yearlyAmountsCents: readonly number[],
  agreementStart: Date,
): Schedule {
  yearlyAmountsCents.forEach((cents) => requireCents(cents, "Yearly amount"));
  return {
    kind: "PAYMENT",
    instalments: yearlyAmountsCents.map((amountCents, index) => ({
      position: index + 1,
      // Counted from the start each time, so a 29 February start comes back to 29 February in a leap year.
      dueDate: addParisMonths(agreementStart, 12 * index),
      amountCents,
    })),
  };
}

/** A VOS ID and CAP SCOP-SCIC: one payment at the signature of the agreement. */
export function singlePaymentSchedule(amountCents: number, dueDate: Date): Schedule {
  requireCents(amountCents, "Amount");
  return { kind: "PAYMENT", instalments: [{ position: 1, dueDate: new Date(dueDate), amountCents }] };
}

/** The months after the payment of the advance at which each repayment falls. */
export function repaymentMonths(rules: RepaymentRules): number[] {
  const { maxDurationMonths, repaymentDeferralMonths, repaymentFrequencyMonths } = rules;
  for (const [name, value] of Object.entries(rules)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`${name}: not a number of months: ${value}`);
  }
  if (repaymentFrequencyMonths < 1) throw new RangeError("repaymentFrequencyMonths: at least one month");
  // Without a deferral, the first repayment comes one period after the payment, not on the same day.
  const first = repaymentDeferralMonths > 0 ? repaymentDeferralMonths : repaymentFrequencyMonths;
  const months: number[] = [];
  for (let month = first; month <= maxDurationMonths; month += repaymentFrequencyMonths) months.push(month);
  // A deferral reaching past the duration still leaves one repayment, at the end of the duration.
  return months.length > 0 ? months : [Math.max(maxDurationMonths, 1)];
}

/**
 * Equity advance: paid on `paidOn`; first repayment after the deferral, then every
 * `repaymentFrequencyMonths`, the last one at `maxDurationMonths` at the latest; equal instalments in
 * cents, the rounding remainder on the last one, so the sum is exactly the amount.
 */
export function equityAdvanceRepaymentSchedule(
  amountCents: number,
  rules: RepaymentRules,
  paidOn: Date,
): Schedule {
  requireCents(amountCents, "Amount");
  const months = repaymentMonths(rules);
  const base = Math.floor(amountCents / months.length);
  return {
    kind: "REPAYMENT",
    instalments: months.map((month, index) => ({
      position: index + 1,
      dueDate: addParisMonths(paidOn, month),
      amountCents: index === months.length - 1 ? amountCents - base * (months.length - 1) : base,
    })),
  };
}

/**
 * The repayment schedule an equity advance of the amount typed (in euros, as a form field holds it) would
 * have: months after the payment and amount of each repayment; empty when the amount does not read.
 */
export function repaymentPreview(amount: string, rules: RepaymentRules, paidOn = new Date()) {
  const parsed = parseEuros(amount);
  if (!parsed.ok || parsed.cents === 0) return [];
  const months = repaymentMonths(rules);
  return equityAdvanceRepaymentSchedule(parsed.cents, rules, paidOn).instalments.map((instalment, index) => ({
    months: months[index] ?? 0,
    amount: formatEuros(instalment.amountCents),
  }));
}

/** The sum of a schedule’s instalments, in cents. */
export function scheduleTotalCents(schedule: Schedule): number {
  return schedule.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
}
