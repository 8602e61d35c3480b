// The association's moves of a payment after the grant: it requests the payment with its declaration and
// proofs, or sends it back completed. Each move, in one transaction: the Payment's row lock, the machine's
// check, the row, the proofs, the timeline and audit line (recordFollowUp) and the staff's notices.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatEuros } from "~/domain/format";
import {
  MAX_PROOF_FILES,
  proofField,
  readAmount,
  readDeclaration,
} from "~/domain/post-grant/payment-request";
import { UserError } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";
import { paymentRequested } from "~emails/payment-requested";

import { attachmentRow, OTHER_ATTACHMENT_KIND } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { portalUrl } from "~/services/dossiers/links.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import type { UploadedFile } from "~/services/platform/multipart.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import { recordFollowUp } from "./follow-up.server";
import type { PaymentContext } from "./payment-context.server";
import { checkMove, lockPayment, PaymentFormError, staffPaymentPath, TX_OPTIONS } from "./payments.server";

type Tx = Prisma.TransactionClient;

function grantedOnly(context: PaymentContext) {
  if (context.dossier.status !== DossierStatus.GRANTED) {
    throw new UserError("Ce dossier n’est plus en cours de versement\u202f: aucune demande n’est possible.", {
      status: 409,
    });
  }
}

/**
 * Who checks a request: the instructor in charge of the dossier, else every active instructor whose scope
 * covers it (scheme, department, territory), each by email or in their digest as they chose.
 */
async function staffToNotify(tx: Tx, dossier: PaymentContext["dossier"]): Promise<string[]> {
  if (dossier.assigneeId) return [dossier.assigneeId];
  const territory = dossier.territoryId
    ? await tx.territory.findUnique({ where: { id: dossier.territoryId }, select: { code: true } })
    : null;
  const scopes = await tx.instructorScope.findMany({
    where: { user: { role: UserRole.INSTRUCTOR, deactivatedAt: null } },
    select: { userId: true, schemes: true, departmentCodes: true, territoryCodes: true },
  });
  const covers = (list: readonly string[], value: string | null | undefined) =>
    list.length === 0 || (value != null && list.includes(value));
  return scopes
    .filter(
      (scope) =>
        covers(scope.schemes, dossier.schemeCode) &&
        covers(scope.departmentCodes, dossier.departmentCode) &&
        covers(scope.territoryCodes, territory?.code),
    )
    .map((scope) => scope.userId);
}

export interface RequestInput {
  userId: string;
  dossierId: string;
  position: string;
  move: "REQUEST" | "RESUBMIT";
  /** The form's text fields: amount, the declaration's fields. */
  values: Record<string, string>;
  files: UploadedFile[];
  extraFiles: number;
  appUrl: string;
  ip?: string | null;
  now?: Date;
}

/** REQUEST or RESUBMIT by a member of the organisation: the amount, the declaration and the proofs. */
export async function requestPayment(db: PrismaClient, storage: FileStorage, input: RequestInput) {
  const now = input.now ?? new Date();
  await getDossierForMember(db, input.userId, input.dossierId);
  if (input.extraFiles > 0) {
    throw new PaymentFormError({ form: `Envoyez au plus ${MAX_PROOF_FILES} fichiers à la fois.` });
  }
  // Refused files first: nothing is stored unless every file is acceptable.
  const fileErrors: Record<string, string> = {};
  for (const file of input.files) {
    if (!file.inspection.ok) fileErrors[file.field] = file.inspection.error;
  }
  if (Object.keys(fileErrors).length > 0) throw new PaymentFormError(fileErrors);
  const stored: Array<{ kind: string; key: string; file: UploadedFile }> = [];
  try {
    for (const file of input.files) {
      if (!file.inspection.ok) continue;
      const key = newStorageKey(now);
      await storage.put(key, file.inspection.bytes, { contentType: file.inspection.mime });
      stored.push({ kind: file.field.replace(/^proof\./, ""), key, file });
    }
    return await db.$transaction(async (tx) => {
      const context = await lockPayment(tx, input.dossierId, input.position);
      const to = checkMove(context, input.move, UserRole.APPLICANT);
      grantedOnly(context);
      if (input.move === "REQUEST" && !context.availability.ok) {
        throw new UserError(context.availability.reason, { status: 409 });
      }
      const errors: Record<string, string> = {};
      const known = new Set([...context.proofs.map((proof) => proof.kind), OTHER_ATTACHMENT_KIND]);
      for (const item of stored) {
        if (!known.has(item.kind)) errors[proofField(item.kind)] = "Type de pièce inconnu pour ce versement.";
      }
      const declared = readDeclaration(context.declarationKind, input.values);
      if (!declared.ok) Object.assign(errors, declared.errors);
      const due = context.dueFor(declared.ok ? declared.declaration : null);
      if (declared.ok && due.dueCents === 0) {
        errors.amount =
          "D’après ce que vous déclarez, plus rien n’est dû pour ce versement\u202f: vérifiez vos montants ou écrivez au service instructeur.";
      }
      const amount = readAmount(input.values.amount ?? "", due.dueCents, due.dueCents, "Le montant demandé");
      if (!errors.amount && declared.ok && !amount.ok) errors.amount = amount.error;
      const present = new Set([
        ...context.payment.attachments.map((attachment) => attachment.kind),
        ...stored.map((item) => item.kind),
      ]);
      for (const proof of context.proofs) {
        if (!present.has(proof.kind)) {
          errors[proofField(proof.kind)] =
            `Joignez la pièce «\u00a0${proof.label}\u00a0»\u202f: elle est exigée pour ce versement.`;
        }
      }
      if (Object.keys(errors).length > 0 || !amount.ok || !declared.ok) throw new PaymentFormError(errors);

      for (const item of stored) {
        if (!item.file.inspection.ok) continue;
        await tx.attachment.create({
          data: {
            ...attachmentRow(item.file.inspection, {
              dossierId: context.dossier.id,
              kind: item.kind,
              storageKey: item.key,
              uploadedById: input.userId,
              createdAt: now,
            }),
            paymentId: context.payment.id,
          },
        });
      }
      await tx.payment.update({
        where: { id: context.payment.id },
        data: {
          status: to,
          requestedAmountCents: amount.cents,
          declaration: declared.declaration as Prisma.InputJsonObject,
          requestedAt: now,
          requestedById: input.userId,
        },
      });
      const resubmitted = input.move === "RESUBMIT";
      await recordFollowUp(tx, {
        dossierId: context.dossier.id,
        actorId: input.userId,
        action: resubmitted ? AUDIT_ACTIONS.paymentResubmitted : AUDIT_ACTIONS.paymentRequested,
        reason: `${context.name}\u00a0: ${resubmitted ? "demande complétée et renvoyée" : "versement demandé"}, ${formatEuros(amount.cents)}`,
        target: { type: "Payment", id: context.payment.id },
        details: { position: context.payment.position, amountCents: amount.cents, proofs: stored.length },
        ip: input.ip,
        now,
      });
      const url = portalUrl(input.appUrl, staffPaymentPath(context.dossier.id, context.payment.position));
      const proofCount = context.payment.attachments.length + stored.length;
      for (const userId of await staffToNotify(tx, context.dossier)) {
        const person = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: { firstName: true },
        });
        await notifyStaff(
          tx,
          {
            userId,
            dossierId: context.dossier.id,
            line: `${context.dossier.number ?? context.dossier.title} : ${resubmitted ? "demande de versement complétée" : "versement demandé"} (${context.name})`,
            url,
            email: paymentRequested({
              firstName: person.firstName,
              dossierNumber: context.dossier.number ?? "",
              dossierTitle: context.dossier.title,
              organisationName: context.dossier.organisation.name,
              paymentName: context.name,
              amountCents: amount.cents,
              proofCount,
              resubmitted,
              url,
            }),
          },
          now,
        );
      }
      return { position: context.payment.position, amountCents: amount.cents };
    }, TX_OPTIONS);
  } catch (error) {
    // Only files no row names: the commit may have happened and its answer been lost.
    await deleteUnreferencedFiles(
      db,
      storage,
      stored.map((item) => item.key),
    );
    throw error;
  }
}
