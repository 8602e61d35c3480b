import { renderEmail } from "./layout";

/** Sent to each member of an organisation invited to a project review among funders and the Region. */
export function projectReviewInvitation(data: {
  firstName: string;
  /** Who organises it, « Sophie Lefèvre (France Active Centre-Val de Loire) ». */
  organiser: string;
  title: string;
  /** « 15/12/2026 à 14:00 », Paris time. */
  when: string;
  /** A room and its address, or a video-conference link. */
  place: string;
  organisationName: string;
  url: string;
}) {
  const isLink = /^https?:\/\//i.test(data.place.trim());
  return renderEmail({
    template: "project-review-invitation",
    subject: `Revue de projets « ${data.title} » le ${data.when}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      `${data.organiser} invite ${data.organisationName} à la revue de projets « ${data.title} », le ${data.when}.`,
      isLink ? `Elle se tient en visioconférence : ${data.place.trim()}` : `Lieu : ${data.place.trim()}`,
      "Les dossiers examinés, l’ordre du jour à imprimer et, après la revue, son compte rendu sont sur la page de la revue.",
    ],
    action: { label: "Voir la revue de projets", url: data.url },
    footnotes: [
      "Seuls les dossiers dont les porteurs ont accepté le partage avec la communauté des financeurs y figurent.",
    ],
  });
}
