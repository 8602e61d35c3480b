// The follow-up queue's sources: for each kind of work, how to count its lines and read a page of them for
// the dossiers a filter selects, each on its own index (Payment [status, requestedAt] / [status, approvedAt],
// FinancialReport and Recovery [status, dueDate], AgreementAcceptance [side, acceptedAt]). A kind's read
// gives its lines' own columns; the dossiers of the lines kept are read once, together (withDossiers).
import { followUpHref, type FollowUpKind } from "~/domain/follow-up-queue";
import { fullName } from "~/domain/people";
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
} from "~/generated/prisma/enums";

import { lateAdvances } from "./follow-up-advances.server";

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
  grantedAmountCents: true,
  organisation: { select: { name: true } },
  scheme: { select: { name: true } },
  territory: { select: { name: true } },
  assignee: { select: { firstName: true, lastName: true } },
} satisfies Prisma.DossierSelect;

type SelectedDossier = Prisma.DossierGetPayload<{ select: typeof DOSSIER_SELECT }>;

/** What the line says of itself; the rest comes from its dossier. */
type OwnFields = Pick<FollowUpItem, "id" | "subject" | "amountCents" | "dateLabel" | "date" | "daysLate">;

/** A line as its kind reads it: enough to order and page it; `fill` completes it with its dossier. */
export interface FollowUpLine {
  id: string;
  dossierId: string;
  date: Date;
  fill: (dossier: SelectedDossier) => FollowUpItem;
}

function line(
  kind: FollowUpKind,
  own: Omit<OwnFields, "subject" | "amountCents"> & { dossierId: string },
  byDossier: (dossier: SelectedDossier) => Pick<FollowUpItem, "subject" | "amountCents">,
  where: { position?: number; period?: number } = {},
): FollowUpLine {
  const { dossierId, ...fields } = own;
  return {
    id: own.id,
    dossierId,
    date: own.date,
    fill: (dossier) => ({
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
      ...fields,
      ...byDossier(dossier),
    }),
  };
}

const ID_CHUNK = 5_000;

/** The lines completed with their dossiers, read in one query whatever their kinds. */
export async function withDossiers(db: PrismaClient, lines: FollowUpLine[]): Promise<FollowUpItem[]> {
  const ids = [...new Set(lines.map((row) => row.dossierId))];
  const byId = new Map<string, SelectedDossier>();
  // In chunks: the CSV export may hold thousands of dossiers, more than a statement's parameters.
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    const chunk = ids.slice(start, start + ID_CHUNK);
    for (const dossier of await db.dossier.findMany({ where: { id: { in: chunk } }, select: DOSSIER_SELECT }))
      byId.set(dossier.id, dossier);
  }
  return lines.flatMap((row) => {
    const dossier = byId.get(row.dossierId);
    return dossier ? [row.fill(dossier)] : [];
  });
}

function reportName(schemeCode: SchemeCode, period: number): string {
  return schemeCode === SchemeCode.CAP_ASSO
    ? `Compte rendu financier de l’année ${period}`
    : "Compte rendu financier final";
}

/** How to count and read each kind, for the dossiers `dossier` selects. */
export function sources(dossier: Prisma.DossierWhereInput, now: Date) {
  const paymentsWhere = (status: PaymentStatus) => ({ status, dossier });
  const overdueWhere: Prisma.FinancialReportWhereInput = {
    status: { in: [ReportStatus.DUE, ReportStatus.CORRECTION_REQUESTED] },
    dueDate: { lt: now },
    dossier,
  };
  // Read from the holder's acceptances (by their date, the line's date), not from the granted dossiers:
  // the few awaiting the Region are found on the acceptances' index, not among every granted dossier.
  const awaitingRegion: Prisma.AgreementAcceptanceWhereInput = {
    side: AgreementSide.HOLDER,
    dossier: {
      AND: [
        dossier,
        { status: DossierStatus.GRANTED, acceptances: { none: { side: AgreementSide.REGION } } },
      ],
    },
  };
  const paymentSelect = {
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
  type PaymentRow = Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>;
  const paymentLine = (kind: FollowUpKind, payment: PaymentRow, approved: boolean) =>
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
    );
  const reportSelect = { id: true, dossierId: true, period: true, dueDate: true, submittedAt: true };
  type ReportRow = Prisma.FinancialReportGetPayload<{ select: typeof reportSelect }>;
  const reportLine = (kind: FollowUpKind, report: ReportRow, overdue: boolean) =>
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
    );
  const payments = (kind: FollowUpKind, status: PaymentStatus) => {
    const approved = status === PaymentStatus.APPROVED;
    return {
      count: (db: PrismaClient) => db.payment.count({ where: paymentsWhere(status) }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.payment.findMany({
            where: paymentsWhere(status),
            orderBy: [approved ? { approvedAt: "asc" } : { requestedAt: "asc" }, { id: "asc" }],
            skip,
            take,
            select: paymentSelect,
          })
        ).map((payment) => paymentLine(kind, payment, approved)),
    };
  };
  const reports = (kind: FollowUpKind, where: Prisma.FinancialReportWhereInput, overdue: boolean) => ({
    count: (db: PrismaClient) => db.financialReport.count({ where }),
    read: async (db: PrismaClient, skip: number, take: number) =>
      (
        await db.financialReport.findMany({
          where,
          orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          skip,
          take,
          select: reportSelect,
        })
      ).map((report) => reportLine(kind, report, overdue)),
  });

  return {
    "versements-a-verifier": payments("versements-a-verifier", PaymentStatus.REQUESTED),
    "versements-a-payer": payments("versements-a-payer", PaymentStatus.APPROVED),
    "comptes-rendus-a-verifier": reports(
      "comptes-rendus-a-verifier",
      { status: ReportStatus.SUBMITTED, dossier },
      false,
    ),
    "comptes-rendus-en-retard": reports("comptes-rendus-en-retard", overdueWhere, true),
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
            select: { id: true, dossierId: true, amountCents: true, dueDate: true },
          })
        ).map((recovery) =>
          line(
            "reversements-a-recouvrer",
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
    },
    "conventions-a-accepter": {
      count: (db: PrismaClient) => db.agreementAcceptance.count({ where: awaitingRegion }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.agreementAcceptance.findMany({
            where: awaitingRegion,
            orderBy: [{ acceptedAt: "asc" }, { id: "asc" }],
            skip,
            take,
            select: { dossierId: true, acceptedAt: true },
          })
        ).map((acceptance) =>
          line(
            "conventions-a-accepter",
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
    },
    "avances-en-retard": {
      count: async (db: PrismaClient) => (await lateAdvances(db, dossier, now)).length,
      read: async (db: PrismaClient, skip: number, take: number) =>
        (await lateAdvances(db, dossier, now)).slice(skip, skip + take).map((late) =>
          line(
            "avances-en-retard",
            { ...late, id: late.dossierId, dateLabel: "échéance impayée depuis le" },
            () => ({
              subject: `Arriéré de remboursement (échéance n°\u00a0${late.position})`,
              amountCents: late.lateCents,
            }),
          ),
        ),
    },
  } satisfies Record<
    FollowUpKind,
    {
      count: (db: PrismaClient) => Promise<number>;
      read: (db: PrismaClient, skip: number, take: number) => Promise<FollowUpLine[]>;
    }
  >;
}
