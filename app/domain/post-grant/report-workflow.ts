// A financial report's life: due from the association (overdue after its due date), sent, sent back for a
// correction or approved by the instructor, who then states the subsidy finally due for the period.
import { ReportStatus, UserRole } from "~/generated/prisma/enums";

import { checkMove, type Move } from "./machine";

export const REPORT_MOVES = {
  SUBMIT: {
    label: "Envoyer le compte rendu",
    from: [ReportStatus.DUE, ReportStatus.CORRECTION_REQUESTED],
    to: ReportStatus.SUBMITTED,
    roles: [UserRole.APPLICANT],
    notifies: ["ASSIGNEE"],
    effects:
      "Le compte rendu et ses pièces sont transmis au service instructeur\u202f; il ne peut plus être modifié.",
  },
  ASK_CORRECTION: {
    label: "Demander une correction du compte rendu",
    from: [ReportStatus.SUBMITTED],
    to: ReportStatus.CORRECTION_REQUESTED,
    roles: [UserRole.INSTRUCTOR],
    reasonRequired: true,
    notifies: ["APPLICANT"],
    effects: "Le compte rendu revient à l’association, prévenue par e-mail avec ce qu’il faut corriger.",
  },
  APPROVE: {
    label: "Approuver le compte rendu",
    from: [ReportStatus.SUBMITTED],
    to: ReportStatus.APPROVED,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    effects:
      "La subvention finalement due pour la période est arrêtée\u202f; le solde peut être versé, ou le trop-perçu demandé en reversement.",
  },
} as const satisfies Record<string, Move<ReportStatus>>;

export type ReportMove = keyof typeof REPORT_MOVES;

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DUE: "À remettre",
  SUBMITTED: "Envoyé, en cours d’examen",
  CORRECTION_REQUESTED: "Correction demandée",
  APPROVED: "Approuvé",
};

const REPORT_PHRASES: Record<ReportStatus, string> = {
  DUE: "un compte rendu qui n’a pas encore été envoyé",
  SUBMITTED: "un compte rendu envoyé",
  CORRECTION_REQUESTED: "un compte rendu en attente de correction",
  APPROVED: "un compte rendu approuvé",
};

export function checkReportMove(request: {
  status: ReportStatus;
  move: string;
  role: UserRole;
  reason?: string | null;
}) {
  return checkMove<ReportStatus>(REPORT_MOVES, REPORT_PHRASES, request);
}

/** Whether a report is late: not yet sent (or sent back) and its due date passed. */
export function reportOverdue(report: { status: ReportStatus; dueDate: Date }, now: Date): boolean {
  return (
    (report.status === ReportStatus.DUE || report.status === ReportStatus.CORRECTION_REQUESTED) &&
    report.dueDate.getTime() < now.getTime()
  );
}

/** Whether a report missed its due date: sent after it, or still awaited once it has passed. */
export function reportLate(
  report: { status: ReportStatus; dueDate: Date; submittedAt: Date | null },
  now: Date,
): boolean {
  if (report.submittedAt && report.status !== ReportStatus.DUE)
    return report.submittedAt.getTime() > report.dueDate.getTime();
  return reportOverdue(report, now);
}

/** Whole days between the due date and now, for « en retard de 12 jours ». */
export function daysLate(dueDate: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueDate.getTime()) / 86_400_000));
}
