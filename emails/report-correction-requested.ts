import { renderEmail } from "./layout";

/** Sent to the association's members when the instructor sends a financial report back for a correction. */
export function reportCorrectionRequested(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  periodLabel: string;
  reason: string;
  url: string;
}) {
  return renderEmail({
    template: "report-correction-requested",
    subject: `Dossier ${data.dossierNumber}\u00a0: correction demandée sur votre compte rendu financier`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le service instructeur de la Région vous demande de corriger le compte rendu financier (${data.periodLabel}) du dossier ${data.dossierNumber} « ${data.dossierTitle} ».`,
      `Ce qu’il faut corriger\u00a0: ${data.reason}`,
      "Votre compte rendu est de nouveau modifiable sur le portail\u202f; renvoyez-le une fois corrigé.",
    ],
    action: { label: "Corriger le compte rendu", url: data.url },
  });
}
