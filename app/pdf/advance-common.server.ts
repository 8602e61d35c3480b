// What the equity advance's documents after its payment share (new schedule, amendment, formal reminder,
// final statement): the Region's header, the title and the dossier, the repayments received as a table.
import { formatDate, formatDateInWords, formatEuros } from "~/domain/format";
import { FONTS } from "~/pdf/fonts.server";
import { dossierItems, type DocumentDossier } from "~/pdf/instruction-common.server";
import {
  COLORS,
  createDocument,
  drawHeading,
  drawKeyValues,
  drawParagraph,
  drawRegionHeader,
  drawTitle,
  type Doc,
} from "~/pdf/layout.server";
import { drawTable } from "~/pdf/table.server";

export interface AdvanceDocumentBase {
  dossier: DocumentDossier;
  advanceCents: number;
  paidOn: Date;
  createdAt: Date;
}

/** Header, title, number, place and date, then the dossier and the advance paid. */
export function startAdvanceDocument(title: string, data: AdvanceDocumentBase): Doc {
  const doc = createDocument({
    title: `${title} — dossier ${data.dossier.number}`,
    subject: `${data.dossier.schemeName}\u00a0: ${data.dossier.title}`,
    createdAt: data.createdAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, title);
  doc.moveDown(0.3);
  doc.font(FONTS.bold).fontSize(16).fillColor(COLORS.text).text(data.dossier.number);
  drawParagraph(doc, `Orléans, le ${formatDateInWords(data.createdAt)}`, { size: 10 });
  drawHeading(doc, "Dossier");
  drawKeyValues(doc, [
    ...dossierItems(data.dossier),
    { label: "Avance versée", value: formatEuros(data.advanceCents) },
    { label: "Versée le", value: formatDate(data.paidOn) },
  ]);
  return doc;
}

export interface RepaymentLine {
  receivedOn: Date;
  amountCents: number;
  reference: string;
}

export function drawRepayments(doc: Doc, repayments: readonly RepaymentLine[], caption?: string): void {
  const total = repayments.reduce((sum, repayment) => sum + repayment.amountCents, 0);
  drawTable(doc, {
    caption,
    columns: [{ header: "Reçu le" }, { header: "Référence" }, { header: "Montant", numeric: true }],
    rows: repayments.map((repayment) => [
      formatDate(repayment.receivedOn),
      repayment.reference,
      formatEuros(repayment.amountCents),
    ]),
    total: ["Total", "", formatEuros(total)],
  });
}
