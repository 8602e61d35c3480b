import { renderEmail } from "./layout";
import { messageExcerpt } from "./message-received";

/** Sent to a member of the funders' community whom a comment on a shared dossier asks to read it. */
export function funderMention(data: {
  firstName: string;
  /** « Sophie Lefèvre ». */
  authorName: string;
  /** « France Active Centre-Val de Loire », or « la Région » for Region staff. */
  authorOrganisation: string;
  dossierNumber: string;
  dossierTitle: string;
  body: string;
  url: string;
}) {
  const excerpt = messageExcerpt(data.body);
  return renderEmail({
    template: "funder-mention",
    subject: `Dossier ${data.dossierNumber} : ${data.authorName} vous mentionne`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `${data.authorName} (${data.authorOrganisation}) vous mentionne dans la discussion des financeurs sur le dossier ${data.dossierNumber} « ${data.dossierTitle} » :`,
      ...(excerpt ? [`« ${excerpt} »`] : []),
    ],
    action: { label: "Lire la discussion et répondre", url: data.url },
    footnotes: [
      "Cette discussion réunit les financeurs et la Région ; le porteur de projet ne la voit pas.",
      "Ne répondez pas à cet e-mail : votre réponse ne serait pas lue. Répondez depuis le portail.",
    ],
  });
}
