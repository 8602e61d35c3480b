import { formatDateInWords } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the instructor in charge when the association sends a financial report. */
export function reportSubmitted(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  periodLabel: string;
  submittedAt: Date;
  url: string;
}) {
  return renderEmail({
    template: "report-submitted",
    subject: `Dossier ${data.dossierNumber}\u00a0: compte rendu financier reçu (${data.periodLabel})`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `L’association a envoyé le ${formatDateInWords(data.submittedAt)} le compte rendu financier (${data.periodLabel}) du dossier ${data.dossierNumber} « ${data.dossierTitle} ».`,
      "Vérifiez le tableau budgétaire, les écarts expliqués et les pièces, puis approuvez le compte rendu ou demandez une correction.",
    ],
    action: { label: "Examiner le compte rendu", url: data.url },
  });
}
