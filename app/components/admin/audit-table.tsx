import { Link } from "@remix-run/react";

import { NO_ACTOR_LABEL } from "~/domain/audit-log";

export interface AuditRowView {
  id: string;
  fromDossierHistory: boolean;
  at: string;
  iso: string;
  actor: { name: string; email: string } | null;
  action: string;
  target: { label: string; dossierId: string | null } | null;
  details: string;
}

/** The log's entries, newest first: who, what, on what, how, and when (Paris time). */
export function AuditTable({ entries, caption }: { entries: readonly AuditRowView[]; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="journal-caption" tabIndex={0}>
      <table className="audit-table">
        <caption id="journal-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date et heure</th>
            <th scope="col">Personne</th>
            <th scope="col">Action</th>
            <th scope="col">Cible</th>
            <th scope="col">Détails</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <time dateTime={entry.iso}>{entry.at}</time>
              </th>
              <td>
                {entry.actor ? (
                  <>
                    {entry.actor.name}
                    <br />
                    <span className="audit-table__email">{entry.actor.email}</span>
                  </>
                ) : (
                  NO_ACTOR_LABEL
                )}
              </td>
              <td>
                {entry.action}
                {entry.fromDossierHistory ? (
                  <>
                    <br />
                    <span className="audit-table__source">(historique du dossier)</span>
                  </>
                ) : null}
              </td>
              <td>
                {entry.target?.dossierId ? (
                  <Link to={`/instruction/dossiers/${entry.target.dossierId}`}>{entry.target.label}</Link>
                ) : (
                  (entry.target?.label ?? "—")
                )}
              </td>
              <td>{entry.details || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
