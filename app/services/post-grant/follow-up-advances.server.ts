// The follow-up queue's late equity advances: the advances paid whose schedule in force has an instalment
// due and not entirely repaid, with the arrears and their age (days since the oldest unpaid due date).
// Whether an instalment is paid comes from the allocation of the repayments, so the few candidates (a due
// date passed on a schedule in force) are read and their standing computed; the oldest arrears first.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, SchemeCode } from "~/generated/prisma/enums";

import { loadAdvance, standingOf } from "./advance.server";

export async function lateAdvances(db: PrismaClient, dossier: Prisma.DossierWhereInput, now: Date) {
  const candidates = await db.dossier.findMany({
    where: {
      AND: [
        dossier,
        {
          schemeCode: SchemeCode.EQUITY_ADVANCE,
          status: DossierStatus.GRANTED,
          advanceSchedules: { some: { replacedAt: null, instalments: { some: { dueDate: { lt: now } } } } },
        },
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const late: Array<{
    dossierId: string;
    position: number;
    date: Date;
    daysLate: number;
    lateCents: number;
  }> = [];
  for (const { id } of candidates) {
    const advance = await loadAdvance(db, id);
    if (!advance) continue;
    const { position } = standingOf(advance, now);
    const oldest = position.instalments.find((instalment) => instalment.state === "LATE");
    if (!oldest) continue;
    late.push({
      dossierId: id,
      position: oldest.position,
      date: oldest.dueDate,
      daysLate: position.oldestLateDays,
      lateCents: position.lateCents,
    });
  }
  return late.sort((a, b) => a.date.getTime() - b.date.getTime() || a.dossierId.localeCompare(b.dossierId));
}
