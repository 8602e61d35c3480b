// The instructor's follow-up queue: what waits for them after the grant, within their scope and the
// instruction queue's filters — payment requests to check, approved payments to record as paid, reports
// to check, overdue reports, amounts to recover (overdue first), agreements the holder accepted and the
// Region not yet. Each kind is read on its own index (Payment [status, requestedAt] / [status, approvedAt],
// FinancialReport and Recovery [status, dueDate]) joined to the dossiers the filter selects.
import { stringify } from "csv-stringify/sync";

import {
  FOLLOW_UP_CSV_HEADER,
  FOLLOW_UP_KIND_SLUGS,
  FOLLOW_UP_PAGE_SIZE,
  followUpCsvRecord,
  followUpHref,
  type FollowUpFilter,
  type FollowUpKind,
} from "~/domain/follow-up-queue";
import { EMPTY_QUEUE_FILTER } from "~/domain/instruction-queue";
import { fullName } from "~/domain/people";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import { paymentName } from "~/domain/post-grant/plan";
import { daysLate } from "~/domain/post-grant/report-workflow";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import {
  AgreementSide,
  DossierStatus,
  PaymentStatus,
  RecoveryStatus,
  ReportStatus,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { queueWhere, type QueueUser } from "~/services/instruction/queue.server";
import { scopeNotSet } from "~/services/instruction/scope.server";

export interface FollowUpItem {
  kind: FollowUpKind;
  /** The row's own id (payment, report, recovery or dossier). */
  id: string;
  dossierId: string;
  number: string | null;
  title: string;
  organisation: string;
  scheme: string;
  department: string | null;
  territory: string | null;
  assignee: string | null;
  /** « Avance de l’année 1 », « Compte rendu financier final »… */
  subject: string;
  amountCents: number | null;
  /** What the date says: « demandé le », « dû le »… */
  dateLabel: string;
  date: Date;
  daysLate: number;
  href: string;
}

const DOSSIER_SELECT = {
  id: true,
  number: true,
  title: true,
  schemeCode: true,
  departmentCode: true,
  organisation: { select: { name: true } },
  scheme: { select: { name: true } },
  territory: { select: { name: true } },
  assignee: { select: { firstName: true, lastName: true } },
} satisfies Prisma.DossierSelect;

type SelectedDossier = Prisma.DossierGetPayload<{ select: typeof DOSSIER_SELECT }>;

function item(
  kind: FollowUpKind,
  dossier: SelectedDossier,
  row: Omit<
    FollowUpItem,
    | "kind"
    | "dossierId"
    | "number"
    | "title"
    | "organisation"
    | "scheme"
    | "department"
    | "territory"
    | "assignee"
    | "href"
  >,
  where: { position?: number; period?: number } = {},
): FollowUpItem {
  return {
    kind,
    dossierId: dossier.id,
    number: dossier.number,
    title: dossier.title,
    organisation: dossier.organisation.name,
    scheme: dossier.scheme.name,
    department: dossier.departmentCode,
    territory: dossier.territory?.name ?? null,
    assignee: dossier.assignee ? fullName(dossier.assignee) : null,
    href: followUpHref({ kind, dossierId: dossier.id, ...where }),
    ...row,
  };
}

function reportName(schemeCode: SchemeCode, period: number): string {
  return schemeCode === SchemeCode.CAP_ASSO
    ? `Compte rendu financier de l’année ${period}`
    : "Compte rendu financier final";
}

/** How to count and read each kind, for the dossiers `dossier` selects. */
function sources(dossier: Prisma.DossierWhereInput, now: Date) {
  const paymentsWhere = (status: PaymentStatus) => ({ status, dossier });
  const overdueWhere: Prisma.FinancialReportWhereInput = {
    status: { in: [ReportStatus.DUE, ReportStatus.CORRECTION_REQUESTED] },
    dueDate: { lt: now },
    dossier,
  };
  const awaitingRegion: Prisma.DossierWhereInput = {
    AND: [
      dossier,
      {
        status: DossierStatus.GRANTED,
        acceptances: { some: { side: AgreementSide.HOLDER } },
        NOT: { acceptances: { some: { side: AgreementSide.REGION } } },
      },
    ],
  };
  const paymentSelect = {
    id: true,
    position: true,
    period: true,
    kind: true,
    requestedAmountCents: true,
    approvedAmountCents: true,
    requestedAt: true,
    approvedAt: true,
    dossier: { select: DOSSIER_SELECT },
  } satisfies Prisma.PaymentSelect;
  const reportSelect = {
    id: true,
    period: true,
    dueDate: true,
    submittedAt: true,
    dossier: { select: DOSSIER_SELECT },
  } satisfies Prisma.FinancialReportSelect;

  return {
    "versements-a-verifier": {
      count: (db: PrismaClient) => db.payment.count({ where: paymentsWhere(PaymentStatus.REQUESTED) }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.payment.findMany({
            where: paymentsWhere(PaymentStatus.REQUESTED),
            orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
            skip,
            take,
            select: paymentSelect,
          })
        ).map((payment) =>
          item(
            "versements-a-verifier",
            payment.dossier,
            {
              id: payment.id,
              subject: paymentName(payment.dossier.schemeCode, payment),
              amountCents: payment.requestedAmountCents,
              dateLabel: "demandé le",
              date: payment.requestedAt ?? now,
              daysLate: 0,
            },
            { position: payment.position },
          ),
        ),
    },
    "versements-a-payer": {
      count: (db: PrismaClient) => db.payment.count({ where: paymentsWhere(PaymentStatus.APPROVED) }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.payment.findMany({
            where: paymentsWhere(PaymentStatus.APPROVED),
            orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
            skip,
            take,
            select: paymentSelect,
          })
        ).map((payment) =>
          item(
            "versements-a-payer",
            payment.dossier,
            {
              id: payment.id,
              subject: paymentName(payment.dossier.schemeCode, payment),
              amountCents: payment.approvedAmountCents,
              dateLabel: "approuvé le",
              date: payment.approvedAt ?? now,
              daysLate: 0,
            },
            { position: payment.position },
          ),
        ),
    },
    "comptes-rendus-a-verifier": {
      count: (db: PrismaClient) =>
        db.financialReport.count({ where: { status: ReportStatus.SUBMITTED, dossier } }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.financialReport.findMany({
            where: { status: ReportStatus.SUBMITTED, dossier },
            orderBy: [{ dueDate: "asc" }, { id: "asc" }],
            skip,
            take,
            select: reportSelect,
          })
        ).map((report) =>
          item(
            "comptes-rendus-a-verifier",
            report.dossier,
            {
              id: report.id,
              subject: reportName(report.dossier.schemeCode, report.period),
              amountCents: null,
              dateLabel: "envoyé le",
              date: report.submittedAt ?? report.dueDate,
              daysLate: 0,
            },
            { period: report.period },
          ),
        ),
    },
    "comptes-rendus-en-retard": {
      count: (db: PrismaClient) => db.financialReport.count({ where: overdueWhere }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.financialReport.findMany({
            where: overdueWhere,
            orderBy: [{ dueDate: "asc" }, { id: "asc" }],
            skip,
            take,
            select: reportSelect,
          })
        ).map((report) =>
          item(
            "comptes-rendus-en-retard",
            report.dossier,
            {
              id: report.id,
              subject: reportName(report.dossier.schemeCode, report.period),
              amountCents: null,
              dateLabel: "attendu le",
              date: report.dueDate,
              daysLate: daysLate(report.dueDate, now),
            },
            { period: report.period },
          ),
        ),
    },
    "reversements-a-recouvrer": {
      count: (db: PrismaClient) => db.recovery.count({ where: { status: RecoveryStatus.ISSUED, dossier } }),
      // The earliest due date first: the overdue ones lead.
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.recovery.findMany({
            where: { status: RecoveryStatus.ISSUED, dossier },
            orderBy: [{ dueDate: "asc" }, { id: "asc" }],
            skip,
            take,
            select: { id: true, amountCents: true, dueDate: true, dossier: { select: DOSSIER_SELECT } },
          })
        ).map((recovery) =>
          item("reversements-a-recouvrer", recovery.dossier, {
            id: recovery.id,
            subject: "Demande de reversement",
            amountCents: recovery.amountCents,
            dateLabel: "à reverser avant le",
            date: recovery.dueDate,
            daysLate: daysLate(recovery.dueDate, now),
          }),
        ),
    },
    "conventions-a-accepter": {
      count: (db: PrismaClient) => db.dossier.count({ where: awaitingRegion }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.dossier.findMany({
            where: awaitingRegion,
            orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
            skip,
            take,
            select: {
              ...DOSSIER_SELECT,
              grantedAmountCents: true,
              acceptances: { where: { side: AgreementSide.HOLDER }, select: { acceptedAt: true } },
            },
          })
        ).map((dossier) =>
          item("conventions-a-accepter", dossier, {
            id: dossier.id,
            subject: "Convention acceptée par le porteur",
            amountCents: dossier.grantedAmountCents,
            dateLabel: "acceptée par le porteur le",
            date: dossier.acceptances[0]?.acceptedAt ?? now,
            daysLate: 0,
          }),
        ),
    },
  } satisfies Record<
    FollowUpKind,
    {
      count: (db: PrismaClient) => Promise<number>;
      read: (db: PrismaClient, skip: number, take: number) => Promise<FollowUpItem[]>;
    }
  >;
}

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

/** Lines of every kind asked, the oldest date first, `take` of them from `skip`. */
async function readItems(
  db: PrismaClient,
  kinds: readonly FollowUpKind[],
  reading: ReturnType<typeof sources>,
  skip: number,
  take: number,
): Promise<FollowUpItem[]> {
  if (kinds.length === 1) return reading[kinds[0]!].read(db, skip, take);
  // Each kind's first skip + take lines hold the merged page's lines.
  const lists = await Promise.all(kinds.map((kind) => reading[kind].read(db, 0, skip + take)));
  return lists
    .flat()
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id))
    .slice(skip, skip + take);
}

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
  const items = lists.flat().sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));
  const csv = stringify(
    items.map((row) => followUpCsvRecord(row, appUrl)),
    {
      bom: true,
      delimiter: ";",
      header: true,
      columns: [...FOLLOW_UP_CSV_HEADER],
      record_delimiter: "windows",
    },
  );
  return { csv, count: items.length };
}
