// The audit log as the admin reads it: AuditLog rows and, when the filter names a dossier or a person,
// that dossier's or person's own history (DossierEvent) in one chronological list, newest first, a page
// at a time; the same selection as a CSV file, whose export is itself audited.

import { frenchCsv } from "~/services/platform/csv.server";
import { fullName } from "~/domain/people";
import { AUDIT_ACTIONS } from "~/domain/audit";
import {
  AUDIT_LOG_CSV_HEADER,
  AUDIT_LOG_PAGE_SIZE,
  AUDIT_TARGET_LABELS,
  auditActionLabel,
  auditLogCsvRecord,
  auditLogParams,
  auditLogRange,
  describeAuditDetails,
  describeDossierEvent,
  type AuditLogEntry,
  type AuditLogFilter,
} from "~/domain/audit-log";
import { eventLabel } from "~/domain/dossier-timeline";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

const PERSON_MATCH_MAX = 200;

/** The people a search names: every word must be in the first name, the last name or the email. */
async function matchingPeople(db: PrismaClient, search: string): Promise<string[]> {
  const words = search.split(/\s+/).filter(Boolean);
  const people = await db.user.findMany({
    where: {
      AND: words.map((word) => ({
        OR: [
          { firstName: { contains: word, mode: "insensitive" } },
          { lastName: { contains: word, mode: "insensitive" } },
          { email: { contains: word, mode: "insensitive" } },
        ],
      })),
    },
    select: { id: true },
    take: PERSON_MATCH_MAX,
  });
  return people.map((person) => person.id);
}

/** The rows the filter selects, in each table; `null` where a name or number matches nothing. */
async function selection(db: PrismaClient, filter: AuditLogFilter) {
  const notices: string[] = [];
  const audit: Prisma.AuditLogWhereInput[] = [];
  const events: Prisma.DossierEventWhereInput[] = [];
  let empty = false;

  if (filter.person) {
    const ids = await matchingPeople(db, filter.person);
    if (ids.length === 0) {
      notices.push(`Aucune personne ne correspond à « ${filter.person} ».`);
      empty = true;
    } else if (ids.length === PERSON_MATCH_MAX) {
      notices.push(
        `Plus de ${PERSON_MATCH_MAX} personnes correspondent à « ${filter.person} »\u202f: seules ${PERSON_MATCH_MAX} sont retenues, précisez la recherche.`,
      );
    }
    // What they did, and what was done to their account.
    audit.push({ OR: [{ actorId: { in: ids } }, { targetType: "User", targetId: { in: ids } }] });
    events.push({ actorId: { in: ids } });
  }
  if (filter.dossier) {
    const dossier = await db.dossier.findFirst({
      where: { OR: [{ id: filter.dossier }, { number: { equals: filter.dossier, mode: "insensitive" } }] },
      select: { id: true },
    });
    if (dossier) {
      audit.push({ targetType: "Dossier", targetId: dossier.id });
      events.push({ dossierId: dossier.id });
    } else {
      notices.push(`Aucun dossier ne porte le numéro ou l’identifiant « ${filter.dossier} ».`);
      empty = true;
    }
  }
  if (filter.action) audit.push({ action: filter.action });
  const range = auditLogRange(filter);
  if (range.gte || range.lt) {
    audit.push({ createdAt: range });
    events.push({ createdAt: range });
  }
  // A dossier's history is merged in only when one dossier or one person is asked for, and never under an
  // action filter: its events are not audit actions.
  const withEvents = Boolean(filter.person || filter.dossier) && !filter.action;
  return {
    notices,
    auditWhere: empty ? null : { AND: audit },
    eventWhere: empty || !withEvents ? null : { AND: events },
  };
}

type TargetRow = { targetType: string | null; targetId: string | null };

/** What each row's target names, read in one query per kind of target on the page. */
async function auditTargets(db: PrismaClient, rows: readonly TargetRow[]) {
  const idsOf = (type: string) => [
    ...new Set(rows.flatMap((row) => (row.targetType === type && row.targetId ? [row.targetId] : []))),
  ];
  const inIds = (type: string) => ({ where: { id: { in: idsOf(type) } } });
  const [dossiers, users, territories, organisations, funders, calls] = await Promise.all([
    db.dossier.findMany({ ...inIds("Dossier"), select: { id: true, number: true } }),
    db.user.findMany({
      ...inIds("User"),
      select: { id: true, firstName: true, lastName: true, email: true },
    }),
    db.territory.findMany({ ...inIds("Territory"), select: { id: true, name: true } }),
    db.organisation.findMany({ ...inIds("Organisation"), select: { id: true, name: true } }),
    db.funderOrganisation.findMany({ ...inIds("FunderOrganisation"), select: { id: true, name: true } }),
    db.call.findMany({ ...inIds("Call"), select: { id: true, title: true } }),
  ]);
  const names = new Map<string, string>([
    ...dossiers.map((row) => [`Dossier:${row.id}`, row.number ?? "(brouillon)"] as const),
    ...users.map((row) => [`User:${row.id}`, `${fullName(row)} (${row.email})`] as const),
    ...territories.map((row) => [`Territory:${row.id}`, row.name] as const),
    ...organisations.map((row) => [`Organisation:${row.id}`, row.name] as const),
    ...funders.map((row) => [`FunderOrganisation:${row.id}`, row.name] as const),
    ...calls.map((row) => [`Call:${row.id}`, row.title] as const),
  ]);
  const numbered = new Set(dossiers.filter((row) => row.number).map((row) => row.id));
  return (row: TargetRow): AuditLogEntry["target"] => {
    if (!row.targetType) return null;
    const kind = AUDIT_TARGET_LABELS[row.targetType] ?? row.targetType;
    if (!row.targetId) return { label: kind, dossierId: null };
    // A target deleted since keeps its id, so the entry still says what it was about.
    const name = names.get(`${row.targetType}:${row.targetId}`) ?? row.targetId;
    const linked = row.targetType === "Dossier" && numbered.has(row.targetId);
    return { label: `${kind} ${name}`, dossierId: linked ? row.targetId : null };
  };
}

const ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];
const PERSON = { select: { firstName: true, lastName: true, email: true } } as const;

type Where = Awaited<ReturnType<typeof selection>>;

/** The first `take` entries of the selection after skipping `skip`, newest first, in words. */
async function readEntries(db: PrismaClient, where: Where, skip: number, take?: number) {
  const { auditWhere, eventWhere } = where;
  // Merging two ordered lists needs each one's first skip + take rows; alone, the audit table pages itself.
  const window: { skip?: number; take?: number } =
    take === undefined ? {} : eventWhere ? { take: skip + take } : { skip, take };
  const [audits, events] = await Promise.all([
    auditWhere
      ? db.auditLog.findMany({ where: auditWhere, orderBy: ORDER, ...window, include: { actor: PERSON } })
      : [],
    eventWhere
      ? db.dossierEvent.findMany({
          where: eventWhere,
          orderBy: ORDER,
          ...window,
          include: { actor: PERSON, dossier: { select: { id: true, number: true } } },
        })
      : [],
  ]);
  const targetOf = await auditTargets(db, audits);
  const person = (actor: { firstName: string; lastName: string; email: string } | null) =>
    actor ? { name: fullName(actor), email: actor.email } : null;
  const entries: AuditLogEntry[] = [
    ...audits.map((row) => ({
      id: `audit-${row.id}`,
      source: "audit" as const,
      createdAt: row.createdAt,
      actor: person(row.actor),
      action: auditActionLabel(row.action),
      target: targetOf(row),
      details: describeAuditDetails(row.details),
      ip: row.ip,
    })),
    ...events.map((event) => ({
      id: `dossier-${event.id}`,
      source: "dossier" as const,
      createdAt: event.createdAt,
      actor: person(event.actor),
      action: eventLabel(event),
      target: {
        label: `${AUDIT_TARGET_LABELS.Dossier} ${event.dossier.number ?? "(brouillon)"}`,
        dossierId: event.dossier.number ? event.dossier.id : null,
      },
      details: describeDossierEvent(event),
      ip: null,
    })),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0));
  return eventWhere && take !== undefined ? entries.slice(skip, skip + take) : entries;
}

async function countSelection(db: PrismaClient, where: Where): Promise<number> {
  const [audits, events] = await Promise.all([
    where.auditWhere ? db.auditLog.count({ where: where.auditWhere }) : 0,
    where.eventWhere ? db.dossierEvent.count({ where: where.eventWhere }) : 0,
  ]);
  return audits + events;
}

/** One page of the log; a page past the end shows the last one, and says so. */
export async function loadAuditLog(db: PrismaClient, filter: AuditLogFilter) {
  const where = await selection(db, filter);
  const total = await countSelection(db, where);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_LOG_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const notices = [...where.notices];
  if (filter.page > pageCount) {
    notices.push(`La page ${filter.page} n’existe pas\u202f: la dernière page (${pageCount}) est affichée.`);
  }
  const entries = await readEntries(db, where, (page - 1) * AUDIT_LOG_PAGE_SIZE, AUDIT_LOG_PAGE_SIZE);
  return { entries, total, page, pageCount, notices, mergesEvents: where.eventWhere !== null };
}

/** The whole selection (every page) as a CSV file; the export is audited after the read, never in its file. */
export async function exportAuditLog(
  db: PrismaClient,
  input: { actor: { id: string }; filter: AuditLogFilter; now: Date },
): Promise<{ csv: string; count: number }> {
  const entries = await readEntries(db, await selection(db, input.filter), 0);
  const csv = frenchCsv(AUDIT_LOG_CSV_HEADER, entries.map(auditLogCsvRecord));
  await db.auditLog.create({
    data: {
      actorId: input.actor.id,
      action: AUDIT_ACTIONS.auditLogExported,
      details: { query: auditLogParams({ ...input.filter, page: 1 }).toString(), count: entries.length },
      createdAt: input.now,
    },
  });
  return { csv, count: entries.length };
}
