import { formatDate } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent when the instructor sends a dossier back to the applicant for corrections. */
export function correctionRequested(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  reason: string;
  /** Labels of the fields and attachments to correct, as the dossier form names them. */
  items: string[];
  replyBy: Date;
  url: string;
}) {
  const items = data.items.filter((item) => item.trim() !== "");
  return renderEmail({
    template: "correction-requested",
    subject: `Dossier ${data.dossierNumber} : des corrections sont demandées`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre dossier ${data.dossierNumber} « ${data.dossierTitle} » doit être complété ou corrigé avant que son instruction puisse se poursuivre.`,
      ...(data.reason.trim() ? [`Motif : ${data.reason}`] : []),
      ...(items.length > 0
        ? [
            items.length === 1 ? "Élément à corriger :" : "Éléments à corriger :",
            ...items.map((item) => `– ${item}`),
          ]
        : []),
      `Merci d’apporter ces corrections sur le portail au plus tard le ${formatDate(data.replyBy)}.`,
    ],
    action: { label: "Corriger mon dossier", url: data.url },
    footnotes: ["Pour toute question, utilisez la messagerie de votre dossier sur le portail."],
  });
}
