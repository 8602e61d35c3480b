import { DOSSIER_STATUS_LABELS, DOSSIER_STATUS_ORDER } from "~/domain/dossier-status";
import type { DossierStatus } from "~/generated/prisma/enums";

/** Dossier counts per status, as a small table. */
export function StatusCounts({
  counts,
  caption,
  exclude = ["DRAFT"],
}: {
  counts: Partial<Record<DossierStatus, number>>;
  caption: string;
  exclude?: DossierStatus[];
}) {
  const statuses = DOSSIER_STATUS_ORDER.filter((status) => !exclude.includes(status));
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Étape</th>
          <th scope="col" className="number">
            Dossiers
          </th>
        </tr>
      </thead>
      <tbody>
        {statuses.map((status) => (
          <tr key={status}>
            <th scope="row">{DOSSIER_STATUS_LABELS[status]}</th>
            <td className="number">{counts[status] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
