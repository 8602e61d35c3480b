// The document's metadata as PDF/A requires it: pdfkit writes the XMP packet (with the PDF/A identification)
// from the Info dictionary, and the two must say the same.
type Doc = PDFKit.PDFDocument;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * pdfkit copies Title, Author, Subject into the XMP metadata (which PDF/A requires) as they are: a project
 * named « Jardins & Cie » would make the XML invalid. The Info dictionary keeps the text unescaped.
 */
export function escapeXmpInfo(doc: Doc): void {
  const target = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = target._addInfo.bind(doc);
  target._addInfo = () => {
    const info = target.info;
    target.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, typeof value === "string" ? escapeXml(value) : value]),
    );
    try {
      addInfo();
    } finally {
      target.info = info;
    }
  };
}
