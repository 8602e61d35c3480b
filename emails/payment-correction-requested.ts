import { renderEmail } from "./layout";

/** Sent to the organisation's members when the instructor asks them to complete a payment request. */
export function paymentCorrectionRequested(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  paymentName: string;
  note: string;
  url: string;
}) {
  return renderEmail({
    template: "payment-correction-requested",
    subject: `Dossier ${data.dossierNumber}\u00a0: votre demande de versement est à compléter`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le service instructeur de la Région a examiné votre demande de versement «\u00a0${data.paymentName}\u00a0» pour le dossier ${data.dossierNumber} «\u00a0${data.dossierTitle}\u00a0» et vous demande de la compléter.`,
      `Ce qu’il faut compléter\u00a0: ${data.note}`,
      "Votre demande et vos justificatifs sont conservés\u202f: corrigez ce qui est demandé, ajoutez les pièces utiles et renvoyez la demande depuis le portail.",
    ],
    action: { label: "Compléter ma demande", url: data.url },
  });
}
