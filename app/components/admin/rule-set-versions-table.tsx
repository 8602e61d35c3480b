// Every version of a scheme's rules: where it stands, from when, who published it on which deliberation,
// and how many dossiers use it.
import { Link } from "@remix-run/react";

import { formatDate } from "~/domain/format";
import type { RuleSetVersionSummary } from "~/services/admin/rule-sets.server";

/** What each state is called; kept here so that pages need not import server code to show it. */
export const VERSION_STATE_LABELS: Record<RuleSetVersionSummary["state"], string> = {
  DRAFT: "Brouillon",
  IN_FORCE: "En vigueur",
  SCHEDULED: "Publiée, pas encore en vigueur",
  SUPERSEDED: "Remplacée",
};

export interface VersionLine {
  version: number;
  href: string;
  stateLabel: string;
  badge: string;
  effectiveFrom: string | null;
  published: string | null;
  deliberation: string | null;
  dossierCount: number;
}

export function RuleSetVersionsTable({
  schemeName,
  versions,
}: {
  schemeName: string;
  versions: VersionLine[];
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="versions-caption" tabIndex={0}>
      <table>
        <caption id="versions-caption">Versions des règles de {schemeName}, la plus récente d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">État</th>
            <th scope="col">En vigueur à partir du</th>
            <th scope="col">Publication</th>
            <th scope="col">Délibération</th>
            <th scope="col" className="number">
              Dossiers
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((line) => (
            <tr key={line.version}>
              <th scope="row">
                <Link to={line.href}>Version {line.version}</Link>
              </th>
              <td>
                <span className={`badge ${line.badge}`}>{line.stateLabel}</span>
              </td>
              <td>{line.effectiveFrom ?? "—"}</td>
              <td>{line.published ?? "—"}</td>
              <td>{line.deliberation ?? "—"}</td>
              <td className="number">{line.dossierCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const BADGES: Record<RuleSetVersionSummary["state"], string> = {
  DRAFT: "badge--draft",
  IN_FORCE: "badge--granted",
  SCHEDULED: "badge--attention",
  SUPERSEDED: "badge--open",
};

/** A version as the tables show it: dates in Paris, « 20/11/2026 par Alix Bernard ». */
export function versionLine(slug: string, row: RuleSetVersionSummary): VersionLine {
  return {
    version: row.version,
    href: `/admin/dispositifs/${slug}/versions/${row.version}`,
    stateLabel: VERSION_STATE_LABELS[row.state],
    badge: BADGES[row.state],
    effectiveFrom: row.effectiveFrom ? formatDate(row.effectiveFrom) : null,
    published: row.publishedAt
      ? `${formatDate(row.publishedAt)}${row.publishedBy ? ` par ${row.publishedBy}` : ""}`
      : null,
    deliberation: row.deliberation,
    dossierCount: row.dossierCount,
  };
}
