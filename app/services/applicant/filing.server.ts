// Filing a dossier: the checklist of what is missing, then, in one transaction, the number, the snapshot
// of the answers, the event, the receipt PDF and the email that carries it. Filing twice files once.
import { readDossierAnswers, SCHEME_FORMS, type DossierReading } from "~/domain/dossier-forms";
import type { SchemeResult } from "~/domain/eligibility/evaluate";
import {
  answerItems,
  attachmentItems,
  organisationProblems,
  type ChecklistSection,
} from "~/domain/filing-checklist";
import { parisYear } from "~/domain/paris-time";
import { parseRuleSetParameters, type RuleSetParametersByScheme } from "~/domain/schemes";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierStatus } from "~/generated/prisma/enums";
import { renderFilingReceipt } from "~/pdf/filing-receipt.server";

import { nextDossierNumber } from "~/services/dossiers/numbers.server";
import { answerCorrection } from "./correction-answer.server";
import { dossierEligibility, filingReceiptData, filingSnapshot } from "./filing-record.server";
import { applyTransition, lockDossier } from "~/services/dossiers/transitions.server";
import {
  answersOf,
  DossierError,
  formContext,
  getDossierForMember,
  moveDraftToRulesInForce,
  openCall,
} from "./dossiers.server";
import { ruleSetsInForce } from "~/services/schemes/eligibility.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

type Dossier = Awaited<ReturnType<typeof getDossierForMember>>;

export interface Checklist {
  reading: DossierReading;
  sections: ChecklistSection[];
  eligibility: SchemeResult;
  /** The filing window is closed (drafts only): the message says when the next one opens. */
  closedMessage: string | null;
  ready: boolean;
}

/** The eligibility of the dossier judged by its own rule-set version, not today's. */
async function recheckEligibility(db: PrismaClient, dossier: Dossier, reading: DossierReading) {
  const parsed = parseRuleSetParameters(dossier.schemeCode, dossier.ruleSet.parameters);
  if (!parsed.ok) throw new Error(parsed.error);
  const inForce = await ruleSetsInForce(db);
  const ruleSets = {
    ...inForce,
    [dossier.schemeCode]: { version: dossier.ruleSet.version, parameters: parsed.parameters },
  } as typeof inForce;
  return dossierEligibility(dossier.schemeCode, dossier.organisation, reading, ruleSets);
}

export async function dossierChecklist(
  db: PrismaClient,
  dossier: Dossier,
  now = new Date(),
): Promise<Checklist> {
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters, dossier);
  const reading = readDossierAnswers(dossier.schemeCode, context, answersOf(dossier.answers));
  const attachments = await db.attachment.findMany({
    where: { dossierId: dossier.id, deletedAt: null, messageId: null },
    select: { kind: true },
  });
  const required = (context.parameters as RuleSetParametersByScheme[typeof dossier.schemeCode])
    .requiredAttachments;
  const notNeeded = new Set(SCHEME_FORMS[dossier.schemeCode].attachmentsNotNeeded?.(reading.values) ?? []);
  const eligibility = await recheckEligibility(db, dossier, reading);
  const sections: ChecklistSection[] = [
    { title: "Les réponses du dossier", items: answerItems(dossier.id, reading.issues) },
    { title: "Le profil de l’organisation", items: organisationProblems(dossier.organisation) },
    {
      title: "Les pièces justificatives",
      items: attachmentItems(dossier.id, required, new Set(attachments.map((row) => row.kind)), notNeeded),
    },
  ];
  const closedMessage =
    dossier.status === DossierStatus.DRAFT ? (await openCall(db, dossier.schemeId, now)).closedMessage : null;
  const ready =
    sections.every((section) => section.items.length === 0) &&
    eligibility.eligible === true &&
    !closedMessage;
  return { reading, sections, eligibility, closedMessage, ready };
}

/** `corrected`: a dossier sent back after a correction (no new receipt, no email to its applicants). */
export type FilingResult = { number: string; alreadyFiled: boolean; corrected?: boolean };

/**
 * Files a draft, or sends back a dossier whose correction was requested. The dossier row is locked for
 * the transaction, so a double click or two colleagues filing at once file it once.
 */
export async function fileDossier(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    userId: string;
    dossierId: string;
    appUrl: string;
    now?: Date;
    /** With a corrected dossier: a word for the instructor. */
    note?: string;
  },
): Promise<FilingResult> {
  const now = input.now ?? new Date();
  let dossier = await getDossierForMember(db, input.userId, input.dossierId);
  if (dossier.status !== DossierStatus.DRAFT && dossier.status !== DossierStatus.CORRECTION_REQUESTED) {
    if (dossier.number) return { number: dossier.number, alreadyFiled: true };
    throw new DossierError("Ce dossier ne peut pas être déposé dans son état actuel.", 409);
  }
  if (await moveDraftToRulesInForce(db, dossier, now)) {
    dossier = await getDossierForMember(db, input.userId, input.dossierId);
  }
  const checklist = await dossierChecklist(db, dossier, now);
  if (!checklist.ready) {
    throw new DossierError(
      checklist.eligibility.eligible === false
        ? "Ce dossier ne remplit pas les conditions d’éligibilité du dispositif : il ne peut pas être déposé."
        : (checklist.closedMessage ??
            "Le dossier est incomplet : complétez les éléments indiqués avant de le déposer."),
      422,
    );
  }
  return dossier.status === DossierStatus.DRAFT
    ? fileDraft(db, storage, dossier, checklist, input.userId, input.appUrl, now)
    : answerCorrection(db, dossier, {
        snapshot: (attachments) => snapshot(dossier, checklist, attachments),
        title: checklist.reading.title ?? dossier.title,
        userId: input.userId,
        appUrl: input.appUrl,
        note: input.note ?? "",
        now,
      });
}

function snapshot(
  dossier: Dossier,
  checklist: Checklist,
  attachments: AttachmentRow[],
): Prisma.InputJsonObject {
  return filingSnapshot({
    ruleSetVersion: dossier.ruleSet.version,
    answers: answersOf(dossier.answers),
    reading: checklist.reading,
    eligibility: checklist.eligibility,
    attachments,
  });
}

type AttachmentRow = { kind: string; fileName: string; sizeBytes: number; sha256: string };

async function fileDraft(
  db: PrismaClient,
  storage: FileStorage,
  dossier: Dossier,
  checklist: Checklist,
  userId: string,
  appUrl: string,
  now: Date,
): Promise<FilingResult> {
  const receiptKey = newStorageKey(now);
  try {
    return await db.$transaction(
      async (tx) => {
        // Locks the row: a second filing waits here, then sees the dossier filed.
        const locked = await lockDossier(tx, dossier.id);
        if (locked.status !== DossierStatus.DRAFT) {
          if (locked.number) return { number: locked.number, alreadyFiled: true };
          throw new DossierError("Ce dossier ne peut pas être déposé dans son état actuel.", 409);
        }
        const number = await nextDossierNumber(tx, dossier.scheme.numberPrefix, parisYear(now));
        const [attachments, user] = await Promise.all([
          tx.attachment.findMany({
            where: { dossierId: dossier.id, deletedAt: null, messageId: null },
            orderBy: { createdAt: "asc" },
            select: { kind: true, fileName: true, sizeBytes: true, sha256: true },
          }),
          tx.user.findUniqueOrThrow({ where: { id: userId } }),
        ]);
        const receipt = await renderFilingReceipt(
          filingReceiptData(dossier, {
            number,
            filedAt: now,
            filedBy: user,
            reading: checklist.reading,
            attachments,
            appUrl,
          }),
        );
        await storage.put(receiptKey, receipt, { contentType: "application/pdf" });
        // The receipt is recorded and emailed to the person who filed, with the move (TRANSITIONS.FILE).
        await applyTransition(tx, {
          dossierId: dossier.id,
          from: locked.status,
          transition: "FILE",
          actor: { id: userId, role: "APPLICANT" },
          reason: "Dépôt du dossier",
          data: snapshot(dossier, checklist, attachments),
          changes: { number, filedAt: now },
          documents: [
            {
              kind: DocumentKind.FILING_RECEIPT,
              fileName: `Récépissé ${number}.pdf`,
              storageKey: receiptKey,
            },
          ],
          appUrl,
          notice: {
            dossierTitle: checklist.reading.title ?? dossier.title,
            schemeName: dossier.scheme.name,
            organisationName: dossier.organisation.name,
            requestedAmountCents: checklist.reading.summary.requestedAmountCents,
          },
          now,
        });
        return { number, alreadyFiled: false };
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  } catch (error) {
    // The transaction did not commit — or its answer was lost after it did: the receipt goes only if no
    // dossier names it (a store may also have written it before its own answer was lost).
    await deleteUnreferencedFiles(db, storage, [receiptKey]);
    throw error;
  }
}
