// The « attestation de remboursement intégral »: the equity advance is entirely repaid; the repayments
// received, their total equal to the advance, and the date of the last one.
import { formatDateInWords, formatEuros } from "~/domain/format";
import { drawFooters, drawHeading, drawParagraph, toBuffer } from "~/pdf/layout.server";

import {
  drawRepayments,
  startAdvanceDocument,
  type AdvanceDocumentBase,
  type RepaymentLine,
} from "./advance-common.server";

export interface RepaymentCertificateData extends AdvanceDocumentBase {
  repayments: readonly RepaymentLine[];
  repaidOn: Date;
  signatory: string;
}

export const CERTIFICATE_TITLE = "Attestation de remboursement intégral";

export async function renderRepaymentCertificate(data: RepaymentCertificateData): Promise<Buffer> {
  const doc = startAdvanceDocument(CERTIFICATE_TITLE, data);
  drawHeading(doc, "Attestation");
  drawParagraph(
    doc,
    `La Région Centre-Val de Loire atteste que l’association ${data.dossier.organisationName} a intégralement remboursé l’avance de ${formatEuros(data.advanceCents)} qui lui a été versée, le dernier remboursement ayant été reçu le ${formatDateInWords(data.repaidOn)}. Le dossier est clos.`,
  );
  drawHeading(doc, "Remboursements reçus");
  drawRepayments(doc, data.repayments);
  doc.moveDown(1.5);
  drawParagraph(doc, data.signatory);
  drawFooters(doc, `${CERTIFICATE_TITLE} — ${data.dossier.number}`);
  return toBuffer(doc);
}
