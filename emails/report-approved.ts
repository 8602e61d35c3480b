import { formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent to the association's members when their financial report is approved, with the subsidy retained. */
export function reportApproved(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  periodLabel: string;
  retainedCents: number;
  /** Still to be paid by the Region for the period. */
  toPayCents: number;
  /** Paid above the subsidy finally due: a « demande de reversement » follows. */
  toRepayCents: number;
  url: string;
}) {
  const money =
    data.toRepayCents > 0
      ? `La Région vous a versé ${formatEuros(data.toRepayCents)} de plus que ce montant\u202f: une demande de reversement vous sera adressée.`
      : data.toPayCents > 0
        ? `Il reste ${formatEuros(data.toPayCents)} à vous verser pour cette période.`
        : "Plus rien ne reste à verser pour cette période.";
  return renderEmail({
    template: "report-approved",
    subject: `Dossier ${data.dossierNumber}\u00a0: compte rendu financier approuvé`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le compte rendu financier (${data.periodLabel}) du dossier ${data.dossierNumber} « ${data.dossierTitle} » est approuvé.`,
      `Subvention finalement due pour la période\u00a0: ${formatEuros(data.retainedCents)}.`,
      money,
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
