// The instructor's report (rapport d’instruction): what the instructor checked and what they propose to
// the Commission permanente, kept in the dossier as the basis of the decision.
import { formatDate, formatDateInWords, formatEuros } from "~/domain/format";
import type { Schedule } from "~/domain/schedules";
import { FONTS } from "~/pdf/fonts.server";
import {
  amountWithWords,
  dossierItems,
  drawScheduleTable,
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
  ensureSpace,
  toBuffer,
} from "~/pdf/layout.server";
import { drawTable } from "~/pdf/table.server";

export type { DocumentDossier } from "~/pdf/instruction-common.server";

export interface InstructorReportData {
  dossier: DocumentDossier;
  filedAt: Date | null;
  ruleSetVersion: number;
  requestedAmountCents: number | null;
  totalBudgetCents: number | null;
  /** `met: null` is a criterion the instructor still has to check by hand. */
  eligibility: Array<{ label: string; met: boolean | null; explanation: string }>;
  completeness: Array<{ label: string; checked: boolean }>;
  opinion: {
    favourable: boolean;
    motivation: string;
    proposedAmountCents: number;
    yearlyAmountsCents: number[];
  };
  schedule: Schedule | null;
  instructorName: string;
  createdAt: Date;
}

const TITLE = "Rapport d’instruction";

const CRITERION_RESULT = (met: boolean | null) =>
  met === null ? "À vérifier" : met ? "Rempli" : "Non rempli";

export async function renderInstructorReport(data: InstructorReportData): Promise<Buffer> {
  const { dossier, opinion } = data;
  const doc = createDocument({
    title: `${TITLE} — dossier ${dossier.number}`,
    subject: `${dossier.schemeName}\u00a0: ${dossier.title}`,
    createdAt: data.createdAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, TITLE);
  doc.moveDown(0.3);
  doc.font(FONTS.bold).fontSize(20).fillColor(COLORS.text).text(dossier.number);

  drawHeading(doc, "Dossier");
  drawKeyValues(doc, [
    ...dossierItems(dossier),
    { label: "Déposé le", value: data.filedAt ? formatDate(data.filedAt) : "Non déposé" },
    { label: "Règlement appliqué", value: `${dossier.schemeName}, version ${data.ruleSetVersion}` },
    {
      label: "Montant demandé",
      value: data.requestedAmountCents === null ? "Non renseigné" : formatEuros(data.requestedAmountCents),
    },
    {
      label: "Budget total du projet",
      value: data.totalBudgetCents === null ? "Non renseigné" : formatEuros(data.totalBudgetCents),
    },
  ]);

  drawHeading(doc, "Éligibilité");
  if (data.eligibility.length === 0) drawParagraph(doc, "Aucun critère d’éligibilité n’a été évalué.");
  else {
    const unmet = data.eligibility.filter((criterion) => criterion.met === false).length;
    const toCheck = data.eligibility.filter((criterion) => criterion.met === null).length;
    drawParagraph(
      doc,
      `${data.eligibility.length} critère${data.eligibility.length > 1 ? "s" : ""} examiné${data.eligibility.length > 1 ? "s" : ""}\u00a0: ` +
        `${unmet} non rempli${unmet > 1 ? "s" : ""}, ${toCheck} à vérifier.`,
    );
    drawTable(doc, {
      columns: [{ header: "Critère" }, { header: "Résultat" }, { header: "Explication" }],
      rows: data.eligibility.map((criterion) => [
        criterion.label,
        CRITERION_RESULT(criterion.met),
        criterion.explanation || "—",
      ]),
    });
  }

  drawHeading(doc, "Complétude du dossier");
  if (data.completeness.length === 0) drawParagraph(doc, "Aucune pièce ni information à contrôler.");
  else {
    const checked = data.completeness.filter((item) => item.checked).length;
    drawParagraph(
      doc,
      `${checked} élément${checked > 1 ? "s" : ""} vérifié${checked > 1 ? "s" : ""} sur ${data.completeness.length}.`,
    );
    drawTable(doc, {
      columns: [{ header: "Élément contrôlé" }, { header: "Contrôle" }],
      rows: data.completeness.map((item) => [item.label, item.checked ? "☑ Vérifié" : "☐ Non vérifié"]),
    });
  }

  drawHeading(doc, "Avis de l’instruction");
  drawKeyValues(doc, [
    { label: "Avis", value: opinion.favourable ? "Favorable" : "Défavorable" },
    ...(opinion.favourable
      ? [{ label: "Montant proposé", value: amountWithWords(opinion.proposedAmountCents) }]
      : []),
    ...(opinion.favourable ? yearlyItems(opinion.yearlyAmountsCents) : []),
  ]);
  ensureSpace(doc, 40);
  doc.font(FONTS.bold).fontSize(10).fillColor(COLORS.text).text("Motivation", { continued: false });
  doc.moveDown(0.2);
  drawParagraph(doc, opinion.motivation.trim() || "—");

  if (data.schedule && data.schedule.instalments.length > 0) {
    drawHeading(
      doc,
      data.schedule.kind === "REPAYMENT"
        ? "Échéancier de remboursement proposé"
        : "Échéancier de versement proposé",
    );
    drawScheduleTable(doc, data.schedule);
  }

  doc.moveDown(1);
  ensureSpace(doc, 40);
  drawParagraph(doc, `Rapport établi par ${data.instructorName}, le ${formatDateInWords(data.createdAt)}.`);

  drawFooters(doc, `${TITLE} — ${dossier.number}`);
  return toBuffer(doc);
}
