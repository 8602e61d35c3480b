import { Link } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import type { DossierStatus } from "~/generated/prisma/enums";

/** A queue row as the page shows it: amounts and dates already written the French way. */
export interface QueueTableRow {
  id: string;
  number: string;
  title: string;
  organisation: string;
  scheme: string;
  department: string;
  assignee: string;
  status: DossierStatus;
  requested: string;
  filedAt: string;
  correctionReplyBy: string | null;
}

export function QueueTable({
  rows,
  caption,
  search,
  assignForm,
  selected,
}: {
  rows: QueueTableRow[];
  caption: string;
  /** The queue's query, carried to the dossier view for its « précédent / suivant ». */
  search: string;
  /** The id of the bulk-assignment form the checkboxes belong to; none when nobody may be assigned. */
  assignForm: string | null;
  /** Dossiers ticked before a refused submission, ticked again. */
  selected: string[];
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="queue-caption" tabIndex={0}>
      <table className="queue-table">
        <caption id="queue-caption">{caption}</caption>
        <thead>
          <tr>
            {assignForm ? (
              <th scope="col">
                <span className="visually-hidden">Sélection</span>
              </th>
            ) : null}
            <th scope="col">Numéro</th>
            <th scope="col">Projet et organisation</th>
            <th scope="col">Dispositif (dép.)</th>
            <th scope="col">Instructeur·rice</th>
            <th scope="col">Étape</th>
            <th scope="col" className="number">
              Montant demandé
            </th>
            <th scope="col">Déposé le</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {assignForm ? (
                <td>
                  <input
                    type="checkbox"
                    id={`dossier-${row.id}`}
                    name="dossier"
                    value={row.id}
                    form={assignForm}
                    defaultChecked={selected.includes(row.id)}
                  />
                  <label htmlFor={`dossier-${row.id}`} className="visually-hidden">
                    Sélectionner le dossier {row.number}
                  </label>
                </td>
              ) : null}
              <th scope="row">
                <Link to={`/instruction/dossiers/${row.id}${search}`}>{row.number}</Link>
              </th>
              <td>
                {row.title}
                <span className="queue-table__organisation">{row.organisation}</span>
              </td>
              <td>
                {row.scheme} <span className="nowrap">({row.department})</span>
              </td>
              <td>{row.assignee}</td>
              <td>
                <StatusBadge status={row.status} />
                {row.correctionReplyBy ? (
                  <span className="queue-table__reply">Réponse attendue le {row.correctionReplyBy}</span>
                ) : null}
              </td>
              <td className="number">{row.requested}</td>
              <td>{row.filedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
