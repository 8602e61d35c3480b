import type { UserRole } from "~/generated/prisma/enums";

import { renderEmail } from "./layout";

/** What the invited person will do on the portal, said in the email's first paragraph. */
function roleSentence(role: UserRole, funderOrganisationName?: string | null): string {
  switch (role) {
    case "INSTRUCTOR":
      return "Vous pourrez y instruire les dossiers de financement de votre périmètre.";
    case "ADMIN":
      return "Vous pourrez y administrer les dispositifs, les comptes et les organisations financeuses.";
    case "FUNDER":
      return `Vous y représenterez ${funderOrganisationName ?? "votre organisation"} au sein de la communauté des financeurs, qui suit les projets partagés par leurs porteurs.`;
    default:
      return "Vous pourrez y suivre vos dossiers de financement.";
  }
}

/** Sent when a Region administrator creates an account for a member of staff or of a funder organisation. */
export function accountInvitation(data: {
  firstName: string;
  /** The administrator who sent it, « Alix Martin ». */
  inviterName: string;
  role: UserRole;
  funderOrganisationName?: string | null;
  url: string;
  validityDays: number;
}) {
  return renderEmail({
    template: "account-invitation",
    subject: "Activez votre compte sur le Portail ESS Centre-Val de Loire",
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `${data.inviterName} vous a créé un compte sur le Portail ESS Centre-Val de Loire, le portail des dispositifs régionaux de l’économie sociale et solidaire.`,
      roleSentence(data.role, data.funderOrganisationName),
      "Pour activer votre compte, choisissez votre mot de passe avec le lien ci-dessous.",
    ],
    action: { label: "Activer mon compte", url: data.url },
    footnotes: [
      `Ce lien est valable ${data.validityDays} jours et ne peut servir qu’une fois. Passé ce délai, demandez à l’administration du portail de vous renvoyer une invitation.`,
      "Si vous ne vous attendiez pas à ce message, ignorez-le\u202f: aucun compte ne sera activé sans vous.",
    ],
  });
}
