// The association's side of a financial report: it saves its draft and sends it with the pieces the granted
// rule set requires. Each move locks the report's row, is checked by the report machine, and is written with
// its timeline line, audit line, emails and (at submission) its PDF in one transaction.
import { readReport, reportValues } from "~/domain/post-grant/report";
import { checkReportMove } from "~/domain/post-grant/report-workflow";
import { UserError } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { ReportStatus, UserRole } from "~/generated/prisma/enums";
import { reportSubmitted } from "~emails/report-submitted";

import { attachmentRow } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";
import type { UploadInspection } from "~/services/platform/uploads.server";

import { recordFollowUp } from "./follow-up.server";
import { writeReportDocument } from "./report-documents.server";
import { periodLabel, reportContextOf, reportTerms } from "./report-context.server";
import { lockReport, refuse, reportOf, staffReportUrl, TX_OPTIONS } from "./reports.server";

type Tx = Prisma.TransactionClient;

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

async function withStoredFiles<T>(
  db: PrismaClient,
  storage: FileStorage,
  run: (written: string[]) => Promise<T>,
): Promise<T> {
  const written: string[] = [];
  try {
    return await run(written);
  } catch (error) {
    // A lost commit acknowledgement may hide a committed row: only files no row names are removed.
    await deleteUnreferencedFiles(db, storage, written);
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
  await withStoredFiles(db, storage, (written) =>
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
  await withStoredFiles(db, storage, (written) =>
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
      await writeReportDocument(tx, storage, {
        dossier,
        report: { ...report, report: full.report },
        period: input.period,
        terms,
        submittedById: input.userId,
        now,
        written,
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
