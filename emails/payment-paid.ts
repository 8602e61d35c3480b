import { formatDateInWords, formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the organisation's members when the payment made by the Region's finance service is recorded. */
export function paymentPaid(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  paymentName: string;
  paidCents: number;
  paidOn: Date;
  mandateReference: string;
  url: string;
}) {
  return renderEmail({
    template: "payment-paid",
    subject: `Dossier ${data.dossierNumber}\u00a0: versement effectué`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `La Région a versé ${formatEuros(data.paidCents)} à votre organisation le ${formatDateInWords(data.paidOn)} au titre du versement «\u00a0${data.paymentName}\u00a0» du dossier ${data.dossierNumber} «\u00a0${data.dossierTitle}\u00a0».`,
      `Référence du mandat de paiement\u00a0: ${data.mandateReference}. Elle figure sur le relevé de votre compte bancaire.`,
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
