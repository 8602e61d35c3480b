// The repayment schedule of an equity advance once paid: dated instalments counted from the payment date,
// then each schedule that replaces it (early repayment, rescheduling), numbered by version.
import { formatEuros } from "~/domain/format";
import type { RepaymentInstalment } from "~/domain/post-grant/repayments";
import { drawScheduleTable } from "~/pdf/instruction-common.server";
import { drawFooters, drawHeading, drawParagraph, toBuffer } from "~/pdf/layout.server";

import { startAdvanceDocument, type AdvanceDocumentBase } from "./advance-common.server";

export interface AdvanceScheduleData extends AdvanceDocumentBase {
  version: number;
  /** Why this schedule: « Établi au versement de l’avance », « Avenant n° 1 »… */
  origin: string;
  outstandingCents: number;
  instalments: readonly RepaymentInstalment[];
}

export const ADVANCE_SCHEDULE_TITLE = "Échéancier de remboursement";

export async function renderAdvanceSchedule(data: AdvanceScheduleData): Promise<Buffer> {
  const doc = startAdvanceDocument(`${ADVANCE_SCHEDULE_TITLE} n°\u00a0${data.version}`, data);
  drawHeading(doc, "Échéances");
  drawParagraph(
    doc,
    `${data.origin}. Reste à rembourser à la date de l’échéancier\u00a0: ${formatEuros(data.outstandingCents)}.`,
  );
  drawScheduleTable(doc, { kind: "REPAYMENT", instalments: [...data.instalments] });
  drawFooters(doc, `${ADVANCE_SCHEDULE_TITLE} n° ${data.version} — ${data.dossier.number}`);
  return toBuffer(doc);
}
