// A horizontal bar chart drawn as inline SVG, with its data table beside it (never hidden: the table is how
// screen-reader users and anyone who prefers numbers read the chart) and the data as a CSV download.
// Bars are navy on white (contrast above 12:1), labels dark grey; a bar with no value draws nothing and
// says why in words.

export interface ChartBar {
  label: string;
  /** null: nothing to draw (e.g. too few dossiers to publish); `valueLabel` says why. */
  value: number | null;
  /** The value as written beside the bar, in French. */
  valueLabel: string;
}

export interface ChartTable {
  caption: string;
  /** The header of the row headers' column, then the data columns (right-aligned numbers). */
  columns: [string, ...string[]];
  rows: { header: string; cells: string[] }[];
}

export interface BarChartProps {
  /** Unique on the page: ids of the title, description and table caption derive from it. */
  id: string;
  title: string;
  /** One sentence telling what the bars measure, read by screen readers with the title. */
  description: string;
  bars: ChartBar[];
  table: ChartTable;
  csvHref: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 240;
const VALUE_SPACE = 150;
const LINE_HEIGHT = 17;
const BAR_HEIGHT = 22;
const ROW_GAP = 14;
const LABEL_CHARS = 30;

/** Splits a label into lines of at most ~30 characters, on spaces, so long scheme names stay readable. */
export function wrapLabel(label: string, width = LABEL_CHARS): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function BarChart({ id, title, description, bars, table, csvHref }: BarChartProps) {
  const max = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const scale = (value: number) => (max > 0 ? (value / max) * (WIDTH - LABEL_WIDTH - VALUE_SPACE) : 0);
  let y = ROW_GAP / 2;
  const rows = bars.map((bar) => {
    const lines = wrapLabel(bar.label);
    const height = Math.max(BAR_HEIGHT, lines.length * LINE_HEIGHT);
    const row = { bar, lines, top: y, height };
    y += height + ROW_GAP;
    return row;
  });
  const height = Math.max(y, 40);

  return (
    <figure className="bar-chart">
      <figcaption id={`${id}-caption`} className="bar-chart__caption">
        {title}
      </figcaption>
      <div className="bar-chart__body">
        <svg
          className="bar-chart__svg"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          preserveAspectRatio="xMinYMin meet"
          focusable="false"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>
            {description} {bars.map((bar) => `${bar.label} : ${bar.valueLabel}`).join(" ; ")}.
          </desc>
          <line className="bar-chart__axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} />
          {rows.map(({ bar, lines, top, height: rowHeight }) => {
            const middle = top + rowHeight / 2;
            const width = bar.value === null ? 0 : scale(bar.value);
            return (
              <g key={bar.label}>
                <text
                  className="bar-chart__label"
                  x={LABEL_WIDTH - 10}
                  y={middle - ((lines.length - 1) * LINE_HEIGHT) / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                >
                  {lines.map((line, index) => (
                    <tspan key={line} x={LABEL_WIDTH - 10} dy={index === 0 ? 0 : LINE_HEIGHT}>
                      {line}
                    </tspan>
                  ))}
                </text>
                {width > 0 ? (
                  <rect
                    className="bar-chart__bar"
                    x={LABEL_WIDTH}
                    y={middle - BAR_HEIGHT / 2}
                    width={Math.max(width, 2)}
                    height={BAR_HEIGHT}
                  />
                ) : null}
                <text
                  className={
                    bar.value === null ? "bar-chart__value bar-chart__value--none" : "bar-chart__value"
                  }
                  x={LABEL_WIDTH + Math.max(width, 0) + 8}
                  y={middle}
                  dominantBaseline="middle"
                >
                  {bar.valueLabel}
                </text>
              </g>
            );
          })}
        </svg>
        <div className="table-scroll" role="region" aria-labelledby={`${id}-table`} tabIndex={0}>
          <table className="bar-chart__table">
            <caption id={`${id}-table`}>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((column, index) => (
                  <th key={column} scope="col" className={index === 0 ? undefined : "number"}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.header}>
                  <th scope="row">{row.header}</th>
                  {row.cells.map((cell, index) => (
                    <td key={index} className="number">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="bar-chart__download">
        <a href={csvHref} download>
          Télécharger les données (CSV)<span className="visually-hidden"> — {title}</span>
        </a>
      </p>
    </figure>
  );
}
