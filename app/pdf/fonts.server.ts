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
type Glyph = { codePoints: number[] };
type GlyphSource = { getGlyph: (id: number, codePoints?: number[]) => Glyph | null };

/**
 * pdfkit writes a glyph's Unicode mapping (ToUnicode: what copying, searching and screen readers read) from
 * `glyph.codePoints`, and fontkit caches each glyph, with the characters it was first asked for, for the
 * life of the parsed font, shared here by every document. Subsetting a composite glyph (« É » is E plus an
 * accent) asks for its parts with no characters: after a document with a bold « É » and no bold « E », the
 * E of every later document was mapped to nothing, and « Entre » read « ntre ». A glyph met again through
 * text gets the characters it stands for.
 */
function keepCodePoints(font: ParsedFont): ParsedFont {
  const source = font as unknown as GlyphSource;
  const getGlyph = source.getGlyph.bind(font);
  source.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

let parsed: { regular: ParsedFont; bold: ParsedFont } | undefined;

/**
 * The two fonts parsed once per process: pdfkit would otherwise read and parse both TTF files for every
 * document, which cost more than drawing a receipt. Each document still embeds its own subset.
 */
export function parsedFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!parsed) {
    const fontkit = require("fontkit") as { create: (buffer: Uint8Array) => ParsedFont };
    const { regular, bold } = fontPaths();
    parsed = {
      regular: keepCodePoints(fontkit.create(readFileSync(regular))),
      bold: keepCodePoints(fontkit.create(readFileSync(bold))),
    };
  }
  return parsed;
}

/** Makes FONTS.regular and FONTS.bold usable with `doc.font(...)`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = parsedFonts();
  doc.registerFont(FONTS.regular, regular as never);
  doc.registerFont(FONTS.bold, bold as never);
}
