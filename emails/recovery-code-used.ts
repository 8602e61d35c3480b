import { renderEmail } from "./layout";

/** Sent when a recovery code replaces the authenticator at sign-in. */
export function recoveryCodeUsed(data: {
  firstName: string;
  when: string;
  remaining: number;
  accountUrl: string;
}) {
  const left =
    data.remaining === 0
      ? "Il ne vous reste aucun code de secours\u202f: demandez à l’administration du portail de réinitialiser votre double authentification si vous n’avez plus votre application."
      : `Il vous reste ${data.remaining} code${data.remaining > 1 ? "s" : ""} de secours.`;
  return renderEmail({
    template: "recovery-code-used",
    subject: "Un code de secours a servi à vous connecter",
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `Un code de secours a remplacé le code de votre application d’authentification pour vous connecter le ${data.when}. Ce code ne servira plus.`,
      left,
      "Si vous n’êtes pas à l’origine de cette connexion, changez votre mot de passe et prévenez l’administration du portail.",
    ],
    action: { label: "Voir mon compte", url: data.accountUrl },
  });
}
