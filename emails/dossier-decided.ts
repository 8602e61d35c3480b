import { formatDate, formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

export const RECOURSE_NOTICE =
  "Vous pouvez former un recours gracieux auprès de la Présidente ou du Président du Conseil régional ou un recours contentieux devant le tribunal administratif d’Orléans dans un délai de deux mois à compter de la notification de cette décision.";

/** Sent when the Region's decision on a dossier is recorded: aid granted, or refused with its reasons. */
export function dossierDecided(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  schemeName: string;
  granted: boolean;
  amountCents: number | null;
  sessionDate: Date | null;
  motivation: string | null;
  url: string;
}) {
  const dossier = `votre dossier ${data.dossierNumber} « ${data.dossierTitle} »`;
  const session = data.sessionDate ? `, lors de la séance du ${formatDate(data.sessionDate)},` : "";
  const motivation = data.motivation?.trim() ? data.motivation : null;
  const paragraphs = data.granted
    ? [
        `La Région Centre-Val de Loire a décidé${session} d’accorder une aide à ${dossier}, au titre du dispositif ${data.schemeName}.`,
        ...(data.amountCents === null ? [] : [`Montant voté : ${formatEuros(data.amountCents)}.`]),
        ...(motivation ? [`Observations : ${motivation}`] : []),
        "La convention et la lettre de décision sont disponibles sur le portail.",
      ]
    : [
        `La Région Centre-Val de Loire a décidé${session} de ne pas accorder d’aide à ${dossier}, au titre du dispositif ${data.schemeName}.`,
        ...(motivation ? [`Motif : ${motivation}`] : []),
        "Le détail de la décision est consultable sur le portail.",
      ];
  return renderEmail({
    template: "dossier-decided",
    subject: `Dossier ${data.dossierNumber} : ${data.granted ? "aide accordée" : "aide non accordée"}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs,
    action: { label: "Voir mon dossier", url: data.url },
    footnotes: data.granted ? [] : [RECOURSE_NOTICE],
  });
}
