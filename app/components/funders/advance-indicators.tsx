// The equity advances' indicators as data tables: by EU programme and by department, with the total row and
// the CSV of both.
import { formatEuros } from "~/domain/format";
import {
  ADVANCE_INDICATOR_COLUMNS,
  type AdvanceGroup,
  type AdvanceIndicators,
} from "~/domain/post-grant/advance-indicators";

function GroupTable({
  id,
  caption,
  groups,
  total,
}: {
  id: string;
  caption: string;
  groups: AdvanceGroup[];
  total: AdvanceGroup;
}) {
  const cells = (group: AdvanceGroup) => [
    String(group.advances),
    formatEuros(group.paidCents),
    formatEuros(group.repaidCents),
    formatEuros(group.outstandingCents),
    formatEuros(group.lateCents),
    String(group.lateAdvances),
  ];
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Catégorie</th>
            {ADVANCE_INDICATOR_COLUMNS.map((column) => (
              <th key={column} scope="col" className="number">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...groups, total].map((group) => (
            <tr key={group.label}>
              <th scope="row">{group.label}</th>
              {cells(group).map((cell, index) => (
                <td key={ADVANCE_INDICATOR_COLUMNS[index]} className="number">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AdvanceIndicatorTables({ indicators }: { indicators: AdvanceIndicators }) {
  return (
    <>
      <h2>Avances en fonds propres (Mesure 16)</h2>
      {indicators.totals.advances === 0 ? (
        <p>Aucune avance versée pour l’instant.</p>
      ) : (
        <>
          <GroupTable
            id="avances-programmes"
            caption="Avances par programme européen"
            groups={indicators.byProgramme}
            total={indicators.totals}
          />
          <GroupTable
            id="avances-departements"
            caption="Avances par département"
            groups={indicators.byDepartment}
            total={indicators.totals}
          />
        </>
      )}
      <p>
        <a href="/financeurs/indicateurs/avances.csv" download>
          Télécharger les indicateurs des avances (CSV)
        </a>
      </p>
    </>
  );
}
