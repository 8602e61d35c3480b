// Retention of finished dossiers: the admin's settings, and the job that warns organisations and then purges
// the pieces and personal data of dossiers past their retention period. The job runs on every instance:
// each dossier is claimed with FOR UPDATE SKIP LOCKED and checked again under the lock, so a notice is sent
// once and a dossier purged once.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { addParisDays } from "~/domain/paris-time";
import {
  effectivePurgeOn,
  isNoticeDue,
  isPurgeDue,
  purgedDossierMessage,
  purgedFileMessage,
  retentionSchedule,
  retentionSettingsSchema,
  RETENTION_DEFAULTS,
  type RetentionSettings,
} from "~/domain/retention";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { purgeNotice } from "~emails/purge-notice";

import { applicantDossierUrl } from "~/services/dossiers/links.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { claim, dossiersNoticedBy, factsOf, TX_OPTIONS } from "./retention-dossiers.server";
import { deletePurgedFiles, purgeDossier } from "./retention-purge.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { fieldErrors } from "~/domain/forms";
import { UserError } from "~/domain/user-error";

type Db = PrismaClient | Prisma.TransactionClient;

// ─── Settings ─────────────────────────────────────────────────────────────────

/** The settings row (id 1), created with the defaults the first time it is read. */
export async function getRetentionSettings(db: Db) {
  const select = { retentionMonths: true, purgeNoticeDays: true, updatedAt: true } as const;
  const row = await db.portalSettings.findUnique({ where: { id: 1 }, select });
  if (row) return row;
  // Two instances reading it at once for the first time: the second insert is skipped, not an error.
  await db.portalSettings.createMany({ data: [{ id: 1, ...RETENTION_DEFAULTS }], skipDuplicates: true });
  return db.portalSettings.findUniqueOrThrow({ where: { id: 1 }, select });
}

export class RetentionSettingsError extends UserError {
  constructor(fieldErrors: Record<string, string>) {
    super("Le formulaire contient des erreurs.", { fieldErrors });
    this.name = "RetentionSettingsError";
  }
}

export async function updateRetentionSettings(
  db: PrismaClient,
  input: { actorId: string; values: { retentionMonths?: unknown; purgeNoticeDays?: unknown }; now: Date },
): Promise<RetentionSettings> {
  const parsed = retentionSettingsSchema.safeParse(input.values);
  if (!parsed.success) {
    throw new RetentionSettingsError(fieldErrors(parsed.error, { depth: 1 }));
  }
  const after = parsed.data;
  await db.$transaction(async (tx) => {
    await getRetentionSettings(tx);
    const [before] = await tx.$queryRaw<RetentionSettings[]>`
      SELECT "retentionMonths", "purgeNoticeDays" FROM "PortalSettings" WHERE "id" = 1 FOR UPDATE`;
    await tx.portalSettings.update({
      where: { id: 1 },
      data: { ...after, updatedById: input.actorId, updatedAt: input.now },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.retentionSettingsUpdated,
        targetType: "PortalSettings",
        targetId: "1",
        details: { before: { ...before }, after },
        createdAt: input.now,
      },
    });
  });
  return after;
}

// ─── The job ──────────────────────────────────────────────────────────────────

async function sendNotice(
  db: PrismaClient,
  dossierId: string,
  settings: RetentionSettings,
  input: { appUrl: string; now: Date },
): Promise<boolean> {
  const { now } = input;
  return db.$transaction(async (tx) => {
    const row = await claim(tx, dossierId);
    if (!row || !isNoticeDue(factsOf(row), settings, now)) return false;
    const purgeOn = effectivePurgeOn({ ...factsOf(row), purgeNoticeSentAt: now }, settings, now)!;
    // A deactivated account reads no email; an organisation without members is still counted as warned,
    // or its dossier would be kept for ever.
    const members = await tx.membership.findMany({
      where: { organisationId: row.organisationId, user: { deactivatedAt: null } },
      select: { user: { select: { email: true, firstName: true } } },
      orderBy: { createdAt: "asc" },
    });
    for (const { user } of members) {
      const email = purgeNotice({
        firstName: user.firstName,
        dossierNumber: row.number ?? row.title,
        dossierTitle: row.title,
        organisationName: row.organisation.name,
        purgeOn,
        retentionMonths: settings.retentionMonths,
        url: applicantDossierUrl(input.appUrl, row.id),
      });
      await enqueueEmail(tx, { ...email, to: user.email }, { now });
    }
    await tx.dossier.update({ where: { id: row.id }, data: { purgeNoticeSentAt: now } });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: AUDIT_ACTIONS.purgeNoticeSent,
        targetType: "Dossier",
        targetId: row.id,
        details: { number: row.number, purgeOn: purgeOn.toISOString(), recipients: members.length },
        createdAt: now,
      },
    });
    return true;
  }, TX_OPTIONS);
}

export interface RetentionRun {
  notices: number;
  purged: number;
  filesDeleted: number;
  filesFailed: number;
}

/** Warns the organisations whose notice is due, purges what is due, and deletes the purged files. */
export async function runRetention(
  db: PrismaClient,
  storage: FileStorage,
  input: { appUrl: string; now?: Date },
): Promise<RetentionRun> {
  const now = input.now ?? new Date();
  const settings = await getRetentionSettings(db);
  const due = await dossiersNoticedBy(db, settings, now);
  const failures: unknown[] = [];
  let notices = 0;
  let purged = 0;
  // One dossier's failure (a broken rule set…) must not hold back the others: it is reported at the end.
  for (const row of due) {
    try {
      if (
        isNoticeDue(factsOf(row), settings, now) &&
        (await sendNotice(db, row.id, settings, { ...input, now }))
      )
        notices += 1;
      else if (isPurgeDue(factsOf(row), settings, now) && (await purgeDossier(db, row.id, settings, now)))
        purged += 1;
    } catch (error) {
      failures.push(error);
    }
  }
  const files = await deletePurgedFiles(db, storage);
  if (failures.length > 0)
    throw new AggregateError(failures, `Conservation : ${failures.length} dossier(s) non traité(s)`);
  return { notices, purged, filesDeleted: files.deleted, filesFailed: files.failed };
}

// ─── What the pages show ──────────────────────────────────────────────────────

/** A download of a purged dossier's file answers 410 Gone, with the date, rather than a missing file. */
export function refusePurgedFiles(dossier: { purgedAt: Date | null }): void {
  if (dossier.purgedAt) throw new UserError(purgedFileMessage(dossier.purgedAt), { status: 410 });
}

/** The line a purged dossier's page shows; null for any other dossier. Call after authorization. */
export async function purgedDossierLine(db: PrismaClient, dossierId: string): Promise<string | null> {
  const dossier = await db.dossier.findUnique({ where: { id: dossierId }, select: { purgedAt: true } });
  return dossier?.purgedAt ? purgedDossierMessage(dossier.purgedAt) : null;
}

const LAST_PURGED = 20;

/** For the admin: the settings, what is due in the next `days` days, and the last dossiers purged. */
export async function retentionOverview(db: PrismaClient, now: Date, days = 90) {
  const settings = await getRetentionSettings(db);
  const horizon = addParisDays(now, days);
  const upcoming = (await dossiersNoticedBy(db, settings, horizon))
    .map((row) => {
      const facts = factsOf(row);
      const schedule = retentionSchedule(facts, settings)!;
      const noticeSentAt = facts.purgeNoticeSentAt && facts.purgeNoticeSentAt >= schedule.startsAt;
      return {
        id: row.id,
        number: row.number,
        title: row.title,
        organisation: row.organisation.name,
        status: row.status,
        noticeSentAt: noticeSentAt ? facts.purgeNoticeSentAt : null,
        noticeOn: schedule.noticeOn,
        purgeOn: effectivePurgeOn(facts, settings, now)!,
      };
    })
    .sort((a, b) => a.purgeOn.getTime() - b.purgeOn.getTime());
  const purged = await db.dossier.findMany({
    where: { purgedAt: { not: null } },
    orderBy: [{ purgedAt: "desc" }, { id: "asc" }],
    take: LAST_PURGED,
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      purgedAt: true,
      organisation: { select: { name: true } },
    },
  });
  return { settings, upcoming, purged };
}
