import { renderEmail } from "./layout";

/** Sent to the applicant's members when an instructor takes the dossier up: it is now frozen. */
export function instructionStarted(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  schemeName: string;
  url: string;
}) {
  return renderEmail({
    template: "instruction-started",
    subject: `Dossier ${data.dossierNumber} : l’instruction a commencé`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le service instructeur de la Région a commencé l’instruction de votre dossier ${data.dossierNumber} « ${data.dossierTitle} » (${data.schemeName}).`,
      "À partir de maintenant, le dossier et ses pièces ne peuvent plus être modifiés. Si le service instructeur a besoin d’un complément, il vous le demandera et le dossier vous sera rouvert.",
      "Pour toute question ou pour signaler une information nouvelle, écrivez au service instructeur depuis la messagerie de votre dossier sur le portail.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
