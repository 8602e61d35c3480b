// The instructor's moves of a payment after the grant: ask for a correction, approve an amount, record the
// payment the finance service made, or cancel it. Each move, in one transaction: the Payment's row lock, the
// machine's check, the row, the timeline and audit line (recordFollowUp) and the emails (outbox).
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatEuros } from "~/domain/format";
import { paris, parisDay } from "~/domain/paris-time";
import { MAX_MANDATE_LENGTH, MAX_REASON_LENGTH, readAmount } from "~/domain/post-grant/payment-request";
import { UserError } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PaymentKind, ReportStatus, SchemeCode } from "~/generated/prisma/enums";
import { paymentApproved } from "~emails/payment-approved";
import { paymentCancelled } from "~emails/payment-cancelled";
import { paymentCorrectionRequested } from "~emails/payment-correction-requested";
import { paymentPaid } from "~emails/payment-paid";
import type { RenderedEmail } from "~emails/layout";

import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { portalUrl } from "~/services/dossiers/links.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import { startAdvanceSchedule } from "./advance.server";

import { recordFollowUp } from "./follow-up.server";
import type { PaymentContext } from "./payment-context.server";
import {
  applicantPaymentPath,
  checkMove,
  lockPayment,
  PaymentFormError,
  TX_OPTIONS,
} from "./payments.server";

type Tx = Prisma.TransactionClient;

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
  /** Where an equity advance's repayment schedule PDF is stored when its payment is recorded. */
  storage?: FileStorage;
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
  const written: string[] = [];
  try {
    return await decide(db, input, now, reason, written);
  } catch (error) {
    if (input.storage) await deleteUnreferencedFiles(db, input.storage, written);
    throw error;
  }
}

async function decide(db: PrismaClient, input: DecisionInput, now: Date, reason: string, written: string[]) {
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
        if (context.dossier.schemeCode === SchemeCode.EQUITY_ADVANCE) {
          // Its repayments are counted from the day it was paid.
          await startAdvanceSchedule(tx, {
            storage: input.storage ?? null,
            written,
            dossierId: context.dossier.id,
            ruleSetParameters: context.dossier.ruleSet.parameters,
            amountCents: amount.cents,
            paidOn,
            actorId: input.actor.id,
            now,
          });
        }
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
