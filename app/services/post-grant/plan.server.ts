// The rows a grant brings once both sides have accepted the agreement: its payments and its financial
// reports, computed by app/domain/post-grant/plan.ts from the payment terms of the rule-set version the
// dossier was granted under (never today's), and stored in the acceptance's transaction.
import { postGrantPlan, type PlanInput, type PostGrantPlan } from "~/domain/post-grant/plan";
import {
  parseRuleSetParameters,
  type AVosIdParameters,
  type CapAssoParameters,
  type CapScopScicParameters,
} from "~/domain/schemes";
import type { Prisma } from "~/generated/prisma/client";
import { InstalmentKind, SchemeCode } from "~/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** What `postGrantPlan` needs, read from the dossier, its rule-set version and its decision's schedule. */
export async function planInputOf(tx: Tx, dossierId: string, startsOn: Date): Promise<PlanInput> {
  const dossier = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      schemeCode: true,
      grantedAmountCents: true,
      ruleSet: { select: { parameters: true } },
      instalments: {
        where: { kind: InstalmentKind.PAYMENT },
        orderBy: { position: "asc" },
        select: { amountCents: true },
      },
    },
  });
  const grantedAmountCents = dossier.grantedAmountCents ?? 0;
  const parsed = parseRuleSetParameters(dossier.schemeCode, dossier.ruleSet.parameters);
  if (!parsed.ok) throw new Error(`Rule set of dossier ${dossierId}: ${parsed.error}`);
  const parameters = parsed.parameters;
  switch (dossier.schemeCode) {
    case SchemeCode.CAP_ASSO: {
      const capAsso = parameters as CapAssoParameters;
      return {
        schemeCode: SchemeCode.CAP_ASSO,
        terms: capAsso.paymentTerms,
        agreementLengthMonths: capAsso.agreementLengthMonths,
        grantedAmountCents,
        // The yearly amounts the Commission voted are the decision's payment schedule, one line a year.
        yearlyAmountsCents: dossier.instalments.map((instalment) => instalment.amountCents),
        startsOn,
      };
    }
    case SchemeCode.A_VOS_ID:
      return {
        schemeCode: SchemeCode.A_VOS_ID,
        terms: (parameters as AVosIdParameters).paymentTerms,
        grantedAmountCents,
        startsOn,
      };
    case SchemeCode.CAP_SCOP_SCIC:
      return {
        schemeCode: SchemeCode.CAP_SCOP_SCIC,
        terms: (parameters as CapScopScicParameters).paymentTerms,
        grantedAmountCents,
        startsOn,
      };
    case SchemeCode.EQUITY_ADVANCE:
      return { schemeCode: SchemeCode.EQUITY_ADVANCE, grantedAmountCents, startsOn };
  }
}

/**
 * Stores the payments and reports of the dossier's plan, the financed period starting on `startsOn` (the day
 * both sides had accepted the agreement), and dates the decision's payment schedule from it. Call it once, inside the transaction that records the second
 * acceptance, with the dossier locked; a second call finds the rows there and changes nothing.
 */
export async function createPostGrantPlan(tx: Tx, dossierId: string, startsOn: Date): Promise<PostGrantPlan> {
  const plan = postGrantPlan(await planInputOf(tx, dossierId, startsOn));
  const existing = await tx.payment.count({ where: { dossierId } });
  if (existing > 0) return plan;
  await tx.payment.createMany({
    data: plan.payments.map((payment) => ({
      dossierId,
      position: payment.position,
      period: payment.period,
      kind: payment.kind,
      plannedAmountCents: payment.plannedAmountCents,
    })),
  });
  // The decision's schedule was dated from the Commission's session: each year's (or the single) payment
  // now follows the agreement, from the start of its financed period, as the agreement and the letter say.
  for (const period of plan.periods) {
    await tx.scheduleInstalment.updateMany({
      where: { dossierId, kind: InstalmentKind.PAYMENT, position: period.period },
      data: { dueDate: period.start },
    });
  }
  if (plan.reports.length > 0) {
    await tx.financialReport.createMany({
      data: plan.reports.map((report) => ({
        dossierId,
        period: report.period,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        dueDate: report.dueDate,
      })),
    });
  }
  return plan;
}
