// The payment schedule (échéancier de versement) of a subsidy, or the repayment schedule (échéancier de
// remboursement) of an equity advance: the dates and amounts the beneficiary can plan their cash around.
import { formatDateInWords } from "~/domain/format";
import type { ScheduleTable } from "~/domain/post-grant/agreement";
import { FONTS } from "~/pdf/fonts.server";
import {
  amountWithWords,
  dossierItems,
  drawScheduleLines,
  yearlyItems,
  type DocumentDossier,
} from "~/pdf/instruction-common.server";
import {
  COLORS,
  createDocument,
  drawFooters,
  drawHeading,
  drawKeyValues,
  drawParagraph,
  drawRegionHeader,
  drawTitle,
  toBuffer,
} from "~/pdf/layout.server";

export type { DocumentDossier } from "~/pdf/instruction-common.server";

export interface ScheduleDocumentData {
  dossier: DocumentDossier;
  amountCents: number;
  /** CAP ASSO: the amount voted for each year of the agreement. */
  yearlyAmountsCents?: readonly number[];
  /** The payments planned (or the repayments), relative to the acceptance of the agreement. */
  table: ScheduleTable;
  createdAt: Date;
}

export const SCHEDULE_TITLES = {
  PAYMENT: "Échéancier de versement",
  REPAYMENT: "Échéancier de remboursement",
} as const;

export async function renderSchedule(data: ScheduleDocumentData): Promise<Buffer> {
  const { dossier, table } = data;
  const repayment = table.kind === "REPAYMENT";
  const title = SCHEDULE_TITLES[table.kind];
  const doc = createDocument({
    title: `${title} — dossier ${dossier.number}`,
    subject: `${dossier.schemeName}\u00a0: ${dossier.title}`,
    createdAt: data.createdAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, title);
  doc.moveDown(0.3);
  doc.font(FONTS.bold).fontSize(16).fillColor(COLORS.text).text(dossier.number);

  drawHeading(doc, "Dossier");
  drawKeyValues(doc, [
    ...dossierItems(dossier),
    {
      label: repayment ? "Montant de l’avance" : "Montant de l’aide",
      value: amountWithWords(data.amountCents),
    },
    ...((data.yearlyAmountsCents?.length ?? 0) > 1 ? yearlyItems(data.yearlyAmountsCents ?? []) : []),
    {
      label: "Nombre d’échéances",
      value: String(table.lines.length),
    },
  ]);

  drawHeading(doc, "Échéances");
  if (table.lines.length === 0) drawParagraph(doc, "Aucune échéance.");
  else drawScheduleLines(doc, table);

  const total = table.lines.reduce((sum, line) => sum + line.amountCents, 0);
  doc.moveDown(0.5);
  if (repayment) {
    drawParagraph(
      doc,
      "L’apport est versé après l’acceptation de la convention par les deux parties. Il est remboursé sans " +
        "intérêt ni frais, par virement à la Région Centre-Val de Loire, à chaque échéance ci-dessus, comptée " +
        "à partir de son versement. Un remboursement anticipé est possible à tout moment.",
    );
  } else {
    drawParagraph(
      doc,
      "Ces montants sont prévus, non encore versés. Le calendrier court à partir de l’acceptation de la " +
        "convention par les deux parties\u00a0: chaque versement est fait, à la demande du bénéficiaire sur le " +
        "portail, une fois sa condition remplie (article «\u00a0Modalités de versement\u00a0» de la convention), " +
        "par virement sur le compte bancaire du bénéficiaire indiqué dans la convention.",
    );
  }
  if (total !== data.amountCents) {
    // Never expected from the portal's own schedules; printed rather than hidden if it ever happens.
    doc.moveDown(0.5);
    drawParagraph(doc, "Attention\u00a0: le total des échéances diffère du montant accordé.", {
      color: "#b42318",
    });
  }
  doc.moveDown(0.5);
  drawParagraph(doc, `Établi le ${formatDateInWords(data.createdAt)}.`, { size: 9, color: COLORS.muted });

  drawFooters(doc, `${title} — ${dossier.number}`);
  return toBuffer(doc);
}
