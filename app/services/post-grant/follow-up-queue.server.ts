// The instructor's follow-up queue: what waits for them after the grant, within their scope and the
// instruction queue's filters — payment requests to check, approved payments to record as paid, reports
// to check, overdue reports, amounts to recover (overdue first), agreements the holder accepted and the
// Region not yet (the kinds are read in follow-up-sources.server.ts).
import {
  FOLLOW_UP_CSV_HEADER,
  FOLLOW_UP_KIND_SLUGS,
  FOLLOW_UP_PAGE_SIZE,
  followUpCsvRecord,
  type FollowUpFilter,
  type FollowUpKind,
} from "~/domain/follow-up-queue";
import { EMPTY_QUEUE_FILTER } from "~/domain/instruction-queue";
import { fullName } from "~/domain/people";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import type { PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { queueWhere, type QueueUser } from "~/services/instruction/queue.server";
import { scopeNotSet } from "~/services/instruction/scope.server";
import { frenchCsv } from "~/services/platform/csv.server";

import { sources, withDossiers, type FollowUpItem, type FollowUpLine } from "./follow-up-sources.server";

/** The dossiers of the person's scope that the filter's dossier conditions select. */
function dossierWhere(db: PrismaClient, user: QueueUser, filter: FollowUpFilter) {
  return queueWhere(db, user, {
    ...EMPTY_QUEUE_FILTER,
    statuses: [],
    scheme: filter.scheme,
    department: filter.department,
    territory: filter.territory,
    assignee: filter.assignee,
    q: filter.q,
  });
}

/** Lines of every kind asked, the oldest date first, `take` of them from `skip`, with their dossiers. */
async function readItems(
  db: PrismaClient,
  kinds: readonly FollowUpKind[],
  reading: ReturnType<typeof sources>,
  skip: number,
  take: number,
): Promise<FollowUpItem[]> {
  if (kinds.length === 1) return withDossiers(db, await reading[kinds[0]!].read(db, skip, take));
  // Each kind's first skip + take lines hold the merged page's lines.
  const lists = await Promise.all(kinds.map((kind) => reading[kind].read(db, 0, skip + take)));
  return withDossiers(db, mergeByDate(lists.flat()).slice(skip, skip + take));
}

const mergeByDate = (lines: FollowUpLine[]) =>
  lines.sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));

/** The choices of the filter form: the instruction queue's, calls aside. */
async function followUpOptions(db: PrismaClient) {
  const [schemes, departments, territories, instructors] = await Promise.all([
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
  ]);
  return {
    schemes: schemes.map((scheme) => ({ slug: SCHEME_SLUGS[scheme.code], name: scheme.name })),
    departments,
    territories,
    instructors: instructors.map((person) => ({ id: person.id, name: fullName(person) })),
  };
}

export type FollowUpOptions = Awaited<ReturnType<typeof followUpOptions>>;

/** One page of the follow-up queue, with the count of each kind. */
export async function loadFollowUpQueue(
  db: PrismaClient,
  user: QueueUser,
  filter: FollowUpFilter,
  now: Date,
) {
  const reading = sources(await dossierWhere(db, user, filter), now);
  const countList = await Promise.all(FOLLOW_UP_KIND_SLUGS.map((kind) => reading[kind].count(db)));
  const counts = Object.fromEntries(
    FOLLOW_UP_KIND_SLUGS.map((kind, index) => [kind, countList[index]!]),
  ) as Record<FollowUpKind, number>;
  const kinds = filter.kind ? [filter.kind] : FOLLOW_UP_KIND_SLUGS;
  const total = kinds.reduce((sum, kind) => sum + counts[kind], 0);
  const pageCount = Math.max(1, Math.ceil(total / FOLLOW_UP_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const items = await readItems(db, kinds, reading, (page - 1) * FOLLOW_UP_PAGE_SIZE, FOLLOW_UP_PAGE_SIZE);
  const missingScope = total === 0 ? await scopeNotSet(db, user) : null;
  return { items, counts, total, page, pageCount, missingScope, options: await followUpOptions(db) };
}

/** The whole selection (every page) as the CSV file, and how many lines it holds. */
export async function followUpCsvExport(
  db: PrismaClient,
  user: QueueUser,
  filter: FollowUpFilter,
  { now, appUrl }: { now: Date; appUrl: string },
): Promise<{ csv: string; count: number }> {
  const reading = sources(await dossierWhere(db, user, filter), now);
  const kinds = filter.kind ? [filter.kind] : FOLLOW_UP_KIND_SLUGS;
  const lists = await Promise.all(kinds.map((kind) => reading[kind].read(db, 0, 100_000)));
  const items = await withDossiers(db, mergeByDate(lists.flat()));
  const csv = frenchCsv(
    FOLLOW_UP_CSV_HEADER,
    items.map((row) => followUpCsvRecord(row, appUrl)),
  );
  return { csv, count: items.length };
}
