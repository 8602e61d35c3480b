// The font every PDF of the portal is set in. pdfkit writes PDF's standard fonts (Helvetica…) in WinAnsi,
// which has no narrow no-break space, the one Intl puts in French amounts (« 20 000,00 € »). DejaVu Sans
// covers French typography (’ « » € …) and is embedded, subset to the glyphs a document uses.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The names fonts are used under, `doc.font(FONTS.bold)`: their PostScript names, as pdfkit knows them. */
export const FONTS = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

// Resolved in node_modules at run time, never imported nor made relative to this file: the Remix server
// bundle (build/index.js) keeps node_modules outside, where this resolves the same as under vitest.
const require = createRequire(import.meta.url);

let paths: { regular: string; bold: string } | undefined;

/** The TTF files on disk (throws at the first document if the font package is missing). */
export function fontPaths(): { regular: string; bold: string } {
  paths ??= {
    regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  };
  return paths;
}

/** A font parsed by fontkit, as pdfkit accepts it in place of a file (it only needs `layout`). */
type ParsedFont = { layout: (...args: never[]) => unknown };

let parsed: { regular: ParsedFont; bold: ParsedFont } | undefined;

/**
 * The two fonts parsed once per process: pdfkit would otherwise read and parse both TTF files for every
 * document, which cost more than drawing a receipt. Each document still embeds its own subset.
 */
export function parsedFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!parsed) {
    const fontkit = require("fontkit") as { create: (buffer: Uint8Array) => ParsedFont };
    const { regular, bold } = fontPaths();
    parsed = { regular: fontkit.create(readFileSync(regular)), bold: fontkit.create(readFileSync(bold)) };
  }
  return parsed;
}

/** Makes FONTS.regular and FONTS.bold usable with `doc.font(...)`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = parsedFonts();
  doc.registerFont(FONTS.regular, regular as never);
  doc.registerFont(FONTS.bold, bold as never);
}
