// The payment schedule (échéancier de versement) of a subsidy, or the repayment schedule (échéancier de
// remboursement) of an equity advance: the dates and amounts the beneficiary can plan their cash around.
import { formatDateInWords } from "~/domain/format";
import { scheduleTotalCents, type Schedule } from "~/domain/schedules";
import { FONTS } from "~/pdf/fonts.server";
import {
  amountWithWords,
  dossierItems,
  drawScheduleTable,
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
  schedule: Schedule;
  createdAt: Date;
}

export const SCHEDULE_TITLES = {
  PAYMENT: "Échéancier de versement",
  REPAYMENT: "Échéancier de remboursement",
} as const;

export async function renderSchedule(data: ScheduleDocumentData): Promise<Buffer> {
  const { dossier, schedule } = data;
  const repayment = schedule.kind === "REPAYMENT";
  const title = SCHEDULE_TITLES[schedule.kind];
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
    {
      label: "Nombre d’échéances",
      value: String(schedule.instalments.length),
    },
  ]);

  drawHeading(doc, "Échéances");
  if (schedule.instalments.length === 0) drawParagraph(doc, "Aucune échéance.");
  else drawScheduleTable(doc, schedule);

  const total = scheduleTotalCents(schedule);
  const first = schedule.instalments[0];
  const last = schedule.instalments[schedule.instalments.length - 1];
  doc.moveDown(0.5);
  if (repayment) {
    drawParagraph(
      doc,
      "L’avance est remboursée sans intérêt ni frais, par virement à la Région Centre-Val de Loire, à chaque " +
        "échéance ci-dessus" +
        (first && last
          ? `, du ${formatDateInWords(first.dueDate)} au ${formatDateInWords(last.dueDate)}`
          : "") +
        ". Un remboursement anticipé est possible à tout moment.",
    );
  } else {
    drawParagraph(
      doc,
      "Les versements sont faits par virement sur le compte bancaire du bénéficiaire indiqué dans la " +
        "convention, sous réserve du respect de ses obligations.",
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
