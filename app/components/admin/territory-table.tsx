import { Link } from "@remix-run/react";

import { TERRITORY_KIND_LABELS } from "~/domain/territories";
import type { TerritoryKind } from "~/generated/prisma/enums";

export interface TerritoryRowView {
  id: string;
  code: string;
  name: string;
  kind: TerritoryKind;
  leaderGroup: string | null;
  active: boolean;
  dossierCount: number;
  instructors: Array<{ id: string; name: string; email: string }>;
}

/** Whether the territory is offered to new dossiers, in words. */
export function TerritoryState({ active }: { active: boolean }) {
  return active ? (
    <span className="badge badge--granted">Actif</span>
  ) : (
    <span className="badge badge--draft">Inactif</span>
  );
}

/** Who receives the territory's A VOS ID dossiers; nobody is said in words, not only by colour. */
export function TerritoryInstructors({ instructors }: { instructors: TerritoryRowView["instructors"] }) {
  if (instructors.length === 0) return <span className="badge badge--attention">Aucun instructeur</span>;
  return (
    <ul className="territory-instructors">
      {instructors.map((instructor) => (
        <li key={instructor.id}>
          {instructor.name} <span className="territory-instructors__email">({instructor.email})</span>
        </li>
      ))}
    </ul>
  );
}

/** The territories of one department. */
export function TerritoryTable({
  departmentCode,
  departmentName,
  territories,
}: {
  departmentCode: string;
  departmentName: string;
  territories: readonly TerritoryRowView[];
}) {
  const captionId = `territoires-${departmentCode}`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="territory-table">
        <caption id={captionId}>
          Territoires de {departmentName} ({departmentCode})
        </caption>
        <thead>
          <tr>
            <th scope="col">Territoire</th>
            <th scope="col">Code</th>
            <th scope="col">Type</th>
            <th scope="col">Groupe LEADER</th>
            <th scope="col">État</th>
            <th scope="col" className="number">
              Dossiers
            </th>
            <th scope="col">Instructeur·rices A VOS ID</th>
          </tr>
        </thead>
        <tbody>
          {territories.map((territory) => (
            <tr key={territory.id}>
              <th scope="row">
                <Link to={`/admin/territoires/${territory.id}`}>{territory.name}</Link>
              </th>
              <td>
                <code>{territory.code}</code>
              </td>
              <td>{TERRITORY_KIND_LABELS[territory.kind]}</td>
              <td>{territory.leaderGroup ?? "—"}</td>
              <td>
                <TerritoryState active={territory.active} />
              </td>
              <td className="number">{territory.dossierCount}</td>
              <td>
                <TerritoryInstructors instructors={territory.instructors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
