import { renderEmail } from "./layout";

/** Sent to the applicant's members when an administrator reopens a closed dossier. */
export function dossierReopened(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  reason: string;
  url: string;
}) {
  return renderEmail({
    template: "dossier-reopened",
    subject: `Dossier ${data.dossierNumber} : dossier rouvert`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre dossier ${data.dossierNumber} « ${data.dossierTitle} », qui avait été clos, a été rouvert : son instruction reprend.`,
      `Motif : ${data.reason}`,
    ],
    action: { label: "Voir mon dossier", url: data.url },
    footnotes: ["Pour toute question, utilisez la messagerie de votre dossier sur le portail."],
  });
}

/** Sent to the instructor in charge of a dossier an administrator reopened. */
export function dossierReopenedForStaff(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  reason: string;
  url: string;
}) {
  return renderEmail({
    template: "dossier-reopened-staff",
    subject: `Dossier ${data.dossierNumber} : rouvert, de nouveau en instruction`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le dossier ${data.dossierNumber} « ${data.dossierTitle} », qui vous est confié, a été rouvert par un administrateur et se trouve de nouveau en instruction.`,
      `Motif : ${data.reason}`,
    ],
    action: { label: "Ouvrir le dossier", url: data.url },
  });
}
