// Which finished dossiers the retention job looks at, and how one is claimed: FOR UPDATE SKIP LOCKED, then
// read again under the lock, so that of several instances one handles it and the others skip it.
import {
  FINISHED_STATUSES,
  lastFollowUpAt,
  retentionSchedule,
  type RetentionFacts,
  type RetentionSettings,
} from "~/domain/retention";
import { addParisDays, addParisMonths } from "~/domain/paris-time";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/** A purge touches a dozen tables: more than Prisma’s default five seconds on a busy database. */
export const TX_OPTIONS = { timeout: 30_000 };

const FACTS_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  decidedAt: true,
  closedAt: true,
  settledAt: true,
  purgeNoticeSentAt: true,
  purgedAt: true,
  organisationId: true,
  organisation: { select: { name: true } },
  instalments: { select: { dueDate: true }, orderBy: { dueDate: "desc" }, take: 1 },
  // After the grant: the last payment made, and every report and recovery (a handful per dossier).
  payments: {
    where: { paidOn: { not: null } },
    select: { paidOn: true },
    orderBy: { paidOn: "desc" },
    take: 1,
  },
  reports: { select: { status: true, dueDate: true, submittedAt: true, approvedAt: true } },
  recoveries: { select: { status: true, decidedAt: true, dueDate: true, settledAt: true } },
} satisfies Prisma.DossierSelect;

type FactsRow = Prisma.DossierGetPayload<{ select: typeof FACTS_SELECT }>;

export function factsOf(row: FactsRow): RetentionFacts {
  return {
    ...row,
    lastInstalmentDueAt: row.instalments[0]?.dueDate ?? null,
    lastFollowUpAt: lastFollowUpAt(row),
  };
}

/**
 * The finished, unpurged dossiers whose notice falls on or before `horizon`. The query narrows by decision,
 * closing or settlement date (with a few days' margin for month-end clamping) — the clock never starts
 * before them; the exact rule, with the follow-up's dates, is applied in app/domain/retention.
 */
export async function dossiersNoticedBy(db: Db, settings: RetentionSettings, horizon: Date) {
  const bound = addParisMonths(
    addParisDays(horizon, settings.purgeNoticeDays + 3),
    -settings.retentionMonths,
  );
  const rows = await db.dossier.findMany({
    where: {
      status: { in: [...FINISHED_STATUSES] },
      purgedAt: null,
      OR: [{ decidedAt: { lte: bound } }, { closedAt: { lte: bound } }, { settledAt: { lte: bound } }],
    },
    select: FACTS_SELECT,
    orderBy: { id: "asc" },
  });
  return rows.filter((row) => {
    const schedule = retentionSchedule(factsOf(row), settings);
    return schedule !== null && schedule.noticeOn <= horizon;
  });
}

/** Locks the dossier for this instance and reads it again; null when another instance holds it or it is gone. */
export async function claim(tx: Prisma.TransactionClient, dossierId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Dossier" WHERE "id" = ${dossierId} AND "purgedAt" IS NULL FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return null;
  return tx.dossier.findUnique({ where: { id: dossierId }, select: FACTS_SELECT });
}
