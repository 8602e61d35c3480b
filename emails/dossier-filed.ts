import { formatDateTime, formatEuros } from "~/domain/format";

import { renderEmail } from "./layout";

/** Sent when a dossier is filed, with the filing receipt (PDF) attached by the caller. */
export function dossierFiled(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  schemeName: string;
  organisationName: string;
  filedAt: Date;
  requestedAmountCents: number | null;
  url: string;
}) {
  return renderEmail({
    template: "dossier-filed",
    subject: `Votre dossier ${data.dossierNumber} a bien été déposé`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Votre dossier ${data.dossierNumber} « ${data.dossierTitle} » a bien été déposé le ${formatDateTime(data.filedAt)} pour l’organisation « ${data.organisationName} », au titre du dispositif ${data.schemeName}.`,
      ...(data.requestedAmountCents === null
        ? []
        : [`Montant demandé : ${formatEuros(data.requestedAmountCents)}.`]),
      "Le récépissé de dépôt est joint à ce message.",
      "Vous pouvez encore modifier votre dossier tant que son instruction n’a pas commencé.",
    ],
    action: { label: "Voir mon dossier", url: data.url },
    footnotes: [
      "Ce récépissé atteste le dépôt de votre demande ; il ne vaut pas décision d’attribution de l’aide.",
    ],
  });
}
