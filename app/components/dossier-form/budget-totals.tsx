// The budget's totals as the person types: expenses, resources, what is left to balance, the Region's share.
import { budgetTotals, type BudgetLine } from "~/domain/budget";
import { formatEuros, parseEuros } from "~/domain/format";

function lines(rows: unknown, side: BudgetLine["side"]): BudgetLine[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: Record<string, unknown>) => {
    const parsed = typeof row?.amount === "string" && row.amount.trim() ? parseEuros(row.amount) : null;
    return parsed?.ok
      ? [
          {
            side,
            category: String(row.category ?? ""),
            label: String(row.label ?? ""),
            amountCents: parsed.cents,
          },
        ]
      : [];
  });
}

export function BudgetTotals({ values }: { values: Record<string, unknown> }) {
  const totals = budgetTotals([...lines(values.expenses, "EXPENSE"), ...lines(values.resources, "RESOURCE")]);
  return (
    <div className="budget-totals" role="status" aria-live="polite" aria-atomic="true">
      <h3>Totaux</h3>
      <dl>
        <div>
          <dt>Total des dépenses</dt>
          <dd>{formatEuros(totals.expensesCents)}</dd>
        </div>
        <div>
          <dt>Total des ressources</dt>
          <dd>{formatEuros(totals.resourcesCents)}</dd>
        </div>
        <div>
          <dt>Montant demandé à la Région</dt>
          <dd>
            {formatEuros(totals.regionRequestCents)}
            {totals.regionSharePercent !== null
              ? ` (${totals.regionSharePercent.toLocaleString("fr-FR")}\u202f% des dépenses)`
              : ""}
          </dd>
        </div>
      </dl>
      <p
        className={
          totals.gapCents === 0
            ? "budget-totals__balance"
            : "budget-totals__balance budget-totals__balance--off"
        }
      >
        {totals.gapCents === 0
          ? totals.expensesCents > 0
            ? "Le plan de financement est équilibré."
            : "Saisissez les dépenses et les ressources du projet."
          : totals.gapCents < 0
            ? `Il manque ${formatEuros(-totals.gapCents)} de ressources pour équilibrer le plan.`
            : `Les ressources dépassent les dépenses de ${formatEuros(totals.gapCents)}.`}
      </p>
    </div>
  );
}
