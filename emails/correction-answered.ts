import { renderEmail } from "./layout";

/** Sent to the instructor in charge when the applicant sends the corrected dossier back. */
export function correctionAnswered(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  organisationName: string;
  /** How many answers changed since the request. */
  changeCount: number;
  /** The applicant's word, if any. */
  note?: string;
  url: string;
}) {
  const changes =
    data.changeCount === 0
      ? "Aucune réponse n’a changé ; des pièces ont pu être remplacées."
      : data.changeCount === 1
        ? "1 réponse a changé depuis votre demande."
        : `${data.changeCount} réponses ont changé depuis votre demande.`;
  return renderEmail({
    template: "correction-answered",
    subject: `Dossier ${data.dossierNumber} : correction reçue`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `${data.organisationName} a renvoyé le dossier ${data.dossierNumber} « ${data.dossierTitle} » après correction. Il est de nouveau en instruction.`,
      changes,
      ...(data.note ? [`Message joint : « ${data.note} »`] : []),
    ],
    action: { label: "Voir ce qui a changé", url: data.url },
  });
}
