// Moving a dossier along its life cycle inside a transaction: the row is locked, the state machine of
// app/domain decides, the status changes and the timeline records who, when and why, in one place.
import { checkTransition, type Transition } from "~/domain/dossier-workflow";
import type { Prisma } from "~/generated/prisma/client";
import { DossierEventKind, type DossierStatus, type UserRole } from "~/generated/prisma/enums";

import { DossierError } from "~/services/applicant/dossiers.server";
import { notFound } from "~/domain/user-error";

type Tx = Prisma.TransactionClient;

/** Locks the dossier's row until the transaction ends: a second transition waits, then sees the first. */
export async function lockDossier(tx: Tx, dossierId: string) {
  const [row] = await tx.$queryRaw<Array<{ status: DossierStatus; number: string | null }>>`
    SELECT "status", "number" FROM "Dossier" WHERE "id" = ${dossierId} FOR UPDATE`;
  if (!row) throw notFound("Dossier introuvable.");
  return row;
}

export async function applyTransition(
  tx: Tx,
  input: {
    dossierId: string;
    /** The status read under the lock. */
    from: DossierStatus;
    transition: Transition;
    actor: { id: string; role: UserRole };
    reason: string;
    /** What the timeline keeps beside the reason (a snapshot of the answers…); never shown to applicants. */
    data?: Prisma.InputJsonValue;
    /** Fields changed with the status (number, dates, amounts). */
    changes?: Prisma.DossierUpdateInput;
    now: Date;
  },
): Promise<DossierStatus> {
  const move = checkTransition({
    status: input.from,
    transition: input.transition,
    role: input.actor.role,
    reason: input.reason,
  });
  if (!move.ok) throw new DossierError(move.error, 409);
  await tx.dossier.update({
    where: { id: input.dossierId },
    data: { ...input.changes, status: move.to, revision: { increment: 1 } },
  });
  await tx.dossierEvent.create({
    data: {
      dossierId: input.dossierId,
      kind: DossierEventKind.STATUS_CHANGE,
      fromStatus: input.from,
      toStatus: move.to,
      actorId: input.actor.id,
      reason: input.reason,
      data: input.data,
      createdAt: input.now,
    },
  });
  return move.to;
}
