// The conversation between a dossier's applicants and the Region's instruction service: the thread as the
// applicants read it, and posting a message with its attachments (the form and its checks: message-form.server.ts).
// The files are stored before the transaction that records the message and its email, and removed again
// if that transaction fails, so a refused or failed message leaves nothing behind.
import { REGION_AUTHOR_LABEL } from "~/domain/dossier-timeline";
import { fullName } from "~/domain/people";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";
import { messageReceived } from "~emails/message-received";

import { attachmentRow, OTHER_ATTACHMENT_KIND } from "~/services/applicant/attachments.server";
import {
  DossierError,
  getDossierForMember,
  PURGED_DOSSIER_MESSAGE,
} from "~/services/applicant/dossiers.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { applicantDossierUrl, instructorDossierUrl } from "./links.server";
import { applicantRecipients } from "./transition-notices.server";
import { lockDossier } from "./transitions.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import {
  MessageError,
  messageProblems,
  type AcceptedUpload,
  type MessageUpload,
} from "./message-form.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

/** How applicants see the authors who are not applicants: the service answers, not a named person. */
export { REGION_AUTHOR_LABEL } from "~/domain/dossier-timeline";

/** A dossier's messages, oldest first, with their authors and files, for either side to label. */
function dossierMessages(db: PrismaClient, dossierId: string) {
  return db.message.findMany({
    where: { dossierId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { firstName: true, lastName: true, role: true } },
      attachments: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true },
      },
    },
  });
}

/** The dossier's messages, oldest first, as its applicants see them: Region staff are never named. */
export async function listMessages(db: PrismaClient, userId: string, dossierId: string) {
  const dossier = await getDossierForMember(db, userId, dossierId);
  const messages = await dossierMessages(db, dossier.id);
  return messages.map((message) => {
    const fromApplicant = message.author.role === UserRole.APPLICANT;
    return {
      id: message.id,
      body: message.body,
      createdAt: message.createdAt,
      fromApplicant,
      authorLabel: fromApplicant ? fullName(message.author) : REGION_AUTHOR_LABEL,
      attachments: message.attachments,
    };
  });
}

/**
 * Posts a member's message on a filed dossier and tells the instructor it is assigned to (if any), by
 * email or in their daily digest as they chose, in the same transaction. A message with a refused file is refused whole: nothing is stored.
 */
export async function postMessage(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    userId: string;
    dossierId: string;
    body: string;
    files: MessageUpload[];
    extraFiles?: number;
    appUrl: string;
    now?: Date;
  },
): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  if (dossier.status === DossierStatus.DRAFT) {
    throw new DossierError("Vous pourrez écrire au service instructeur une fois votre dossier déposé.", 409);
  }
  if (dossier.purgedAt) throw new DossierError(PURGED_DOSSIER_MESSAGE, 409);
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  const errors = messageProblems(body, input.files, input.extraFiles);
  if (Object.keys(errors).length > 0) throw new MessageError(errors);

  return storeMessage(
    db,
    storage,
    { dossierId: dossier.id, authorId: input.userId, body, files: input.files, now },
    async (tx, attachmentCount) => {
      if (!dossier.assigneeId) return;
      const [assignee, author] = await Promise.all([
        tx.user.findUniqueOrThrow({ where: { id: dossier.assigneeId }, select: { firstName: true } }),
        tx.user.findUniqueOrThrow({
          where: { id: input.userId },
          select: { firstName: true, lastName: true },
        }),
      ]);
      const url = instructorDossierUrl(input.appUrl, dossier.id);
      await notifyStaff(
        tx,
        {
          userId: dossier.assigneeId,
          dossierId: dossier.id,
          line: `${dossier.number ?? dossier.title} : nouveau message du porteur de projet`,
          url,
          email: messageReceived({
            firstName: assignee.firstName,
            dossierNumber: dossier.number ?? "",
            dossierTitle: dossier.title,
            authorLabel: `${fullName(author)} (${dossier.organisation.name})`,
            excerpt: body,
            attachmentCount,
            url,
          }),
        },
        now,
      );
    },
  );
}

/** How long the same words from the same author on the same dossier count as the same message sent twice. */
const DUPLICATE_WINDOW_MS = 60_000;

/**
 * Stores the files, then records the message, its attachments and what `notify` writes (emails) in one
 * transaction. A message with a refused file is refused whole: nothing is stored.
 */
async function storeMessage(
  db: PrismaClient,
  storage: FileStorage,
  input: { dossierId: string; authorId: string; body: string; files: MessageUpload[]; now: Date },
  notify: (tx: Prisma.TransactionClient, attachmentCount: number) => Promise<void>,
): Promise<{ id: string }> {
  const { now } = input;
  const stored: Array<{ key: string; file: AcceptedUpload }> = [];
  try {
    for (const file of input.files as AcceptedUpload[]) {
      const key = newStorageKey(now);
      stored.push({ key, file });
      await storage.put(key, file.inspection.bytes, { contentType: file.inspection.mime });
    }
    const posted = await db.$transaction(async (tx) => {
      // A form sent twice (double click, resent after a slow answer) posts once: the dossier row is locked,
      // so the second waits here, then finds the same words from the same author a moment ago.
      await lockDossier(tx, input.dossierId);
      const twin = await tx.message.findFirst({
        where: {
          dossierId: input.dossierId,
          authorId: input.authorId,
          body: input.body,
          createdAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) },
        },
        select: { id: true },
      });
      if (twin) return { message: twin, duplicate: true };
      const message = await tx.message.create({
        data: { dossierId: input.dossierId, authorId: input.authorId, body: input.body, createdAt: now },
        select: { id: true },
      });
      if (stored.length > 0) {
        await tx.attachment.createMany({
          data: stored.map(({ key, file }) =>
            attachmentRow(file.inspection, {
              dossierId: input.dossierId,
              messageId: message.id,
              kind: OTHER_ATTACHMENT_KIND,
              storageKey: key,
              uploadedById: input.authorId,
              createdAt: now,
            }),
          ),
        });
      }
      await notify(tx, stored.length);
      return { message, duplicate: false };
    });
    if (posted.duplicate) {
      await Promise.all(stored.map(({ key }) => storage.delete(key).catch(() => undefined)));
    }
    return posted.message;
  } catch (error) {
    // The message was not recorded, or its answer was lost: only files no row names go.
    await deleteUnreferencedFiles(
      db,
      storage,
      stored.map(({ key }) => key),
    );
    throw error;
  }
}

/** How the applicants' emails name the author of a message from the Region. */
const INSTRUCTION_SERVICE_AUTHOR = "le service instructeur de la Région";

/**
 * Posts a message of Region staff on a dossier they may see, with the same checks as an applicant's, and
 * emails every active member of the applicant organisation in the same transaction.
 */
export async function postInstructorMessage(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    actor: StaffActor;
    dossierId: string;
    body: string;
    files: MessageUpload[];
    extraFiles?: number;
    appUrl: string;
    now?: Date;
  },
): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  if (dossier.purgedAt) throw new DossierError(PURGED_DOSSIER_MESSAGE, 409);
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  const errors = messageProblems(body, input.files, input.extraFiles);
  if (Object.keys(errors).length > 0) throw new MessageError(errors);
  return storeMessage(
    db,
    storage,
    { dossierId: dossier.id, authorId: input.actor.id, body, files: input.files, now },
    async (tx, attachmentCount) => {
      for (const member of await applicantRecipients(tx, dossier.organisationId)) {
        const email = messageReceived({
          firstName: member.firstName,
          dossierNumber: dossier.number ?? "",
          dossierTitle: dossier.title,
          authorLabel: INSTRUCTION_SERVICE_AUTHOR,
          excerpt: body,
          attachmentCount,
          url: applicantDossierUrl(input.appUrl, dossier.id),
        });
        await enqueueEmail(tx, { ...email, to: member.email }, { now });
      }
    },
  );
}

/** The dossier's messages, oldest first, as Region staff read them: every author named. */
export async function listMessagesForStaff(db: PrismaClient, actor: StaffActor, dossierId: string) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const messages = await dossierMessages(db, dossier.id);
  return messages.map((message) => {
    const fromApplicant = message.author.role === UserRole.APPLICANT;
    const name = fullName(message.author);
    return {
      id: message.id,
      body: message.body,
      createdAt: message.createdAt,
      fromApplicant,
      authorLabel: fromApplicant
        ? `${name} (${dossier.organisation.name})`
        : `${name} (${REGION_AUTHOR_LABEL})`,
      attachments: message.attachments,
    };
  });
}
