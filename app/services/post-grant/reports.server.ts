// The financial report of a financed period: the association saves its draft and sends it with the pieces
// the granted rule set requires; the instructor asks for a correction or approves it, stating the subsidy
// finally due for the period. Each move locks the report's row, is checked by the report machine, and is
// written with its timeline line, audit line, emails and (at submission) its PDF in one transaction.
import { fullName } from "~/domain/people";
import { formatEuros } from "~/domain/format";
import {
  forecastEligibleCents,
  readReport,
  reportValues,
  storedReportAnswers,
  type FinancialReportAnswers,
  type RawReport,
} from "~/domain/post-grant/report";
import { checkReportMove } from "~/domain/post-grant/report-workflow";
import { aVosIdFinalSubsidy, periodBalance } from "~/domain/post-grant/settlement";
import { UserError, notFound } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import {
  DocumentKind,
  DossierEventKind,
  DossierStatus,
  PaymentKind,
  PaymentStatus,
  ReportStatus,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { renderFinancialReport } from "~/pdf/financial-report.server";
import { reportApproved } from "~emails/report-approved";
import { reportCorrectionRequested } from "~emails/report-correction-requested";
import { reportSubmitted } from "~emails/report-submitted";

import { attachmentRow } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { applicantDossierUrl, portalUrl } from "~/services/dossiers/links.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import type { UploadInspection } from "~/services/platform/uploads.server";

import { recordFollowUp } from "./follow-up.server";
import { financedPeriods, periodLabel, reportContextOf, reportTerms } from "./report-context.server";

type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { timeout: 30_000 };

export const applicantReportUrl = (appUrl: string, dossierId: string, period: number) =>
  portalUrl(appUrl, `/dossiers/${dossierId}/comptes-rendus/${period}`);
export const staffReportUrl = (appUrl: string, dossierId: string, period: number) =>
  portalUrl(appUrl, `/instruction/dossiers/${dossierId}/comptes-rendus/${period}`);

type Dossier = Awaited<ReturnType<typeof getDossierForMember>>;

async function reportOf(db: PrismaClient | Tx, dossier: Dossier, period: number) {
  if (dossier.status !== DossierStatus.GRANTED && dossier.status !== DossierStatus.SETTLED)
    throw notFound("Compte rendu introuvable.");
  const report = await db.financialReport.findUnique({
    where: { dossierId_period: { dossierId: dossier.id, period } },
  });
  if (!report) throw notFound("Compte rendu introuvable.");
  return report;
}

/** Locks the report's row until the transaction ends and returns its status read under the lock. */
async function lockReport(tx: Tx, reportId: string) {
  const [row] = await tx.$queryRaw<Array<{ status: ReportStatus }>>`
    SELECT "status" FROM "FinancialReport" WHERE "id" = ${reportId} FOR UPDATE`;
  if (!row) throw notFound("Compte rendu introuvable.");
  return row.status;
}

function refuse(check: { ok: boolean; error?: string }) {
  if (!check.ok) throw new UserError(check.error ?? "Action impossible.", { status: 409 });
}

/** Everything a report's page shows, for a member of the organisation or Region staff. */
export async function reportView(
  db: PrismaClient,
  who: { userId: string } | { staff: StaffActor },
  dossierId: string,
  period: number,
) {
  const dossier =
    "staff" in who
      ? await getDossierForStaff(db, who.staff, dossierId)
      : await getDossierForMember(db, who.userId, dossierId);
  const report = await reportOf(db, dossier, period);
  const terms = reportTerms(dossier.schemeCode, dossier.ruleSet.parameters);
  const context = await reportContextOf(db, dossier, terms);
  const [attachments, document, periods, submittedBy, payments] = await Promise.all([
    db.attachment.findMany({
      where: { reportId: report.id, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
    }),
    db.generatedDocument.findFirst({
      where: { dossierId: dossier.id, kind: DocumentKind.FINANCIAL_REPORT, period },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true },
    }),
    financedPeriods(db, dossier.id, dossier.agreementAcceptedAt ?? report.periodStart),
    report.submittedById
      ? db.user.findUnique({
          where: { id: report.submittedById },
          select: { firstName: true, lastName: true },
        })
      : null,
    db.payment.findMany({ where: { dossierId: dossier.id, period }, orderBy: { position: "asc" } }),
  ]);
  const stored = storedReportAnswers(report.answers);
  const periodAmountCents = periods.find((item) => item.period === period)?.amountCents ?? 0;
  const submitted = stored.report ?? null;
  return {
    dossier,
    report,
    terms,
    context,
    values: stored.values,
    submitted,
    attachments,
    document,
    periodAmountCents,
    periodLabel: periodLabel(dossier.schemeCode, period),
    submittedBy: submittedBy ? fullName(submittedBy) : null,
    payments,
    approval: submitted
      ? approvalPreview(dossier, terms, context.lines, periodAmountCents, submitted, payments)
      : null,
  };
}

type PaymentRow = {
  kind: PaymentKind;
  status: PaymentStatus;
  plannedAmountCents: number;
  requestedAmountCents: number | null;
  approvedAmountCents: number | null;
  paidAmountCents: number | null;
};

/** What the period's other payments already committed: paid, approved, or asked for. */
function committedCents(payments: readonly PaymentRow[]) {
  return payments
    .filter((payment) => payment.kind !== PaymentKind.BALANCE && payment.status !== PaymentStatus.CANCELLED)
    .reduce(
      (sum, payment) =>
        sum +
        (payment.paidAmountCents ??
          payment.approvedAmountCents ??
          payment.requestedAmountCents ??
          payment.plannedAmountCents),
      0,
    );
}

/** The subsidy the portal proposes to retain for the period, and how it is computed. */
function approvalPreview(
  dossier: Dossier,
  terms: ReturnType<typeof reportTerms>,
  lines: ReadonlyArray<{ side: "EXPENSE" | "RESOURCE"; category: string; amountCents: number }>,
  periodAmountCents: number,
  submitted: FinancialReportAnswers,
  payments: readonly PaymentRow[],
) {
  let retainedCents = periodAmountCents;
  let explanation = `Subvention de la période\u00a0: ${formatEuros(periodAmountCents)}, réductible par l’instructeur.`;
  const editable = dossier.schemeCode !== SchemeCode.A_VOS_ID;
  if (dossier.schemeCode === SchemeCode.A_VOS_ID) {
    const forecast = forecastEligibleCents(
      lines.map((line) => ({ ...line, id: "", label: "" })),
      terms.eligibleCategories,
    );
    const final = aVosIdFinalSubsidy({
      grantedCents: dossier.grantedAmountCents ?? 0,
      forecastEligibleCents: forecast,
      actualEligibleCents: submitted.eligibleExpensesPaidCents ?? 0,
      maxSubsidyRatePercent: terms.maxSubsidyRatePercent,
    });
    retainedCents = final.finalCents;
    explanation = `min(subvention accordée ${formatEuros(dossier.grantedAmountCents ?? 0)}\u202f; ${final.ratePercent.toLocaleString("fr-FR")}\u00a0% × dépenses éligibles payées ${formatEuros(submitted.eligibleExpensesPaidCents ?? 0)}) = ${formatEuros(final.finalCents)}`;
  }
  const committed = committedCents(payments);
  return { retainedCents, editable, explanation, committedCents: committed, maxCents: periodAmountCents };
}

export interface ReportFiles {
  /** The pieces sent with the form, by kind (already inspected). */
  files: ReadonlyArray<{ kind: string; inspection: UploadInspection }>;
}

/** Stores the pieces sent with the form; returns the storage keys written (to delete on a failure). */
async function storePieces(
  tx: Tx,
  storage: FileStorage,
  input: { dossierId: string; reportId: string; userId: string; now: Date; written: string[] } & ReportFiles,
) {
  for (const file of input.files) {
    if (!file.inspection.ok)
      throw new UserError(file.inspection.error, {
        status: 400,
        fieldErrors: { [`piece_${file.kind}`]: file.inspection.error },
      });
    const storageKey = newStorageKey(input.now);
    input.written.push(storageKey);
    await storage.put(storageKey, file.inspection.bytes, { contentType: file.inspection.mime });
    // A new file of a kind replaces the previous one (kept, marked removed).
    await tx.attachment.updateMany({
      where: { reportId: input.reportId, kind: file.kind, deletedAt: null },
      data: { deletedAt: input.now },
    });
    await tx.attachment.create({
      data: {
        ...attachmentRow(file.inspection, {
          dossierId: input.dossierId,
          kind: file.kind,
          storageKey,
          uploadedById: input.userId,
          createdAt: input.now,
        }),
        reportId: input.reportId,
      },
    });
  }
}

async function withStoredFiles<T>(storage: FileStorage, run: (written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    return await run(written);
  } catch (error) {
    for (const key of written) await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/** A refusal of the form: French errors by field; the values typed come back with it. */
export class ReportFormError extends UserError {
  constructor(fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(" "), { status: 422, fieldErrors });
    this.name = "ReportFormError";
  }
}

interface MemberInput extends ReportFiles {
  userId: string;
  dossierId: string;
  period: number;
  values: Record<string, unknown>;
  now?: Date;
  appUrl: string;
  ip?: string | null;
}

/** Saves what was typed (and the pieces sent) as the report's draft: a draft may be incomplete. */
export async function saveReportDraft(db: PrismaClient, storage: FileStorage, input: MemberInput) {
  const now = input.now ?? new Date();
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  const report = await reportOf(db, dossier, input.period);
  const terms = reportTerms(dossier.schemeCode, dossier.ruleSet.parameters);
  const context = await reportContextOf(db, dossier, terms);
  const values = reportValues(context, input.values);
  const reading = readReport(context, values, "draft");
  if (!reading.ok) throw new ReportFormError(reading.errors);
  await withStoredFiles(storage, (written) =>
    db.$transaction(async (tx) => {
      const status = await lockReport(tx, report.id);
      if (status !== ReportStatus.DUE && status !== ReportStatus.CORRECTION_REQUESTED)
        throw new UserError("Ce compte rendu a été envoyé\u202f: il ne peut plus être modifié.", {
          status: 409,
        });
      await storePieces(tx, storage, { ...input, reportId: report.id, now, written });
      await tx.financialReport.update({
        where: { id: report.id },
        data: { answers: { values } as Prisma.InputJsonValue },
      });
      await recordFollowUp(tx, {
        dossierId: dossier.id,
        actorId: input.userId,
        action: "post_grant.report_saved",
        reason: `Compte rendu financier (${periodLabel(dossier.schemeCode, input.period)}) enregistré en brouillon`,
        target: { type: "FinancialReport", id: report.id },
        details: { period: input.period },
        ip: input.ip,
        now,
      });
    }, TX_OPTIONS),
  );
}

/**
 * SUBMIT: the complete report with every required piece (sent now or with a draft) goes to the instructor;
 * its PDF is issued. What was typed is saved as the draft first, so nothing is lost on a refusal.
 */
export async function submitReport(db: PrismaClient, storage: FileStorage, input: MemberInput) {
  const now = input.now ?? new Date();
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  const report = await reportOf(db, dossier, input.period);
  const terms = reportTerms(dossier.schemeCode, dossier.ruleSet.parameters);
  const context = await reportContextOf(db, dossier, terms);
  const values = reportValues(context, input.values);
  const full = readReport(context, values, "submit");
  if (!full.ok) {
    // The draft keeps what was typed (and the pieces sent) when it is readable; the errors come back.
    if (
      readReport(context, values, "draft").ok &&
      checkReportMove({ status: report.status, move: "SUBMIT", role: UserRole.APPLICANT }).ok
    )
      await saveReportDraft(db, storage, { ...input, now });
    throw new ReportFormError(full.errors);
  }
  const label = periodLabel(dossier.schemeCode, input.period);
  await withStoredFiles(storage, (written) =>
    db.$transaction(async (tx) => {
      const status = await lockReport(tx, report.id);
      refuse(checkReportMove({ status, move: "SUBMIT", role: UserRole.APPLICANT }));
      await storePieces(tx, storage, { ...input, reportId: report.id, now, written });
      const pieces = await tx.attachment.findMany({
        where: { reportId: report.id, deletedAt: null },
        orderBy: { createdAt: "asc" },
      });
      const missing = terms.attachments.filter(
        (required) => !pieces.some((piece) => piece.kind === required.kind),
      );
      if (missing.length > 0) {
        throw new UserError(
          `Joignez ${missing.length === 1 ? "la pièce requise" : "les pièces requises"}\u00a0: ${missing.map((item) => item.label).join(", ")}.`,
          {
            status: 422,
            fieldErrors: Object.fromEntries(
              missing.map((item) => [`piece_${item.kind}`, "Joignez cette pièce."]),
            ),
          },
        );
      }
      const submitter = await tx.user.findUniqueOrThrow({
        where: { id: input.userId },
        select: { firstName: true, lastName: true },
      });
      const periods = await financedPeriods(
        tx,
        dossier.id,
        dossier.agreementAcceptedAt ?? report.periodStart,
      );
      const labels = new Map(terms.attachments.map((item) => [item.kind, item.label]));
      const pdf = await renderFinancialReport({
        dossierNumber: dossier.number ?? "",
        title: dossier.title,
        schemeName: dossier.scheme.name,
        organisation: dossier.organisation,
        periodLabel: label,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        grantedCents: dossier.grantedAmountCents ?? 0,
        periodAmountCents: periods.find((item) => item.period === input.period)?.amountCents ?? 0,
        thresholdPercent: terms.thresholdPercent,
        report: full.report,
        submittedAt: now,
        submittedBy: fullName(submitter),
        attachments: pieces.map((piece) => ({
          label: labels.get(piece.kind) ?? "Autre pièce",
          fileName: piece.fileName,
          sizeBytes: piece.sizeBytes,
          sha256: piece.sha256,
        })),
      });
      const storageKey = newStorageKey(now);
      written.push(storageKey);
      await storage.put(storageKey, pdf, { contentType: "application/pdf" });
      const document = await tx.generatedDocument.create({
        data: {
          dossierId: dossier.id,
          kind: DocumentKind.FINANCIAL_REPORT,
          storageKey,
          period: input.period,
          createdAt: now,
        },
      });
      await tx.dossierEvent.create({
        data: {
          dossierId: dossier.id,
          kind: DossierEventKind.DOCUMENT_ISSUED,
          actorId: input.userId,
          reason: `Compte rendu financier établi (${label})`,
          data: { documentId: document.id, kind: DocumentKind.FINANCIAL_REPORT, period: input.period },
          createdAt: now,
        },
      });
      await tx.financialReport.update({
        where: { id: report.id },
        data: {
          status: ReportStatus.SUBMITTED,
          answers: { values, report: full.report } as unknown as Prisma.InputJsonValue,
          revision: { increment: 1 },
          submittedAt: now,
          submittedById: input.userId,
        },
      });
      await recordFollowUp(tx, {
        dossierId: dossier.id,
        actorId: input.userId,
        action: "post_grant.report_submitted",
        reason: `Compte rendu financier (${label}) envoyé`,
        target: { type: "FinancialReport", id: report.id },
        details: { period: input.period },
        ip: input.ip,
        now,
      });
      const assigneeId = (
        await tx.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { assigneeId: true } })
      ).assigneeId;
      if (assigneeId) {
        const assignee = await tx.user.findUniqueOrThrow({
          where: { id: assigneeId },
          select: { firstName: true },
        });
        const url = staffReportUrl(input.appUrl, dossier.id, input.period);
        await notifyStaff(
          tx,
          {
            userId: assigneeId,
            dossierId: dossier.id,
            line: `${dossier.number}\u00a0: compte rendu financier reçu (${label})`,
            url,
            email: reportSubmitted({
              firstName: assignee.firstName,
              dossierNumber: dossier.number ?? "",
              dossierTitle: dossier.title,
              periodLabel: label,
              submittedAt: now,
              url,
            }),
          },
          now,
        );
      }
    }, TX_OPTIONS),
  );
}

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

export type { RawReport };
