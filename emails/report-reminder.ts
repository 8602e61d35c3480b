import { formatDateInWords } from "~/domain/format";

import { renderEmail } from "./layout";

export type ReportReminderKind = "BEFORE" | "ON_DAY" | "OVERDUE";

/** Sent to the association's members 30 days before a financial report is due, on the day, and once late. */
export function reportReminder(data: {
  kind: ReportReminderKind;
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  periodLabel: string;
  dueDate: Date;
  url: string;
}) {
  const due = formatDateInWords(data.dueDate);
  const subjects: Record<ReportReminderKind, string> = {
    BEFORE: `compte rendu financier à remettre avant le ${due}`,
    ON_DAY: "compte rendu financier à remettre aujourd’hui",
    OVERDUE: "compte rendu financier en retard",
  };
  const openings: Record<ReportReminderKind, string> = {
    BEFORE: `Le compte rendu financier (${data.periodLabel}) du dossier ${data.dossierNumber} « ${data.dossierTitle} » est à remettre au plus tard le ${due}.`,
    ON_DAY: `Le compte rendu financier (${data.periodLabel}) du dossier ${data.dossierNumber} « ${data.dossierTitle} » est à remettre aujourd’hui, le ${due}.`,
    OVERDUE: `Le compte rendu financier (${data.periodLabel}) du dossier ${data.dossierNumber} « ${data.dossierTitle} » était à remettre le ${due} et n’a pas été reçu.`,
  };
  return renderEmail({
    template: "report-reminder",
    subject: `Dossier ${data.dossierNumber}\u00a0: ${subjects[data.kind]}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      openings[data.kind],
      "La loi demande ce compte rendu à toute association qui reçoit une subvention publique (arrêté du 11 octobre 2006)\u202f; le solde de la subvention n’est versé qu’une fois le compte rendu approuvé.",
    ],
    action: { label: "Remplir le compte rendu", url: data.url },
  });
}
