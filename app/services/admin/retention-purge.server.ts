// The purge of a dossier past its retention period: its personal data go in one transaction (purgedAt set),
// then its stored files, from the rows left for them — so a crash between the two is finished at the next
// run, and a download of a purged dossier answers 410 from the moment the transaction commits.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { EXPENSE_CATEGORIES, RESOURCE_ORIGINS } from "~/domain/budget";
import { dossierSteps } from "~/domain/dossier-forms";
import {
  FINISHED_STATUSES,
  isPurgeDue,
  PURGED_TEXT,
  purgedAnswers,
  type RetentionSettings,
} from "~/domain/retention";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, type SchemeCode } from "~/generated/prisma/enums";
import { purgedDeclaration, purgedReportAnswers } from "~/domain/post-grant/retention";

import { answersOf, formContext } from "~/services/applicant/dossiers.server";
import { claim, factsOf, TX_OPTIONS } from "./retention-dossiers.server";
import { StorageNotFoundError, type FileStorage } from "~/services/platform/storage.server";

/** Files deleted per run: the rest follow ten minutes later. */
const FILE_BATCH = 500;

const CATEGORY_LABELS: Record<string, string> = { ...EXPENSE_CATEGORIES, ...RESOURCE_ORIGINS };
/** Events keep their motivation only when it is the decision's (granted, refused, closed): the audit trail. */
const DECISION_EVENT: Prisma.DossierEventWhereInput = {
  kind: DossierEventKind.STATUS_CHANGE,
  toStatus: { in: [...FINISHED_STATUSES] },
};

/**
 * Removes the dossier's personal data in one transaction and sets purgedAt; its files are deleted right
 * after by deletePurgedFiles, from the rows left for it. Kept for statistics and the audit trail: number,
 * scheme, status, amounts, dates, department, territory, sector, jobs, employee-associates, the events.
 */
export async function purgeDossier(
  db: PrismaClient,
  dossierId: string,
  settings: RetentionSettings,
  now: Date,
) {
  return db.$transaction(async (tx) => {
    const row = await claim(tx, dossierId);
    if (!row || !isPurgeDue(factsOf(row), settings, now)) return false;
    const dossier = await tx.dossier.findUniqueOrThrow({
      where: { id: dossierId },
      select: { schemeCode: true, answers: true, ruleSet: { select: { parameters: true } } },
    });
    const context = await formContext(tx, dossier.schemeCode, dossier.ruleSet.parameters);
    const answers = purgedAnswers(dossierSteps(dossier.schemeCode, context), answersOf(dossier.answers));
    const where = { dossierId };

    // Message attachments outlive their message until their file is deleted (the cascade would lose the key).
    const files = await tx.attachment.updateMany({
      where,
      data: { messageId: null, fileName: "Pièce supprimée", deletedAt: now },
    });
    const documents = await tx.generatedDocument.count({ where });
    const messages = await tx.message.deleteMany({ where });
    const notes = await tx.instructorNote.deleteMany({ where });
    const comments = await tx.funderComment.deleteMany({ where });
    await tx.correctionRequest.updateMany({
      where,
      data: { reason: PURGED_TEXT, answersBefore: Prisma.DbNull },
    });
    await tx.instructionOpinion.updateMany({ where, data: { motivation: PURGED_TEXT } });
    await tx.funderPledge.updateMany({ where, data: { note: null } });
    await tx.projectReviewItem.updateMany({ where, data: { minutes: null } });
    await tx.dossierEvent.updateMany({ where, data: { data: Prisma.DbNull } });
    await tx.dossierEvent.updateMany({ where: { dossierId, NOT: DECISION_EVENT }, data: { reason: null } });
    const categories = await tx.dossierBudgetLine.groupBy({ by: ["category"], where });
    for (const { category } of categories) {
      await tx.dossierBudgetLine.updateMany({
        where: { dossierId, category },
        data: { label: CATEGORY_LABELS[category] ?? "" },
      });
    }
    const followUp = await purgeFollowUp(tx, dossierId, dossier.schemeCode);
    await tx.dossier.update({
      where: { id: dossierId },
      data: {
        answers,
        lastEditedById: null,
        purgedAt: now,
        revision: { increment: 1 },
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: AUDIT_ACTIONS.dossierPurged,
        targetType: "Dossier",
        targetId: dossierId,
        details: {
          number: row.number,
          files: files.count + documents,
          messages: messages.count,
          notes: notes.count,
          funderComments: comments.count,
          ...followUp,
        },
        createdAt: now,
      },
    });
    return true;
  }, TX_OPTIONS);
}

/**
 * The personal data of the dossier's life after the grant. Its files (payment proofs, report pieces, the
 * paper agreement's scan) are attachments of the dossier and its PDFs generated documents, so they go with
 * the others; the rows stay with their amounts, dates and statuses, without names, addresses or free text.
 */
async function purgeFollowUp(tx: Prisma.TransactionClient, dossierId: string, schemeCode: SchemeCode) {
  const where = { dossierId };
  const acceptances = await tx.agreementAcceptance.updateMany({
    where,
    data: { signatoryName: PURGED_TEXT, signatoryRole: null, ipAddress: null, userAgent: null },
  });
  const payments = await tx.payment.findMany({ where, select: { id: true, declaration: true } });
  for (const payment of payments) {
    const declaration = purgedDeclaration(payment.declaration);
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        correctionNote: null,
        declaration: declaration === null ? Prisma.DbNull : (declaration as Prisma.InputJsonValue),
      },
    });
  }
  const reports = await tx.financialReport.findMany({ where, select: { id: true, answers: true } });
  for (const report of reports) {
    const answers = purgedReportAnswers(report.answers, schemeCode, (key) => CATEGORY_LABELS[key] ?? "");
    await tx.financialReport.update({
      where: { id: report.id },
      data: { answers: answers as Prisma.InputJsonValue, correctionNote: null },
    });
  }
  const recoveries = await tx.recovery.updateMany({ where, data: { reason: PURGED_TEXT } });
  return {
    acceptances: acceptances.count,
    payments: payments.length,
    reports: reports.length,
    recoveries: recoveries.count,
  };
}

/**
 * Deletes the stored files of purged dossiers, then their rows. Only the files the dossier had when it was
 * purged: anything added since (a message sent afterwards) is not the purge's to take. A file already
 * missing is not an error; a storage failure leaves the row, and the file is tried again at the next run.
 */
export async function deletePurgedFiles(db: PrismaClient, storage: FileStorage, limit = FILE_BATCH) {
  type Row = { id: string; storageKey: string };
  const tables = [
    {
      rows: await db.$queryRaw<Row[]>`
        SELECT a."id", a."storageKey" FROM "Attachment" a JOIN "Dossier" d ON d."id" = a."dossierId"
        WHERE d."purgedAt" IS NOT NULL AND a."createdAt" <= d."purgedAt"
        ORDER BY a."id" LIMIT ${limit}`,
      remove: (id: string) => db.attachment.deleteMany({ where: { id } }),
    },
    {
      rows: await db.$queryRaw<Row[]>`
        SELECT g."id", g."storageKey" FROM "GeneratedDocument" g JOIN "Dossier" d ON d."id" = g."dossierId"
        WHERE d."purgedAt" IS NOT NULL AND g."createdAt" <= d."purgedAt"
        ORDER BY g."id" LIMIT ${limit}`,
      remove: (id: string) => db.generatedDocument.deleteMany({ where: { id } }),
    },
  ];
  let deleted = 0;
  let failed = 0;
  for (const { rows, remove } of tables) {
    for (const row of rows) {
      try {
        await storage.delete(row.storageKey);
      } catch (error) {
        if (!(error instanceof StorageNotFoundError)) {
          failed += 1;
          continue;
        }
      }
      await remove(row.id);
      deleted += 1;
    }
  }
  return { deleted, failed };
}
