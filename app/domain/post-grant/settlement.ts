// The money of a grant once the actual figures are known: the subsidy finally due (never more than
// granted), what remains to pay, what was paid too much and must be repaid, and whether the dossier can be
// settled (« soldé »). Amounts in cents, rounded down in the Region's favour only where the rules say « au
// plus »; each function is computed from the rule-set version the dossier was granted under.
import { PaymentStatus, RecoveryStatus, ReportStatus } from "~/generated/prisma/enums";

/**
 * A VOS ID: subsidy = min(granted, rate × eligible expenses actually paid), where the rate is the share of
 * the forecast eligible expenses the grant covered, never above the rule set's maximum rate.
 */
export function aVosIdFinalSubsidy(input: {
  grantedCents: number;
  forecastEligibleCents: number;
  actualEligibleCents: number;
  maxSubsidyRatePercent: number;
}): { finalCents: number; ratePercent: number } {
  const { grantedCents, forecastEligibleCents, actualEligibleCents, maxSubsidyRatePercent } = input;
  if (forecastEligibleCents <= 0) return { finalCents: 0, ratePercent: 0 };
  const grantedRate = grantedCents / forecastEligibleCents;
  const rate = Math.min(grantedRate, maxSubsidyRatePercent / 100);
  const finalCents = Math.min(grantedCents, Math.floor(Math.max(0, actualEligibleCents) * rate));
  return { finalCents, ratePercent: Math.round(rate * 10_000) / 100 };
}

/**
 * CAP SCOP-SCIC: per employee-associate, rate × capital actually paid up, at most the per-person ceiling;
 * the sum at most the per-cooperative ceiling, and never more than granted.
 */
export function capScopScicFinalSubsidy(input: {
  grantedCents: number;
  contributionsCents: readonly number[];
  subsidyRateOfContributionPercent: number;
  maxSubsidyPerEmployeeAssociateCents: number;
  maxSubsidyPerCooperativeCents: number;
}): { finalCents: number; perPersonCents: number[] } {
  const perPersonCents = input.contributionsCents.map((contribution) =>
    Math.min(
      input.maxSubsidyPerEmployeeAssociateCents,
      Math.floor((Math.max(0, contribution) * input.subsidyRateOfContributionPercent) / 100),
    ),
  );
  const total = perPersonCents.reduce((sum, cents) => sum + cents, 0);
  return {
    finalCents: Math.min(input.grantedCents, input.maxSubsidyPerCooperativeCents, total),
    perPersonCents,
  };
}

/** What remains to pay for a period, or what was paid too much, once the subsidy due is known. */
export function periodBalance(input: { dueCents: number; paidCents: number }): {
  toPayCents: number;
  toRepayCents: number;
} {
  const difference = input.dueCents - input.paidCents;
  return { toPayCents: Math.max(0, difference), toRepayCents: Math.max(0, -difference) };
}

export interface MoneyState {
  payments: readonly {
    status: PaymentStatus;
    plannedAmountCents: number;
    approvedAmountCents: number | null;
    paidAmountCents: number | null;
  }[];
  reports: readonly { status: ReportStatus }[];
  recoveries: readonly { status: RecoveryStatus; amountCents: number }[];
}

/** Totals the pages show: paid, still expected, to repay. */
export function moneyTotals(state: MoneyState): {
  paidCents: number;
  expectedCents: number;
  toRepayCents: number;
  repaidCents: number;
} {
  let paidCents = 0;
  let expectedCents = 0;
  for (const payment of state.payments) {
    if (payment.status === PaymentStatus.PAID) paidCents += payment.paidAmountCents ?? 0;
    else if (payment.status !== PaymentStatus.CANCELLED)
      expectedCents += payment.approvedAmountCents ?? payment.plannedAmountCents;
  }
  let toRepayCents = 0;
  let repaidCents = 0;
  for (const recovery of state.recoveries) {
    if (recovery.status === RecoveryStatus.SETTLED) repaidCents += recovery.amountCents;
    else toRepayCents += recovery.amountCents;
  }
  return { paidCents, expectedCents, toRepayCents, repaidCents };
}

/** Whether the dossier can be settled, or the French list of what is still open. */
export function settlementCheck(state: MoneyState): { ok: true } | { ok: false; open: string[] } {
  const open: string[] = [];
  const pending = state.payments.filter(
    (payment) => payment.status !== PaymentStatus.PAID && payment.status !== PaymentStatus.CANCELLED,
  ).length;
  if (pending > 0)
    open.push(pending === 1 ? "1 versement n’est pas payé" : `${pending} versements ne sont pas payés`);
  const reports = state.reports.filter((report) => report.status !== ReportStatus.APPROVED).length;
  if (reports > 0)
    open.push(
      reports === 1 ? "1 compte rendu n’est pas approuvé" : `${reports} comptes rendus ne sont pas approuvés`,
    );
  const recoveries = state.recoveries.filter((recovery) => recovery.status !== RecoveryStatus.SETTLED).length;
  if (recoveries > 0) open.push("un reversement n’est pas réglé");
  return open.length === 0 ? { ok: true } : { ok: false, open };
}
