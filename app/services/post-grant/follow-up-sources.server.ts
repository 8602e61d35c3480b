// The follow-up queue's sources: for each kind of work, how to count its lines and read a page of them for
// the dossiers a filter selects, each on its own index (Payment [status, requestedAt] / [status, approvedAt],
// FinancialReport and Recovery [status, dueDate], AgreementAcceptance [side, acceptedAt]).
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
      count: (db: PrismaClient) => db.agreementAcceptance.count({ where: awaitingRegion }),
      read: async (db: PrismaClient, skip: number, take: number) =>
        (
          await db.agreementAcceptance.findMany({
            where: awaitingRegion,
            orderBy: [{ acceptedAt: "asc" }, { id: "asc" }],
            skip,
            take,
            select: {
              acceptedAt: true,
              dossier: { select: { ...DOSSIER_SELECT, grantedAmountCents: true } },
            },
          })
        ).map((acceptance) =>
          item("conventions-a-accepter", acceptance.dossier, {
            id: acceptance.dossier.id,
            subject: "Convention acceptée par le porteur",
            amountCents: acceptance.dossier.grantedAmountCents,
            dateLabel: "acceptée par le porteur le",
            date: acceptance.acceptedAt,
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
