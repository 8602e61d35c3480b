// A dossier's expense or resource lines as a table, for the pages that show a budget (instruction, funders).
export interface BudgetLineRow {
  category: string;
  label: string;
  /** Already formatted, e.g. « 12 000,00 € ». */
  amount: string;
}

export function BudgetLinesTable({
  caption,
  lines,
  total,
  id,
}: {
  caption: string;
  lines: readonly BudgetLineRow[];
  /** The formatted total, shown in a footer row when given and there are lines. */
  total?: string;
  /** The caption's id, when the page links to it; the region is then labelled by it. */
  id?: string;
}) {
  return (
    <div
      className="table-scroll"
      role="region"
      {...(id ? { "aria-labelledby": id } : { "aria-label": caption })}
      tabIndex={0}
    >
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Catégorie</th>
            <th scope="col">Libellé</th>
            <th scope="col" className="number">
              Montant
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 ? (
            <tr>
              <td colSpan={3}>Aucune ligne.</td>
            </tr>
          ) : (
            lines.map((line, index) => (
              <tr key={index}>
                <td>{line.category}</td>
                <td>{line.label || "—"}</td>
                <td className="number">{line.amount}</td>
              </tr>
            ))
          )}
        </tbody>
        {total !== undefined && lines.length > 0 ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td className="number">{total}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
