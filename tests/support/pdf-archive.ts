// What makes a PDF of the portal accessible and archivable, checked with tools nobody here wrote: qpdf finds
// no structural error; PDF.js (Firefox's reader) reads back the structure tree a screen reader follows; the
// XMP metadata identifies PDF/A-2a; the language is French; and the text read back, glyph by glyph through
// the fonts' Unicode maps, is the text the generator wrote (a glyph mapped to nothing shows as a missing
// letter: « ntre les soussignés »).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import PDFDocument from "pdfkit";
import { expect } from "vitest";

import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

import { pdfText, withPdf } from "./pdf-text";

/** Renders a document while noting every string the generator draws, in order. */
export async function renderRecorded(
  render: () => Promise<Buffer>,
): Promise<{ bytes: Buffer; written: string[] }> {
  const prototype = PDFDocument.prototype as unknown as { text: (...args: unknown[]) => unknown };
  const text = prototype.text;
  const written: string[] = [];
  prototype.text = function (this: unknown, ...args: unknown[]) {
    written.push(String(args[0] ?? ""));
    return text.apply(this, args);
  };
  try {
    return { bytes: await render(), written };
  } finally {
    prototype.text = text;
  }
}

interface StructNode {
  role?: string;
  type?: string;
  children?: StructNode[];
}

function roles(node: StructNode | null, into: string[] = []): string[] {
  if (!node) return into;
  if (node.role) into.push(node.role);
  for (const child of node.children ?? []) roles(child, into);
  return into;
}

const DRAWING: ReadonlySet<number> = new Set([
  OPS.showText,
  OPS.showSpacedText,
  OPS.constructPath,
  OPS.stroke,
  OPS.fill,
  OPS.fillStroke,
  OPS.paintImageXObject,
]);

/** How many text or path operators lie outside any marked-content sequence (BMC/BDC … EMC). */
function unmarkedDrawing(fnArray: number[]): number {
  let depth = 0;
  let count = 0;
  for (const fn of fnArray) {
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
    else if (fn === OPS.endMarkedContent) depth--;
    else if (depth === 0 && DRAWING.has(fn)) count++;
  }
  return count;
}

/** qpdf's verdict: exit status 0 and no warning. */
export function qpdfCheck(bytes: Uint8Array): string {
  const folder = mkdtempSync(join(tmpdir(), "pdf-check-"));
  try {
    const file = join(folder, "document.pdf");
    writeFileSync(file, bytes);
    return execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const compact = (text: string) => text.replace(/\s+/gu, "");

/**
 * Asserts the document is tagged PDF/A-2a in French, with at least the `roles` expected in its structure tree,
 * and that what it reads is what was `written`.
 */
export async function expectArchivable(
  recorded: { bytes: Buffer; written: string[] },
  expected: readonly string[],
): Promise<void> {
  const { bytes, written } = recorded;
  expect(qpdfCheck(bytes)).toContain("No syntax or stream encoding errors found");

  const { found, info, xmp, untagged } = await withPdf(bytes, async (pdf) => {
    const found = new Set<string>();
    let untagged = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      for (const role of roles((await page.getStructTree()) as StructNode | null)) found.add(role);
      untagged += unmarkedDrawing((await page.getOperatorList()).fnArray);
    }
    const { info, metadata } = await pdf.getMetadata();
    return { found, info: info as Record<string, unknown>, xmp: String(metadata?.getRaw() ?? ""), untagged };
  });
  // PDF/A-2a: everything drawn is either content of the structure tree or an artifact.
  expect(untagged, "text or paths drawn outside any marked content").toBe(0);
  expect([...found]).toEqual(expect.arrayContaining(["Document", "P", ...expected]));
  expect(info.Language).toBe("fr-FR");
  expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
  expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
  const raw = bytes.toString("latin1");
  expect(raw).toMatch(/\/DisplayDocTitle true/);
  expect(raw).toMatch(/\/MarkInfo/);
  expect(raw).toMatch(/\/OutputIntents/);

  // The text read back, page after page, is the text drawn, in order, character for character (spaces
  // aside: lines wrap). Footers are drawn last, two strings a page, but are read at the end of each page.
  const pages = (await pdfText(bytes)).split("\f").map(compact);
  const body = written.slice(0, -2 * pages.length).map(compact);
  const footers = written.slice(-2 * pages.length).map(compact);
  const read = pages.map((page, index) => {
    const footer = footers[2 * index]! + footers[2 * index + 1]!;
    expect(page.endsWith(footer), `page ${index + 1} ends with its footer`).toBe(true);
    return page.slice(0, page.length - footer.length);
  });
  expect(read.join("")).toBe(body.join(""));
}

/** Renders a document, checks it as `expectArchivable` does, and gives its bytes for the test's other checks. */
export async function archived(render: () => Promise<Buffer>, expected: readonly string[]): Promise<Buffer> {
  const recorded = await renderRecorded(render);
  await expectArchivable(recorded, expected);
  return recorded.bytes;
}
