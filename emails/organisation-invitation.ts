import { renderEmail } from "./layout";

export function organisationInvitation(data: { inviterName: string; organisationName: string; url: string }) {
  return renderEmail({
    template: "organisation-invitation",
    subject: `Invitation à rejoindre ${data.organisationName}`,
    greeting: "Bonjour,",
    paragraphs: [
      `${data.inviterName} vous invite à rejoindre ${data.organisationName} sur le Portail ESS Centre-Val de Loire, pour préparer et suivre ensemble ses dossiers de financement.`,
    ],
    action: { label: "Accepter l’invitation", url: data.url },
    footnotes: [
      "Cette invitation est valable 7 jours. Si vous ne connaissez pas cette organisation, ignorez ce message.",
    ],
  });
}
