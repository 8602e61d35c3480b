// The dossier's files as Region staff open them: the pieces and messages' attachments, and the PDFs the
// dossier was issued (the instructor's report included), each behind the same scope check as the page.
import { ISSUED_DOCUMENTS } from "~/domain/dossier-documents";
import { notFound } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind } from "~/generated/prisma/enums";

import { StorageNotFoundError, type FileStorage } from "~/services/platform/storage.server";
import { getDossierForStaff, type StaffActor } from "./access.server";

/** The documents staff download, by URL segment: the applicant's ones plus the instructor's report. */
export const STAFF_DOCUMENTS = {
  ...ISSUED_DOCUMENTS,
  rapport: {
    kind: DocumentKind.INSTRUCTOR_REPORT,
    label: "Rapport d’instruction",
    fileStem: "Rapport d’instruction",
  },
} as const;
export type StaffDocumentSlug = keyof typeof STAFF_DOCUMENTS;

/** Types a browser shows itself, in a sandbox: anything else is only ever downloaded. */
export const PREVIEWABLE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg"]);

/** One of the dossier's files (a piece or a message's attachment) for staff who may see the dossier. */
export async function openStaffAttachment(
  db: PrismaClient,
  storage: FileStorage,
  actor: StaffActor,
  dossierId: string,
  attachmentId: string,
) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const file = await db.attachment.findFirst({
    where: { id: attachmentId, dossierId: dossier.id, deletedAt: null },
    select: { fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
  if (!file) throw notFound("Pièce introuvable.");
  return { ...file, stream: await readStored(storage, file.storageKey) };
}

/** A generated PDF of the dossier for staff, the latest of its kind; 404 when none was issued yet. */
export async function openStaffDocument(
  db: PrismaClient,
  storage: FileStorage,
  actor: StaffActor,
  dossierId: string,
  slug: string,
) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const issued = Object.hasOwn(STAFF_DOCUMENTS, slug) ? STAFF_DOCUMENTS[slug as StaffDocumentSlug] : null;
  if (!issued) throw notFound("Document introuvable.");
  const document = await db.generatedDocument.findFirst({
    where: { dossierId: dossier.id, kind: issued.kind },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!document) throw notFound("Ce document n’a pas encore été établi.");
  return {
    fileName: `${issued.fileStem} ${dossier.number ?? "sans numéro"}.pdf`,
    stream: await readStored(storage, document.storageKey),
  };
}

async function readStored(storage: FileStorage, key: string) {
  return storage.get(key).catch((error: unknown) => {
    if (error instanceof StorageNotFoundError) throw notFound("Ce fichier est introuvable.");
    throw error;
  });
}
