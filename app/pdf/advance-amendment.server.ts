// The amendment (« avenant ») to an equity advance's agreement when the EU payment is late: the reason, what
// remains to repay and the new schedule replacing the remaining instalments, within the rule set's ceiling.
import { formatDate, formatEuros } from "~/domain/format";
import type { RepaymentInstalment } from "~/domain/post-grant/repayments";
import { drawScheduleTable, drawSignatures } from "~/pdf/instruction-common.server";
import { drawFooters, drawHeading, drawParagraph, toBuffer } from "~/pdf/layout.server";

import { startAdvanceDocument, type AdvanceDocumentBase } from "./advance-common.server";

export interface AdvanceAmendmentData extends AdvanceDocumentBase {
  amendmentNumber: number;
  reason: string;
  outstandingCents: number;
  previousLastDueDate: Date | null;
  maxDurationMonths: number;
  instalments: readonly RepaymentInstalment[];
  signatory: string;
}

export const AMENDMENT_TITLE = "Avenant de rééchelonnement";

export async function renderAdvanceAmendment(data: AdvanceAmendmentData): Promise<Buffer> {
  const doc = startAdvanceDocument(`${AMENDMENT_TITLE} n°\u00a0${data.amendmentNumber}`, data);
  drawHeading(doc, "Article 1 — Objet");
  drawParagraph(
    doc,
    `Le présent avenant modifie l’échéancier de remboursement de l’avance, à la demande de l’association, pour le motif suivant\u00a0: ${data.reason}`,
  );
  drawHeading(doc, "Article 2 — Nouvel échéancier");
  const last = data.instalments[data.instalments.length - 1];
  drawParagraph(
    doc,
    `Le reste à rembourser, soit ${formatEuros(data.outstandingCents)}, est remboursé selon l’échéancier ci-dessous, qui remplace les échéances restantes${data.previousLastDueDate ? ` (dernière échéance précédemment fixée au ${formatDate(data.previousLastDueDate)})` : ""}. La dernière échéance, le ${last ? formatDate(last.dueDate) : "—"}, respecte la durée maximale de ${data.maxDurationMonths}\u00a0mois à compter du versement.`,
  );
  drawScheduleTable(doc, { kind: "REPAYMENT", instalments: [...data.instalments] });
  drawHeading(doc, "Article 3 — Autres stipulations");
  drawParagraph(doc, "Les autres stipulations de la convention demeurent inchangées.");
  drawSignatures(doc, [
    {
      heading: "Pour l’association",
      lines: [data.dossier.legalRepresentative ?? data.dossier.organisationName],
    },
    { heading: "Pour la Région", lines: [data.signatory] },
  ]);
  drawFooters(doc, `${AMENDMENT_TITLE} n° ${data.amendmentNumber} — ${data.dossier.number}`);
  return toBuffer(doc);
}
