// The equity advances' indicators for the Region and the funders: advances paid, repaid, outstanding and
// late, in total and by EU programme and by department. Pure: the service reads each advance's standing.
export interface AdvanceIndicatorRow {
  programme: string;
  department: string;
  paidCents: number;
  repaidCents: number;
  outstandingCents: number;
  lateCents: number;
}

export interface AdvanceGroup {
  label: string;
  advances: number;
  paidCents: number;
  repaidCents: number;
  outstandingCents: number;
  lateCents: number;
  /** Advances with something late. */
  lateAdvances: number;
}

export interface AdvanceIndicators {
  totals: AdvanceGroup;
  byProgramme: AdvanceGroup[];
  byDepartment: AdvanceGroup[];
}

function total(label: string, rows: readonly AdvanceIndicatorRow[]): AdvanceGroup {
  const sum = (pick: (row: AdvanceIndicatorRow) => number) =>
    rows.reduce((cents, row) => cents + pick(row), 0);
  return {
    label,
    advances: rows.length,
    paidCents: sum((row) => row.paidCents),
    repaidCents: sum((row) => row.repaidCents),
    outstandingCents: sum((row) => row.outstandingCents),
    lateCents: sum((row) => row.lateCents),
    lateAdvances: rows.filter((row) => row.lateCents > 0).length,
  };
}

function groupBy(
  rows: readonly AdvanceIndicatorRow[],
  key: (row: AdvanceIndicatorRow) => string,
): AdvanceGroup[] {
  const groups = new Map<string, AdvanceIndicatorRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()]
    .map(([label, members]) => total(label, members))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

export function advanceIndicators(rows: readonly AdvanceIndicatorRow[]): AdvanceIndicators {
  return {
    totals: total("Total", rows),
    byProgramme: groupBy(rows, (row) => row.programme),
    byDepartment: groupBy(rows, (row) => row.department),
  };
}

export const ADVANCE_INDICATOR_COLUMNS = [
  "Avances versées",
  "Montant versé",
  "Remboursé",
  "Reste à rembourser",
  "En retard",
  "Avances en retard",
] as const;
