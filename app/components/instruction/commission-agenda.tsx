import { Form, Link } from "@remix-run/react";

export interface AgendaRowView {
  id: string;
  number: string;
  title: string;
  organisationName: string;
  schemeName: string;
  department: string;
  requested: string;
  proposed: string;
  opinion: string;
  /** The amount voted once the session is held; « Refusé » for a refusal. */
  decision: string | null;
  /** The instructor may take it off the agenda (planned session, dossier in their scope). */
  removable: boolean;
}

export interface SchemeTotalView {
  schemeName: string;
  count: number;
  requested: string;
  proposed: string;
}

/** The dossiers on a session's agenda, each linking to its instruction page. */
export function CommissionAgenda({
  rows,
  held,
  sessionTitle,
}: {
  rows: AgendaRowView[];
  held: boolean;
  sessionTitle: string;
}) {
  if (rows.length === 0) {
    return <p>Aucun dossier n’est encore inscrit à l’ordre du jour de cette séance.</p>;
  }
  const removable = rows.some((row) => row.removable);
  return (
    <div className="table-scroll" role="region" aria-labelledby="agenda-caption" tabIndex={0}>
      <table className="commission-table">
        <caption id="agenda-caption">Ordre du jour : {sessionTitle}</caption>
        <thead>
          <tr>
            <th scope="col">Numéro</th>
            <th scope="col">Organisation</th>
            <th scope="col">Projet</th>
            <th scope="col">Dispositif</th>
            <th scope="col">Département</th>
            <th scope="col" className="number">
              Montant demandé
            </th>
            <th scope="col" className="number">
              Montant proposé
            </th>
            <th scope="col">Avis</th>
            {held ? <th scope="col">Décision</th> : null}
            {removable ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="dossier-number">
                <Link to={`/instruction/dossiers/${row.id}`}>{row.number}</Link>
              </th>
              <td>{row.organisationName}</td>
              <td>{row.title}</td>
              <td>{row.schemeName}</td>
              <td>{row.department}</td>
              <td className="number">{row.requested}</td>
              <td className="number">{row.proposed}</td>
              <td>{row.opinion}</td>
              {held ? <td>{row.decision ?? "—"}</td> : null}
              {removable ? (
                <td>
                  {row.removable ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <button
                        type="submit"
                        name="dossierId"
                        value={row.id}
                        className="button button--tertiary"
                      >
                        Retirer
                        <span className="visually-hidden"> le dossier {row.number} de l’ordre du jour</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the elected members vote, per scheme, with the grand total. */
export function CommissionTotals({ totals, total }: { totals: SchemeTotalView[]; total: SchemeTotalView }) {
  if (totals.length === 0) return null;
  return (
    <div className="table-scroll" role="region" aria-labelledby="totals-caption" tabIndex={0}>
      <table className="commission-table">
        <caption id="totals-caption">Totaux par dispositif</caption>
        <thead>
          <tr>
            <th scope="col">Dispositif</th>
            <th scope="col" className="number">
              Dossiers
            </th>
            <th scope="col" className="number">
              Montants demandés
            </th>
            <th scope="col" className="number">
              Montants proposés
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((row) => (
            <tr key={row.schemeName}>
              <th scope="row">{row.schemeName}</th>
              <td className="number">{row.count}</td>
              <td className="number">{row.requested}</td>
              <td className="number">{row.proposed}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total de la séance</th>
            <td className="number">{total.count}</td>
            <td className="number">{total.requested}</td>
            <td className="number">{total.proposed}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
