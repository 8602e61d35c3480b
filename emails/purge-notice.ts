import { formatDate } from "~/domain/format";

import { renderEmail } from "./layout";

/**
 * Sent to each member of the organisation before a finished dossier's pieces and personal data are deleted
 * (retention), with what goes, what stays and where to download the documents first.
 */
export function purgeNotice(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  organisationName: string;
  purgeOn: Date;
  retentionMonths: number;
  url: string;
}) {
  const purgeDay = formatDate(data.purgeOn);
  return renderEmail({
    template: "purge-notice",
    subject: `Dossier ${data.dossierNumber} : ses pièces seront supprimées le ${purgeDay}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Le dossier ${data.dossierNumber} « ${data.dossierTitle} » de ${data.organisationName} arrive au terme de sa durée de conservation (${data.retentionMonths} mois après la décision ou la dernière échéance). À partir du ${purgeDay}, ses pièces et ses données personnelles seront supprimées du portail.`,
      "Seront supprimés : les pièces justificatives et les pièces jointes aux messages, les documents PDF (récépissé, lettre de décision, convention, échéanciers), les messages échangés avec le service instructeur et les réponses du formulaire rédigées librement (descriptions, noms, coordonnées).",
      "Seront conservés, pour les statistiques de la Région et le contrôle de l’emploi des fonds publics : le numéro du dossier, le dispositif, son statut, les montants demandés et accordés, les dates, le département, le territoire, le secteur, le nombre d’emplois et d’associés salariés, ainsi que l’historique des étapes.",
      "Si vous souhaitez garder ces documents, téléchargez-les avant cette date depuis la page du dossier. Vous pouvez aussi télécharger toutes vos données depuis la page « Mon compte ».",
    ],
    action: { label: "Voir le dossier et télécharger ses documents", url: data.url },
  });
}
