// The financial report of a financed period as its page shows it (the report, its context, pieces, document
// and payments, and the subsidy the portal proposes to retain), and what every move on a report shares: its
// links, reading it for a dossier, locking its row, refusing what the report machine refuses.
import { fullName } from "~/domain/people";
import { formatEuros } from "~/domain/format";
import {
  forecastEligibleCents,
  storedReportAnswers,
  type FinancialReportAnswers,
  type RawReport,
} from "~/domain/post-grant/report";
import { aVosIdFinalSubsidy } from "~/domain/post-grant/settlement";
import { UserError, notFound } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import {
  DocumentKind,
  DossierStatus,
  PaymentKind,
  PaymentStatus,
  ReportStatus,
  SchemeCode,
} from "~/generated/prisma/enums";

import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { portalUrl } from "~/services/dossiers/links.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";

import { financedPeriods, periodLabel, reportContextOf, reportTerms } from "./report-context.server";

type Tx = Prisma.TransactionClient;
export const TX_OPTIONS = { timeout: 30_000 };

export const applicantReportUrl = (appUrl: string, dossierId: string, period: number) =>
  portalUrl(appUrl, `/dossiers/${dossierId}/comptes-rendus/${period}`);
export const staffReportUrl = (appUrl: string, dossierId: string, period: number) =>
  portalUrl(appUrl, `/instruction/dossiers/${dossierId}/comptes-rendus/${period}`);

export type Dossier = Awaited<ReturnType<typeof getDossierForMember>>;

export async function reportOf(db: PrismaClient | Tx, dossier: Dossier, period: number) {
  if (dossier.status !== DossierStatus.GRANTED && dossier.status !== DossierStatus.SETTLED)
    throw notFound("Compte rendu introuvable.");
  const report = await db.financialReport.findUnique({
    where: { dossierId_period: { dossierId: dossier.id, period } },
  });
  if (!report) throw notFound("Compte rendu introuvable.");
  return report;
}

/** Locks the report's row until the transaction ends and returns its status read under the lock. */
export async function lockReport(tx: Tx, reportId: string) {
  const [row] = await tx.$queryRaw<Array<{ status: ReportStatus }>>`
    SELECT "status" FROM "FinancialReport" WHERE "id" = ${reportId} FOR UPDATE`;
  if (!row) throw notFound("Compte rendu introuvable.");
  return row.status;
}

export function refuse(check: { ok: boolean; error?: string }) {
  if (!check.ok) throw new UserError(check.error ?? "Action impossible.", { status: 409 });
}

/** Everything a report's page shows, for a member of the organisation or Region staff. */
export async function reportView(
  db: PrismaClient,
  who: { userId: string } | { staff: StaffActor },
  dossierId: string,
  period: number,
) {
  const dossier =
    "staff" in who
      ? await getDossierForStaff(db, who.staff, dossierId)
      : await getDossierForMember(db, who.userId, dossierId);
  const report = await reportOf(db, dossier, period);
  const terms = reportTerms(dossier.schemeCode, dossier.ruleSet.parameters);
  const context = await reportContextOf(db, dossier, terms);
  const [attachments, document, periods, submittedBy, payments] = await Promise.all([
    db.attachment.findMany({
      where: { reportId: report.id, deletedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
    }),
    db.generatedDocument.findFirst({
      where: { dossierId: dossier.id, kind: DocumentKind.FINANCIAL_REPORT, period },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true },
    }),
    financedPeriods(db, dossier.id, dossier.agreementAcceptedAt ?? report.periodStart),
    report.submittedById
      ? db.user.findUnique({
          where: { id: report.submittedById },
          select: { firstName: true, lastName: true },
        })
      : null,
    db.payment.findMany({ where: { dossierId: dossier.id, period }, orderBy: { position: "asc" } }),
  ]);
  const stored = storedReportAnswers(report.answers);
  const periodAmountCents = periods.find((item) => item.period === period)?.amountCents ?? 0;
  const submitted = stored.report ?? null;
  return {
    dossier,
    report,
    terms,
    context,
    values: stored.values,
    submitted,
    attachments,
    document,
    periodAmountCents,
    periodLabel: periodLabel(dossier.schemeCode, period),
    submittedBy: submittedBy ? fullName(submittedBy) : null,
    payments,
    approval: submitted
      ? approvalPreview(dossier, terms, context.lines, periodAmountCents, submitted, payments)
      : null,
  };
}

export type PaymentRow = {
  kind: PaymentKind;
  status: PaymentStatus;
  plannedAmountCents: number;
  requestedAmountCents: number | null;
  approvedAmountCents: number | null;
  paidAmountCents: number | null;
};

/** What the period's other payments already committed: paid, approved, or asked for. */
function committedCents(payments: readonly PaymentRow[]) {
  return payments
    .filter((payment) => payment.kind !== PaymentKind.BALANCE && payment.status !== PaymentStatus.CANCELLED)
    .reduce(
      (sum, payment) =>
        sum +
        (payment.paidAmountCents ??
          payment.approvedAmountCents ??
          payment.requestedAmountCents ??
          payment.plannedAmountCents),
      0,
    );
}

/** The subsidy the portal proposes to retain for the period, and how it is computed. */
export function approvalPreview(
  dossier: Dossier,
  terms: ReturnType<typeof reportTerms>,
  lines: ReadonlyArray<{ side: "EXPENSE" | "RESOURCE"; category: string; amountCents: number }>,
  periodAmountCents: number,
  submitted: FinancialReportAnswers,
  payments: readonly PaymentRow[],
) {
  let retainedCents = periodAmountCents;
  let explanation = `Subvention de la période\u00a0: ${formatEuros(periodAmountCents)}, réductible par l’instructeur.`;
  const editable = dossier.schemeCode !== SchemeCode.A_VOS_ID;
  if (dossier.schemeCode === SchemeCode.A_VOS_ID) {
    const forecast = forecastEligibleCents(
      lines.map((line) => ({ ...line, id: "", label: "" })),
      terms.eligibleCategories,
    );
    const final = aVosIdFinalSubsidy({
      grantedCents: dossier.grantedAmountCents ?? 0,
      forecastEligibleCents: forecast,
      actualEligibleCents: submitted.eligibleExpensesPaidCents ?? 0,
      maxSubsidyRatePercent: terms.maxSubsidyRatePercent,
    });
    retainedCents = final.finalCents;
    explanation = `min(subvention accordée ${formatEuros(dossier.grantedAmountCents ?? 0)}\u202f; ${final.ratePercent.toLocaleString("fr-FR")}\u00a0% × dépenses éligibles payées ${formatEuros(submitted.eligibleExpensesPaidCents ?? 0)}) = ${formatEuros(final.finalCents)}`;
  }
  const committed = committedCents(payments);
  return { retainedCents, editable, explanation, committedCents: committed, maxCents: periodAmountCents };
}

export type { RawReport };
