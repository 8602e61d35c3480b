// The font every PDF of the portal is set in. pdfkit writes PDF's standard fonts (Helvetica…) in WinAnsi,
// which has no narrow no-break space, the one Intl puts in French amounts (« 20 000,00 € »). DejaVu Sans
// covers French typography (’ « » € …) and is embedded, subset to the glyphs a document uses.
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

/** Makes FONTS.regular and FONTS.bold usable with `doc.font(...)`. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = fontPaths();
  doc.registerFont(FONTS.regular, regular);
  doc.registerFont(FONTS.bold, bold);
}
