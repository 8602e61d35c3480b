import { Link } from "@remix-run/react";

import type { FiguresView } from "~/domain/call-envelopes";

export interface CallRowView {
  id: string;
  scheme: string;
  title: string;
  kind: string;
  window: string;
  state: string;
  figures: FiguresView;
}

/** A remainder: an overrun is written out (« Dépassement de … »), the colour only underlines it. */
export function Remainder({ label, overrun }: { label: string; overrun: boolean }) {
  return overrun ? <strong className="queue-envelope--over">{label}</strong> : <>{label}</>;
}

/** One year's calls with their envelopes: what is asked, proposed, voted and what remains; totals below. */
export function CallTable({
  year,
  rows,
  totals,
}: {
  year: number;
  rows: CallRowView[];
  totals: FiguresView;
}) {
  const captionId = `appels-${year}`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="call-table">
        <caption id={captionId}>Appels à projets {year} et leurs enveloppes budgétaires</caption>
        <thead>
          <tr>
            <th scope="col">Appel</th>
            <th scope="col">Période de dépôt</th>
            <th scope="col">État</th>
            <th scope="col" className="number">
              Enveloppe
            </th>
            <th scope="col" className="number">
              Demandé
            </th>
            <th scope="col" className="number">
              Proposé
            </th>
            <th scope="col" className="number">
              Voté
            </th>
            <th scope="col" className="number">
              Reste
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/admin/appels/${row.id}`}>{row.title}</Link>
                <span className="call-table__scheme">{row.scheme}</span>
              </th>
              <td>
                {row.kind}, {row.window}
              </td>
              <td>{row.state}</td>
              <td className="number">{row.figures.envelope}</td>
              <td className="number">{row.figures.requested}</td>
              <td className="number">{row.figures.proposed}</td>
              <td className="number">{row.figures.voted}</td>
              <td className="number">
                <Remainder label={row.figures.remaining} overrun={row.figures.overrun} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total {year}
            </th>
            <td className="number">{totals.envelope}</td>
            <td className="number">{totals.requested}</td>
            <td className="number">{totals.proposed}</td>
            <td className="number">{totals.voted}</td>
            <td className="number">
              <Remainder label={totals.remaining} overrun={totals.overrun} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
