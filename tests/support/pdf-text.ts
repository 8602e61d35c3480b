// The text of the PDFs the portal writes, page after page, as PDF.js (Firefox's reader) decodes it: the
// tests check the document as it is read rather than as it was written, and need no system tool.
import { getDocument, OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

// PDF.js looks here for its worker's message handler before importing the worker file: loading it in this
// thread keeps everything in-process, with no worker file to locate from inside the test runner.
const globals = globalThis as typeof globalThis & { pdfjsWorker?: unknown };
// @ts-expect-error -- the worker module ships without types; PDF.js only reads its WorkerMessageHandler.
globals.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");

interface Glyph {
  unicode: string;
  width: number;
}
type Matrix = ArrayLike<number>;

/** Runs whose baselines differ by less than this share of the font size are on the same line. */
const SAME_LINE = 0.4;
/** A gap wider than this share of the font size between two runs of a line reads as a space. */
const WORD_GAP = 0.15;

/**
 * Every page's text, pages separated by a form feed and lines by a newline. Characters are the ones the
 * document encodes, narrow no-break spaces included: PDF.js's own `getTextContent` turns every kind of
 * space into U+0020, so this reads the glyphs of each text-showing operator instead, and only joins them.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return withPdf(bytes, async (pdf) => {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const { fnArray, argsArray } = await page.getOperatorList();
      pages.push(pageText(fnArray, argsArray as unknown[][]));
    }
    return pages.join("\f");
  });
}

/** The document information dictionary: Title, Author, CreationDate (« D:YYYYMMDDHHmmSSZ »)… */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  return withPdf(bytes, async (pdf) => (await pdf.getMetadata()).info as Record<string, unknown>);
}

export async function withPdf<T>(bytes: Uint8Array, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const task = getDocument({
    // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    return await read(await task.promise);
  } finally {
    await task.destroy();
  }
}

// pdfkit writes each run of text as its own BT … Tm … Tf … TJ … ET block, under the same page transform,
// so the text matrix alone places a run.
function pageText(fnArray: number[], argsArray: unknown[][]): string {
  let text = "";
  let x = 0;
  let y = 0;
  let size = 12;
  let previous: { y: number; endX: number } | null = null;
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] ?? [];
    if (fn === OPS.setTextMatrix) {
      const matrix = (args.length === 1 ? args[0] : args) as Matrix;
      x = matrix[4] ?? 0;
      y = matrix[5] ?? 0;
    } else if (fn === OPS.moveText) {
      x += Number(args[0]);
      y += Number(args[1]);
    } else if (fn === OPS.setFont) {
      size = Number(args[1]);
    } else if (fn === OPS.showText) {
      const items = args[0] as Array<Glyph | number>;
      let width = 0;
      let run = "";
      for (const item of items) {
        // Numbers are TJ adjustments, in thousandths of the font size, that move the next glyph left.
        if (typeof item === "number") width -= item;
        else {
          run += item.unicode;
          width += item.width;
        }
      }
      if (previous) {
        if (Math.abs(previous.y - y) > SAME_LINE * size) text += "\n";
        else if (x - previous.endX > WORD_GAP * size) text += " ";
      }
      text += run;
      previous = { y, endX: x + (width * size) / 1000 };
    }
  });
  return text;
}

/** The text of a PDF the portal stored, read back from its storage. */
export async function storedPdfText(
  storage: { get(key: string): Promise<AsyncIterable<Uint8Array>> },
  key: string,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await storage.get(key)) chunks.push(chunk);
  return pdfText(Buffer.concat(chunks));
}
