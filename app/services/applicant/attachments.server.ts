// A dossier's attachments: upload (type checked by content, size limit), replace, remove, download.
// Files are stored under keys the server makes up and only ever served to members of the organisation.
import type { Readable } from "node:stream";

import { env } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus } from "~/generated/prisma/enums";

import { DossierError, getDossierForMember, isEditableByApplicant } from "./dossiers.server";
import { inspectUpload, type UploadInspection, type UploadSource } from "~/services/platform/uploads.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { notFound, UserError } from "~/domain/user-error";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

/** Files sent after the grant (payment proofs, report pieces, the signed agreement) are not filing pieces. */
export const NOT_POST_GRANT = { paymentId: null, reportId: null, acceptanceId: null } as const;

/** The kind of a file that is none of the required pieces. */
export const OTHER_ATTACHMENT_KIND = "OTHER";

/** The row of a stored file, with what its content was recognised as (never what the browser claimed). */
export function attachmentRow(
  inspection: Extract<UploadInspection, { ok: true }>,
  row: {
    dossierId: string;
    kind: string;
    storageKey: string;
    uploadedById: string;
    createdAt: Date;
    messageId?: string;
  },
) {
  return {
    ...row,
    fileName: inspection.downloadName,
    mimeType: inspection.mime,
    sizeBytes: inspection.size,
    sha256: inspection.sha256,
  };
}

const PIECES_READ_ONLY_MESSAGE =
  "Ce dossier est en cours d’instruction : ses pièces ne peuvent plus être modifiées.";

export class AttachmentError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "AttachmentError";
  }
}

function requiredKinds(parameters: unknown): string[] {
  const list = (parameters as { requiredAttachments?: Array<{ kind: string }> }).requiredAttachments ?? [];
  return list.map((item) => item.kind);
}

export async function listAttachments(db: PrismaClient, userId: string, dossierId: string) {
  await getDossierForMember(db, userId, dossierId);
  return db.attachment.findMany({
    // The filing's pieces only: a payment's proofs, a report's pieces and a signed agreement have their pages.
    where: { dossierId, deletedAt: null, messageId: null, ...NOT_POST_GRANT },
    orderBy: { createdAt: "asc" },
    include: { uploadedBy: { select: { firstName: true, lastName: true } } },
  });
}

/**
 * Stores a file as one of the dossier's pieces. With `replaceId`, the new file takes the old one's place in
 * one transaction. Refused files (type, size, empty) leave nothing behind, in storage or in the database.
 */
export async function uploadAttachment(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    userId: string;
    dossierId: string;
    kind: string;
    fileName: string;
    source: UploadSource;
    replaceId?: string;
    limit?: number;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  if (!isEditableByApplicant(dossier.status)) {
    throw new DossierError(PIECES_READ_ONLY_MESSAGE, 409);
  }
  if (
    input.kind !== OTHER_ATTACHMENT_KIND &&
    !requiredKinds(dossier.ruleSet.parameters).includes(input.kind)
  ) {
    throw new AttachmentError("Type de pièce inconnu pour ce dispositif.");
  }
  const inspection = await inspectUpload(input.source, input.fileName, input.limit ?? env().uploadMaxBytes);
  if (!inspection.ok) throw new AttachmentError(inspection.error);

  const storageKey = newStorageKey(now);
  await storage.put(storageKey, inspection.bytes, { contentType: inspection.mime });
  let replacedKey: string | null = null;
  try {
    const created = await db.$transaction(async (tx) => {
      if (input.replaceId) {
        const replaced = await tx.attachment.findFirst({
          where: { id: input.replaceId, dossierId: dossier.id, deletedAt: null, messageId: null },
        });
        const marked = await tx.attachment.updateMany({
          where: { id: input.replaceId, dossierId: dossier.id, deletedAt: null, messageId: null },
          data: { deletedAt: now },
        });
        if (!replaced || marked.count === 0) throw new AttachmentError("La pièce à remplacer n’existe plus.");
        replacedKey = replaced.storageKey;
      }
      return tx.attachment.create({
        data: attachmentRow(inspection, {
          dossierId: dossier.id,
          kind: input.kind,
          storageKey,
          uploadedById: input.userId,
          createdAt: now,
        }),
      });
    });
    // Like a removal: a draft's replaced file goes; after filing it stays, as the receipt lists its hash.
    if (replacedKey && dossier.status === DossierStatus.DRAFT)
      await storage.delete(replacedKey).catch(() => undefined);
    return created;
  } catch (error) {
    await deleteUnreferencedFiles(db, storage, [storageKey]);
    throw error;
  }
}

/** Removes a piece. A draft's file is deleted; after filing it is kept, as the receipt lists its hash. */
export async function removeAttachment(
  db: PrismaClient,
  storage: FileStorage,
  input: { userId: string; dossierId: string; attachmentId: string; now?: Date },
) {
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  if (!isEditableByApplicant(dossier.status)) {
    throw new DossierError(PIECES_READ_ONLY_MESSAGE, 409);
  }
  const attachment = await db.attachment.findFirst({
    where: { id: input.attachmentId, dossierId: dossier.id, deletedAt: null, messageId: null },
  });
  if (!attachment) throw new AttachmentError("Cette pièce a déjà été retirée.");
  await db.attachment.update({ where: { id: attachment.id }, data: { deletedAt: input.now ?? new Date() } });
  if (dossier.status === DossierStatus.DRAFT) await storage.delete(attachment.storageKey);
}

/** A file of the dossier (a piece or a message's attachment) for a member of its organisation. */
export async function openAttachment(
  db: PrismaClient,
  storage: FileStorage,
  input: { userId: string; dossierId: string; attachmentId: string },
): Promise<{ stream: Readable; fileName: string; mimeType: string; sizeBytes: number }> {
  await getDossierForMember(db, input.userId, input.dossierId);
  const attachment = await db.attachment.findFirst({
    where: { id: input.attachmentId, dossierId: input.dossierId, deletedAt: null },
  });
  if (!attachment) throw notFound("Pièce introuvable.");
  const stream = await storage.get(attachment.storageKey);
  return {
    stream,
    fileName: attachment.fileName,
    mimeType: attachment.mimeType,
    sizeBytes: attachment.sizeBytes,
  };
}
