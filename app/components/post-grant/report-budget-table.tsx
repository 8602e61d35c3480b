// The budget table of a financial report as read (by the association once sent, by the instructor): each
// line's forecast beside the actual figure, the gap in euros and in percent, the lines beyond the rule set's
// threshold marked (in words, not by colour alone) with their explanation.
export interface ReportBudgetRow {
  id: string;
  label: string;
  forecast: string;
  actual: string;
  gap: string;
  gapPercent: string;
  beyondThreshold: boolean;
  explanation: string;
}

export function ReportBudgetTable({
  caption,
  rows,
  total,
}: {
  caption: string;
  rows: readonly ReportBudgetRow[];
  total: { forecast: string; actual: string; gap: string };
}) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Poste</th>
            <th scope="col" className="number">
              Prévu
            </th>
            <th scope="col" className="number">
              Réalisé
            </th>
            <th scope="col" className="number">
              Écart
            </th>
            <th scope="col" className="number">
              Écart %
            </th>
            <th scope="col">Explication</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6}>Aucune ligne.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className={row.beyondThreshold ? "report-gap" : undefined}>
                <th scope="row">{row.label}</th>
                <td className="number">{row.forecast}</td>
                <td className="number">{row.actual}</td>
                <td className="number">{row.gap}</td>
                <td className="number">
                  {row.gapPercent}
                  {row.beyondThreshold ? (
                    <strong className="report-gap__flag"> écart à justifier</strong>
                  ) : null}
                </td>
                <td>{row.explanation || "—"}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="number">{total.forecast}</td>
            <td className="number">{total.actual}</td>
            <td className="number">{total.gap}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
