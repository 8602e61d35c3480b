// What the agreement's pages and its acceptance read: who may accept for the association, the latest
// agreement issued with its SHA-256, and the pages' paths.
import { createHash } from "node:crypto";

import { forbidden } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, MembershipRole } from "~/generated/prisma/enums";

import { getDossierForMember } from "~/services/applicant/dossiers.server";
import type { FileStorage } from "~/services/platform/storage.server";

type Tx = Prisma.TransactionClient;

export const agreementPath = (dossierId: string) => `/dossiers/${dossierId}/convention`;
export const staffAgreementPath = (dossierId: string) => `/instruction/dossiers/${dossierId}/convention`;

/**
 * The applicant who may accept for the association: a member with the owner role (its legal representative
 * or whoever the organisation made owner). Another organisation's member gets a 404, a plain member a 403.
 */
export async function requireAgreementOwner(db: PrismaClient, userId: string, dossierId: string) {
  const dossier = await getDossierForMember(db, userId, dossierId);
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId: dossier.organisationId } },
    select: { role: true },
  });
  if (membership?.role !== MembershipRole.OWNER) {
    throw forbidden(
      "Seul un propriétaire de l’organisation (son représentant légal) peut accepter la convention.",
    );
  }
  return dossier;
}

/** The latest agreement issued for the dossier, its bytes as stored and their SHA-256. */
export async function storedAgreement(db: PrismaClient | Tx, storage: FileStorage, dossierId: string) {
  const document = await db.generatedDocument.findFirst({
    where: { dossierId, kind: DocumentKind.AGREEMENT },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, storageKey: true, createdAt: true },
  });
  if (!document) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get(document.storageKey)) chunks.push(Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  return { ...document, sha256: createHash("sha256").update(bytes).digest("hex") };
}
