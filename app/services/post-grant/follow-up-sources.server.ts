// The follow-up queue's sources: for each kind of work, its lines as SQL (which rows, the line's date, its
// order within the kind), one factory per table (payments, reports, recoveries, acceptances). Every kind is
// counted in one grouped query and a page of them read in one ordered query, joined once to "Dossier" for
// the scope and filter (follow-up-scope.server.ts); then each kind present reads its lines' own columns by
// id, and their dossiers are read once, together (withDossiers). The late equity advances are computed
// (follow-up-advances.server.ts) and merged by date.
import type { FollowUpKind } from "~/domain/follow-up-queue";
import { paymentName } from "~/domain/post-grant/plan";
import { daysLate } from "~/domain/post-grant/report-workflow";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { PaymentStatus, SchemeCode } from "~/generated/prisma/enums";

import { chunks, line, type FollowUpLine } from "./follow-up-lines.server";

function reportName(schemeCode: SchemeCode, period: number): string {
  return schemeCode === SchemeCode.CAP_ASSO
    ? `Compte rendu financier de l’année ${period}`
    : "Compte rendu financier final";
}

/** A kind of line as SQL reads it, and how the lines of a page get their own columns. */
export interface FollowUpSource {
  kind: FollowUpKind;
  /** `kind, id, "dossierId", date, sort` of every line of the kind, whatever its dossier. */
  lines: Prisma.Sql;
  fill: (db: PrismaClient, ids: string[]) => Promise<FollowUpLine[]>;
}

const PAYMENT_SELECT = {
  id: true,
  dossierId: true,
  position: true,
  period: true,
  kind: true,
  requestedAmountCents: true,
  approvedAmountCents: true,
  requestedAt: true,
  approvedAt: true,
} satisfies Prisma.PaymentSelect;

function paymentSource(kind: FollowUpKind, status: PaymentStatus, now: Date): FollowUpSource {
  const approved = status === PaymentStatus.APPROVED;
  const at = approved ? Prisma.sql`p."approvedAt"` : Prisma.sql`p."requestedAt"`;
  return {
    kind,
    lines: Prisma.sql`SELECT ${kind}::text AS kind, p.id, p."dossierId", coalesce(${at}, ${now}::timestamp) AS date,
      ${at} AS sort FROM "Payment" p WHERE p.status = ${status}::"PaymentStatus"`,
    fill: async (db, ids) =>
      (await db.payment.findMany({ where: { id: { in: ids } }, select: PAYMENT_SELECT })).map((payment) =>
        line(
          kind,
          {
            id: payment.id,
            dossierId: payment.dossierId,
            dateLabel: approved ? "approuvé le" : "demandé le",
            date: (approved ? payment.approvedAt : payment.requestedAt) ?? now,
            daysLate: 0,
          },
          (dossier) => ({
            subject: paymentName(dossier.schemeCode, payment),
            amountCents: approved ? payment.approvedAmountCents : payment.requestedAmountCents,
          }),
          { position: payment.position },
        ),
      ),
  };
}

/** Reports sent and to check (by their due date within the kind), or overdue (still due or sent back). */
function reportSource(kind: FollowUpKind, overdue: boolean, now: Date): FollowUpSource {
  const where = overdue
    ? Prisma.sql`r.status IN ('DUE', 'CORRECTION_REQUESTED') AND r."dueDate" < ${now}::timestamp`
    : Prisma.sql`r.status = 'SUBMITTED'`;
  const date = overdue ? Prisma.sql`r."dueDate"` : Prisma.sql`coalesce(r."submittedAt", r."dueDate")`;
  return {
    kind,
    lines: Prisma.sql`SELECT ${kind}::text AS kind, r.id, r."dossierId", ${date} AS date, r."dueDate" AS sort
      FROM "FinancialReport" r WHERE ${where}`,
    fill: async (db, ids) =>
      (
        await db.financialReport.findMany({
          where: { id: { in: ids } },
          select: { id: true, dossierId: true, period: true, dueDate: true, submittedAt: true },
        })
      ).map((report) =>
        line(
          kind,
          {
            id: report.id,
            dossierId: report.dossierId,
            dateLabel: overdue ? "attendu le" : "envoyé le",
            date: overdue ? report.dueDate : (report.submittedAt ?? report.dueDate),
            daysLate: overdue ? daysLate(report.dueDate, now) : 0,
          },
          (dossier) => ({ subject: reportName(dossier.schemeCode, report.period), amountCents: null }),
          { period: report.period },
        ),
      ),
  };
}

/** Amounts to recover, the earliest due date first: the overdue ones lead. */
function recoverySource(now: Date): FollowUpSource {
  const kind = "reversements-a-recouvrer";
  return {
    kind,
    lines: Prisma.sql`SELECT ${kind}::text AS kind, r.id, r."dossierId", r."dueDate" AS date, r."dueDate" AS sort
      FROM "Recovery" r WHERE r.status = 'ISSUED'`,
    fill: async (db, ids) =>
      (
        await db.recovery.findMany({
          where: { id: { in: ids } },
          select: { id: true, dossierId: true, amountCents: true, dueDate: true },
        })
      ).map((recovery) =>
        line(
          kind,
          {
            id: recovery.id,
            dossierId: recovery.dossierId,
            dateLabel: "à reverser avant le",
            date: recovery.dueDate,
            daysLate: daysLate(recovery.dueDate, now),
          },
          () => ({ subject: "Demande de reversement", amountCents: recovery.amountCents }),
        ),
      ),
  };
}

/**
 * Agreements the holder accepted and the Region not yet, by the holder's date. Read from the granted dossiers
 * without a complete agreement (a partial index: the second acceptance sets agreementAcceptedAt), not from
 * every acceptance; the Region's acceptance is still checked, so the line is exactly « holder yes, Region no ».
 */
function acceptanceSource(): FollowUpSource {
  const kind = "conventions-a-accepter";
  return {
    kind,
    // Both sides' acceptances looked up by dossier (LATERAL, subquery: an index probe each), not read whole.
    lines: Prisma.sql`SELECT ${kind}::text AS kind, g.id, g.id AS "dossierId", a."acceptedAt" AS date,
      a."acceptedAt" AS sort
      FROM "Dossier" g CROSS JOIN LATERAL (SELECT h."acceptedAt" FROM "AgreementAcceptance" h
        WHERE h."dossierId" = g.id AND h.side = 'HOLDER' LIMIT 1) a
      WHERE g.status = 'GRANTED' AND g."agreementAcceptedAt" IS NULL
        AND (SELECT 1 FROM "AgreementAcceptance" b WHERE b."dossierId" = g.id AND b.side = 'REGION' LIMIT 1) IS NULL`,
    fill: async (db, ids) =>
      (
        await db.agreementAcceptance.findMany({
          where: { dossierId: { in: ids }, side: "HOLDER" },
          select: { dossierId: true, acceptedAt: true },
        })
      ).map((acceptance) =>
        line(
          kind,
          {
            id: acceptance.dossierId,
            dossierId: acceptance.dossierId,
            dateLabel: "acceptée par le porteur le",
            date: acceptance.acceptedAt,
            daysLate: 0,
          },
          (dossier) => ({
            subject: "Convention acceptée par le porteur",
            amountCents: dossier.grantedAmountCents,
          }),
        ),
      ),
  };
}

export type SqlKind = Exclude<FollowUpKind, "avances-en-retard">;

/** Every kind read in SQL; the late equity advances are computed (lateLine). */
export function followUpSources(now: Date): Record<SqlKind, FollowUpSource> {
  return {
    "versements-a-verifier": paymentSource("versements-a-verifier", PaymentStatus.REQUESTED, now),
    "versements-a-payer": paymentSource("versements-a-payer", PaymentStatus.APPROVED, now),
    "comptes-rendus-a-verifier": reportSource("comptes-rendus-a-verifier", false, now),
    "comptes-rendus-en-retard": reportSource("comptes-rendus-en-retard", true, now),
    "reversements-a-recouvrer": recoverySource(now),
    "conventions-a-accepter": acceptanceSource(),
  };
}

const linesOf = (sources: FollowUpSource[]) =>
  Prisma.join(
    sources.map((source) => source.lines),
    " UNION ALL ",
  );

const kindIn = (sources: FollowUpSource[]) =>
  sources.length === 0
    ? Prisma.sql`FALSE`
    : Prisma.sql`kind IN (${Prisma.join(sources.map((source) => source.kind))})`;

export interface LinesQuery {
  /** The kinds counted (every one, for the tabs), or none. */
  count: FollowUpSource[];
  /** The kinds a page is read of. */
  read: FollowUpSource[];
  skip: number;
  /** null: every line from `skip`. */
  take: number | null;
}

/**
 * One statement: the lines of the kinds asked whose dossier `scope` selects, joined once to "Dossier"; the
 * count of each kind counted, and `take` lines from `skip` of the kinds read (one kind in its own order,
 * several by the line's date, the ids breaking ties), then completed with their own columns. Run without
 * parallel workers: for a few thousand lines they only add processes to a busy server (measured: 6× slower
 * under the bench's load).
 */
export async function selectLines(
  db: PrismaClient,
  scope: Prisma.Sql,
  query: LinesQuery,
): Promise<{ counts: Map<string, number>; lines: FollowUpLine[] }> {
  const sources = [
    ...new Map([...query.count, ...query.read].map((source) => [source.kind, source])).values(),
  ];
  if (sources.length === 0) return { counts: new Map(), lines: [] };
  const order = query.read.length > 1 ? Prisma.sql`date` : Prisma.sql`sort`;
  const [, rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    db.$queryRaw<Array<{ kind: string; id: string | null; count: number | null; position: bigint | null }>>`
      WITH l AS MATERIALIZED (
        SELECT l.kind, l.id, l.date, l.sort FROM (${linesOf(sources)}) l
        JOIN "Dossier" d ON d.id = l."dossierId" WHERE ${scope})
      SELECT kind, NULL AS id, count(*)::int AS count, NULL::bigint AS position
      FROM l WHERE ${kindIn(query.count)} GROUP BY kind
      UNION ALL
      SELECT kind, id, NULL, position FROM (
        SELECT kind, id, row_number() OVER (ORDER BY ${order}, id) AS position FROM l
        WHERE ${kindIn(query.read)} ORDER BY ${order}, id LIMIT ${query.take} OFFSET ${query.skip}) page`,
  ]);
  const counts = new Map<string, number>();
  const page: Array<{ kind: string; id: string; position: number }> = [];
  for (const row of rows) {
    if (row.id === null) counts.set(row.kind, Number(row.count));
    else page.push({ kind: row.kind, id: row.id, position: Number(row.position) });
  }
  page.sort((a, b) => a.position - b.position);
  const filled = new Map<string, FollowUpLine>();
  await Promise.all(
    query.read.map(async (source) => {
      const ids = page.filter((row) => row.kind === source.kind).map((row) => row.id);
      for (const chunk of chunks(ids))
        for (const filledLine of await source.fill(db, chunk))
          filled.set(`${source.kind}:${filledLine.id}`, filledLine);
    }),
  );
  return { counts, lines: page.flatMap((row) => filled.get(`${row.kind}:${row.id}`) ?? []) };
}
