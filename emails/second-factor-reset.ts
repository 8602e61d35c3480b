import { renderEmail } from "./layout";

/** Sent when an administrator resets a person's second factor (a lost phone, most often). */
export function secondFactorReset(data: { firstName: string; when: string; signInUrl: string }) {
  return renderEmail({
    template: "second-factor-reset",
    subject: "Votre double authentification a été réinitialisée",
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `L’administration du portail a réinitialisé votre double authentification le ${data.when}\u202f: votre ancienne application d’authentification et vos codes de secours ne servent plus, et vous êtes déconnecté·e de tous vos appareils.`,
      "À votre prochaine connexion, le portail vous demandera d’enregistrer de nouveau une application d’authentification.",
      "Si vous n’avez rien demandé, prévenez l’administration du portail sans attendre.",
    ],
    action: { label: "Se connecter", url: data.signInUrl },
  });
}
