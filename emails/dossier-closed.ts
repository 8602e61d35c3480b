import { renderEmail } from "./layout";

/** Sent to the applicant's members when the dossier is closed without follow-up, with the reason. */
export function dossierClosed(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  reason: string;
  url: string;
}) {
  return renderEmail({
    template: "dossier-closed",
    subject: `Dossier ${data.dossierNumber} : dossier clos sans suite`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre dossier ${data.dossierNumber} « ${data.dossierTitle} » a été clos sans suite par le service instructeur de la Région.`,
      `Motif : ${data.reason}`,
      "Le dossier reste consultable sur le portail. Si vous pensez qu’il s’agit d’une erreur, écrivez au service instructeur depuis la messagerie du dossier.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
