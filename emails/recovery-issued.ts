import { formatDateInWords, formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the association's members with the « demande de reversement » attached. */
export function recoveryIssued(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  amountCents: number;
  dueDate: Date;
  reason: string;
  url: string;
}) {
  return renderEmail({
    template: "recovery-issued",
    subject: `Dossier ${data.dossierNumber}\u00a0: demande de reversement de ${formatEuros(data.amountCents)}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Les sommes versées par la Région pour le dossier ${data.dossierNumber} « ${data.dossierTitle} » dépassent la subvention finalement due. La Région vous demande de reverser ${formatEuros(data.amountCents)} au plus tard le ${formatDateInWords(data.dueDate)}.`,
      `Motif\u00a0: ${data.reason}`,
      "La demande de reversement est jointe à ce message. Le règlement se fait par virement au comptable public de la Région, sur présentation du titre de recette.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
