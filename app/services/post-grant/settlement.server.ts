// Settling a granted dossier (« soldé »): allowed only once every payment is paid or cancelled, every
// report approved and every recovery settled; otherwise the French list of what is still open.
import { formatEuros } from "~/domain/format";
import { moneyTotals, settlementCheck } from "~/domain/post-grant/settlement";
import { UserError } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";

import { applyTransition, lockDossier } from "~/services/dossiers/transitions.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";

import { advanceStanding } from "./advance-views.server";
import { recordFollowUp } from "./follow-up.server";
import { recoverySummary } from "./recoveries.server";

type Db = Parameters<typeof recoverySummary>[0];

/**
 * settlementCheck, plus the money paid above the subsidy finally due that no recovery asks back yet: a
 * dossier is not balanced while the association holds money it must repay.
 */
async function openItems(db: Db, dossier: Parameters<typeof recoverySummary>[1]) {
  const summary = await recoverySummary(db, dossier);
  const check = settlementCheck(summary.state);
  const open = check.ok ? [] : [...check.open];
  if (summary.proposedCents > 0)
    open.push(
      `${formatEuros(summary.proposedCents)} versés au-delà de la subvention due restent à demander en reversement`,
    );
  // An equity advance is settled by its last repayment, never before.
  const advance = await advanceStanding(db, dossier.id, new Date());
  if (advance && advance.outstandingCents > 0)
    open.push(`${advance.outstanding} restent à rembourser sur l’avance`);
  return { summary, open };
}

const TX_OPTIONS = { timeout: 30_000 };

/** What the settlement page shows: the totals and what is still open. */
export async function settlementView(db: PrismaClient, actor: StaffActor, dossierId: string) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const { summary, open } = await openItems(db, dossier);
  return { dossier, summary, totals: moneyTotals(summary.state), open };
}

/** SETTLE: GRANTED → SETTLED, with Dossier.settledAt, once settlementCheck finds nothing open. */
export async function settleDossier(
  db: PrismaClient,
  input: { actor: StaffActor; dossierId: string; now?: Date; appUrl: string; ip?: string | null },
) {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  await db.$transaction(async (tx) => {
    const locked = await lockDossier(tx, dossier.id);
    const { summary, open } = await openItems(tx, dossier);
    if (open.length > 0)
      throw new UserError(`Le dossier ne peut pas encore être soldé\u202f: ${open.join("\u202f; ")}.`, {
        status: 409,
      });
    const totals = moneyTotals(summary.state);
    await applyTransition(tx, {
      dossierId: dossier.id,
      from: locked.status,
      transition: "SETTLE",
      actor: input.actor,
      reason: "Dossier soldé",
      changes: { settledAt: now },
      appUrl: input.appUrl,
      notice: { paidCents: totals.paidCents - totals.repaidCents },
      now,
    });
    await recordFollowUp(tx, {
      dossierId: dossier.id,
      actorId: input.actor.id,
      action: "post_grant.dossier_settled",
      reason: "Dossier soldé",
      target: { type: "Dossier", id: dossier.id },
      details: { paidCents: totals.paidCents, repaidCents: totals.repaidCents },
      ip: input.ip,
      now,
    });
  }, TX_OPTIONS);
}
