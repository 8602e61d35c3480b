import { renderEmail } from "./layout";

export function dossierStatusChanged(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  statusLabel: string;
  reason?: string;
  url: string;
}) {
  return renderEmail({
    template: "dossier-status-changed",
    subject: `Dossier ${data.dossierNumber} : ${data.statusLabel}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre dossier ${data.dossierNumber} « ${data.dossierTitle} » a changé d’étape : ${data.statusLabel}.`,
      ...(data.reason ? [`Motif : ${data.reason}`] : []),
    ],
    action: { label: "Voir mon dossier", url: data.url },
  });
}
