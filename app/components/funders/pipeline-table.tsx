import { Link } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import type { PipelineCard } from "~/services/funders/pipeline.server";

import { confirmedText, euros, paidText, planText, positionsText, reportsText } from "./pipeline-card";

/** The list view: every selected project in one table, for comparing amounts and gaps. */
export function PipelineTable({
  rows,
  caption,
  search,
}: {
  rows: PipelineCard[];
  caption: string;
  search: string;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="pipeline-caption" tabIndex={0}>
      <table className="pipeline-table">
        <caption id="pipeline-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Projet</th>
            <th scope="col">Dispositif</th>
            <th scope="col">Département</th>
            <th scope="col">Étape</th>
            <th scope="col" className="number">
              Montant demandé
            </th>
            <th scope="col" className="number">
              Plan de financement
            </th>
            <th scope="col" className="number">
              Confirmé
            </th>
            <th scope="col">Positions</th>
            <th scope="col">Après l’octroi</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={9}>Aucun projet partagé ne correspond au filtre.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/financeurs/dossiers/${row.id}${search}`}>{row.title}</Link>
                  <span className="pipeline-table__who">
                    <span className="nowrap">{row.number ?? "—"}</span> · {row.organisation}
                  </span>
                </th>
                <td>{row.scheme}</td>
                <td>{row.department ?? "—"}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td className="number">{euros(row.requestedAmountCents)}</td>
                <td className="number">{planText(row)}</td>
                <td className="number">{confirmedText(row)}</td>
                <td>{positionsText(row.positionsCount)}</td>
                <td>
                  {row.followUp ? (
                    <>
                      <span className="nowrap">Versé {paidText(row.followUp)}</span>
                      <br />
                      {"Comptes rendus\u00a0: "}
                      {reportsText(row.followUp).toLowerCase()}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
