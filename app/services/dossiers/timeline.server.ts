// A dossier's events, newest first, as both timelines read them (the applicant's and the staff's): each
// page then names the actors its own way (domain/dossier-timeline).
import type { PrismaClient } from "~/generated/prisma/client";

export function dossierTimelineEvents(db: PrismaClient, dossierId: string) {
  return db.dossierEvent.findMany({
    where: { dossierId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    // Never `data`: it holds snapshots and internal details.
    select: {
      id: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      reason: true,
      createdAt: true,
      actor: { select: { firstName: true, lastName: true, role: true } },
    },
  });
}
