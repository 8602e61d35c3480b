import { formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the instructor in charge (or the scheme's instructors) when a payment is requested or sent back. */
export function paymentRequested(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  organisationName: string;
  paymentName: string;
  amountCents: number;
  proofCount: number;
  /** A request sent back after a correction. */
  resubmitted: boolean;
  url: string;
}) {
  const what = data.resubmitted ? "demande de versement complétée" : "demande de versement";
  const proofs =
    data.proofCount === 0
      ? "Aucun justificatif n’est joint."
      : data.proofCount === 1
        ? "1 justificatif est joint."
        : `${data.proofCount} justificatifs sont joints.`;
  return renderEmail({
    template: "payment-requested",
    subject: `Dossier ${data.dossierNumber}\u00a0: ${what} (${data.paymentName.toLocaleLowerCase("fr-FR")})`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `${data.organisationName} ${data.resubmitted ? "a complété et renvoyé" : "a demandé"} le versement «\u00a0${data.paymentName}\u00a0» du dossier ${data.dossierNumber} «\u00a0${data.dossierTitle}\u00a0»\u202f: ${formatEuros(data.amountCents)} demandés.`,
      `${proofs} Vérifiez la demande, puis approuvez le montant ou demandez un complément.`,
    ],
    action: { label: "Vérifier la demande", url: data.url },
  });
}
