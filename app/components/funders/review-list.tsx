import { Link } from "@remix-run/react";

export interface ReviewListRow {
  id: string;
  title: string;
  when: string;
  place: string;
  organiser: string;
  invited: string[];
  dossierCount: number;
  held: boolean;
}

/** The reviews a member may see, the coming ones first. */
export function ReviewList({ reviews }: { reviews: ReviewListRow[] }) {
  if (reviews.length === 0) return <p>Aucune revue de projets ne vous concerne pour l’instant.</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="reviews-caption" tabIndex={0}>
      <table className="review-table">
        <caption id="reviews-caption">Revues de projets, les prochaines d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Revue</th>
            <th scope="col">Date</th>
            <th scope="col">Lieu ou lien</th>
            <th scope="col">Organisée par</th>
            <th scope="col">Organisations invitées</th>
            <th scope="col" className="number">
              Dossiers
            </th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr key={review.id}>
              <th scope="row">
                <Link to={`/financeurs/revues/${review.id}`}>{review.title}</Link>
                {review.held ? <span className="review-table__held"> (tenue)</span> : null}
              </th>
              <td>{review.when}</td>
              <td className="review-table__place">{review.place}</td>
              <td>{review.organiser}</td>
              <td>{review.invited.length > 0 ? review.invited.join(", ") : "—"}</td>
              <td className="number">{review.dossierCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
