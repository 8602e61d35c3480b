// What every PDF of the portal shares: A4 in French, the Region's header and colour, « Page N / M » footers,
// headings, label/value lists and tables that break across pages without cutting a row in two.
import PDFDocument from "pdfkit";

import { formatBytes } from "~/domain/uploads";
import { FONTS, parsedFonts, registerFonts } from "~/pdf/fonts.server";
import { escapeXmpInfo } from "~/pdf/metadata.server";
import { artifact, heading, initStructure, list, listItem, paragraph } from "~/pdf/structure.server";

export type Doc = PDFKit.PDFDocument;

export const REGION_NAME = "Région Centre-Val de Loire";

export const COLORS = {
  brand: "#12355b",
  text: "#1f2328",
  muted: "#555e6b",
  rule: "#c5cfdb",
  fill: "#e9eef4",
} as const;

// The bottom margin leaves room for the footer, which is drawn below it once every page exists.
const MARGINS = { top: 50, bottom: 70, left: 56, right: 56 };
const FOOTER_OFFSET = 42;
export const BODY_SIZE = 10;

export function createDocument(options: {
  title: string;
  subject?: string;
  createdAt: Date;
  /** Wide tables (an agenda of dossiers) read better across the page. */
  layout?: "portrait" | "landscape";
}): Doc {
  const doc = new PDFDocument({
    size: "A4",
    layout: options.layout ?? "portrait",
    margins: MARGINS,
    // Page numbers need the page count, known only at the end: keep pages in memory until then.
    bufferPages: true,
    pdfVersion: "1.7",
    // PDF/A-2a: archivable (fonts embedded, sRGB output intent, XMP identification) and tagged.
    subset: "PDF/A-2a",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    // Instead of pdfkit’s default, Helvetica, which cannot print a narrow no-break space.
    font: parsedFonts().regular as never,
    info: {
      Title: options.title,
      Author: REGION_NAME,
      Subject: options.subject,
      Creator: "Portail des financements de l’économie sociale et solidaire",
      CreationDate: options.createdAt,
    },
  });
  registerFonts(doc);
  escapeXmpInfo(doc);
  initStructure(doc);
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
  return doc;
}

/** The width between the left and right margins. */
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const left = (doc: Doc) => doc.page.margins.left;

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** The Region's header, at the top of the first page. */
export function drawRegionHeader(doc: Doc): void {
  const x = left(doc);
  paragraph(doc, () =>
    doc.font(FONTS.bold).fontSize(14).fillColor(COLORS.brand).text(REGION_NAME, x, doc.page.margins.top),
  );
  paragraph(doc, () =>
    doc
      .font(FONTS.regular)
      .fontSize(9.5)
      .fillColor(COLORS.muted)
      .text("Portail des financements de l’économie sociale et solidaire"),
  );
  const ruleY = doc.y + 6;
  rule(doc, x, ruleY, 1.5, COLORS.brand);
  doc.x = x;
  doc.y = ruleY + 22;
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}

/** The document's title, in large type. */
export function drawTitle(doc: Doc, text: string, size = 20): void {
  heading(doc, 1, () =>
    doc.font(FONTS.bold).fontSize(size).fillColor(COLORS.brand).text(text, left(doc), doc.y),
  );
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}

/** A horizontal rule across the page, `y` points down: an artifact, skipped by a screen reader. */
function rule(doc: Doc, x: number, y: number, width: number, color: string): void {
  artifact(doc, () =>
    doc
      .moveTo(x, y)
      .lineTo(x + contentWidth(doc), y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke(),
  );
}

/** A paragraph of body text, wrapping and flowing onto the next page if need be. */
export function drawParagraph(doc: Doc, text: string, options: { size?: number; color?: string } = {}): void {
  paragraph(doc, () =>
    doc
      .font(FONTS.regular)
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.color ?? COLORS.text)
      .text(text, left(doc), doc.y, { width: contentWidth(doc), lineGap: 1.5 }),
  );
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}

/** A section heading with a thin rule; kept with at least a few lines of what follows it. */
export function drawHeading(doc: Doc, text: string): void {
  doc.moveDown(1.1);
  ensureSpace(doc, 70);
  const x = left(doc);
  heading(doc, 2, () =>
    doc
      .font(FONTS.bold)
      .fontSize(12.5)
      .fillColor(COLORS.brand)
      .text(text, x, doc.y, { width: contentWidth(doc) }),
  );
  const ruleY = doc.y + 2;
  rule(doc, x, ruleY, 0.5, COLORS.rule);
  doc.y = ruleY + 7;
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}

const LONG_VALUE = 150;

/** Labels on the left, values on the right; long values wrap and flow onto the following pages. */
export function drawKeyValues(doc: Doc, items: ReadonlyArray<{ label: string; value: string }>): void {
  list(doc, () => items.forEach((item) => drawKeyValue(doc, item)));
  doc.x = left(doc);
}

/** One label and its value: a list item whose label is the Lbl and whose value is the LBody. */
function drawKeyValue(doc: Doc, { label, value }: { label: string; value: string }): void {
  const x = left(doc);
  const labelWidth = Math.round(contentWidth(doc) * 0.34);
  const valueX = x + labelWidth + 12;
  const valueWidth = contentWidth(doc) - labelWidth - 12;
  const labelHeight = doc.font(FONTS.regular).fontSize(9).heightOfString(label, { width: labelWidth });
  const valueHeight = doc
    .font(FONTS.regular)
    .fontSize(BODY_SIZE)
    .heightOfString(value || "—", { width: valueWidth, lineGap: 1.5 });
  const height = Math.max(labelHeight, valueHeight);
  // A short pair moves to the next page whole; a long text starts where it is, if three lines fit, rather
  // than leave most of a page blank.
  ensureSpace(doc, height <= LONG_VALUE ? height : 3 * doc.currentLineHeight(true));

  const top = doc.y;
  const page = doc.page;
  let labelBottom = top;
  listItem(
    doc,
    () => {
      doc
        .font(FONTS.regular)
        .fontSize(9)
        .fillColor(COLORS.muted)
        .text(label, x, top + 1, { width: labelWidth });
      labelBottom = doc.y;
    },
    () =>
      doc
        .font(FONTS.regular)
        .fontSize(BODY_SIZE)
        .fillColor(COLORS.text)
        .text(value || "—", valueX, top, { width: valueWidth, lineGap: 1.5 }),
  );
  // After a value that flowed onto another page, the label's bottom belongs to the previous page.
  doc.y = (doc.page === page ? Math.max(doc.y, labelBottom) : doc.y) + 5;
}

export interface AttachmentEntry {
  label: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** The attached files under their heading: what each is, its name and size, and its SHA-256. */
export function drawAttachments(doc: Doc, attachments: readonly AttachmentEntry[]): void {
  drawHeading(doc, `Pièces jointes (${attachments.length})`);
  if (attachments.length === 0) drawParagraph(doc, "Aucune pièce jointe.");
  if (attachments.length > 0)
    list(doc, () => attachments.forEach((attachment) => drawAttachment(doc, attachment)));
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}

function drawAttachment(doc: Doc, attachment: AttachmentEntry): void {
  const x = left(doc);
  ensureSpace(doc, 46);
  listItem(doc, null, () => {
    doc
      .font(FONTS.bold)
      .fontSize(BODY_SIZE)
      .fillColor(COLORS.text)
      .text(attachment.label, x, doc.y, {
        width: contentWidth(doc),
      });
    doc
      .font(FONTS.regular)
      .fontSize(9)
      .text(`${attachment.fileName} — ${formatBytes(attachment.sizeBytes)}`, { width: contentWidth(doc) });
    // Small enough for the 64 hexadecimal digits to stay on one line, so they can be copied in one piece.
    doc
      .fontSize(7.5)
      .fillColor(COLORS.muted)
      .text(`SHA-256\u00a0: ${attachment.sha256}`, { width: contentWidth(doc) });
  });
  doc.moveDown(0.7);
}

/** « Page N / M » on every page, with the document's name on the left; call once all content is drawn. */
export function drawFooters(doc: Doc, label: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    // The footer sits inside the bottom margin, where pdfkit would otherwise start yet another page.
    doc.page.margins.bottom = 0;
    artifact(doc, () => drawFooter(doc, label, index - range.start + 1, range.count), "Pagination");
    doc.page.margins.bottom = bottomMargin;
  }
}

function drawFooter(doc: Doc, label: string, page: number, count: number): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const y = doc.page.height - FOOTER_OFFSET;
  doc
    .moveTo(x, y - 6)
    .lineTo(x + width, y - 6)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted);
  const pageLabel = `Page ${page} / ${count}`;
  const pageLabelWidth = doc.widthOfString(pageLabel) + 2;
  // One line at most, cut with « … », so a long name never runs into the page number.
  doc.text(label, x, y, {
    width: width - pageLabelWidth - 12,
    height: doc.currentLineHeight(),
    ellipsis: true,
  });
  doc.text(pageLabel, x + width - pageLabelWidth, y, {
    width: pageLabelWidth,
    align: "right",
    lineBreak: false,
  });
}

/** Ends the document and resolves with its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
