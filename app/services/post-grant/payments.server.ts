// The moves of a payment after the grant (app/domain/post-grant/payment-workflow.ts) share these: the refused
// form, the pages' paths, the Payment's row lock (a second move waits, then sees the first) and the machine's
// check; and the file inputs a request form may post. The moves themselves: payment-requests.server.ts (the
// association) and payment-decisions.server.ts (the instructor).
import { PAYMENT_MOVES, checkPaymentMove, type PaymentMove } from "~/domain/post-grant/payment-workflow";
import { proofField } from "~/domain/post-grant/payment-request";
import { forbidden, UserError } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";

import { OTHER_ATTACHMENT_KIND } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";

import { paymentContext, type PaymentContext } from "./payment-context.server";

type Tx = Prisma.TransactionClient;
export const TX_OPTIONS = { timeout: 30_000 };

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
export async function lockPayment(tx: Tx, dossierId: string, position: string) {
  const before = await paymentContext(tx, dossierId, position);
  await tx.$queryRaw`SELECT "id" FROM "Payment" WHERE "id" = ${before.payment.id} FOR UPDATE`;
  return paymentContext(tx, dossierId, position);
}

/** The machine's answer: a refused move is a French 403 (role) or 409 (status), and nothing changes. */
export function checkMove(context: PaymentContext, move: PaymentMove, role: UserRole, reason?: string) {
  const check = checkPaymentMove({ status: context.payment.status, move, role, reason });
  if (check.ok) return check.to;
  if (!(PAYMENT_MOVES[move].roles as readonly UserRole[]).includes(role)) throw forbidden(check.error);
  if (PAYMENT_MOVES[move].from.some((status) => status === context.payment.status)) {
    throw new PaymentFormError({ reason: check.error });
  }
  throw new UserError(check.error, { status: 409 });
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
