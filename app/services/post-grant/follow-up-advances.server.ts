// The follow-up queue's late equity advances: the advances paid whose schedule in force has an instalment
// due and not entirely repaid, with the arrears and their age (days since the oldest unpaid due date).
// Whether an instalment is paid comes from the allocation of the repayments, so the few candidates (a due
// date passed on a schedule in force) are read and their standing computed; the oldest arrears first.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

import { loadAdvance, standingOf } from "./advance.server";

export interface LateAdvance {
  dossierId: string;
  position: number;
  date: Date;
  daysLate: number;
  lateCents: number;
}

/** The late advances of the dossiers `scope` (a condition on `d`, see follow-up-scope.server.ts) selects. */
export async function lateAdvances(db: PrismaClient, scope: Prisma.Sql, now: Date): Promise<LateAdvance[]> {
  const candidates = await db.$queryRaw<Array<{ id: string }>>`
    SELECT d.id FROM "Dossier" d
    WHERE ${scope} AND d."schemeCode" = 'EQUITY_ADVANCE' AND d.status = 'GRANTED'
      AND EXISTS (SELECT 1 FROM "AdvanceSchedule" s JOIN "AdvanceInstalment" i ON i."scheduleId" = s.id
        WHERE s."dossierId" = d.id AND s."replacedAt" IS NULL AND i."dueDate" < ${now}::timestamp)
    ORDER BY d.id`;
  const late: LateAdvance[] = [];
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
