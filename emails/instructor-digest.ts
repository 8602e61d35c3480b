import { formatDate, formatTime } from "~/domain/format";

import { renderEmail } from "./layout";

/** One email a day for Region staff who chose the digest: every event since the last one, oldest first. */
export function instructorDigest(data: {
  firstName: string;
  items: ReadonlyArray<{ line: string; url: string; createdAt: Date }>;
  now: Date;
  /** The one-click unsubscribe page of this person's digest. */
  unsubscribeUrl: string;
}) {
  const count = data.items.length;
  return renderEmail({
    template: "instructor-digest",
    subject: `Votre récapitulatif du ${formatDate(data.now)} : ${count} ${count > 1 ? "nouveautés" : "nouveauté"}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      count > 1
        ? `Voici les ${count} événements survenus sur vos dossiers depuis votre dernier récapitulatif :`
        : "Voici l’événement survenu sur vos dossiers depuis votre dernier récapitulatif :",
      ...data.items.map(
        (item) =>
          `• ${formatDate(item.createdAt)} à ${formatTime(item.createdAt)} — ${item.line} : ${item.url}`,
      ),
    ],
    footnotes: [
      "Vous recevez un récapitulatif par jour. Pour recevoir un e-mail à chaque événement, changez ce choix sur la page « Mon compte » du portail.",
      `Pour ne plus recevoir ce récapitulatif : ${data.unsubscribeUrl}`,
    ],
  });
}
