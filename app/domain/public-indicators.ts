// The indicators as the public pages publish them: every cell of fewer than 3 dossiers hidden, and enough
// others that no hidden cell can be worked out from the totals.
import { SERIES_IDS, type Indicators, type SeriesId, type SeriesRow } from "./indicators";

/** Fewer dossiers than this in a public cell and it is not published. */
export const SMALL_CELL_THRESHOLD = 3;
export const SMALL_CELL_LABEL = "moins de 3";
export const WITHHELD_LABEL = "non diffusé";

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Why a public cell is empty: too few dossiers, or withheld so that the small ones cannot be deduced. */
export type Suppression = "small" | "withheld" | null;

export interface PublicSeriesRow {
  key: string;
  label: string;
  suppressed: Suppression;
  dossiers: number | null;
  requestedCents: number | null;
  grantedCents: number | null;
}

/** A key figure, or null when too few dossiers stand behind it. */
type Figure<T> = T | null;

export interface PublicIndicators {
  years: number[];
  totals: Figure<Indicators["totals"]>;
  series: Record<SeriesId, PublicSeriesRow[]>;
  jobs: Figure<Indicators["jobs"]>;
  cooperatives: Figure<Indicators["cooperatives"]>;
  leverage: Figure<Indicators["leverage"]>;
  epci: Figure<Indicators["epci"]>;
}

const small = (count: number) => count < SMALL_CELL_THRESHOLD;
/** « None » or « all » tells nothing about one dossier; « 1 or 2 of them » does. */
const revealing = (count: number) => count > 0 && small(count);

/**
 * Hides every cell of fewer than 3 dossiers; then, while the hidden cells together hold 1 or 2 dossiers
 * (which the published total would give away), hides the smallest published cell as well.
 */
export function suppressSeries(rows: SeriesRow[]): PublicSeriesRow[] {
  const status = new Map<string, Suppression>(
    rows.map((row) => [row.key, small(row.dossiers) ? "small" : null]),
  );
  const hiddenCount = () => sum(rows.filter((row) => status.get(row.key)).map((row) => row.dossiers));
  while (hiddenCount() > 0 && small(hiddenCount())) {
    const next = rows
      .filter((row) => !status.get(row.key))
      .sort((a, b) => a.dossiers - b.dossiers || a.requestedCents - b.requestedCents)[0];
    if (!next) break;
    status.set(next.key, "withheld");
  }
  return rows.map((row) => {
    const suppressed = status.get(row.key) ?? null;
    return suppressed
      ? {
          key: row.key,
          label: row.label,
          suppressed,
          dossiers: null,
          requestedCents: null,
          grantedCents: null,
        }
      : { ...row, suppressed };
  });
}

/** The same indicators with no cell, key figure or total resting on fewer than 3 dossiers. */
export function publicIndicators(indicators: Indicators): PublicIndicators {
  const { totals, jobs, cooperatives, leverage, epci } = indicators;
  const series = Object.fromEntries(
    SERIES_IDS.map((id) => [id, suppressSeries(indicators.series[id])]),
  ) as Record<SeriesId, PublicSeriesRow[]>;
  return {
    years: indicators.years,
    totals: small(totals.dossiers) ? null : totals,
    series,
    jobs: small(jobs.dossiers) ? null : jobs,
    cooperatives: small(cooperatives.dossiers) ? null : cooperatives,
    leverage: small(leverage.dossiers) ? null : leverage,
    // The share of co-financed dossiers tells how many there are: both parts must be large enough.
    epci:
      small(epci.dossiers) || revealing(epci.cofinanced) || revealing(epci.dossiers - epci.cofinanced)
        ? null
        : epci,
  };
}

/** A public cell as it reads: the number, or why it is not published. */
export function publicCellLabel(row: PublicSeriesRow, value: number | null, format: (n: number) => string) {
  if (row.suppressed === "small") return SMALL_CELL_LABEL;
  if (row.suppressed === "withheld" || value === null) return WITHHELD_LABEL;
  return format(value);
}
