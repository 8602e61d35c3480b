import { renderEmail } from "./layout";

/** Sent when a person enrols an authenticator: if it was not them, the account is in someone else’s hands. */
export function secondFactorEnabled(data: { firstName: string; when: string; accountUrl: string }) {
  return renderEmail({
    template: "second-factor-enabled",
    subject: "Double authentification activée sur votre compte",
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `La double authentification a été activée sur votre compte le ${data.when}\u202f: chaque connexion demandera désormais, après le mot de passe, le code à six chiffres de votre application d’authentification.`,
      "Gardez vos codes de secours en lieu sûr\u202f: chacun remplace une fois le code de l’application si vous perdez votre téléphone.",
      "Si vous n’êtes pas à l’origine de cette activation, changez votre mot de passe et prévenez l’administration du portail.",
    ],
    action: { label: "Voir mon compte", url: data.accountUrl },
  });
}
