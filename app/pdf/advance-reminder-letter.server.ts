// The formal reminder (« relance ») of an equity advance's instalment still unpaid 30 days after its due
// date: what is late, since when, what remains to repay, and how to pay.
import { formatDate, formatDateInWords, formatEuros } from "~/domain/format";
import { drawFooters, drawHeading, drawParagraph, toBuffer } from "~/pdf/layout.server";

import { startAdvanceDocument, type AdvanceDocumentBase } from "./advance-common.server";

export interface AdvanceReminderLetterData extends AdvanceDocumentBase {
  instalmentPosition: number;
  dueDate: Date;
  lateCents: number;
  daysLate: number;
  outstandingCents: number;
  payBy: Date;
  signatory: string;
}

export const REMINDER_LETTER_TITLE = "Relance — échéance de remboursement impayée";

export async function renderAdvanceReminderLetter(data: AdvanceReminderLetterData): Promise<Buffer> {
  const doc = startAdvanceDocument(REMINDER_LETTER_TITLE, data);
  drawHeading(doc, "Objet");
  drawParagraph(
    doc,
    `Madame, Monsieur, l’échéance n°\u00a0${data.instalmentPosition} du remboursement de l’avance, due le ${formatDate(data.dueDate)}, n’a pas été réglée. À ce jour, ${formatEuros(data.lateCents)} restent impayés depuis ${data.daysLate}\u00a0jours.`,
  );
  drawParagraph(
    doc,
    `Nous vous demandons de régulariser cette somme au plus tard le ${formatDateInWords(data.payBy)}, par virement au comptable public de la Région, en rappelant le numéro du dossier ${data.dossier.number}. Le reste à rembourser sur l’avance s’élève à ${formatEuros(data.outstandingCents)}.`,
  );
  drawParagraph(
    doc,
    "Si le versement des fonds européens est retardé, vous pouvez demander un rééchelonnement depuis la page du dossier, justificatif de l’autorité de paiement à l’appui.",
  );
  doc.moveDown(1.5);
  drawParagraph(doc, data.signatory);
  drawFooters(doc, `Relance — ${data.dossier.number}`);
  return toBuffer(doc);
}
