// The structure tree every PDF of the portal carries (tagged PDF, required by PDF/A-2a): what a screen reader
// reads, in order — title (H1), headings (H2), paragraphs (P), lists (L > LI > Lbl + LBody), tables (Table >
// THead/TBody/TFoot > TR > TH/TD) — while rules, fills and footers are marked as artifacts it skips.
// Generators call these helpers; any text drawn outside them (a dossier number in large type, an address
// block) still becomes a paragraph of its own, so no content is ever left out of the tree.
type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

interface State {
  /** The open grouping elements, innermost last; the first is the document's root element. */
  parents: Element[];
  /** How many content sequences (tagged text or artifact) are open: text drawn inside needs no wrapping. */
  open: number;
}

const states = new WeakMap<Doc, State>();

function state(doc: Doc): State {
  const found = states.get(doc);
  if (!found) throw new Error("Document created without its structure (createDocument)");
  return found;
}

/**
 * Starts the tree (a Document element under the root) and makes every later `doc.text` outside a helper
 * a paragraph of its own (a link, a Link inside that paragraph, with its annotation).
 */
export function initStructure(doc: Doc): void {
  const root = doc.struct("Document");
  doc.addStructure(root);
  const current: State = { parents: [root], open: 0 };
  states.set(doc, current);
  const text = doc.text.bind(doc) as (...args: unknown[]) => Doc;
  doc.text = ((...args: unknown[]) => {
    if (current.open > 0) return text(...args);
    const options = args.find((arg) => typeof arg === "object" && arg !== null) as
      { link?: unknown } | undefined;
    if (options?.link) group(doc, "P", () => tag(doc, "Link", () => text(...args)));
    else tag(doc, "P", () => text(...args));
    return doc;
  }) as Doc["text"];
}

/** A structure element holding what `draw` writes (a heading, a paragraph, a cell…). */
export function tag(
  doc: Doc,
  role: string,
  draw: () => void,
  options: { scope?: "Column" | "Row" } = {},
): void {
  const current = state(doc);
  const element = doc.struct(role, options as Parameters<Doc["struct"]>[1]);
  current.parents.at(-1)!.add(element);
  current.open++;
  try {
    element.add(draw);
  } finally {
    current.open--;
  }
  element.end();
}

/** A structure element whose children are the elements `build` adds (a list, a table, a row…). */
export function group(doc: Doc, role: string, build: () => void): void {
  const current = state(doc);
  const element = doc.struct(role);
  current.parents.at(-1)!.add(element);
  current.parents.push(element);
  try {
    build();
  } finally {
    current.parents.pop();
  }
  element.end();
}

/** Page furniture a reader skips: rules, fills, footers, a table header repeated on a new page. */
export function artifact(doc: Doc, draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
  const current = state(doc);
  // Inside tagged content already (a rule drawn within a paragraph): starting an artifact there would make
  // pdfkit close the paragraph's sequence; the drawing belongs to the paragraph instead.
  if (current.open > 0) return draw();
  doc.markContent("Artifact", { type });
  current.open++;
  try {
    draw();
  } finally {
    current.open--;
    doc.endMarkedContent();
  }
}

export const heading = (doc: Doc, level: 1 | 2 | 3, draw: () => void) => tag(doc, `H${level}`, draw);
export const paragraph = (doc: Doc, draw: () => void) => tag(doc, "P", draw);

/** A list item: its label (Lbl) and its body (LBody), each drawn by its own function. */
export function listItem(doc: Doc, label: (() => void) | null, body: () => void): void {
  group(doc, "LI", () => {
    if (label) tag(doc, "Lbl", label);
    tag(doc, "LBody", body);
  });
}
export const list = (doc: Doc, build: () => void) => group(doc, "L", build);
