// Settling a granted dossier (« soldé »): allowed only once every payment is paid or cancelled, every
// report approved and every recovery settled; otherwise the French list of what is still open.
import { moneyTotals, settlementCheck } from "~/domain/post-grant/settlement";
import { UserError } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";

import { applyTransition, lockDossier } from "~/services/dossiers/transitions.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";

import { recordFollowUp } from "./follow-up.server";
import { moneyStateOf } from "./report-context.server";

const TX_OPTIONS = { timeout: 30_000 };

/** What the settlement page shows: the totals and what is still open. */
export async function settlementView(db: PrismaClient, actor: StaffActor, dossierId: string) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const state = await moneyStateOf(db, dossier.id);
  return { dossier, totals: moneyTotals(state), check: settlementCheck(state) };
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
    const state = await moneyStateOf(tx, dossier.id);
    const check = settlementCheck(state);
    if (!check.ok)
      throw new UserError(`Le dossier ne peut pas encore être soldé\u202f: ${check.open.join("\u202f; ")}.`, {
        status: 409,
      });
    const totals = moneyTotals(state);
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
