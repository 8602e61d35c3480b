// The instructor's queue: the dossiers of their scope that a filter selects, one page at a time, with the
// counts, the choices of the filter form and the budget envelopes of the calls; the dossiers on either side
// of one (the dossier view's « précédent / suivant »); and the CSV export of the whole selection.

import { frenchCsv } from "~/services/platform/csv.server";
import { fullName } from "~/domain/people";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import {
  filedAtRange,
  QUEUE_CSV_HEADER,
  QUEUE_PAGE_SIZE,
  queueCsvRecord,
  siretDigits,
  type QueueFilter,
  type QueueSort,
} from "~/domain/instruction-queue";
import { searchText } from "~/domain/search-text";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";

import { envelopesOfCalls, type CallFigures } from "~/services/schemes/call-envelopes.server";
import { scopeNotSet, staffScope } from "./scope.server";

export interface QueueUser {
  id: string;
  role: UserRole;
}

/** What the person may see at all: admins everything, instructors their scope; never a draft. */
export async function queueScope(db: PrismaClient, user: QueueUser): Promise<Prisma.DossierWhereInput> {
  return { AND: [await staffScope(db, user), { status: { not: DossierStatus.DRAFT } }] };
}

/** The filter's conditions, the status one apart: the status tabs count across it. */
function filterConditions(filter: QueueFilter, user: QueueUser): Prisma.DossierWhereInput[] {
  const conditions: Prisma.DossierWhereInput[] = [];
  if (filter.scheme) conditions.push({ schemeCode: filter.scheme });
  if (filter.department) conditions.push({ departmentCode: filter.department });
  if (filter.territory) conditions.push({ territory: { code: filter.territory } });
  if (filter.assignee === "moi") conditions.push({ assigneeId: user.id });
  else if (filter.assignee === "aucun") conditions.push({ assigneeId: null });
  else if (filter.assignee) conditions.push({ assigneeId: filter.assignee });
  if (filter.callId) conditions.push({ callId: filter.callId });
  const range = filedAtRange(filter);
  if (range.gte || range.lt) conditions.push({ filedAt: range });
  if (filter.q) {
    const digits = siretDigits(filter.q);
    // Names and titles are compared as the database keeps them for searching: no case, accents or curly
    // apostrophes, single spaces (app/domain/search-text.ts).
    const text = searchText(filter.q);
    conditions.push({
      OR: [
        { number: { contains: filter.q.trim(), mode: "insensitive" } },
        { organisation: { searchName: { contains: text } } },
        { searchTitle: { contains: text } },
        ...(digits ? [{ organisation: { siret: { contains: digits } } }] : []),
      ],
    });
  }
  return conditions;
}

function statusCondition(filter: QueueFilter): Prisma.DossierWhereInput[] {
  return filter.statuses.length ? [{ status: { in: filter.statuses } }] : [];
}

/** Every dossier the person may see that the filter selects. */
export async function queueWhere(
  db: PrismaClient,
  user: QueueUser,
  filter: QueueFilter,
): Promise<Prisma.DossierWhereInput> {
  return { AND: [await queueScope(db, user), ...filterConditions(filter, user), ...statusCondition(filter)] };
}

/** Each sort ends on the id so that equal keys keep one order across pages and neighbours. */
export function queueOrderBy(sort: QueueSort): Prisma.DossierOrderByWithRelationInput[] {
  switch (sort) {
    case "depot_asc":
      return [{ filedAt: "asc" }, { id: "asc" }];
    case "montant_desc":
      return [{ requestedAmountCents: { sort: "desc", nulls: "last" } }, { id: "desc" }];
    case "montant_asc":
      return [{ requestedAmountCents: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    case "organisation":
      return [{ organisation: { name: "asc" } }, { id: "asc" }];
    case "numero":
      return [{ number: "asc" }, { id: "asc" }];
    default:
      return [{ filedAt: "desc" }, { id: "desc" }];
  }
}

const ROW_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  departmentCode: true,
  requestedAmountCents: true,
  proposedAmountCents: true,
  grantedAmountCents: true,
  filedAt: true,
  organisation: { select: { name: true, siret: true } },
  scheme: { select: { name: true } },
  territory: { select: { name: true } },
  assignee: { select: { id: true, firstName: true, lastName: true } },
  correctionRequests: {
    where: { status: "OPEN" },
    select: { replyBy: true },
    orderBy: { replyBy: "asc" },
    take: 1,
  },
} satisfies Prisma.DossierSelect;

type SelectedRow = Prisma.DossierGetPayload<{ select: typeof ROW_SELECT }>;

export interface QueueRow {
  id: string;
  number: string | null;
  title: string;
  organisation: string;
  siret: string | null;
  scheme: string;
  status: DossierStatus;
  department: string | null;
  territory: string | null;
  assignee: { id: string; name: string } | null;
  requestedAmountCents: number | null;
  proposedAmountCents: number | null;
  grantedAmountCents: number | null;
  filedAt: Date | null;
  /** The reply date of the open correction request, if one is open. */
  correctionReplyBy: Date | null;
}

function toRow(row: SelectedRow): QueueRow {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    organisation: row.organisation.name,
    siret: row.organisation.siret,
    scheme: row.scheme.name,
    status: row.status,
    department: row.departmentCode,
    territory: row.territory?.name ?? null,
    assignee: row.assignee ? { id: row.assignee.id, name: fullName(row.assignee) } : null,
    requestedAmountCents: row.requestedAmountCents,
    proposedAmountCents: row.proposedAmountCents,
    grantedAmountCents: row.grantedAmountCents,
    filedAt: row.filedAt,
    correctionReplyBy: row.correctionRequests[0]?.replyBy ?? null,
  };
}

/** What the queue shows of each envelope. */
export type CallEnvelope = Pick<
  CallFigures,
  "callId" | "title" | "scheme" | "envelopeCents" | "votedCents" | "proposedCents" | "remainingCents"
>;

/**
 * The envelopes of the call filtered on, else of the scheme's calls, else of every call with a dossier in
 * scope.
 */
function queueEnvelopes(
  db: PrismaClient,
  scope: Prisma.DossierWhereInput,
  filter: QueueFilter,
): Promise<CallFigures[]> {
  const where: Prisma.CallWhereInput = filter.callId
    ? { id: filter.callId }
    : filter.scheme
      ? { scheme: { code: filter.scheme } }
      : { dossiers: { some: scope } };
  return envelopesOfCalls(db, where, [{ year: "desc" }, { title: "asc" }]);
}

/** The choices of the filter form. */
async function queueOptions(db: PrismaClient) {
  const [schemes, departments, territories, instructors, calls] = await Promise.all([
    db.scheme.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
    db.department.findMany({
      where: { inRegion: true },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.territory.findMany({
      select: { code: true, name: true, departmentCode: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { role: UserRole.INSTRUCTOR, deactivatedAt: null },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.call.findMany({
      select: { id: true, title: true },
      orderBy: [{ year: "desc" }, { title: "asc" }],
    }),
  ]);
  return {
    schemes: schemes.map((scheme) => ({ slug: SCHEME_SLUGS[scheme.code], name: scheme.name })),
    departments,
    territories,
    instructors: instructors.map((user) => ({ id: user.id, name: fullName(user) })),
    calls,
  };
}

export type QueueOptions = Awaited<ReturnType<typeof queueOptions>>;

/** One page of the queue, with what the page shows around it. */
export async function loadQueue(db: PrismaClient, user: QueueUser, filter: QueueFilter) {
  const scope = await queueScope(db, user);
  const others = filterConditions(filter, user);
  const where: Prisma.DossierWhereInput = { AND: [scope, ...others, ...statusCondition(filter)] };
  const [grouped, options, envelopes] = await Promise.all([
    db.dossier.groupBy({ by: ["status"], where: { AND: [scope, ...others] }, _count: { _all: true } }),
    queueOptions(db),
    queueEnvelopes(db, scope, filter),
  ]);
  // The total is the status tabs' counts added up: one pass over the selection instead of two.
  const total = grouped
    .filter((group) => filter.statuses.length === 0 || filter.statuses.includes(group.status))
    .reduce((sum, group) => sum + group._count._all, 0);
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.dossier.findMany({
    where,
    orderBy: queueOrderBy(filter.sort),
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: ROW_SELECT,
  });
  const countsByStatus = Object.fromEntries(
    grouped.map((group) => [group.status, group._count._all]),
  ) as Partial<Record<DossierStatus, number>>;
  const missingScope = total === 0 ? await scopeNotSet(db, user) : null;
  return { rows: rows.map(toRow), total, page, pageCount, countsByStatus, options, envelopes, missingScope };
}

/** The whole selection (every page) as the CSV file, and how many dossiers it holds. */
export async function queueCsvExport(
  db: PrismaClient,
  user: QueueUser,
  filter: QueueFilter,
): Promise<{ csv: string; count: number }> {
  const rows = (
    await db.dossier.findMany({
      where: await queueWhere(db, user, filter),
      orderBy: queueOrderBy(filter.sort),
      select: ROW_SELECT,
    })
  ).map(toRow);
  const records = rows.map((row) =>
    queueCsvRecord({
      ...row,
      statusLabel: DOSSIER_STATUS_LABELS[row.status],
      assignee: row.assignee?.name ?? null,
    }),
  );
  const csv = frenchCsv(QUEUE_CSV_HEADER, records);
  return { csv, count: rows.length };
}

export async function queueCsv(db: PrismaClient, user: QueueUser, filter: QueueFilter): Promise<string> {
  return (await queueCsvExport(db, user, filter)).csv;
}
