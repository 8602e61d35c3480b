// Unspent money: when the Region paid more than the subsidy finally due, the instructor decides a recovery
// (amount proposed by the portal, reason, due date), which issues the « demande de reversement » PDF emailed
// to the association; once the money is back, the instructor records it settled (date, reference).
import { addParisDays, parisDay } from "~/domain/paris-time";
import { formatEuros } from "~/domain/format";
import { moneyTotals } from "~/domain/post-grant/settlement";
import { UserError, notFound } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierStatus, RecoveryStatus, UserRole } from "~/generated/prisma/enums";
import { recoveryIssued } from "~emails/recovery-issued";
import { recoverySettled } from "~emails/recovery-settled";

import { applicantDossierUrl } from "~/services/dossiers/links.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { lockDossier } from "~/services/dossiers/transitions.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import { recordFollowUp } from "./follow-up.server";
import { writeRecoveryOrder } from "./recovery-order.server";
import { finallyDueCents, financedPeriods, moneyStateOf } from "./report-context.server";

const TX_OPTIONS = { timeout: 30_000 };
export const RECOVERY_DAYS = 30;

type Db = Parameters<typeof moneyStateOf>[0];

/** Granted, paid, finally due, already asked back, and what the portal proposes to recover. */
export async function recoverySummary(
  db: Db,
  dossier: { id: string; grantedAmountCents: number | null; agreementAcceptedAt: Date | null },
) {
  const state = await moneyStateOf(db, dossier.id);
  const periods = dossier.agreementAcceptedAt
    ? await financedPeriods(db, dossier.id, dossier.agreementAcceptedAt)
    : [];
  const totals = moneyTotals(state);
  const dueCents = finallyDueCents(state, periods);
  const askedCents = totals.toRepayCents + totals.repaidCents;
  return {
    state,
    grantedCents: dossier.grantedAmountCents ?? 0,
    paidCents: totals.paidCents,
    dueCents,
    askedCents,
    proposedCents: Math.max(0, totals.paidCents - dueCents - askedCents),
  };
}

/** The reversements page: the summary and each recovery decided. */
export async function recoveriesView(db: PrismaClient, actor: StaffActor, dossierId: string) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const summary = await recoverySummary(db, dossier);
  const documents = await db.generatedDocument.findMany({
    where: { dossierId, kind: DocumentKind.RECOVERY_ORDER },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true },
  });
  return { dossier, summary, documents };
}

interface IssueInput {
  actor: StaffActor;
  dossierId: string;
  amountCents: number;
  reason: string;
  dueDate?: Date | null;
  now?: Date;
  appUrl: string;
  ip?: string | null;
}

/** Decides a recovery and issues its « demande de reversement », emailed to the organisation. */
export async function issueRecovery(db: PrismaClient, storage: FileStorage, input: IssueInput) {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  if (input.actor.role !== UserRole.INSTRUCTOR)
    throw new UserError("Vous ne pouvez pas «\u00a0décider un reversement\u00a0»\u202f: action réservée.", {
      status: 409,
    });
  const dueDate = input.dueDate ?? addParisDays(now, RECOVERY_DAYS);
  const written: string[] = [];
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockDossier(tx, dossier.id);
      if (locked.status !== DossierStatus.GRANTED)
        throw new UserError("Un reversement ne se décide que sur un dossier accordé et non soldé.", {
          status: 409,
        });
      const summary = await recoverySummary(tx, dossier);
      const errors: Record<string, string> = {};
      const ceiling = summary.paidCents - summary.askedCents;
      if (input.amountCents <= 0) errors.amount = "Indiquez un montant supérieur à zéro.";
      else if (input.amountCents > ceiling)
        errors.amount = `Le montant ne peut pas dépasser ce qui a été versé et pas encore demandé en reversement (${formatEuros(Math.max(0, ceiling))}).`;
      if (!reason) errors.reason = "Indiquez le motif\u202f: il figure dans la demande de reversement.";
      if (dueDate.getTime() <= now.getTime())
        errors.dueDate = "La date limite doit être postérieure à aujourd’hui.";
      if (Object.keys(errors).length > 0)
        throw new UserError(Object.values(errors).join(" "), { status: 422, fieldErrors: errors });
      const recovery = await tx.recovery.create({
        data: {
          dossierId: dossier.id,
          amountCents: input.amountCents,
          reason,
          decidedById: input.actor.id,
          decidedAt: now,
          dueDate,
        },
      });
      const storageKey = await writeRecoveryOrder(tx, storage, {
        dossier,
        summary,
        recovery,
        actorId: input.actor.id,
        written,
      });
      await recordFollowUp(tx, {
        dossierId: dossier.id,
        actorId: input.actor.id,
        action: "post_grant.recovery_issued",
        reason: `Reversement demandé\u00a0: ${formatEuros(input.amountCents)} — ${reason}`,
        target: { type: "Recovery", id: recovery.id },
        details: { amountCents: input.amountCents },
        ip: input.ip,
        now,
      });
      const url = applicantDossierUrl(input.appUrl, dossier.id);
      for (const person of await applicantRecipients(tx, dossier.organisationId)) {
        const email = recoveryIssued({
          firstName: person.firstName,
          dossierNumber: dossier.number ?? "",
          dossierTitle: dossier.title,
          amountCents: input.amountCents,
          dueDate,
          reason,
          url,
        });
        await enqueueEmail(
          tx,
          {
            ...email,
            to: person.email,
            attachments: [
              {
                fileName: `Demande de reversement ${dossier.number}.pdf`,
                contentType: "application/pdf",
                storageKey,
              },
            ],
          },
          { now },
        );
      }
      return recovery;
    }, TX_OPTIONS);
  } catch (error) {
    await deleteUnreferencedFiles(db, storage, written);
    throw error;
  }
}

/** Records the repayment received: the date and the reference of the receipt. */
export async function settleRecovery(
  db: PrismaClient,
  input: {
    actor: StaffActor;
    dossierId: string;
    recoveryId: string;
    settledOn: Date;
    reference: string;
    now?: Date;
    appUrl: string;
    ip?: string | null;
  },
) {
  const now = input.now ?? new Date();
  const reference = input.reference.trim();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  if (input.actor.role !== UserRole.INSTRUCTOR)
    throw new UserError(
      "Vous ne pouvez pas «\u00a0enregistrer un reversement\u00a0»\u202f: action réservée.",
      { status: 409 },
    );
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: RecoveryStatus; amountCents: number }>>`
      SELECT "status", "amountCents" FROM "Recovery" WHERE "id" = ${input.recoveryId} AND "dossierId" = ${dossier.id} FOR UPDATE`;
    if (!row) throw notFound("Reversement introuvable.");
    if (row.status !== RecoveryStatus.ISSUED)
      throw new UserError("Ce reversement est déjà enregistré comme réglé.", { status: 409 });
    const errors: Record<string, string> = {};
    if (!reference) errors.reference = "Indiquez la référence du titre de recette ou de l’encaissement.";
    // Days, in Paris: at half past midnight today's date is not « in the future ».
    if (parisDay(input.settledOn) > parisDay(now))
      errors.settledOn = "La date de réception ne peut pas être dans le futur.";
    if (Object.keys(errors).length > 0)
      throw new UserError(Object.values(errors).join(" "), { status: 422, fieldErrors: errors });
    await tx.recovery.update({
      where: { id: input.recoveryId },
      data: { status: RecoveryStatus.SETTLED, settledAt: input.settledOn, settledReference: reference },
    });
    await recordFollowUp(tx, {
      dossierId: dossier.id,
      actorId: input.actor.id,
      action: "post_grant.recovery_settled",
      reason: `Reversement de ${formatEuros(row.amountCents)} reçu (référence ${reference})`,
      target: { type: "Recovery", id: input.recoveryId },
      details: { reference },
      ip: input.ip,
      now,
    });
    const url = applicantDossierUrl(input.appUrl, dossier.id);
    for (const person of await applicantRecipients(tx, dossier.organisationId)) {
      const email = recoverySettled({
        firstName: person.firstName,
        dossierNumber: dossier.number ?? "",
        dossierTitle: dossier.title,
        amountCents: row.amountCents,
        settledOn: input.settledOn,
        url,
      });
      await enqueueEmail(tx, { ...email, to: person.email }, { now });
    }
  }, TX_OPTIONS);
}
