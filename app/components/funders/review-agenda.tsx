import { Link } from "@remix-run/react";

export interface ReviewItemView {
  dossierId: string;
  number: string;
  title: string;
  organisationName: string;
  schemeName: string;
  department: string;
  stage: string;
  totalBudget: string;
  requested: string;
  regionAmount: string;
  regionAmountLabel: string;
  positions: Array<{ organisation: string; status: string; instrument: string; amount: string }>;
  plan: string;
  confirmed: string;
  /** The two figures explained, and the pledges beyond the plan, one sentence each. */
  sentences: string[];
  summary: string;
  minutes: string;
}

/** The dossiers on the review's agenda, each with its funding plan as the funders have shared it. */
export function ReviewAgenda({ items }: { items: ReviewItemView[] }) {
  if (items.length === 0) return <p>Aucun dossier n’est encore inscrit à l’ordre du jour.</p>;
  return (
    <ol className="review-agenda">
      {items.map((item) => (
        <li key={item.dossierId} className="review-agenda__item">
          <h3>
            <Link to={`/financeurs/dossiers/${item.dossierId}`}>
              {item.number} — {item.title}
            </Link>
          </h3>
          <p className="review-agenda__meta">
            {item.organisationName} · {item.schemeName} · {item.department} · {item.stage}
          </p>
          {item.summary ? <p>{item.summary}</p> : null}
          <dl className="review-agenda__figures">
            <div>
              <dt>Budget total</dt>
              <dd>{item.totalBudget}</dd>
            </div>
            <div>
              <dt>Montant demandé à la Région</dt>
              <dd>{item.requested}</dd>
            </div>
            <div>
              <dt>{item.regionAmountLabel}</dt>
              <dd>{item.regionAmount}</dd>
            </div>
            <div>
              <dt>Plan de financement</dt>
              <dd>{item.plan}</dd>
            </div>
            <div>
              <dt>Confirmé</dt>
              <dd>{item.confirmed}</dd>
            </div>
          </dl>
          {item.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {item.positions.length === 0 ? (
            <p>Aucun financeur n’a encore partagé de position sur ce dossier.</p>
          ) : (
            <div
              className="table-scroll"
              role="region"
              aria-labelledby={`positions-${item.dossierId}`}
              tabIndex={0}
            >
              <table className="review-table">
                <caption id={`positions-${item.dossierId}`}>
                  Positions partagées sur le dossier {item.number}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Financeur</th>
                    <th scope="col">Position</th>
                    <th scope="col">Instrument</th>
                    <th scope="col" className="number">
                      Montant
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {item.positions.map((position) => (
                    <tr key={position.organisation}>
                      <th scope="row">{position.organisation}</th>
                      <td>{position.status}</td>
                      <td>{position.instrument}</td>
                      <td className="number">{position.amount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {item.minutes ? (
            <div className="review-agenda__minutes">
              <h4>Compte rendu</h4>
              <p>{item.minutes}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
