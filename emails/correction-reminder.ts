import { formatDate } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent once, a few days before the reply date of a correction request that has not been answered. */
export function correctionReminder(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  reason: string;
  /** Labels of the fields and pieces to correct. */
  items: string[];
  replyBy: Date;
  url: string;
}) {
  const items = data.items.filter((item) => item.trim() !== "");
  return renderEmail({
    template: "correction-reminder",
    subject: `Rappel — dossier ${data.dossierNumber} : corrections attendues avant le ${formatDate(data.replyBy)}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le service instructeur attend toujours les corrections demandées sur votre dossier ${data.dossierNumber} « ${data.dossierTitle} ».`,
      ...(data.reason.trim() ? [`Motif : ${data.reason}`] : []),
      ...(items.length > 0
        ? [
            items.length === 1 ? "Élément à corriger :" : "Éléments à corriger :",
            ...items.map((item) => `– ${item}`),
          ]
        : []),
      `Merci de corriger le dossier et de le renvoyer sur le portail au plus tard le ${formatDate(data.replyBy)}. Sans réponse, le dossier pourra être clos sans suite.`,
    ],
    action: { label: "Corriger mon dossier", url: data.url },
    footnotes: ["Pour toute question, utilisez la messagerie de votre dossier sur le portail."],
  });
}
