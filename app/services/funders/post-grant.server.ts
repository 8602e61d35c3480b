// What a funder sees of a shared dossier's life after the grant: the amount paid beside the amount granted,
// and whether each financial report came on time. Never the pieces, the payment declarations nor the
// reports' content: only statuses, dates and amounts paid.
import { formatDate } from "~/domain/format";
import { moneyTotals } from "~/domain/post-grant/settlement";
import { daysLate, reportOverdue } from "~/domain/post-grant/report-workflow";
import type { PrismaClient } from "~/generated/prisma/client";
import { ReportStatus, SchemeCode } from "~/generated/prisma/enums";

import { advanceStanding } from "~/services/post-grant/advance-views.server";

export interface FunderReportLine {
  name: string;
  dueOn: string;
  /** « Envoyé à temps le 16/11/2026 », « En retard de 12 jours », « Attendu le 02/03/2027 ». */
  state: string;
  late: boolean;
}

export async function funderPostGrant(
  db: PrismaClient,
  dossier: { id: string; schemeCode: SchemeCode; grantedAmountCents: number | null },
  now: Date,
) {
  const [payments, reports, recoveries, settled] = await Promise.all([
    db.payment.findMany({
      where: { dossierId: dossier.id },
      select: { status: true, plannedAmountCents: true, approvedAmountCents: true, paidAmountCents: true },
    }),
    db.financialReport.findMany({
      where: { dossierId: dossier.id },
      orderBy: { period: "asc" },
      select: { period: true, status: true, dueDate: true, submittedAt: true },
    }),
    db.recovery.findMany({ where: { dossierId: dossier.id }, select: { status: true, amountCents: true } }),
    db.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { settledAt: true } }),
  ]);
  // Before both sides accepted the agreement there is nothing to follow yet.
  if (payments.length === 0) return null;
  const totals = moneyTotals({ payments, reports, recoveries });
  const lines: FunderReportLine[] = reports.map((report) => {
    const name =
      dossier.schemeCode === SchemeCode.CAP_ASSO
        ? `Compte rendu de l’année ${report.period}`
        : "Compte rendu final";
    if (report.submittedAt && report.status !== ReportStatus.DUE) {
      const onTime = report.submittedAt.getTime() <= report.dueDate.getTime();
      return {
        name,
        dueOn: formatDate(report.dueDate),
        state: `${onTime ? "Envoyé à temps" : "Envoyé en retard"} le ${formatDate(report.submittedAt)}`,
        late: !onTime,
      };
    }
    if (reportOverdue(report, now)) {
      const days = daysLate(report.dueDate, now);
      return {
        name,
        dueOn: formatDate(report.dueDate),
        state: `En retard de ${days} ${days > 1 ? "jours" : "jour"}`,
        late: true,
      };
    }
    return { name, dueOn: formatDate(report.dueDate), state: "À venir", late: false };
  });
  return {
    grantedCents: dossier.grantedAmountCents ?? 0,
    paidCents: totals.paidCents,
    toRepayCents: totals.toRepayCents,
    settledOn: settled.settledAt ? formatDate(settled.settledAt) : null,
    reports: lines,
    // An equity advance: repaid, outstanding, late (amounts and dates only).
    advance:
      dossier.schemeCode === SchemeCode.EQUITY_ADVANCE ? await advanceStanding(db, dossier.id, now) : null,
  };
}

export type FunderPostGrant = NonNullable<Awaited<ReturnType<typeof funderPostGrant>>>;
