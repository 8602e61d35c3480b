// What every report, recovery and settlement use case reads about a granted dossier: its financed periods
// and their amounts (from the rule-set version it was granted under), its budget lines, its payment terms,
// and the money state (payments, reports, recoveries) the settlement arithmetic works on.
import { postGrantPlan } from "~/domain/post-grant/plan";
import type { ReportContext } from "~/domain/post-grant/report";
import type { MoneyState } from "~/domain/post-grant/settlement";
import { parseRuleSetParameters, type AVosIdParameters } from "~/domain/schemes";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PaymentStatus, ReportStatus, SchemeCode } from "~/generated/prisma/enums";
import { notFound } from "~/domain/user-error";

import { planInputOf } from "./plan.server";

type Db = Prisma.TransactionClient | PrismaClient;

/** « année 2 » for CAP ASSO's yearly reports, « bilan final » for a single-period grant. */
export function periodLabel(schemeCode: SchemeCode, period: number): string {
  return schemeCode === SchemeCode.CAP_ASSO ? `année ${period}` : "bilan final";
}

/** The period of a URL (`/comptes-rendus/2`): a small positive integer, or a 404. */
export function periodParam(value: string | undefined): number {
  const period = Number(value);
  if (!/^\d{1,2}$/.test(value ?? "") || !Number.isInteger(period) || period < 1)
    throw notFound("Compte rendu introuvable.");
  return period;
}

export interface ReportTerms {
  thresholdPercent: number;
  attachments: Array<{ kind: string; label: string }>;
  /** A VOS ID: the expense categories the subsidy applies to, and its maximal rate. */
  eligibleCategories: string[];
  maxSubsidyRatePercent: number;
}

/** The report terms of the rule-set version the dossier was granted under. */
export function reportTerms(schemeCode: SchemeCode, parameters: unknown): ReportTerms {
  const parsed = parseRuleSetParameters(schemeCode, parameters);
  if (!parsed.ok) throw new Error(`Règlement illisible : ${parsed.error}`);
  const terms = (parsed.parameters as { paymentTerms?: Record<string, unknown> }).paymentTerms ?? {};
  const aVosId = schemeCode === SchemeCode.A_VOS_ID ? (parsed.parameters as AVosIdParameters) : null;
  return {
    thresholdPercent: (terms.reportVarianceThresholdPercent as number | undefined) ?? 15,
    attachments: (terms.reportAttachments as ReportTerms["attachments"] | undefined) ?? [],
    eligibleCategories: aVosId?.expenseTypes.map((type) => type.code) ?? [],
    maxSubsidyRatePercent: aVosId?.maxSubsidyRatePercent ?? 100,
  };
}

/** The dossier's periods with the subsidy granted for each, as the plan computed them. */
export async function financedPeriods(tx: Db, dossierId: string, startsOn: Date) {
  return postGrantPlan(await planInputOf(tx as Prisma.TransactionClient, dossierId, startsOn)).periods;
}

export async function reportContextOf(
  tx: Db,
  dossier: { id: string; schemeCode: SchemeCode },
  terms: ReportTerms,
): Promise<ReportContext> {
  const lines = await tx.dossierBudgetLine.findMany({
    where: { dossierId: dossier.id },
    orderBy: [{ side: "asc" }, { position: "asc" }, { id: "asc" }],
    select: { id: true, side: true, category: true, label: true, amountCents: true },
  });
  return { schemeCode: dossier.schemeCode, thresholdPercent: terms.thresholdPercent, lines };
}

/** Payments, reports and recoveries of the dossier, as settlement.ts reads them. */
export async function moneyStateOf(tx: Db, dossierId: string) {
  const [payments, reports, recoveries] = await Promise.all([
    tx.payment.findMany({ where: { dossierId }, orderBy: { position: "asc" } }),
    tx.financialReport.findMany({ where: { dossierId }, orderBy: { period: "asc" } }),
    tx.recovery.findMany({ where: { dossierId }, orderBy: { decidedAt: "asc" } }),
  ]);
  return { payments, reports, recoveries } satisfies MoneyState;
}

/**
 * The subsidy finally due for the whole grant: each period's retained amount once its report is approved,
 * the period's granted amount until then; without reports (CAP SCOP-SCIC), the payments' approved amounts.
 */
export function finallyDueCents(
  state: Awaited<ReturnType<typeof moneyStateOf>>,
  periods: ReadonlyArray<{ period: number; amountCents: number }>,
): number {
  if (state.reports.length === 0) {
    return state.payments
      .filter((payment) => payment.status !== PaymentStatus.CANCELLED)
      .reduce((sum, payment) => sum + (payment.approvedAmountCents ?? payment.plannedAmountCents), 0);
  }
  return periods.reduce((sum, financed) => {
    const report = state.reports.find((item) => item.period === financed.period);
    return (
      sum +
      (report?.status === ReportStatus.APPROVED && report.retainedAmountCents !== null
        ? report.retainedAmountCents
        : financed.amountCents)
    );
  }, 0);
}
