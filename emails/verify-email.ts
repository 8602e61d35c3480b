import { renderEmail } from "./layout";

export function verifyEmail(data: { firstName: string; url: string }) {
  return renderEmail({
    template: "verify-email",
    subject: "Confirmez votre adresse e-mail",
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      "Votre compte sur le Portail ESS Centre-Val de Loire est créé.",
      "Pour confirmer votre adresse e-mail, utilisez le lien ci-dessous.",
    ],
    action: { label: "Confirmer mon adresse e-mail", url: data.url },
    footnotes: ["Ce lien est valable 48 heures. Si vous n’avez pas créé de compte, ignorez ce message."],
  });
}
