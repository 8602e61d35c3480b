// The « demande de reversement » of a recovery: rendered, stored and recorded as issued on the dossier.
// Shared by the instructor's decision (recoveries.server.ts) and the demo seeds.
import type { Prisma } from "~/generated/prisma/client";
import { DocumentKind, DossierEventKind } from "~/generated/prisma/enums";
import { renderRecoveryOrder } from "~/pdf/recovery-order.server";

import { DECISION_SIGNATORY } from "~/services/dossiers/decision-documents.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";

interface RecoveryDossier {
  id: string;
  number: string | null;
  title: string;
  scheme: { name: string };
  organisation: {
    name: string;
    siret: string | null;
    addressLine: string | null;
    postcode: string | null;
    city: string | null;
  };
}

/**
 * Renders and stores a recovery's « demande de reversement » and records it as issued (the dossier's
 * documents and timeline); returns the stored file's key, pushed to `written` before it is stored.
 */
export async function writeRecoveryOrder(
  tx: Prisma.TransactionClient,
  storage: FileStorage,
  input: {
    dossier: RecoveryDossier;
    summary: { grantedCents: number; paidCents: number; dueCents: number };
    recovery: { id: string; amountCents: number; reason: string; decidedAt: Date; dueDate: Date };
    actorId: string;
    written: string[];
  },
): Promise<string> {
  const { dossier, summary, recovery } = input;
  const organisation = dossier.organisation;
  const pdf = await renderRecoveryOrder({
    dossierNumber: dossier.number ?? "",
    title: dossier.title,
    schemeName: dossier.scheme.name,
    organisation: {
      name: organisation.name,
      siret: organisation.siret,
      address:
        [organisation.addressLine, organisation.postcode, organisation.city].filter(Boolean).join(" ") ||
        null,
    },
    grantedCents: summary.grantedCents,
    paidCents: summary.paidCents,
    finallyDueCents: summary.dueCents,
    amountCents: recovery.amountCents,
    reason: recovery.reason,
    decidedAt: recovery.decidedAt,
    dueDate: recovery.dueDate,
    signatory: DECISION_SIGNATORY,
  });
  const storageKey = newStorageKey(recovery.decidedAt);
  input.written.push(storageKey);
  await storage.put(storageKey, pdf, { contentType: "application/pdf" });
  const document = await tx.generatedDocument.create({
    data: {
      dossierId: dossier.id,
      kind: DocumentKind.RECOVERY_ORDER,
      storageKey,
      createdAt: recovery.decidedAt,
    },
  });
  await tx.dossierEvent.create({
    data: {
      dossierId: dossier.id,
      kind: DossierEventKind.DOCUMENT_ISSUED,
      actorId: input.actorId,
      reason: "Demande de reversement établie",
      data: { documentId: document.id, kind: DocumentKind.RECOVERY_ORDER, recoveryId: recovery.id },
      createdAt: recovery.decidedAt,
    },
  });
  return storageKey;
}
