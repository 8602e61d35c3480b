// Repayments of an equity advance: the instructor records each one received (date, amount, reference),
// partial or grouped, allocated to the oldest instalments first; the association declares a repayment ahead
// of schedule when the EU grant arrives early, and the remaining instalments are recomputed. When nothing is
// left to repay, the dossier is closed as repaid (SETTLE) with the « attestation de remboursement intégral ».
import { formatDate, formatEuros } from "~/domain/format";
import { paris, parisDay } from "~/domain/paris-time";
import { MAX_MANDATE_LENGTH } from "~/domain/post-grant/payment-request";
import { scheduleAfterEarlyRepayment } from "~/domain/post-grant/repayments";
import { forbidden, UserError } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { AdvanceScheduleOrigin, DocumentKind, DossierStatus, UserRole } from "~/generated/prisma/enums";
import { renderRepaymentCertificate } from "~/pdf/repayment-certificate.server";
import { advanceUpdate } from "~emails/advance-update";

import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { DECISION_SIGNATORY } from "~/services/dossiers/decision-documents.server";
import { portalUrl } from "~/services/dossiers/links.server";
import { applyTransition } from "~/services/dossiers/transitions.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import {
  ADVANCE_TX_OPTIONS,
  advancePath,
  documentBase,
  emailAdvanceMembers,
  lockAdvance,
  refuseForm,
  standingOf,
  storeAdvanceDocument,
  writeSchedule,
  type Advance,
} from "./advance.server";
import { recordFollowUp } from "./follow-up.server";

type Tx = Prisma.TransactionClient;

export interface RepaymentInput {
  dossierId: string;
  /** receivedOn (AAAA-MM-JJ), amount (euros), reference. */
  values: Record<string, string>;
  appUrl: string;
  ip?: string | null;
  now?: Date;
}

/** The form read against the advance: a past day not before the payment, cents within what is left. */
function readRepayment(values: Record<string, string>, advance: Advance, now: Date) {
  const errors: Record<string, string> = {};
  const day = (values.receivedOn ?? "").trim();
  let receivedOn: Date | null = null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00Z`)))
    errors.receivedOn = "Indiquez la date de réception au format JJ/MM/AAAA.";
  else if (day > parisDay(now)) errors.receivedOn = "La date de réception ne peut pas être dans le futur.";
  else if (day < parisDay(advance.paidOn))
    errors.receivedOn = "Un remboursement ne peut pas précéder le versement de l’avance.";
  else receivedOn = paris(`${day}T12:00`);
  const typed = (values.amount ?? "").replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  const cents = /^\d+(\.\d{1,2})?$/.test(typed) ? Math.round(Number(typed) * 100) : NaN;
  const outstanding = standingOf(advance, now).outstandingCents;
  if (!Number.isSafeInteger(cents) || cents <= 0)
    errors.amount = "Indiquez un montant en euros supérieur à zéro (par exemple 1 250,00).";
  else if (cents > outstanding)
    errors.amount = `Le montant dépasse le reste à rembourser (${formatEuros(outstanding)}).`;
  const reference = (values.reference ?? "").trim();
  if (!reference) errors.reference = "Indiquez la référence du remboursement (titre de recette, virement).";
  else if (reference.length > MAX_MANDATE_LENGTH)
    errors.reference = `La référence ne peut pas dépasser ${MAX_MANDATE_LENGTH} caractères.`;
  if (Object.keys(errors).length > 0 || !receivedOn) refuseForm(errors);
  return { receivedOn, cents, reference };
}

function requireOpen(advance: Advance) {
  if (advance.dossier.status !== DossierStatus.GRANTED)
    throw new UserError("L’avance est intégralement remboursée\u202f: le dossier est clos.", { status: 409 });
}

/** The instructor records a repayment received. */
export async function recordRepayment(
  db: PrismaClient,
  storage: FileStorage,
  input: RepaymentInput & { actor: StaffActor },
) {
  await getDossierForStaff(db, input.actor, input.dossierId);
  if (input.actor.role !== UserRole.INSTRUCTOR)
    throw forbidden("Vous ne pouvez pas «\u00a0enregistrer un remboursement\u00a0»\u202f: action réservée.");
  return repay(db, storage, { ...input, actorId: input.actor.id, actorRole: input.actor.role, early: false });
}

/** The association declares a repayment ahead of schedule (the EU grant arrived early). */
export async function declareEarlyRepayment(
  db: PrismaClient,
  storage: FileStorage,
  input: RepaymentInput & { userId: string },
) {
  await getDossierForMember(db, input.userId, input.dossierId);
  return repay(db, storage, { ...input, actorId: input.userId, actorRole: UserRole.APPLICANT, early: true });
}

/**
 * A repayment received, in the caller's transaction: its row (under the schedule in force), its line in the
 * timeline and, ahead of schedule, the remaining instalments recomputed with their PDF. No email.
 */
export async function writeRepayment(
  tx: Tx,
  storage: FileStorage | null,
  written: string[],
  input: {
    advance: Advance;
    receivedOn: Date;
    cents: number;
    reference: string;
    early: boolean;
    actorId: string;
    ip?: string | null;
    now: Date;
  },
) {
  const { advance, receivedOn, cents, reference, now } = input;
  const repayment = await tx.advanceRepayment.create({
    data: {
      dossierId: advance.dossier.id,
      receivedOn,
      amountCents: cents,
      reference,
      early: input.early,
      scheduleVersion: advance.current.version,
      recordedById: input.actorId,
      createdAt: now,
    },
  });
  await recordFollowUp(tx, {
    dossierId: advance.dossier.id,
    actorId: input.actorId,
    action: input.early ? "post_grant.advance_early_repayment" : "post_grant.advance_repayment_recorded",
    reason: `${repaymentWhat(input.early)}\u00a0: ${formatEuros(cents)} (référence ${reference})`,
    target: { type: "Dossier", id: advance.dossier.id },
    details: { repaymentId: repayment.id, amountCents: cents, receivedOn: parisDay(receivedOn) },
    ip: input.ip,
    now,
  });
  const after = await lockAdvance(tx, advance.dossier.id);
  const standing = standingOf(after, now);
  if (input.early && standing.outstandingCents > 0) {
    await writeSchedule({
      tx,
      storage,
      written,
      dossierId: after.dossier.id,
      origin: AdvanceScheduleOrigin.EARLY_REPAYMENT,
      instalments: scheduleAfterEarlyRepayment(standing.position, now),
      actorId: input.actorId,
      now,
    });
  }
  return { after, standing };
}

const repaymentWhat = (early: boolean) => (early ? "Remboursement anticipé déclaré" : "Remboursement reçu");

async function repay(
  db: PrismaClient,
  storage: FileStorage,
  input: RepaymentInput & { actorId: string; actorRole: UserRole; early: boolean },
) {
  const now = input.now ?? new Date();
  const written: string[] = [];
  try {
    return await db.$transaction(async (tx) => {
      const advance = await lockAdvance(tx, input.dossierId);
      requireOpen(advance);
      const { receivedOn, cents, reference } = readRepayment(input.values, advance, now);
      const { after, standing } = await writeRepayment(tx, storage, written, {
        advance,
        receivedOn,
        cents,
        reference,
        early: input.early,
        actorId: input.actorId,
        ip: input.ip,
        now,
      });
      if (standing.outstandingCents === 0) {
        await closeRepaid(tx, storage, written, after, input, now);
        return { repaidInFull: true };
      }
      const url = portalUrl(input.appUrl, advancePath(after.dossier.id));
      await emailAdvanceMembers(tx, after.dossier.organisationId, now, (person) =>
        advanceUpdate({
          firstName: person.firstName,
          dossierNumber: after.dossier.number ?? "",
          subject: input.early ? "remboursement anticipé enregistré" : "remboursement reçu",
          sentences: [
            `${repaymentWhat(input.early)} le ${formatDate(receivedOn)}\u00a0: ${formatEuros(cents)}.`,
            `Reste à rembourser\u00a0: ${formatEuros(standing.outstandingCents)}.`,
            ...(input.early
              ? ["Les échéances restantes ont été recalculées\u00a0: voir le nouvel échéancier."]
              : []),
          ],
          url,
        }),
      );
      return { repaidInFull: false };
    }, ADVANCE_TX_OPTIONS);
  } catch (error) {
    await deleteUnreferencedFiles(db, storage, written);
    throw error;
  }
}

/** The « attestation de remboursement intégral », stored with its line in the timeline. */
export async function writeRepaymentCertificate(
  tx: Tx,
  storage: FileStorage,
  written: string[],
  input: { advance: Advance; actorId: string | null; now: Date },
) {
  const { advance, now } = input;
  const last = advance.repayments[advance.repayments.length - 1]!;
  const pdf = await renderRepaymentCertificate({
    ...documentBase(advance, now),
    repayments: advance.repayments,
    repaidOn: last.receivedOn,
    signatory: DECISION_SIGNATORY,
  });
  return storeAdvanceDocument({
    tx,
    storage,
    written,
    dossierId: advance.dossier.id,
    kind: DocumentKind.REPAYMENT_CERTIFICATE,
    pdf,
    actorId: input.actorId,
    reason: "Attestation de remboursement intégral établie",
    now,
  });
}

/** Everything repaid: the final statement, then GRANTED → SETTLED (its own email to the association). */
async function closeRepaid(
  tx: Tx,
  storage: FileStorage,
  written: string[],
  advance: Advance,
  input: RepaymentInput & { actorId: string; actorRole: UserRole },
  now: Date,
) {
  await writeRepaymentCertificate(tx, storage, written, { advance, actorId: input.actorId, now });
  // The move is the instructor's SETTLE: made by the instructor who recorded the last repayment, or by the
  // portal itself when the association's early repayment cleared the advance.
  const instructor = input.actorRole === UserRole.INSTRUCTOR;
  await applyTransition(tx, {
    dossierId: advance.dossier.id,
    from: advance.dossier.status,
    transition: "SETTLE",
    actor: { id: instructor ? input.actorId : null, role: UserRole.INSTRUCTOR },
    reason: "Avance intégralement remboursée",
    changes: { settledAt: now },
    appUrl: input.appUrl,
    notice: { paidCents: advance.advanceCents },
    now,
  });
  await recordFollowUp(tx, {
    dossierId: advance.dossier.id,
    actorId: input.actorId,
    action: "post_grant.advance_repaid",
    reason: `Avance intégralement remboursée\u00a0: ${formatEuros(advance.advanceCents)}`,
    target: { type: "Dossier", id: advance.dossier.id },
    details: { amountCents: advance.advanceCents },
    ip: input.ip,
    now,
  });
}
