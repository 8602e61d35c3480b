// What the payment pages show: for the association, what is due, whether it may be asked yet and why not,
// the proofs required, the form (with the instructor's note after a correction request); for the instructor,
// the request, the declaration, the proofs, the amount recomputed from the granted version and the forms of
// each move they may make. Both read the same context as the moves (payment-context.server.ts).
import { formatBytes } from "~/domain/uploads";
import { formatDate, formatDateTime, formatEuros, formatEurosInput } from "~/domain/format";
import { fullName } from "~/domain/people";
import { availableMoves } from "~/domain/post-grant/machine";
import { PAYMENT_MOVES, PAYMENT_STATUS_LABELS, type PaymentMove } from "~/domain/post-grant/payment-workflow";
import { PAYMENT_CONDITION_LABELS } from "~/domain/post-grant/plan";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, PaymentStatus, UserRole } from "~/generated/prisma/enums";

import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";

import { filedAssociates, paymentContext, type PaymentContext } from "./payment-context.server";

const euros = (cents: number | null) => (cents === null ? null : formatEuros(cents));

/** The acts on this payment, oldest first, as the timeline wrote them. */
async function paymentHistory(db: PrismaClient, context: PaymentContext) {
  const events = await db.dossierEvent.findMany({
    where: {
      dossierId: context.dossier.id,
      kind: DossierEventKind.FOLLOW_UP,
      data: { path: ["paymentId"], equals: context.payment.id },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      actor: { select: { firstName: true, lastName: true } },
    },
  });
  return events.map((event) => ({
    id: event.id,
    at: formatDateTime(event.createdAt),
    text: event.reason ?? "",
    by: event.actor ? fullName(event.actor) : "Le portail",
  }));
}

/** What both pages say about the payment. */
function summary(context: PaymentContext) {
  const { payment, dossier, due, declaration } = context;
  return {
    dossier: {
      id: dossier.id,
      number: dossier.number ?? "",
      title: dossier.title,
      organisation: dossier.organisation.name,
    },
    ruleSetVersion: dossier.ruleSet.version,
    payment: {
      position: payment.position,
      name: context.name,
      status: payment.status,
      statusLabel: PAYMENT_STATUS_LABELS[payment.status],
      condition: PAYMENT_CONDITION_LABELS[context.condition],
      planned: formatEuros(payment.plannedAmountCents),
      requested: euros(payment.requestedAmountCents),
      approved: euros(payment.approvedAmountCents),
      paid: euros(payment.paidAmountCents),
      requestedAt: payment.requestedAt ? formatDateTime(payment.requestedAt) : null,
      requestedBy: payment.requestedBy ? fullName(payment.requestedBy) : null,
      approvedAt: payment.approvedAt ? formatDate(payment.approvedAt) : null,
      paidOn: payment.paidOn ? formatDate(payment.paidOn) : null,
      mandateReference: payment.mandateReference,
      correctionNote: payment.status === PaymentStatus.CORRECTION_REQUESTED ? payment.correctionNote : null,
    },
    due: {
      amount: formatEuros(due.dueCents),
      basis: due.basis,
      toRepay: due.toRepayCents ? formatEuros(due.toRepayCents) : null,
    },
    declarationKind: context.declarationKind,
    declaration:
      declaration?.kind === "CONTRIBUTIONS"
        ? {
            kind: "CONTRIBUTIONS" as const,
            associates: declaration.associates.map((associate, index) => ({
              name: associate.name,
              subscribed: formatEuros(associate.subscribedCents),
              paidUp: formatEuros(associate.paidUpCents),
              subsidy: due.perPersonCents ? formatEuros(due.perPersonCents[index] ?? 0) : null,
            })),
          }
        : declaration?.kind === "EXPENSES"
          ? { kind: "EXPENSES" as const, actualEligible: formatEuros(declaration.actualEligibleCents) }
          : null,
    proofs: context.proofs,
    files: payment.attachments.map((file) => ({
      id: file.id,
      kind: file.kind,
      label: context.proofs.find((proof) => proof.kind === file.kind)?.label ?? "Autre pièce",
      fileName: file.fileName,
      size: formatBytes(file.sizeBytes),
      at: formatDateTime(file.createdAt),
    })),
  };
}

/** « 12 345,00 » in a form field (no currency sign). */
const typed = formatEurosInput;

/** The association's page of one payment. */
export async function applicantPaymentPage(
  db: PrismaClient,
  userId: string,
  dossierId: string,
  position: string,
) {
  await getDossierForMember(db, userId, dossierId);
  const context = await paymentContext(db, dossierId, position);
  const moves = availableMoves(PAYMENT_MOVES, context.payment.status, UserRole.APPLICANT);
  const move = moves[0] as "REQUEST" | "RESUBMIT" | undefined;
  // Until the agreement and the reports allow it, the form is not offered: the page says why.
  const blocked = move === "REQUEST" && !context.availability.ok ? context.availability.reason : null;
  const declared = context.declaration;
  const filed = filedAssociates(context.dossier.answers);
  // The form's first values: what was sent (after a correction request), else what the dossier declared.
  const associates =
    declared?.kind === "CONTRIBUTIONS"
      ? declared.associates.map((associate) => ({
          name: associate.name,
          subscribed: typed(associate.subscribedCents),
          paidUp: typed(associate.paidUpCents),
        }))
      : filed.map((associate) => ({ name: associate.name, subscribed: associate.contribution, paidUp: "" }));
  return {
    ...summary(context),
    form:
      move && !blocked
        ? {
            move,
            label: PAYMENT_MOVES[move].label,
            effects: PAYMENT_MOVES[move].effects,
            amount: context.payment.requestedAmountCents ? typed(context.payment.requestedAmountCents) : "",
            associates,
            // Two spare lines, for an employee-associate who joined since the filing.
            spareLines: 2,
            actualEligible: declared?.kind === "EXPENSES" ? typed(declared.actualEligibleCents) : "",
            attachedKinds: context.payment.attachments.map((file) => file.kind),
          }
        : null,
    blocked,
    history: await paymentHistory(db, context),
  };
}

export type ApplicantPaymentPage = Awaited<ReturnType<typeof applicantPaymentPage>>;

/** The instructor's page of one payment. */
export async function staffPaymentPage(
  db: PrismaClient,
  actor: StaffActor,
  dossierId: string,
  position: string,
) {
  await getDossierForStaff(db, actor, dossierId);
  const context = await paymentContext(db, dossierId, position);
  const { payment } = context;
  const moves = availableMoves(PAYMENT_MOVES, payment.status, actor.role).map((name: PaymentMove) => ({
    name,
    label: PAYMENT_MOVES[name].label,
    effects: PAYMENT_MOVES[name].effects,
    reasonRequired: "reasonRequired" in PAYMENT_MOVES[name],
  }));
  return {
    ...summary(context),
    moves,
    defaults: {
      amount: payment.requestedAmountCents ? typed(payment.requestedAmountCents) : "",
      paidAmount: payment.approvedAmountCents ? typed(payment.approvedAmountCents) : "",
    },
    reportApproved: context.report?.status === "APPROVED",
    needsReport: payment.kind === "BALANCE",
    history: await paymentHistory(db, context),
  };
}

export type StaffPaymentPage = Awaited<ReturnType<typeof staffPaymentPage>>;
