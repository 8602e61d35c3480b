// The agreement's acceptance after the grant: the association's owner accepts it online (or sends the scan
// of the copy signed on paper), the instructor records the Region's side. Each acceptance keeps who, when,
// from where and the SHA-256 of the exact agreement PDF; the second one starts the financed period: the
// payments and reports are stored (createPostGrantPlan) and the acceptance certificate is issued, all in the
// transaction that records it, with the dossier row locked so two acceptances of one side record one.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDateTime } from "~/domain/format";
import { agreementDeclaration } from "~/domain/post-grant/agreement";
import { notFound, UserError } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import { AcceptanceMethod, AgreementSide, DossierStatus, UserRole } from "~/generated/prisma/enums";

import { attachmentRow } from "~/services/applicant/attachments.server";
import { lockDossier } from "~/services/dossiers/transitions.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";
import type { UploadInspection } from "~/services/platform/uploads.server";
import { issueCertificate } from "./agreement-certificate.server";
import { notifyOtherParty } from "./agreement-notice.server";
import { requireAgreementOwner, storedAgreement } from "./agreement-reads.server";
import { recordFollowUp } from "./follow-up.server";
import { createPostGrantPlan } from "./plan.server";

/** The kind of the Attachment holding the scan of the agreement signed on paper. */
export const SIGNED_AGREEMENT_KIND = "SIGNED_AGREEMENT";

const NOT_GRANTED =
  "La convention ne peut être acceptée que pour une aide accordée par la Commission permanente.";
const NO_AGREEMENT = "La convention de ce dossier n’a pas encore été établie.";

export interface AcceptanceInput {
  dossierId: string;
  side: AgreementSide;
  method: AcceptanceMethod;
  /** An applicant (owner) for HOLDER, Region staff for REGION. */
  actor: StaffActor;
  signatoryName: string;
  signatoryRole: string;
  /** The declaration box was ticked. */
  declared: boolean;
  /** PAPER: the scan, already inspected (inspectUpload). */
  scan?: UploadInspection | null;
  /** The agreement the page showed: refused if another one was issued since. */
  documentId?: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  appUrl: string;
  now: Date;
}

const MAX_TEXT = 200;

function checkFields(input: AcceptanceInput) {
  const errors: Record<string, string> = {};
  const name = input.signatoryName.trim();
  const role = input.signatoryRole.trim();
  if (!name) errors.signatoryName = "Indiquez le nom et le prénom de la personne qui signe.";
  else if (name.length > MAX_TEXT) errors.signatoryName = `${MAX_TEXT} caractères au plus.`;
  if (!role)
    errors.signatoryRole = "Indiquez en quelle qualité elle signe (par exemple «\u00a0présidente\u00a0»).";
  else if (role.length > MAX_TEXT) errors.signatoryRole = `${MAX_TEXT} caractères au plus.`;
  if (!input.declared) errors.declaration = "Cochez la déclaration pour accepter la convention.";
  if (input.method === AcceptanceMethod.PAPER) {
    if (!input.scan) errors.scan = "Joignez la copie numérisée de la convention signée (PDF).";
    else if (!input.scan.ok) errors.scan = input.scan.error;
    else if (input.scan.mime !== "application/pdf")
      errors.scan = "La copie de la convention signée doit être un fichier PDF.";
  }
  if (Object.keys(errors).length > 0) {
    throw new UserError(Object.values(errors).join(" "), { status: 422, fieldErrors: errors });
  }
  return { name, role };
}

/**
 * Records one side's acceptance. The second side's also sets `agreementAcceptedAt`, stores the plan,
 * issues the certificate and tells both parties; every refusal leaves the dossier as it was.
 */
export async function acceptAgreement(
  db: PrismaClient,
  storage: FileStorage,
  input: AcceptanceInput,
): Promise<{ complete: boolean }> {
  const { dossierId, side, method, actor, now } = input;
  const dossier =
    side === AgreementSide.HOLDER
      ? await requireAgreementOwner(db, actor.id, dossierId)
      : await getDossierForStaff(db, actor, dossierId);
  if (side === AgreementSide.HOLDER && actor.role !== UserRole.APPLICANT)
    throw notFound("Dossier introuvable.");
  const { name, role } = checkFields(input);
  // Checked again under the lock; here so a dossier without an agreement yet is told why.
  if (dossier.status !== DossierStatus.GRANTED) throw new UserError(NOT_GRANTED, { status: 409 });
  const agreement = await storedAgreement(db, storage, dossier.id);
  if (!agreement) throw new UserError(NO_AGREEMENT, { status: 409 });
  if (input.documentId && input.documentId !== agreement.id) {
    throw new UserError(
      "Une nouvelle version de la convention a été établie depuis l’affichage de la page\u00a0: relisez-la avant de l’accepter.",
      { status: 409 },
    );
  }
  const number = dossier.number ?? "";
  const declaration = agreementDeclaration(side, method, {
    number,
    organisationName: dossier.organisation.name,
  });
  const written: string[] = [];
  const scan = method === AcceptanceMethod.PAPER && input.scan?.ok ? input.scan : null;
  let scanKey: string | null = null;
  if (scan) {
    scanKey = newStorageKey(now);
    written.push(scanKey);
    await storage.put(scanKey, scan.bytes, { contentType: scan.mime });
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await lockDossier(tx, dossier.id);
        if (locked.status !== DossierStatus.GRANTED) throw new UserError(NOT_GRANTED, { status: 409 });
        const existing = await tx.agreementAcceptance.findMany({ where: { dossierId: dossier.id } });
        const same = existing.find((acceptance) => acceptance.side === side);
        if (same) {
          throw new UserError(
            `La convention a déjà été acceptée ${side === AgreementSide.HOLDER ? "pour le bénéficiaire" : "pour la Région"} ` +
              `le ${formatDateTime(same.acceptedAt)} par ${same.signatoryName}.`,
            { status: 409 },
          );
        }
        const acceptance = await tx.agreementAcceptance.create({
          data: {
            dossierId: dossier.id,
            side,
            method,
            userId: actor.id,
            signatoryName: name,
            signatoryRole: role,
            declaration,
            ipAddress: input.ipAddress,
            userAgent: input.userAgent?.slice(0, 500) ?? null,
            agreementDocumentId: agreement.id,
            agreementSha256: agreement.sha256,
            acceptedAt: now,
          },
        });
        if (scan && scanKey) {
          await tx.attachment.create({
            data: {
              ...attachmentRow(scan, {
                dossierId: dossier.id,
                kind: SIGNED_AGREEMENT_KIND,
                storageKey: scanKey,
                uploadedById: actor.id,
                createdAt: now,
              }),
              acceptanceId: acceptance.id,
            },
          });
        }
        const sideText = side === AgreementSide.HOLDER ? "le bénéficiaire" : "la Région";
        await recordFollowUp(tx, {
          dossierId: dossier.id,
          actorId: actor.id,
          action: AUDIT_ACTIONS.agreementAccepted,
          reason:
            `Convention ${method === AcceptanceMethod.ONLINE ? "acceptée en ligne" : "signée sur papier"} ` +
            `pour ${sideText} par ${name}, ${role}`,
          target: { type: "AgreementAcceptance", id: acceptance.id },
          details: { side, method, agreementSha256: agreement.sha256 },
          ip: input.ipAddress,
          now,
        });
        const complete = existing.length > 0;
        if (complete) {
          await tx.dossier.update({ where: { id: dossier.id }, data: { agreementAcceptedAt: now } });
          await createPostGrantPlan(tx, dossier.id, now);
          await issueCertificate(tx, storage, {
            dossierId: dossier.id,
            actorId: actor.id,
            agreement,
            now,
            written,
          });
        }
        await notifyOtherParty(tx, {
          dossier: {
            id: dossier.id,
            number,
            title: dossier.title,
            organisationId: dossier.organisationId,
            organisationName: dossier.organisation.name,
            assigneeId: dossier.assigneeId,
          },
          side,
          method,
          signatory: `${name}, ${role}`,
          complete,
          appUrl: input.appUrl,
          now,
        });
        return { complete };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    await deleteUnreferencedFiles(db, storage, written);
    throw error;
  }
}
