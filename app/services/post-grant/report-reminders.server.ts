// Reminders of the financial reports, from the periodic jobs: 30 days before the due date, on the day, and
// once overdue, each sent once (claimed by its column) to the organisation's members.
import { parisDay } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, ReportStatus } from "~/generated/prisma/enums";
import { reportReminder, type ReportReminderKind } from "~emails/report-reminder";

import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { enqueueEmail } from "~/services/platform/outbox.server";

import { periodLabel } from "./report-context.server";
import { applicantReportUrl } from "./reports.server";

export const REPORT_REMINDER_DAYS_BEFORE = 30;
const DAY = 86_400_000;

const COLUMN = {
  BEFORE: "remindedBeforeAt",
  ON_DAY: "remindedOnDayAt",
  OVERDUE: "remindedOverdueAt",
} as const satisfies Record<ReportReminderKind, string>;

/** Which reminder a report not yet received is due for today, judged by the Paris calendar day. */
export function reminderKind(dueDate: Date, now: Date): ReportReminderKind | null {
  const today = parisDay(now);
  const due = parisDay(dueDate);
  if (today === due) return "ON_DAY";
  if (today > due) return "OVERDUE";
  return dueDate.getTime() - now.getTime() <= REPORT_REMINDER_DAYS_BEFORE * DAY ? "BEFORE" : null;
}

export async function sendReportReminders(
  db: PrismaClient,
  input: { now?: Date; appUrl: string },
): Promise<number> {
  const now = input.now ?? new Date();
  const candidates = await db.financialReport.findMany({
    where: {
      status: { in: [ReportStatus.DUE, ReportStatus.CORRECTION_REQUESTED] },
      dueDate: { lte: new Date(now.getTime() + (REPORT_REMINDER_DAYS_BEFORE + 1) * DAY) },
      OR: [{ remindedBeforeAt: null }, { remindedOnDayAt: null }, { remindedOverdueAt: null }],
      dossier: { status: DossierStatus.GRANTED },
    },
    select: { id: true, dueDate: true },
  });
  let sent = 0;
  for (const candidate of candidates) {
    const kind = reminderKind(candidate.dueDate, now);
    if (!kind) continue;
    const column = COLUMN[kind];
    const done = await db.$transaction(async (tx) => {
      const claimed = await tx.financialReport.updateMany({
        where: {
          id: candidate.id,
          [column]: null,
          status: { in: [ReportStatus.DUE, ReportStatus.CORRECTION_REQUESTED] },
        },
        data: { [column]: now },
      });
      if (claimed.count === 0) return false;
      const report = await tx.financialReport.findUniqueOrThrow({
        where: { id: candidate.id },
        include: {
          dossier: {
            select: { id: true, number: true, title: true, schemeCode: true, organisationId: true },
          },
        },
      });
      const { dossier } = report;
      const url = applicantReportUrl(input.appUrl, dossier.id, report.period);
      for (const member of await applicantRecipients(tx, dossier.organisationId)) {
        const email = reportReminder({
          kind,
          firstName: member.firstName,
          dossierNumber: dossier.number ?? "",
          dossierTitle: dossier.title,
          periodLabel: periodLabel(dossier.schemeCode, report.period),
          dueDate: report.dueDate,
          url,
        });
        await enqueueEmail(tx, { ...email, to: member.email }, { now });
      }
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
