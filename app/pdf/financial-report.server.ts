// The financial report of a financed period (« compte rendu financier de subvention »), laid out like Cerfa
// 15059 (arrêté du 11 octobre 2006): identification, the qualitative account, the budget table forecast
// beside actual with the gaps and their explanations, contributions in kind, the indicators reached and
// the pieces sent. Amounts to the cent; issued when the association sends the report.
import { formatDateInWords, formatDate, formatEuros } from "~/domain/format";
import {
  A_VOS_ID_INDICATORS,
  CAP_ASSO_INDICATORS,
  formatGapEuros,
  formatGapPercent,
  reportTotals,
  type FinancialReportAnswers,
  type ReportLine,
} from "~/domain/post-grant/report";
import { BudgetSide } from "~/generated/prisma/enums";
import { FONTS } from "~/pdf/fonts.server";
import {
  COLORS,
  createDocument,
  drawAttachments,
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

export interface FinancialReportData {
  dossierNumber: string;
  title: string;
  schemeName: string;
  organisation: { name: string; siret: string | null; rnaNumber: string | null };
  periodLabel: string;
  periodStart: Date;
  periodEnd: Date;
  grantedCents: number;
  periodAmountCents: number;
  thresholdPercent: number;
  report: FinancialReportAnswers;
  submittedAt: Date;
  submittedBy: string;
  attachments: Array<{ label: string; fileName: string; sizeBytes: number; sha256: string }>;
}

const TITLE = "Compte rendu financier de subvention";

function budgetTable(
  doc: PDFKit.PDFDocument,
  caption: string,
  lines: readonly ReportLine[],
  totals: { forecastCents: number; actualCents: number },
) {
  drawTable(doc, {
    caption,
    columns: [
      { header: "Poste" },
      { header: "Prévu", numeric: true },
      { header: "Réalisé", numeric: true },
      { header: "Écart", numeric: true },
      { header: "Écart %", numeric: true },
    ],
    rows: lines.map((line) => [
      line.label,
      formatEuros(line.amountCents),
      formatEuros(line.actualCents),
      formatGapEuros(line.gapCents),
      formatGapPercent(line.gapPercent),
    ]),
    total: [
      "Total",
      formatEuros(totals.forecastCents),
      formatEuros(totals.actualCents),
      formatGapEuros(totals.actualCents - totals.forecastCents),
      "",
    ],
  });
}

export async function renderFinancialReport(data: FinancialReportData): Promise<Buffer> {
  const doc = createDocument({
    title: `${TITLE} — dossier ${data.dossierNumber} — ${data.periodLabel}`,
    subject: `${data.schemeName}\u00a0: ${data.title}`,
    createdAt: data.submittedAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, TITLE);
  drawParagraph(doc, "Établi selon le modèle du Cerfa n° 15059 (arrêté du 11 octobre 2006).", {
    size: 9,
    color: COLORS.muted,
  });
  doc.moveDown(0.3);
  doc
    .font(FONTS.bold)
    .fontSize(16)
    .fillColor(COLORS.text)
    .text(`${data.dossierNumber} — ${data.periodLabel}`);

  drawHeading(doc, "1. Identification");
  const { organisation } = data;
  drawKeyValues(doc, [
    { label: "Bénéficiaire", value: organisation.name },
    ...(organisation.siret ? [{ label: "SIRET", value: organisation.siret }] : []),
    ...(organisation.rnaNumber ? [{ label: "Numéro RNA", value: organisation.rnaNumber }] : []),
    { label: "Projet", value: data.title },
    { label: "Dispositif", value: data.schemeName },
    { label: "Période", value: `du ${formatDate(data.periodStart)} au ${formatDate(data.periodEnd)}` },
    { label: "Subvention accordée", value: formatEuros(data.grantedCents) },
    { label: "Subvention de la période", value: formatEuros(data.periodAmountCents) },
  ]);

  const { report } = data;
  drawHeading(doc, "2. Compte rendu qualitatif de l’action");
  drawKeyValues(doc, [
    { label: "Actions réalisées", value: report.actions },
    { label: "Public touché", value: report.publicReached },
    { label: "Dates et lieux de réalisation", value: report.datesAndPlaces },
  ]);

  drawHeading(doc, "3. Tableau de synthèse budgétaire");
  const totals = reportTotals(report.lines);
  budgetTable(
    doc,
    "Charges",
    report.lines.filter((line) => line.side === BudgetSide.EXPENSE),
    totals.expenses,
  );
  doc.moveDown(0.6);
  budgetTable(
    doc,
    "Produits",
    report.lines.filter((line) => line.side === BudgetSide.RESOURCE),
    totals.resources,
  );
  const explained = report.lines.filter((line) => line.explanation);
  if (explained.length > 0) {
    doc.moveDown(0.6);
    drawParagraph(
      doc,
      `Explication des écarts (obligatoire au-delà de ${data.thresholdPercent}\u00a0%)\u00a0:`,
      { size: 10 },
    );
    drawKeyValues(
      doc,
      explained.map((line) => ({ label: line.label, value: line.explanation })),
    );
  }
  drawKeyValues(doc, [
    { label: "Contributions volontaires en nature", value: report.inKind || "Aucune déclarée" },
    ...(report.eligibleExpensesPaidCents !== null
      ? [
          {
            label: "Dépenses éligibles effectivement payées",
            value: formatEuros(report.eligibleExpensesPaidCents),
          },
        ]
      : []),
  ]);

  if (report.indicators) {
    drawHeading(doc, "4. Indicateurs atteints");
    const indicators = report.indicators;
    const labels: Record<string, { label: string }> =
      indicators.kind === "CAP_ASSO" ? CAP_ASSO_INDICATORS : A_VOS_ID_INDICATORS;
    drawKeyValues(
      doc,
      Object.entries(labels).map(([name, { label }]) => ({
        label,
        value: (indicators as unknown as Record<string, number>)[name]!.toLocaleString("fr-FR"),
      })),
    );
  }

  drawAttachments(doc, data.attachments);

  doc.moveDown(1);
  ensureSpace(doc, 80);
  drawParagraph(
    doc,
    `Envoyé sur le portail le ${formatDateInWords(data.submittedAt)} par ${data.submittedBy}, qui certifie exactes les informations du présent compte rendu.`,
  );
  drawFooters(doc, `${TITLE} — ${data.dossierNumber} — ${data.periodLabel}`);
  return toBuffer(doc);
}
