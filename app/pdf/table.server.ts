// Tables: a header row repeated on every page, right-aligned amounts, rows never cut in two by a page break.
import { FONTS } from "~/pdf/fonts.server";
import { BODY_SIZE, COLORS, contentWidth, ensureSpace, left, type Doc } from "~/pdf/layout.server";
import { artifact, group, tag } from "~/pdf/structure.server";

const TABLE_SIZE = 9;
const CELL_PADDING = 4;

export interface TableColumn {
  header: string;
  /** Amounts and other numbers: right-aligned, and sized to their content rather than shared out. */
  numeric?: boolean;
}

export interface TableOptions {
  caption?: string;
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
  /** A last row in bold (« Total »), kept on the same page as the row above it. */
  total?: readonly string[];
}

/** The longest piece of a cell that must stay on one line: a word, or the whole cell for a number. */
function unbreakable(doc: Doc, cell: string, numeric: boolean): number {
  if (numeric) return doc.widthOfString(cell);
  return Math.max(0, ...cell.split(/[ \t\n]+/u).map((word) => doc.widthOfString(word)));
}

/**
 * Columns sized to their content, as a browser lays out a table: each gets at least its longest word (a
 * number, its whole text), so nothing is broken mid-word, then the room left goes to the columns whose text
 * would wrap, in proportion to how much more they want. Only when even the words cannot fit side by side
 * are text columns narrowed below them (numbers keep their width).
 */
function columnWidths(doc: Doc, table: TableOptions): number[] {
  const all = [table.columns.map((column) => column.header), ...table.rows, table.total ?? []];
  // Measured in bold, the widest of the fonts a cell is drawn in (header and total rows).
  doc.font(FONTS.bold).fontSize(TABLE_SIZE);
  const available = contentWidth(doc);
  const pad = 2 * CELL_PADDING + 1;
  const minimum = table.columns.map((column, index) =>
    Math.min(
      Math.max(
        ...all.map((row, rowIndex) => unbreakable(doc, row[index] ?? "", !!column.numeric && rowIndex > 0)),
      ) + pad,
      available * 0.45,
    ),
  );
  const maximum = table.columns.map((_, index) =>
    Math.max(minimum[index]!, Math.max(...all.map((row) => doc.widthOfString(row[index] ?? ""))) + pad),
  );
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const minTotal = sum(minimum);
  if (minTotal >= available) {
    // Not even the words fit: numbers keep theirs, text columns share the rest in proportion.
    const numeric = sum(minimum.filter((_, index) => table.columns[index]!.numeric));
    const text = minTotal - numeric;
    const room = Math.max(available - numeric, 0);
    return minimum.map((width, index) =>
      table.columns[index]!.numeric || text === 0 ? width : (width * room) / text,
    );
  }
  const wants = maximum.map((width, index) => width - minimum[index]!);
  const wanted = sum(wants);
  const extra = available - minTotal;
  if (wanted > extra) return minimum.map((width, index) => width + (extra * wants[index]!) / wanted);
  // Everything fits on one line: the text columns share what is left, so the table spans the page.
  const left = extra - wanted;
  const textMaxima = maximum.map((width, index) => (table.columns[index]!.numeric ? 0 : width));
  const textTotal = sum(textMaxima);
  return maximum.map((width, index) =>
    textTotal === 0 ? width + left / maximum.length : width + (left * textMaxima[index]!) / textTotal,
  );
}

/**
 * A row of the structure tree (TR with a TH per header cell, a TD per other cell), or, for a header
 * repeated on a new page, an artifact: a screen reader has read that header once already.
 */
function drawRow(
  doc: Doc,
  table: TableOptions,
  widths: number[],
  cells: readonly string[],
  style: "header" | "body" | "total",
  repeated = false,
): void {
  if (repeated) artifact(doc, () => drawCells(doc, table, widths, cells, style, null), "Pagination");
  else group(doc, "TR", () => drawCells(doc, table, widths, cells, style, style === "header" ? "TH" : "TD"));
}

function drawCells(
  doc: Doc,
  table: TableOptions,
  widths: number[],
  cells: readonly string[],
  style: "header" | "body" | "total",
  role: "TH" | "TD" | null,
): void {
  const decoration = (draw: () => void) => (role ? artifact(doc, draw) : draw());
  const font = style === "body" ? FONTS.regular : FONTS.bold;
  const top = doc.y;
  // A row taller than a page is cut at the bottom margin (its cells end in « … ») rather than run over.
  const height = Math.min(rowHeight(doc, widths, cells, style !== "body"), doc.page.maxY() - top);
  const x0 = left(doc);
  const fullWidth = contentWidth(doc);
  if (style === "header") decoration(() => doc.rect(x0, top, fullWidth, height).fill(COLORS.fill));
  if (style === "total") {
    decoration(() =>
      doc
        .moveTo(x0, top)
        .lineTo(x0 + fullWidth, top)
        .lineWidth(0.8)
        .strokeColor(COLORS.brand)
        .stroke(),
    );
  }
  let x = x0;
  widths.forEach((width, index) => {
    const cellX = x;
    const draw = () =>
      doc
        .font(font)
        .fontSize(TABLE_SIZE)
        .fillColor(style === "header" ? COLORS.brand : COLORS.text)
        .text(cells[index] ?? "", cellX + CELL_PADDING, top + CELL_PADDING, {
          width: width - 2 * CELL_PADDING,
          align: table.columns[index]?.numeric ? "right" : "left",
          height: height - 2 * CELL_PADDING,
          ellipsis: true,
        });
    if (role) tag(doc, role, draw, role === "TH" ? { scope: "Column" } : {});
    else draw();
    x += width;
  });
  if (style === "body") {
    decoration(() =>
      doc
        .moveTo(x0, top + height)
        .lineTo(x0 + fullWidth, top + height)
        .lineWidth(0.4)
        .strokeColor(COLORS.rule)
        .stroke(),
    );
  }
  doc.x = x0;
  doc.y = top + height;
}

function rowHeight(doc: Doc, widths: number[], cells: readonly string[], bold: boolean): number {
  doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(TABLE_SIZE);
  const heights = widths.map((width, index) =>
    doc.heightOfString(cells[index] ?? "", { width: width - 2 * CELL_PADDING }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING;
}

/** The most a fresh page holds under `above` points (caption, header): a taller row is cut to that. */
const fullPage = (doc: Doc, above: number) => doc.page.maxY() - doc.page.margins.top - above;

/** A table whose header row is repeated on every page it runs onto. */
export function drawTable(doc: Doc, table: TableOptions): void {
  const widths = columnWidths(doc, table);
  const headers = table.columns.map((column) => column.header);
  const headerHeight = rowHeight(doc, widths, headers, true);
  const totalHeight = table.total ? rowHeight(doc, widths, table.total, true) : 0;
  const firstHeight = table.rows[0] ? rowHeight(doc, widths, table.rows[0], false) : 0;
  const captionHeight = table.caption ? 24 : 0;
  // The caption and header never stand alone: at least one row (and the total, if it comes next) follows.
  const firstRows = firstHeight + (table.rows.length <= 1 ? totalHeight : 0);
  ensureSpace(
    doc,
    captionHeight + headerHeight + Math.min(firstRows, fullPage(doc, captionHeight + headerHeight)),
  );
  group(doc, "Table", () => {
    if (table.caption) {
      doc.y += 6;
      const caption = table.caption;
      tag(doc, "Caption", () =>
        doc.font(FONTS.bold).fontSize(BODY_SIZE).fillColor(COLORS.text).text(caption, left(doc), doc.y),
      );
      doc.y += 4;
    }
    group(doc, "THead", () => drawRow(doc, table, widths, headers, "header"));
    group(doc, "TBody", () =>
      table.rows.forEach((row, index) => {
        // The total travels with the last row, so it never stands alone at the top of a page.
        const height =
          rowHeight(doc, widths, row, false) + (index === table.rows.length - 1 ? totalHeight : 0);
        // The first row already has its room (see above); a later one that does not fit starts a new page.
        if (index > 0 && doc.y + height > doc.page.maxY()) {
          doc.addPage();
          drawRow(doc, table, widths, headers, "header", true);
        }
        drawRow(doc, table, widths, row, "body");
      }),
    );
    const total = table.total;
    if (total) {
      group(doc, "TFoot", () => {
        if (doc.y + totalHeight > doc.page.maxY()) {
          doc.addPage();
          drawRow(doc, table, widths, headers, "header", true);
        }
        drawRow(doc, table, widths, total, "total");
      });
    }
  });
  doc.y += 8;
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}
