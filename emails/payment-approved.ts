import { formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the organisation's members when the instructor approves a payment. */
export function paymentApproved(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  paymentName: string;
  requestedCents: number;
  approvedCents: number;
  url: string;
}) {
  const lower =
    data.approvedCents < data.requestedCents
      ? ` (vous aviez demandé ${formatEuros(data.requestedCents)})`
      : "";
  return renderEmail({
    template: "payment-approved",
    subject: `Dossier ${data.dossierNumber}\u00a0: versement approuvé`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre demande de versement «\u00a0${data.paymentName}\u00a0» pour le dossier ${data.dossierNumber} «\u00a0${data.dossierTitle}\u00a0» est approuvée\u202f: ${formatEuros(data.approvedCents)}${lower}.`,
      "Le service financier de la Région va procéder au paiement sur le compte bancaire de votre organisation. Vous serez prévenu·e par e-mail dès qu’il sera fait.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
