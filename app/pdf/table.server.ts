// Tables: a header row repeated on every page, right-aligned amounts, rows never cut in two by a page break.
import { FONTS } from "~/pdf/fonts.server";
import { BODY_SIZE, COLORS, contentWidth, ensureSpace, left, type Doc } from "~/pdf/layout.server";

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

function columnWidths(doc: Doc, table: TableOptions): number[] {
  const all = [table.columns.map((column) => column.header), ...table.rows, table.total ?? []];
  doc.font(FONTS.bold).fontSize(TABLE_SIZE);
  const widest = table.columns.map((_, index) =>
    Math.max(...all.map((row) => doc.widthOfString(row[index] ?? ""))),
  );
  const wanted = table.columns.map((column, index) =>
    column.numeric ? widest[index]! + 2 * CELL_PADDING + 2 : 0,
  );
  const wantedTotal = wanted.reduce((sum, width) => sum + width, 0);
  // Amounts get the width they need, on one line, unless that would leave a text column under 80 points.
  const textColumns = table.columns.filter((column) => !column.numeric).length;
  const room = contentWidth(doc) - 80 * textColumns;
  const numericWidths = wanted.map((width) => (wantedTotal > room ? (width * room) / wantedTotal : width));
  const free = contentWidth(doc) - numericWidths.reduce((sum, width) => sum + width, 0);
  // Text columns share what is left in proportion to their content, within bounds, so a short « Catégorie »
  // does not get as much room as a long description.
  const weights = table.columns.map((column, index) =>
    column.numeric ? 0 : Math.min(Math.max(widest[index]!, 40), 260),
  );
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  return table.columns.map((column, index) =>
    column.numeric ? numericWidths[index]! : (free * weights[index]!) / totalWeight,
  );
}

function drawRow(
  doc: Doc,
  table: TableOptions,
  widths: number[],
  cells: readonly string[],
  style: "header" | "body" | "total",
): void {
  const font = style === "body" ? FONTS.regular : FONTS.bold;
  const top = doc.y;
  // A row taller than a page is cut at the bottom margin (its cells end in « … ») rather than run over.
  const height = Math.min(rowHeight(doc, widths, cells, style !== "body"), doc.page.maxY() - top);
  const x0 = left(doc);
  const fullWidth = contentWidth(doc);
  if (style === "header") doc.rect(x0, top, fullWidth, height).fill(COLORS.fill);
  if (style === "total") {
    doc
      .moveTo(x0, top)
      .lineTo(x0 + fullWidth, top)
      .lineWidth(0.8)
      .strokeColor(COLORS.brand)
      .stroke();
  }
  let x = x0;
  widths.forEach((width, index) => {
    doc
      .font(font)
      .fontSize(TABLE_SIZE)
      .fillColor(style === "header" ? COLORS.brand : COLORS.text)
      .text(cells[index] ?? "", x + CELL_PADDING, top + CELL_PADDING, {
        width: width - 2 * CELL_PADDING,
        align: table.columns[index]?.numeric ? "right" : "left",
        height: height - 2 * CELL_PADDING,
        ellipsis: true,
      });
    x += width;
  });
  if (style === "body") {
    doc
      .moveTo(x0, top + height)
      .lineTo(x0 + fullWidth, top + height)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke();
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
  if (table.caption) {
    doc.y += 6;
    doc.font(FONTS.bold).fontSize(BODY_SIZE).fillColor(COLORS.text).text(table.caption, left(doc), doc.y);
    doc.y += 4;
  }
  drawRow(doc, table, widths, headers, "header");
  table.rows.forEach((row, index) => {
    // The total travels with the last row, so it never stands alone at the top of a page.
    const height = rowHeight(doc, widths, row, false) + (index === table.rows.length - 1 ? totalHeight : 0);
    // The first row already has its room (see above); a later one that does not fit starts a new page.
    if (index > 0 && doc.y + height > doc.page.maxY()) {
      doc.addPage();
      drawRow(doc, table, widths, headers, "header");
    }
    drawRow(doc, table, widths, row, "body");
  });
  if (table.total) {
    if (doc.y + totalHeight > doc.page.maxY()) {
      doc.addPage();
      drawRow(doc, table, widths, headers, "header");
    }
    drawRow(doc, table, widths, table.total, "total");
  }
  doc.y += 8;
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}
