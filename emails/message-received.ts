import { renderEmail } from "./layout";

const EXCERPT_LENGTH = 300;

/**
 * The start of a message, on one line: at most 300 characters, cut between two words and ended with « … »
 * when the message is longer.
 */
export function messageExcerpt(message: string, maxLength = EXCERPT_LENGTH): string {
  const flat = message.replace(/\s+/g, " ").trim();
  // By code point, so that an emoji is never cut in half.
  const characters = Array.from(flat);
  if (characters.length <= maxLength) return flat;
  const head = characters.slice(0, maxLength).join("");
  const lastSpace = head.lastIndexOf(" ");
  // A single word longer than the excerpt is cut where it must be.
  const cut = lastSpace > maxLength / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.!?…-]+$/u, "")}…`;
}

/** Sent to the other side of a dossier's conversation when a message is posted. */
export function messageReceived(data: {
  firstName: string;
  dossierNumber: string;
  dossierTitle: string;
  /** « l’instructrice ou l’instructeur », or the applicant's organisation. */
  authorLabel: string;
  excerpt: string;
  attachmentCount: number;
  url: string;
}) {
  const author = data.authorLabel.charAt(0).toLocaleUpperCase("fr-FR") + data.authorLabel.slice(1);
  const excerpt = messageExcerpt(data.excerpt);
  return renderEmail({
    template: "message-received",
    subject: `Dossier ${data.dossierNumber} : nouveau message`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `${author} a écrit un message au sujet du dossier ${data.dossierNumber} « ${data.dossierTitle} » :`,
      ...(excerpt ? [`« ${excerpt} »`] : []),
      ...(data.attachmentCount > 0
        ? [
            data.attachmentCount === 1
              ? "Ce message comporte 1 pièce jointe, à consulter sur le portail."
              : `Ce message comporte ${data.attachmentCount} pièces jointes, à consulter sur le portail.`,
          ]
        : []),
    ],
    action: { label: "Lire le message et répondre", url: data.url },
    footnotes: [
      "Ne répondez pas à cet e-mail : votre réponse ne serait pas lue. Répondez depuis le portail.",
    ],
  });
}
