import { renderEmail } from "./layout";

export interface AssignedDossier {
  number: string;
  title: string;
  organisation: string;
}

/** Sent to an instructor entrusted with dossiers: one email for the whole batch, not one per dossier. */
export function dossierAssigned(data: {
  firstName: string;
  /** Who entrusted them, « Camille Durand ». */
  actorName: string;
  dossiers: AssignedDossier[];
  url: string;
}) {
  const count = data.dossiers.length;
  const line = (dossier: AssignedDossier) =>
    `${dossier.number} — « ${dossier.title} » (${dossier.organisation})`;
  const [first] = data.dossiers;
  return renderEmail({
    template: "dossier-assigned",
    subject:
      count === 1 && first
        ? `Dossier ${first.number} : il vous est confié`
        : `${count} dossiers vous sont confiés`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs:
      count === 1 && first
        ? [`${data.actorName} vous a confié l’instruction du dossier ${line(first)}.`]
        : [
            `${data.actorName} vous a confié l’instruction de ${count} dossiers :`,
            ...data.dossiers.map((dossier) => `• ${line(dossier)}`),
          ],
    action: { label: count === 1 ? "Ouvrir le dossier" : "Voir mes dossiers", url: data.url },
  });
}
