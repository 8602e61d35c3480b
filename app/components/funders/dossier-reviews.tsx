import { Link } from "@remix-run/react";

export interface DossierReviewView {
  id: string;
  title: string;
  when: string;
  held: boolean;
  minutes: string | null;
}

/** The project reviews that examined (or will examine) the dossier, with what their minutes say of it. */
export function DossierReviews({ reviews }: { reviews: DossierReviewView[] }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="revues-du-dossier" className="dossier-reviews">
      <h2 id="revues-du-dossier">Revues de projets</h2>
      <ul>
        {reviews.map((review) => (
          <li key={review.id}>
            <p>
              <Link to={`/financeurs/revues/${review.id}`}>{review.title}</Link>, le {review.when}
              {review.held ? "" : " (à venir)"}
            </p>
            {review.minutes ? (
              <blockquote className="dossier-reviews__minutes">
                <p>{review.minutes}</p>
              </blockquote>
            ) : (
              <p className="dossier-reviews__none">
                {review.held ? "Pas encore de compte rendu pour ce dossier." : "Compte rendu après la revue."}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
