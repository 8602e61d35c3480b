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
  ReportStatus,
  SchemeCode,
} from "~/generated/prisma/enums";

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

  return {
    audience,
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

interface NextInput {
  base: string;
  settled: boolean;
  sides: Array<{ side: AgreementSide; acceptedOn: string | null }>;
  payments: Array<{
    name: string;
    status: PaymentStatus;
    planned: string;
    requestable: boolean;
    href: string;
  }>;
  reports: Array<{ label: string; status: ReportStatus; dueOn: string; late: string | null; href: string }>;
  recoveries: Array<{ amount: string; dueOn: string; status: RecoveryStatus }>;
}

export interface NextStep {
  text: string;
  /** « avant le 30/06/2028 », when there is a deadline. */
  by: string | null;
  link: { href: string; label: string } | null;
}

function applicantNextStep(input: NextInput): NextStep {
  const { base, sides, payments, reports, recoveries } = input;
  if (input.settled)
    return { text: "Dossier soldé\u00a0: il n’y a plus rien à faire.", by: null, link: null };
  const holder = sides.find((side) => side.side === AgreementSide.HOLDER);
  const region = sides.find((side) => side.side === AgreementSide.REGION);
  if (!holder?.acceptedOn) {
    return {
      text: "Accepter la convention\u00a0: aucun versement ne peut être demandé avant son acceptation par les deux parties.",
      by: null,
      link: { href: `${base}/convention`, label: "Lire et accepter la convention" },
    };
  }
  if (!region?.acceptedOn) {
    return {
      text: "Vous avez accepté la convention\u00a0; la Région doit l’accepter à son tour. Vous serez prévenu par courriel.",
      by: null,
      link: null,
    };
  }
  const recovery = recoveries.find((item) => item.status === RecoveryStatus.ISSUED);
  if (recovery) {
    return {
      text: `Reverser ${recovery.amount} à la Région, comme le demande la demande de reversement.`,
      by: `avant le ${recovery.dueOn}`,
      link: null,
    };
  }
  const toComplete = payments.find((payment) => payment.status === PaymentStatus.CORRECTION_REQUESTED);
  if (toComplete) {
    return {
      text: `Compléter la demande de versement «\u00a0${toComplete.name}\u00a0», comme le service instructeur le demande.`,
      by: null,
      link: { href: toComplete.href, label: "Compléter la demande" },
    };
  }
  const toCorrect = reports.find((report) => report.status === ReportStatus.CORRECTION_REQUESTED);
  if (toCorrect) {
    return {
      text: `Corriger le compte rendu financier (${toCorrect.label.toLowerCase()}), comme le service instructeur le demande.`,
      by: null,
      link: { href: toCorrect.href, label: "Corriger le compte rendu" },
    };
  }
  const overdue = reports.find((report) => report.late);
  if (overdue) {
    return {
      text: `Remettre le compte rendu financier (${overdue.label.toLowerCase()})\u00a0: il est ${overdue.late}.`,
      by: `il était attendu le ${overdue.dueOn}`,
      link: { href: overdue.href, label: "Remplir le compte rendu" },
    };
  }
  const requestable = payments.find(
    (payment) => payment.status === PaymentStatus.EXPECTED && payment.requestable,
  );
  if (requestable) {
    return {
      text: `Demander le versement «\u00a0${requestable.name}\u00a0» (${requestable.planned} prévus).`,
      by: null,
      link: { href: requestable.href, label: "Demander le versement" },
    };
  }
  const due = reports.find((report) => report.status === ReportStatus.DUE);
  if (due) {
    return {
      text: `Remettre le compte rendu financier (${due.label.toLowerCase()}) à la fin de la période.`,
      by: `au plus tard le ${due.dueOn}`,
      link: { href: due.href, label: "Préparer le compte rendu" },
    };
  }
  const waiting = payments.find(
    (payment) => payment.status === PaymentStatus.REQUESTED || payment.status === PaymentStatus.APPROVED,
  );
  if (waiting || reports.some((report) => report.status === ReportStatus.SUBMITTED)) {
    return {
      text: "La Région examine ce que vous avez envoyé\u00a0; vous serez prévenu par courriel.",
      by: null,
      link: null,
    };
  }
  return {
    text: "Rien à faire pour l’instant\u00a0: la Région clôturera le dossier une fois tout réglé.",
    by: null,
    link: null,
  };
}

function staffNextStep(input: NextInput): NextStep {
  const { base, sides, payments, reports, recoveries } = input;
  if (input.settled) return { text: "Dossier soldé.", by: null, link: null };
  const holder = sides.find((side) => side.side === AgreementSide.HOLDER);
  const region = sides.find((side) => side.side === AgreementSide.REGION);
  if (!region?.acceptedOn) {
    return {
      text: holder?.acceptedOn
        ? "Le bénéficiaire a accepté la convention\u00a0: enregistrer l’acceptation de la Région."
        : "Enregistrer l’acceptation de la Région (le bénéficiaire n’a pas encore accepté la convention).",
      by: null,
      link: { href: `${base}/convention`, label: "Convention" },
    };
  }
  if (!holder?.acceptedOn) {
    return {
      text: "En attente de l’acceptation de la convention par le bénéficiaire.",
      by: null,
      link: null,
    };
  }
  const requested = payments.find((payment) => payment.status === PaymentStatus.REQUESTED);
  if (requested) {
    return {
      text: `Examiner la demande de versement «\u00a0${requested.name}\u00a0».`,
      by: null,
      link: { href: requested.href, label: "Examiner la demande" },
    };
  }
  const submitted = reports.find((report) => report.status === ReportStatus.SUBMITTED);
  if (submitted) {
    return {
      text: `Examiner le compte rendu financier (${submitted.label.toLowerCase()}).`,
      by: null,
      link: { href: submitted.href, label: "Examiner le compte rendu" },
    };
  }
  const approved = payments.find((payment) => payment.status === PaymentStatus.APPROVED);
  if (approved) {
    return {
      text: `Enregistrer le paiement de «\u00a0${approved.name}\u00a0» une fois fait par le service financier.`,
      by: null,
      link: { href: approved.href, label: "Enregistrer le paiement" },
    };
  }
  const overdue = reports.find((report) => report.late);
  if (overdue) {
    return {
      text: `Le compte rendu financier (${overdue.label.toLowerCase()}) est ${overdue.late}\u00a0: relancer le bénéficiaire.`,
      by: null,
      link: { href: overdue.href, label: "Voir le compte rendu" },
    };
  }
  if (recoveries.some((recovery) => recovery.status === RecoveryStatus.ISSUED)) {
    return {
      text: "Un reversement est attendu du bénéficiaire\u00a0: l’enregistrer une fois encaissé.",
      by: null,
      link: { href: `${base}/reversements`, label: "Reversements" },
    };
  }
  const open =
    payments.some(
      (payment) => payment.status !== PaymentStatus.PAID && payment.status !== PaymentStatus.CANCELLED,
    ) || reports.some((report) => report.status !== ReportStatus.APPROVED);
  return open
    ? { text: "En attente du bénéficiaire (demande de versement ou compte rendu).", by: null, link: null }
    : {
        text: "Tout est versé et approuvé\u00a0: le dossier peut être soldé.",
        by: null,
        link: { href: `${base}/solde`, label: "Solder le dossier" },
      };
}
