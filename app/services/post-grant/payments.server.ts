// The moves of a payment after the grant (app/domain/post-grant/payment-workflow.ts): the association
// requests it with its declaration and proofs, or sends it back completed; the instructor asks for a
// correction, approves an amount, records the payment the finance service made, or cancels it. Each move, in
// one transaction: the Payment's row lock (a second move waits, then sees the first), the machine's check,
// the row, the proofs, the timeline and audit line (recordFollowUp) and the emails (outbox).
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatEuros } from "~/domain/format";
import { paris, parisDay } from "~/domain/paris-time";
import { PAYMENT_MOVES, checkPaymentMove, type PaymentMove } from "~/domain/post-grant/payment-workflow";
import {
  MAX_MANDATE_LENGTH,
  MAX_PROOF_FILES,
  MAX_REASON_LENGTH,
  proofField,
  readAmount,
  readDeclaration,
} from "~/domain/post-grant/payment-request";
import { forbidden, UserError } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, PaymentKind, ReportStatus, UserRole } from "~/generated/prisma/enums";
import { paymentApproved } from "~emails/payment-approved";
import { paymentCancelled } from "~emails/payment-cancelled";
import { paymentCorrectionRequested } from "~emails/payment-correction-requested";
import { paymentPaid } from "~emails/payment-paid";
import { paymentRequested } from "~emails/payment-requested";
import type { RenderedEmail } from "~emails/layout";

import { attachmentRow, OTHER_ATTACHMENT_KIND } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { portalUrl } from "~/services/dossiers/links.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import type { UploadedFile } from "~/services/platform/multipart.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import { recordFollowUp } from "./follow-up.server";
import { paymentContext, type PaymentContext } from "./payment-context.server";

type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { timeout: 30_000 };

/** A refused payment form: French messages by field, nothing changed. */
export class PaymentFormError extends UserError {
  constructor(fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(" "), { status: 422, fieldErrors });
    this.name = "PaymentFormError";
  }
}

/** Where the association requests the payment, and where the instructor checks it. */
export const applicantPaymentPath = (dossierId: string, position: number) =>
  `/dossiers/${dossierId}/versements/${position}`;
export const staffPaymentPath = (dossierId: string, position: number) =>
  `/instruction/dossiers/${dossierId}/versements/${position}`;

/** Locks the payment's row until the transaction ends, and the context read after the lock. */
async function lockPayment(tx: Tx, dossierId: string, position: string) {
  const before = await paymentContext(tx, dossierId, position);
  await tx.$queryRaw`SELECT "id" FROM "Payment" WHERE "id" = ${before.payment.id} FOR UPDATE`;
  return paymentContext(tx, dossierId, position);
}

/** The machine's answer: a refused move is a French 403 (role) or 409 (status), and nothing changes. */
function checkMove(context: PaymentContext, move: PaymentMove, role: UserRole, reason?: string) {
  const check = checkPaymentMove({ status: context.payment.status, move, role, reason });
  if (check.ok) return check.to;
  if (!(PAYMENT_MOVES[move].roles as readonly UserRole[]).includes(role)) throw forbidden(check.error);
  if (PAYMENT_MOVES[move].from.some((status) => status === context.payment.status)) {
    throw new PaymentFormError({ reason: check.error });
  }
  throw new UserError(check.error, { status: 409 });
}

function grantedOnly(context: PaymentContext) {
  if (context.dossier.status !== DossierStatus.GRANTED) {
    throw new UserError("Ce dossier n’est plus en cours de versement\u202f: aucune demande n’est possible.", {
      status: 409,
    });
  }
}

interface Emails {
  tx: Tx;
  context: PaymentContext;
  appUrl: string;
  now: Date;
}

/** Each active member of the organisation gets the email. */
async function emailMembers(
  { tx, context, appUrl, now }: Emails,
  build: (person: { firstName: string }, url: string) => RenderedEmail,
) {
  const url = portalUrl(appUrl, applicantPaymentPath(context.dossier.id, context.payment.position));
  for (const person of await applicantRecipients(tx, context.dossier.organisationId)) {
    await enqueueEmail(tx, { ...build(person, url), to: person.email }, { now });
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

export interface DecisionInput {
  actor: StaffActor;
  dossierId: string;
  position: string;
  move: "ASK_CORRECTION" | "APPROVE" | "RECORD_PAYMENT" | "CANCEL";
  /** reason, amount, paidOn (AAAA-MM-JJ), paidAmount, mandateReference. */
  values: Record<string, string>;
  appUrl: string;
  ip?: string | null;
  now?: Date;
}

/** « 2026-12-04 » typed in a date field, a day that has come (Paris), not before `notBefore`. */
function readPaidOn(raw: string, now: Date, notBefore: Date | null): Date | string {
  const typed = raw.trim();
  if (!typed) return "Indiquez la date du paiement.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed)) return "Indiquez une date au format JJ/MM/AAAA.";
  const [year, month, day] = typed.split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return "Cette date n’existe pas.";
  }
  if (typed > parisDay(now)) return "La date du paiement ne peut pas être dans le futur.";
  if (notBefore && typed < parisDay(notBefore)) return "Le paiement ne peut pas précéder son approbation.";
  // Noon in Paris: the day stays the same in every time zone it is shown in.
  return paris(`${typed}T12:00`);
}

/** ASK_CORRECTION, APPROVE, RECORD_PAYMENT or CANCEL by an instructor whose scope covers the dossier. */
export async function decidePayment(db: PrismaClient, input: DecisionInput) {
  const now = input.now ?? new Date();
  await getDossierForStaff(db, input.actor, input.dossierId);
  const reason = (input.values.reason ?? "").replace(/\r\n?/g, "\n").trim();
  return db.$transaction(async (tx) => {
    const context = await lockPayment(tx, input.dossierId, input.position);
    const to = checkMove(context, input.move, input.actor.role, reason);
    if (reason.length > MAX_REASON_LENGTH) {
      throw new PaymentFormError({
        reason: `Le motif ne peut pas dépasser ${MAX_REASON_LENGTH} caractères.`,
      });
    }
    const { payment } = context;
    const emails: Emails = { tx, context, appUrl: input.appUrl, now };
    const common = (person: { firstName: string }, url: string) => ({
      firstName: person.firstName,
      dossierNumber: context.dossier.number ?? "",
      dossierTitle: context.dossier.title,
      paymentName: context.name,
      url,
    });
    const follow = async (
      action: (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS],
      sentence: string,
      details: Record<string, string | number | null> = {},
    ) =>
      recordFollowUp(tx, {
        dossierId: context.dossier.id,
        actorId: input.actor.id,
        action,
        reason: `${context.name}\u00a0: ${sentence}`,
        target: { type: "Payment", id: payment.id },
        details: { position: payment.position, ...details },
        ip: input.ip,
        now,
      });

    switch (input.move) {
      case "ASK_CORRECTION": {
        await tx.payment.update({
          where: { id: payment.id },
          data: { status: to, correctionNote: reason, decidedById: input.actor.id },
        });
        await follow(AUDIT_ACTIONS.paymentCorrectionRequested, `complément demandé — ${reason}`);
        await emailMembers(emails, (person, url) =>
          paymentCorrectionRequested({ ...common(person, url), note: reason }),
        );
        break;
      }
      case "APPROVE": {
        const requested = payment.requestedAmountCents ?? 0;
        const amount = readAmount(input.values.amount ?? "", requested, requested, "Le montant approuvé");
        if (!amount.ok) throw new PaymentFormError({ amount: amount.error });
        if (payment.kind === PaymentKind.BALANCE && context.report?.status !== ReportStatus.APPROVED) {
          throw new UserError(
            "Le solde se verse une fois le compte rendu financier de la période approuvé\u202f: approuvez d’abord le compte rendu.",
            { status: 409 },
          );
        }
        await tx.payment.update({
          where: { id: payment.id },
          data: {
            status: to,
            approvedAmountCents: amount.cents,
            approvedAt: now,
            decidedById: input.actor.id,
          },
        });
        await follow(AUDIT_ACTIONS.paymentApproved, `versement approuvé, ${formatEuros(amount.cents)}`, {
          amountCents: amount.cents,
        });
        await emailMembers(emails, (person, url) =>
          paymentApproved({ ...common(person, url), requestedCents: requested, approvedCents: amount.cents }),
        );
        break;
      }
      case "RECORD_PAYMENT": {
        const approved = payment.approvedAmountCents ?? 0;
        const errors: Record<string, string> = {};
        const paidOn = readPaidOn(input.values.paidOn ?? "", now, payment.approvedAt);
        if (typeof paidOn === "string") errors.paidOn = paidOn;
        const amount = readAmount(input.values.paidAmount ?? "", approved, approved, "Le montant payé");
        if (!amount.ok) errors.paidAmount = amount.error;
        const mandate = (input.values.mandateReference ?? "").trim();
        if (!mandate) errors.mandateReference = "Indiquez la référence du mandat de paiement.";
        else if (mandate.length > MAX_MANDATE_LENGTH)
          errors.mandateReference = `La référence ne peut pas dépasser ${MAX_MANDATE_LENGTH} caractères.`;
        if (Object.keys(errors).length > 0 || typeof paidOn === "string" || !amount.ok) {
          throw new PaymentFormError(errors);
        }
        await tx.payment.update({
          where: { id: payment.id },
          data: {
            status: to,
            paidAmountCents: amount.cents,
            paidOn,
            mandateReference: mandate,
            decidedById: input.actor.id,
          },
        });
        await follow(
          AUDIT_ACTIONS.paymentRecorded,
          `paiement de ${formatEuros(amount.cents)} enregistré (mandat ${mandate})`,
          { amountCents: amount.cents, mandateReference: mandate, paidOn: parisDay(paidOn) },
        );
        await emailMembers(emails, (person, url) =>
          paymentPaid({ ...common(person, url), paidCents: amount.cents, paidOn, mandateReference: mandate }),
        );
        break;
      }
      case "CANCEL": {
        await tx.payment.update({
          where: { id: payment.id },
          data: { status: to, decidedById: input.actor.id },
        });
        await follow(AUDIT_ACTIONS.paymentCancelled, `versement annulé — ${reason}`);
        await emailMembers(emails, (person, url) => paymentCancelled({ ...common(person, url), reason }));
        break;
      }
    }
    return { position: payment.position, status: to };
  }, TX_OPTIONS);
}

/**
 * The file inputs a request form may post (one per proof the granted version requires, and one for another
 * piece), for a member of the organisation only: a stranger's upload is not even read.
 */
export async function requestFileFields(
  db: PrismaClient,
  userId: string,
  dossierId: string,
  position: string,
) {
  await getDossierForMember(db, userId, dossierId);
  const context = await paymentContext(db, dossierId, position);
  return [...context.proofs.map((proof) => proofField(proof.kind)), proofField(OTHER_ATTACHMENT_KIND)];
}
