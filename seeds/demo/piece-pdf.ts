// The demo dossiers' pieces: one-page PDFs standing in for the statutes, accounts, bank details… that an
// applicant uploads, each naming the piece and the organisation. Set in Helvetica, one of PDF's standard
// fonts: nothing to embed, so the eighty-odd pieces take a fraction of a second (DejaVu, embedded, would take
// seconds), and a piece cannot be mistaken for a document of the Region. Same input, same bytes: pdfkit
// derives the file identifier from the document information, whose creation date is given.
import PDFDocument from "pdfkit";

import { toBuffer } from "../../app/pdf/layout.server";

export interface DemoPiece {
  /** The piece as the rule set names it: « Statuts à jour de l’association ». */
  label: string;
  organisation: {
    name: string;
    addressLine: string | null;
    postcode: string | null;
    city: string | null;
    siret: string | null;
    rnaNumber: string | null;
  };
  dossierTitle: string;
  /** Set when the piece replaces the one filed, at an instructor's request. */
  note?: string;
  createdAt: Date;
}

// Short names, as applicants name their files; the rule set's label for a kind not listed here.
const FILE_STEMS: Record<string, string> = {
  STATUTES: "Statuts",
  OFFICERS_LIST: "Composition du bureau et du conseil d’administration",
  ACTIVITY_REPORT: "Rapport d’activité",
  FINANCIAL_STATEMENTS: "Comptes annuels approuvés",
  PROJECT_BUDGET: "Budget prévisionnel",
  JOB_DESCRIPTION: "Fiche de poste",
  RIB: "RIB",
  KBIS: "Extrait Kbis",
  ASSOCIATES_LIST: "Liste des associés et apports",
  URSCOP_OPINION: "Avis URSCOP",
  BUSINESS_PLAN: "Plan de financement et prévisionnel",
  EU_GRANT_DECISION: "Subvention européenne",
  CASH_FLOW_PLAN: "Plan de trésorerie",
  PROJECT_DESCRIPTION: "Note de présentation",
  PARTNER_LETTERS: "Lettres d’engagement des partenaires",
  QUOTES: "Devis",
};

/** The name the piece was uploaded under: « RIB — Les Cyclopostiers.pdf ». */
export function demoPieceFileName(
  piece: { kind: string; label: string },
  organisationName: string,
  replacement = false,
): string {
  const stem = `${FILE_STEMS[piece.kind] ?? piece.label} — ${organisationName}`;
  return `${stem}${replacement ? " (version complétée)" : ""}.pdf`;
}

// What Windows-1252 adds to Latin-1: with it, every character pdfkit can write in a standard font.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** The text itself, or an error naming the character a standard font would print as something else. */
function printable(text: string): string {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const ok =
      (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(character);
    if (!ok) {
      const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      throw new Error(`Demo seed: « ${text} » has ${name}, which the demo pieces' font cannot print`);
    }
  }
  return text;
}

const GREY = "#555555";

export function renderDemoPiece(piece: DemoPiece): Promise<Buffer> {
  const { organisation } = piece;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 72, bottom: 72, left: 64, right: 64 },
    font: "Helvetica",
    lang: "fr-FR",
    info: {
      Title: printable(`${piece.label} — ${organisation.name}`),
      Author: printable(organisation.name),
      Creator: "Portail ESS Centre-Val de Loire — données de démonstration",
      CreationDate: piece.createdAt,
    },
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, font: string, size: number, color = "#000000", gap = 0.4) => {
    doc.font(font).fontSize(size).fillColor(color).text(printable(value), { width });
    doc.moveDown(gap);
  };

  text(organisation.name, "Helvetica-Bold", 13, "#000000", 0.1);
  const address = [
    organisation.addressLine,
    [organisation.postcode, organisation.city].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(", ");
  if (address) text(address, "Helvetica", 9.5, GREY, 0.1);
  const identifiers = [
    organisation.siret ? `SIRET ${organisation.siret}` : null,
    organisation.rnaNumber ? `RNA ${organisation.rnaNumber}` : null,
  ].filter(Boolean);
  if (identifiers.length > 0) text(identifiers.join(" — "), "Helvetica", 9.5, GREY, 0.1);
  doc.moveDown(3);
  text(piece.label, "Helvetica-Bold", 20, "#000000", 0.6);
  if (piece.note) text(piece.note, "Helvetica-Oblique", 11, "#000000", 0.6);
  text(`Pièce jointe au dossier « ${piece.dossierTitle} ».`, "Helvetica", 11, "#000000", 2);
  text(
    "Document de démonstration créé par le jeu de données du portail des financements de l’économie " +
      "sociale et solidaire : il tient la place de la pièce réelle et n’a aucune valeur.",
    "Helvetica-Oblique",
    9.5,
    GREY,
  );
  return toBuffer(doc);
}
