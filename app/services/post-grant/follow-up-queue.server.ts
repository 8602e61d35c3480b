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
import { fullName } from "~/domain/people";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import type { QueueUser } from "~/services/instruction/queue.server";
import { scopeNotSet } from "~/services/instruction/scope.server";
import { frenchCsv } from "~/services/platform/csv.server";
import { shortCache } from "~/services/platform/short-cache.server";

import { lateAdvances } from "./follow-up-advances.server";
import { followUpScopeSql } from "./follow-up-scope.server";
import { lateLine, withDossiers, type FollowUpLine } from "./follow-up-lines.server";
import { followUpSources, selectLines, type SqlKind } from "./follow-up-sources.server";

const LATE: FollowUpKind = "avances-en-retard";

const mergeByDate = (lines: FollowUpLine[]) =>
  lines.sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));

/**
 * The counts of the kinds in `count`, and `take` lines (all when null) from `skip` of the kinds asked: straight
 * from SQL, unless late equity advances (computed, few) are to be merged in by date.
 */
async function readKinds(
  db: PrismaClient,
  scope: Prisma.Sql,
  kinds: readonly FollowUpKind[],
  late: FollowUpLine[],
  { now, count, skip, take }: { now: Date; count: boolean; skip: number; take: number | null },
) {
  const sources = followUpSources(now);
  const read = kinds.filter((kind): kind is SqlKind => kind !== LATE).map((kind) => sources[kind]);
  const query = { count: count ? Object.values(sources) : [], read, skip, take };
  const merged = kinds.includes(LATE) ? late : [];
  if (merged.length === 0) return selectLines(db, scope, query);
  // The SQL lines that may come before the page's end, then the late advances among them by date.
  const first = await selectLines(db, scope, { ...query, skip: 0, take: take === null ? null : skip + take });
  const all = mergeByDate([...first.lines, ...merged]);
  return { counts: first.counts, lines: take === null ? all.slice(skip) : all.slice(skip, skip + take) };
}

/** The choices of the filter form: the instruction queue's, calls aside; read at most once a minute. */
function followUpOptions(db: PrismaClient) {
  return shortCache(db, "follow-up-options", 60, () => readFollowUpOptions(db));
}

async function readFollowUpOptions(db: PrismaClient) {
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

export type FollowUpOptions = Awaited<ReturnType<typeof readFollowUpOptions>>;

/** One page of the follow-up queue, with the count of each kind. */
export async function loadFollowUpQueue(
  db: PrismaClient,
  user: QueueUser,
  filter: FollowUpFilter,
  now: Date,
) {
  const scope = await followUpScopeSql(db, user, filter);
  const [late, options] = await Promise.all([lateAdvances(db, scope, now), followUpOptions(db)]);
  const lateLines = late.map(lateLine);
  const kinds = filter.kind ? [filter.kind] : FOLLOW_UP_KIND_SLUGS;
  const pageOf = (page: number, count: boolean) =>
    readKinds(db, scope, kinds, lateLines, {
      now,
      count,
      skip: (page - 1) * FOLLOW_UP_PAGE_SIZE,
      take: FOLLOW_UP_PAGE_SIZE,
    });
  // The counts and the page asked in one statement; the last page again when the one asked is beyond it.
  const asked = await pageOf(filter.page, true);
  const counts = Object.fromEntries(
    FOLLOW_UP_KIND_SLUGS.map((kind) => [kind, kind === LATE ? late.length : (asked.counts.get(kind) ?? 0)]),
  ) as Record<FollowUpKind, number>;
  const total = kinds.reduce((sum, kind) => sum + counts[kind], 0);
  const pageCount = Math.max(1, Math.ceil(total / FOLLOW_UP_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const lines = page === filter.page ? asked.lines : (await pageOf(page, false)).lines;
  const items = await withDossiers(db, lines);
  const missingScope = total === 0 ? await scopeNotSet(db, user) : null;
  return { items, counts, total, page, pageCount, missingScope, options };
}

/** The whole selection (every page) as the CSV file, and how many lines it holds. */
export async function followUpCsvExport(
  db: PrismaClient,
  user: QueueUser,
  filter: FollowUpFilter,
  { now, appUrl }: { now: Date; appUrl: string },
): Promise<{ csv: string; count: number }> {
  const scope = await followUpScopeSql(db, user, filter);
  const kinds = filter.kind ? [filter.kind] : FOLLOW_UP_KIND_SLUGS;
  const late = kinds.includes(LATE) ? (await lateAdvances(db, scope, now)).map(lateLine) : [];
  const { lines } = await readKinds(db, scope, kinds, late, { now, count: false, skip: 0, take: null });
  const items = await withDossiers(db, lines);
  const csv = frenchCsv(
    FOLLOW_UP_CSV_HEADER,
    items.map((row) => followUpCsvRecord(row, appUrl)),
  );
  return { csv, count: items.length };
}
