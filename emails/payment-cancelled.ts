import { renderEmail } from "./layout";

/** Sent to the organisation's members when a planned or requested payment is cancelled, with the reason. */
export function paymentCancelled(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  paymentName: string;
  reason: string;
  url: string;
}) {
  return renderEmail({
    template: "payment-cancelled",
    subject: `Dossier ${data.dossierNumber}\u00a0: versement annulé`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le versement «\u00a0${data.paymentName}\u00a0» du dossier ${data.dossierNumber} «\u00a0${data.dossierTitle}\u00a0» a été annulé par le service instructeur de la Région\u202f: il n’est plus dû.`,
      `Motif\u00a0: ${data.reason}`,
      "Si vous pensez qu’il s’agit d’une erreur, écrivez au service instructeur depuis la messagerie du dossier.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
