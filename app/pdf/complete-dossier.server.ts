// The complete dossier: everything the applicant entered, as the instructors and funders read it, in one
// printable file. A draft can be printed too, so it says plainly that it is not a filing.
import { formatDateTime, formatEuros } from "~/domain/format";
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
  toBuffer,
  type Doc,
} from "~/pdf/layout.server";
import { drawTable } from "~/pdf/table.server";

export interface DossierSection {
  title: string;
  items: Array<{ label: string; value: string }>;
  tables?: Array<{ caption: string; columns: string[]; rows: string[][]; numericColumns?: number[] }>;
}

export interface CompleteDossierData {
  dossierNumber: string | null;
  statusLabel: string;
  schemeName: string;
  ruleSetVersion: number;
  title: string;
  generatedAt: Date;
  filedAt: Date | null;
  organisation: Array<{ label: string; value: string }>;
  sections: DossierSection[];
  budget: {
    expenses: Array<{ category: string; label: string; cents: number }>;
    resources: Array<{ category: string; label: string; cents: number }>;
  };
  attachments: Array<{ label: string; fileName: string; sizeBytes: number; sha256: string }>;
}

export async function renderCompleteDossier(data: CompleteDossierData): Promise<Buffer> {
  const name = data.dossierNumber ? `Dossier ${data.dossierNumber}` : "Dossier en brouillon";
  const doc = createDocument({
    title: `${name} — ${data.title}`,
    subject: data.schemeName,
    createdAt: data.generatedAt,
  });
  drawRegionHeader(doc);
  doc.font(FONTS.bold).fontSize(11).fillColor(COLORS.muted).text(`${name} · ${data.schemeName}`);
  doc.moveDown(0.2);
  drawTitle(doc, data.title, 18);
  if (!data.dossierNumber) {
    doc.moveDown(0.4);
    drawParagraph(doc, "Brouillon\u00a0: ce document n’a pas valeur de dépôt.", { color: COLORS.muted });
  }

  drawHeading(doc, "Identification");
  drawKeyValues(doc, [
    { label: "Numéro de dossier", value: data.dossierNumber ?? "Attribué au dépôt" },
    { label: "Statut", value: data.statusLabel },
    {
      label: "Dispositif",
      value: `${data.schemeName} — règlement en vigueur, version ${data.ruleSetVersion}`,
    },
    { label: "Déposé le", value: data.filedAt ? formatDateTime(data.filedAt) : "Non déposé" },
    { label: "Document édité le", value: formatDateTime(data.generatedAt) },
  ]);

  drawHeading(doc, "Structure");
  drawKeyValues(doc, data.organisation);

  for (const section of data.sections) {
    drawHeading(doc, section.title);
    drawKeyValues(doc, section.items);
    for (const table of section.tables ?? []) {
      drawTable(doc, {
        caption: table.caption,
        columns: table.columns.map((header, index) => ({
          header,
          numeric: table.numericColumns?.includes(index) ?? false,
        })),
        rows: table.rows,
      });
    }
  }

  drawBudget(doc, data.budget);
  drawAttachments(doc, data.attachments);

  drawFooters(doc, `${name} — ${data.schemeName}`);
  return toBuffer(doc);
}

function drawBudget(doc: Doc, budget: CompleteDossierData["budget"]): void {
  drawHeading(doc, "Budget prévisionnel");
  const expenses = sum(budget.expenses);
  const resources = sum(budget.resources);
  const sides = [
    { caption: "Dépenses", lines: budget.expenses, total: "Total des dépenses", cents: expenses },
    { caption: "Ressources", lines: budget.resources, total: "Total des ressources", cents: resources },
  ];
  for (const side of sides) {
    drawTable(doc, {
      caption: side.caption,
      columns: [{ header: "Catégorie" }, { header: "Libellé" }, { header: "Montant", numeric: true }],
      rows:
        side.lines.length > 0
          ? side.lines.map((line) => [line.category, line.label, formatEuros(line.cents)])
          : [["Aucune ligne saisie", "", ""]],
      total: [side.total, "", formatEuros(side.cents)],
    });
  }
  const gap = resources - expenses;
  drawKeyValues(doc, [
    {
      label: "Solde (ressources − dépenses)",
      value:
        gap === 0
          ? `${formatEuros(gap)} — budget équilibré`
          : gap < 0
            ? `${formatEuros(gap)} — dépenses non couvertes par les ressources`
            : `${formatEuros(gap)} — ressources supérieures aux dépenses`,
    },
  ]);
}

const sum = (lines: ReadonlyArray<{ cents: number }>) => lines.reduce((total, line) => total + line.cents, 0);
