// The applicant's consent to show a dossier to the funders' community (Mesure 15): explicit, revocable at any
// time, and recorded on the dossier's timeline with who gave or withdrew it and when.
import { fullName } from "~/domain/people";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind } from "~/generated/prisma/enums";

import { getDossierForMember } from "./dossiers.server";

type Db = PrismaClient | Prisma.TransactionClient;

export const SHARING_REASONS = {
  shared: "Partage avec la communauté des financeurs",
  revoked: "Fin du partage avec la communauté des financeurs",
} as const;

export interface SharingState {
  shared: boolean;
  /** The latest choice: who made it and when; null when nobody ever chose. */
  lastChange: { shared: boolean; at: Date; by: string | null } | null;
}

/** Whether the dossier is shared, and the latest recorded choice. */
export async function sharingState(db: Db, userId: string, dossierId: string): Promise<SharingState> {
  const dossier = await getDossierForMember(db, userId, dossierId);
  const latest = await db.dossierEvent.findFirst({
    where: { dossierId: dossier.id, kind: DossierEventKind.SHARING },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      createdAt: true,
      reason: true,
      data: true,
      actor: { select: { firstName: true, lastName: true } },
    },
  });
  return {
    shared: dossier.sharedWithFunders,
    lastChange: latest
      ? {
          shared: sharedIn(latest.data) ?? latest.reason !== SHARING_REASONS.revoked,
          at: latest.createdAt,
          by: latest.actor ? fullName(latest.actor) : null,
        }
      : null,
  };
}

/** The `{ shared }` an event of this kind records, if its data says so. */
function sharedIn(data: Prisma.JsonValue | null): boolean | null {
  const shared = data && typeof data === "object" && !Array.isArray(data) ? data.shared : undefined;
  return typeof shared === "boolean" ? shared : null;
}

export type SharingChange = { changed: boolean; shared: boolean };

/**
 * Records the applicant's choice. Choosing what is already in force changes nothing and records nothing,
 * so a double submission or two colleagues agreeing leave one event.
 */
export async function setFunderSharing(
  db: PrismaClient,
  input: { userId: string; dossierId: string; share: boolean; now?: Date },
): Promise<SharingChange> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  if (dossier.sharedWithFunders === input.share) return { changed: false, shared: input.share };
  return db.$transaction(async (tx) => {
    // Only the request that actually flips the flag records the event.
    const updated = await tx.dossier.updateMany({
      where: { id: dossier.id, sharedWithFunders: !input.share },
      data: { sharedWithFunders: input.share, sharedAt: input.share ? now : null },
    });
    if (updated.count === 0) return { changed: false, shared: input.share };
    await tx.dossierEvent.create({
      data: {
        dossierId: dossier.id,
        kind: DossierEventKind.SHARING,
        actorId: input.userId,
        reason: input.share ? SHARING_REASONS.shared : SHARING_REASONS.revoked,
        data: { shared: input.share },
        createdAt: now,
      },
    });
    return { changed: true, shared: input.share };
  });
}
