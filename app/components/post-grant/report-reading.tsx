// A financial report as sent: the qualitative account, the budget tables with their gaps, the indicators.
import { ReportBudgetTable } from "./report-budget-table";
import type { ReportReadingView } from "./report-view";

export function ReportReading({ reading, threshold }: { reading: ReportReadingView; threshold: number }) {
  return (
    <>
      <h2>Compte rendu qualitatif</h2>
      <dl className="key-values">
        {reading.account.map((item) => (
          <div key={item.label}>
            <dt>{item.label}</dt>
            <dd className="preserve-lines">{item.value}</dd>
          </div>
        ))}
      </dl>
      <h2>Tableau budgétaire</h2>
      <p>
        {reading.gaps === 0
          ? `Aucun écart ne dépasse ${threshold}\u00a0% du prévu.`
          : `${reading.gaps === 1 ? "1 ligne s’écarte" : `${reading.gaps} lignes s’écartent`} de plus de ${threshold}\u00a0% du prévu (marquées «\u00a0écart à justifier\u00a0»).`}
      </p>
      <ReportBudgetTable caption="Charges" rows={reading.expenses.rows} total={reading.expenses.total} />
      <ReportBudgetTable caption="Produits" rows={reading.resources.rows} total={reading.resources.total} />
      {reading.indicators.length > 0 ? (
        <>
          <h2>Indicateurs atteints</h2>
          <dl className="key-values">
            {reading.indicators.map((item) => (
              <div key={item.label}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}
