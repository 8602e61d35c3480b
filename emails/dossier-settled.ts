import { formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the applicant's members when the granted dossier is settled (« soldé »). */
export function dossierSettled(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  paidCents: number;
  url: string;
}) {
  return renderEmail({
    template: "dossier-settled",
    subject: `Dossier ${data.dossierNumber}\u00a0: dossier soldé`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre dossier ${data.dossierNumber} « ${data.dossierTitle} » est soldé\u202f: la Région vous a versé ${formatEuros(data.paidCents)} au total, vos comptes rendus sont approuvés et plus rien n’est attendu de vous.`,
      "Les documents du dossier (convention, comptes rendus, attestations) restent téléchargeables sur le portail.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
