import { formatDateInWords, formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the association's members when the Region records the repayment as received. */
export function recoverySettled(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  amountCents: number;
  settledOn: Date;
  url: string;
}) {
  return renderEmail({
    template: "recovery-settled",
    subject: `Dossier ${data.dossierNumber}\u00a0: reversement reçu`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `La Région a enregistré le ${formatDateInWords(data.settledOn)} votre reversement de ${formatEuros(data.amountCents)} pour le dossier ${data.dossierNumber} « ${data.dossierTitle} ».`,
      "Plus rien ne vous est demandé au titre de ce reversement.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
