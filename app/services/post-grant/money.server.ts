// The money of a granted dossier in one read model, for the association's dossier page and the instructor's
// « Après l’octroi » section: the amount granted, the agreement's acceptance, each payment (planned,
// requested, approved, paid; whether it may be requested now and why not), each financial report (due
// date, lateness), amounts to repay, totals, and the next step with its deadline, for the reader's side.
import { formatDate, formatEuros } from "~/domain/format";
import { AGREEMENT_SIDE_LABELS } from "~/domain/post-grant/agreement";
import { PAYMENT_STATUS_LABELS, paymentAvailability } from "~/domain/post-grant/payment-workflow";
import { paymentCondition, paymentName } from "~/domain/post-grant/plan";
import { daysLate, REPORT_STATUS_LABELS, reportOverdue } from "~/domain/post-grant/report-workflow";
import { moneyTotals } from "~/domain/post-grant/settlement";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  AgreementSide,
  DossierStatus,
  PaymentStatus,
  RecoveryStatus,
  SchemeCode,
} from "~/generated/prisma/enums";

import { advanceStanding } from "./advance-views.server";
import { applicantNextStep, staffNextStep } from "./money-next-step.server";

export type MoneyTimeline = NonNullable<Awaited<ReturnType<typeof moneyTimeline>>>;
export type MoneyAudience = "applicant" | "staff";

export const RECOVERY_STATUS_LABELS: Record<RecoveryStatus, string> = {
  ISSUED: "À reverser",
  SETTLED: "Reversé",
};

const days = (count: number) => `${count}\u00a0jour${count > 1 ? "s" : ""}`;

/**
 * The timeline of a GRANTED or SETTLED dossier; null for any other status. The caller has checked who
 * asks (member of the organisation, or staff in scope): this reads by id.
 */
export async function moneyTimeline(db: PrismaClient, dossierId: string, audience: MoneyAudience, now: Date) {
  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      status: true,
      schemeCode: true,
      grantedAmountCents: true,
      decidedAt: true,
      agreementAcceptedAt: true,
      settledAt: true,
      acceptances: { select: { side: true, acceptedAt: true, signatoryName: true } },
      payments: { orderBy: { position: "asc" } },
      reports: { orderBy: { period: "asc" } },
      recoveries: { orderBy: { decidedAt: "asc" } },
    },
  });
  if (!dossier) return null;
  if (dossier.status !== DossierStatus.GRANTED && dossier.status !== DossierStatus.SETTLED) return null;
  const staff = audience === "staff";
  const base = staff ? `/instruction/dossiers/${dossier.id}` : `/dossiers/${dossier.id}`;
  const accepted = dossier.agreementAcceptedAt !== null;
  const capAsso = dossier.schemeCode === SchemeCode.CAP_ASSO;
  const reportsState = dossier.reports.map((report) => ({ period: report.period, status: report.status }));

  const payments = dossier.payments.map((payment) => {
    const availability =
      payment.status === PaymentStatus.EXPECTED
        ? paymentAvailability({
            condition: paymentCondition(dossier.schemeCode, payment),
            period: payment.period,
            agreementAccepted: accepted,
            reports: reportsState,
          })
        : null;
    const dates = [
      payment.requestedAt ? `demandé le ${formatDate(payment.requestedAt)}` : null,
      payment.approvedAt ? `approuvé le ${formatDate(payment.approvedAt)}` : null,
      payment.paidOn ? `versé le ${formatDate(payment.paidOn)}` : null,
    ].filter((item): item is string => item !== null);
    return {
      position: payment.position,
      name: paymentName(dossier.schemeCode, payment),
      status: payment.status,
      statusLabel: PAYMENT_STATUS_LABELS[payment.status],
      planned: formatEuros(payment.plannedAmountCents),
      requested: payment.requestedAmountCents === null ? null : formatEuros(payment.requestedAmountCents),
      approved: payment.approvedAmountCents === null ? null : formatEuros(payment.approvedAmountCents),
      paid: payment.paidAmountCents === null ? null : formatEuros(payment.paidAmountCents),
      dates,
      requestable: availability?.ok ?? false,
      notYet: availability && !availability.ok ? availability.reason : null,
      correctionNote: payment.status === PaymentStatus.CORRECTION_REQUESTED ? payment.correctionNote : null,
      href: `${base}/versements/${payment.position}`,
    };
  });

  const reports = dossier.reports.map((report) => {
    const late = reportOverdue(report, now) ? daysLate(report.dueDate, now) : 0;
    return {
      period: report.period,
      label: capAsso ? `Année ${report.period}` : "Projet",
      span: `du ${formatDate(report.periodStart)} au ${formatDate(report.periodEnd)}`,
      dueOn: formatDate(report.dueDate),
      status: report.status,
      statusLabel: REPORT_STATUS_LABELS[report.status],
      late: late > 0 ? `en retard de ${days(late)}` : null,
      submittedOn: report.submittedAt ? formatDate(report.submittedAt) : null,
      approvedOn: report.approvedAt ? formatDate(report.approvedAt) : null,
      href: `${base}/comptes-rendus/${report.period}`,
    };
  });

  const recoveries = dossier.recoveries.map((recovery) => ({
    id: recovery.id,
    amount: formatEuros(recovery.amountCents),
    reason: recovery.reason,
    dueOn: formatDate(recovery.dueDate),
    status: recovery.status,
    statusLabel: RECOVERY_STATUS_LABELS[recovery.status],
    settledOn: recovery.settledAt ? formatDate(recovery.settledAt) : null,
  }));

  const totals = moneyTotals({
    payments: dossier.payments,
    reports: dossier.reports,
    recoveries: dossier.recoveries,
  });

  const sides = [AgreementSide.HOLDER, AgreementSide.REGION].map((side) => {
    const acceptance = dossier.acceptances.find((item) => item.side === side);
    return {
      side,
      party: AGREEMENT_SIDE_LABELS[side],
      acceptedOn: acceptance ? formatDate(acceptance.acceptedAt) : null,
      by: acceptance?.signatoryName ?? null,
    };
  });

  const advance =
    dossier.schemeCode === SchemeCode.EQUITY_ADVANCE ? await advanceStanding(db, dossier.id, now) : null;

  return {
    audience,
    advance: advance ? { ...advance, href: `${base}/remboursements` } : null,
    settled: dossier.status === DossierStatus.SETTLED,
    settledOn: dossier.settledAt ? formatDate(dossier.settledAt) : null,
    granted: {
      amount: dossier.grantedAmountCents === null ? null : formatEuros(dossier.grantedAmountCents),
      on: dossier.decidedAt ? formatDate(dossier.decidedAt) : null,
    },
    agreement: {
      accepted,
      acceptedOn: dossier.agreementAcceptedAt ? formatDate(dossier.agreementAcceptedAt) : null,
      sides,
      href: `${base}/convention`,
    },
    payments,
    reports,
    recoveries,
    totals: {
      paid: formatEuros(totals.paidCents),
      expected: formatEuros(totals.expectedCents),
      toRepay: totals.toRepayCents > 0 ? formatEuros(totals.toRepayCents) : null,
      repaid: totals.repaidCents > 0 ? formatEuros(totals.repaidCents) : null,
    },
    next: staff
      ? staffNextStep({
          base,
          sides,
          payments,
          reports,
          recoveries,
          settled: dossier.status === DossierStatus.SETTLED,
        })
      : applicantNextStep({
          base,
          sides,
          payments,
          reports,
          recoveries,
          settled: dossier.status === DossierStatus.SETTLED,
        }),
    links: staff
      ? { recoveries: `${base}/reversements`, settlement: `${base}/solde` }
      : { recoveries: null, settlement: null },
  };
}
