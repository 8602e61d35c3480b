import { formatDate, formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

export interface DigestDossier {
  number: string | null;
  title: string;
  organisation: string;
  scheme: string;
  requestedAmountCents: number | null;
  /** Absolute link to the dossier's page for the funders' community. */
  url: string;
}

export interface DigestFilterSection {
  name: string;
  /** The filter in words, e.g. « CAP ASSO · Indre-et-Loire · besoin non couvert ». */
  description: string;
  dossiers: ReadonlyArray<DigestDossier>;
}

const projects = (count: number) => (count > 1 ? `${count} nouveaux projets` : "1 nouveau projet");

function dossierLine(dossier: DigestDossier): string {
  const amount =
    dossier.requestedAmountCents === null
      ? "montant demandé non renseigné"
      : `${formatEuros(dossier.requestedAmountCents)} demandés`;
  const number = dossier.number ? `${dossier.number} — ` : "";
  return `• ${number}${dossier.title} (${dossier.organisation}, ${dossier.scheme}) : ${amount} — ${dossier.url}`;
}

/**
 * The Monday email of a funder who subscribed saved filters to the weekly digest: for each filter, the
 * projects newly shared with the community that it matches. Only sent when at least one is new.
 */
export function funderWeeklyDigest(data: {
  firstName: string;
  sections: ReadonlyArray<DigestFilterSection>;
  /** Distinct projects across the sections (one may match two filters). */
  projectCount: number;
  now: Date;
  filtersUrl: string;
  /** The one-click unsubscribe page: every filter of this person stops sending the digest. */
  unsubscribeUrl: string;
}) {
  const sections = data.sections.filter((section) => section.dossiers.length > 0);
  return renderEmail({
    template: "funder-weekly-digest",
    subject: `Projets partagés avec les financeurs : ${projects(data.projectCount)} cette semaine`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      data.projectCount > 1
        ? `Depuis votre dernier récapitulatif, ${data.projectCount} nouveaux projets partagés avec la communauté des financeurs correspondent à vos filtres enregistrés (récapitulatif du ${formatDate(data.now)}).`
        : `Depuis votre dernier récapitulatif, un nouveau projet partagé avec la communauté des financeurs correspond à vos filtres enregistrés (récapitulatif du ${formatDate(data.now)}).`,
      ...sections.flatMap((section) => [
        `Filtre « ${section.name} » (${section.description}) : ${projects(section.dossiers.length)}`,
        ...section.dossiers.map(dossierLine),
      ]),
    ],
    action: { label: "Gérer mes filtres et mes abonnements", url: data.filtersUrl },
    footnotes: [
      "Vous recevez ce récapitulatif chaque lundi parce que vous vous êtes abonné·e à ces filtres. Vous pouvez vous désabonner d’un filtre sur la page « Mes filtres enregistrés » du portail.",
      `Pour ne plus recevoir aucun récapitulatif : ${data.unsubscribeUrl}`,
    ],
  });
}
