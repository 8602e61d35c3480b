// The instructor's side of a financial report: ask the association for a correction, or approve it, stating
// the subsidy finally due for the period. Each move locks the report's row, is checked by the report machine,
// and is written with its timeline line, audit line and emails in one transaction.
import { formatEuros } from "~/domain/format";
import { storedReportAnswers } from "~/domain/post-grant/report";
import { checkReportMove } from "~/domain/post-grant/report-workflow";
import { periodBalance } from "~/domain/post-grant/settlement";
import { UserError } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import { PaymentKind, PaymentStatus, ReportStatus } from "~/generated/prisma/enums";
import { reportApproved } from "~emails/report-approved";
import { reportCorrectionRequested } from "~emails/report-correction-requested";

import { applicantDossierUrl } from "~/services/dossiers/links.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { enqueueEmail } from "~/services/platform/outbox.server";

import { recordFollowUp } from "./follow-up.server";
import { periodLabel } from "./report-context.server";
import {
  applicantReportUrl,
  approvalPreview,
  lockReport,
  refuse,
  reportOf,
  reportView,
  TX_OPTIONS,
  type Dossier,
} from "./reports.server";

interface StaffInput {
  actor: StaffActor;
  dossierId: string;
  period: number;
  now?: Date;
  appUrl: string;
  ip?: string | null;
}

/** ASK_CORRECTION: the report goes back to the association with what to correct. */
export async function askReportCorrection(db: PrismaClient, input: StaffInput & { reason: string }) {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  const report = await reportOf(db, dossier as Dossier, input.period);
  const label = periodLabel(dossier.schemeCode, input.period);
  await db.$transaction(async (tx) => {
    const status = await lockReport(tx, report.id);
    refuse(checkReportMove({ status, move: "ASK_CORRECTION", role: input.actor.role, reason }));
    await tx.financialReport.update({
      where: { id: report.id },
      data: {
        status: ReportStatus.CORRECTION_REQUESTED,
        correctionNote: reason,
        decidedById: input.actor.id,
      },
    });
    await recordFollowUp(tx, {
      dossierId: dossier.id,
      actorId: input.actor.id,
      action: "post_grant.report_correction_requested",
      reason: `Correction demandée sur le compte rendu financier (${label})\u00a0: ${reason}`,
      target: { type: "FinancialReport", id: report.id },
      details: { period: input.period },
      ip: input.ip,
      now,
    });
    const url = applicantReportUrl(input.appUrl, dossier.id, input.period);
    for (const person of await applicantRecipients(tx, dossier.organisationId)) {
      const email = reportCorrectionRequested({
        firstName: person.firstName,
        dossierNumber: dossier.number ?? "",
        dossierTitle: dossier.title,
        periodLabel: label,
        reason,
        url,
      });
      await enqueueEmail(tx, { ...email, to: person.email }, { now });
    }
  }, TX_OPTIONS);
}

/**
 * APPROVE: the subsidy finally due for the period is retained — CAP ASSO the year's amount unless the
 * instructor lowers it, A VOS ID min(granted, rate × eligible expenses actually paid). The period's balance,
 * still expected, is set to what remains to pay, or cancelled when nothing does.
 */
export async function approveReport(
  db: PrismaClient,
  input: StaffInput & { retainedCents?: number | null },
): Promise<{ retainedCents: number; toPayCents: number; toRepayCents: number }> {
  const now = input.now ?? new Date();
  const view = await reportView(db, { staff: input.actor }, input.dossierId, input.period);
  const { dossier, report } = view;
  const label = view.periodLabel;
  return db.$transaction(async (tx) => {
    const status = await lockReport(tx, report.id);
    refuse(checkReportMove({ status, move: "APPROVE", role: input.actor.role }));
    const current = await tx.financialReport.findUniqueOrThrow({ where: { id: report.id } });
    const submitted = storedReportAnswers(current.answers).report;
    if (!submitted) throw new UserError("Ce compte rendu n’a pas de contenu envoyé.", { status: 409 });
    const payments = await tx.payment.findMany({ where: { dossierId: dossier.id, period: input.period } });
    const preview = approvalPreview(
      dossier,
      view.terms,
      view.context.lines,
      view.periodAmountCents,
      submitted,
      payments,
    );
    let retainedCents = preview.retainedCents;
    if (preview.editable && input.retainedCents !== undefined && input.retainedCents !== null) {
      if (input.retainedCents > preview.maxCents) {
        const message = `Le montant retenu ne peut pas dépasser la subvention de la période (${formatEuros(preview.maxCents)}).`;
        throw new UserError(message, { status: 422, fieldErrors: { retainedAmount: message } });
      }
      retainedCents = input.retainedCents;
    }
    const balance = periodBalance({ dueCents: retainedCents, paidCents: preview.committedCents });
    await tx.financialReport.update({
      where: { id: report.id },
      data: {
        status: ReportStatus.APPROVED,
        approvedAt: now,
        decidedById: input.actor.id,
        retainedAmountCents: retainedCents,
        correctionNote: null,
      },
    });
    // The period's balance, if nobody asked for it yet, becomes what remains to pay (helper of the
    // payment machine: this single write is the approval's consequence).
    const balancePayment = payments.find(
      (payment) => payment.kind === PaymentKind.BALANCE && payment.status === PaymentStatus.EXPECTED,
    );
    let balanceNote = "";
    if (balancePayment) {
      await tx.payment.update({
        where: { id: balancePayment.id },
        data:
          balance.toPayCents === 0
            ? {
                status: PaymentStatus.CANCELLED,
                plannedAmountCents: 0,
                decidedById: input.actor.id,
                correctionNote: "Solde ramené à zéro par le compte rendu financier approuvé.",
              }
            : { plannedAmountCents: balance.toPayCents },
      });
      balanceNote =
        balance.toPayCents === 0
          ? "\u202f; solde de la période annulé (rien à verser)"
          : `\u202f; solde de la période\u00a0: ${formatEuros(balance.toPayCents)}`;
    }
    await recordFollowUp(tx, {
      dossierId: dossier.id,
      actorId: input.actor.id,
      action: "post_grant.report_approved",
      reason: `Compte rendu financier (${label}) approuvé\u00a0: subvention retenue ${formatEuros(retainedCents)}${balanceNote}`,
      target: { type: "FinancialReport", id: report.id },
      details: {
        period: input.period,
        retainedAmountCents: retainedCents,
        toRepayCents: balance.toRepayCents,
      },
      ip: input.ip,
      now,
    });
    const url = applicantDossierUrl(input.appUrl, dossier.id);
    for (const person of await applicantRecipients(tx, dossier.organisationId)) {
      const email = reportApproved({
        firstName: person.firstName,
        dossierNumber: dossier.number ?? "",
        dossierTitle: dossier.title,
        periodLabel: label,
        retainedCents,
        toPayCents: balance.toPayCents,
        toRepayCents: balance.toRepayCents,
        url,
      });
      await enqueueEmail(tx, { ...email, to: person.email }, { now });
    }
    return { retainedCents, ...balance };
  }, TX_OPTIONS);
}
