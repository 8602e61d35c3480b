import { formatDateTime } from "~/domain/format";

import { renderEmail } from "./layout";

/**
 * Sent to the other party when one side accepts the agreement: to the dossier's instructor when the
 * association accepts, to the association's members when the Region does. Once both sides have accepted,
 * it says the agreement is in force and the first payment may be requested.
 */
export function agreementAccepted(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  /** « l’association Les Cyclopostiers » or « la Région Centre-Val de Loire ». */
  acceptedBy: string;
  /** « Claire Martin, présidente ». */
  signatory: string;
  acceptedAt: Date;
  method: "ONLINE" | "PAPER";
  /** Both sides have accepted: the agreement takes effect. */
  complete: boolean;
  /** The reader is the association (otherwise the Region's instructor). */
  forHolder: boolean;
  url: string;
}) {
  const how = data.method === "ONLINE" ? "acceptée en ligne" : "signée sur papier (copie transmise)";
  const paragraphs = [
    `La convention du dossier ${data.dossierNumber} « ${data.dossierTitle} » a été ${how} par ${data.acceptedBy} (${data.signatory}) le ${formatDateTime(data.acceptedAt)}.`,
  ];
  if (data.complete) {
    paragraphs.push(
      "Les deux parties l’ont acceptée : la convention prend effet à cette date. Le certificat d’acceptation, qui en atteste, est à télécharger sur le portail.",
      data.forHolder
        ? "Vous pouvez maintenant demander le premier versement depuis la page du dossier."
        : "Le calendrier des versements et des comptes rendus financiers du dossier est établi sur le portail.",
    );
  } else {
    paragraphs.push(
      data.forHolder
        ? "Elle prendra effet dès que vous l’aurez acceptée à votre tour, depuis la page de la convention sur le portail."
        : "Il reste à enregistrer l’acceptation de la Région, depuis la page de la convention du dossier.",
    );
  }
  return renderEmail({
    template: "agreement-accepted",
    subject: data.complete
      ? `Dossier ${data.dossierNumber} : la convention est acceptée par les deux parties`
      : `Dossier ${data.dossierNumber} : convention acceptée par ${data.acceptedBy}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs,
    action: { label: data.forHolder ? "Voir la convention" : "Voir la convention du dossier", url: data.url },
  });
}
