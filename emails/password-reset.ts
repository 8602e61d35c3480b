import { renderEmail } from "./layout";

export function passwordReset(data: { firstName: string; url: string }) {
  return renderEmail({
    template: "password-reset",
    subject: "Réinitialisation de votre mot de passe",
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: ["Vous avez demandé à réinitialiser le mot de passe de votre compte."],
    action: { label: "Choisir un nouveau mot de passe", url: data.url },
    footnotes: [
      "Ce lien est valable 1 heure et ne peut servir qu’une fois.",
      "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
    ],
  });
}
