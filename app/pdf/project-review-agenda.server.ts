// The agenda of a project review among funders and the Region: for each shared dossier, what it is, what
// the Region brings, the positions the funders have shared, how much of the budget the plan finances and how
// much of it is confirmed, line by line (the definition is app/domain/co-financing.ts); totals at the end.
// Only shared positions are printed: a draft is its organisation's business, and this page gets handed round.
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { FONTS } from "~/pdf/fonts.server";
import {
  BODY_SIZE,
  COLORS,
  contentWidth,
  createDocument,
  drawFooters,
  drawHeading,
  drawKeyValues,
  drawParagraph,
  drawRegionHeader,
  drawTitle,
  left,
  toBuffer,
  type Doc,
} from "~/pdf/layout.server";
import { drawTable } from "~/pdf/table.server";

export interface ReviewAgendaPosition {
  organisation: string;
  status: string;
  instrument: string | null;
  amountCents: number | null;
}

export interface ReviewAgendaItem {
  number: string;
  title: string;
  organisationName: string;
  schemeName: string;
  department: string;
  stage: string;
  totalBudgetCents: number | null;
  requestedAmountCents: number | null;
  regionAmountCents: number;
  /** What the Region's amount is: « Montant accordé par la Région »… */
  regionAmountLabel: string;
  positions: ReviewAgendaPosition[];
  planCents: number;
  planShare: number | null;
  confirmedCents: number;
  toConfirmCents: number;
  lines: ReadonlyArray<{
    label: string;
    amountCents: number;
    confirmedCents: number;
    toConfirmCents: number;
    status: string;
  }>;
  planSentence: string;
  confirmedSentence: string;
  additionsSentence: string | null;
  summary: string;
}

export interface ReviewAgendaData {
  title: string;
  scheduledAt: Date;
  place: string;
  organiser: string;
  invitedOrganisations: string[];
  items: ReviewAgendaItem[];
  createdAt: Date;
}

const amount = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

function drawItem(doc: Doc, item: ReviewAgendaItem, order: number): void {
  drawHeading(doc, `${order}. ${item.number} — ${item.title}`);
  drawKeyValues(doc, [
    { label: "Structure", value: item.organisationName },
    { label: "Dispositif", value: item.schemeName },
    { label: "Département", value: item.department },
    { label: "Étape", value: item.stage },
    { label: "Budget total du projet", value: amount(item.totalBudgetCents) },
    { label: "Montant demandé à la Région", value: amount(item.requestedAmountCents) },
    { label: item.regionAmountLabel, value: formatEuros(item.regionAmountCents) },
  ]);
  if (item.summary) {
    doc.moveDown(0.2);
    drawParagraph(doc, item.summary, { size: 9.5, color: COLORS.muted });
  }
  doc.moveDown(0.4);
  doc
    .font(FONTS.bold)
    .fontSize(BODY_SIZE)
    .fillColor(COLORS.text)
    .text(`${item.planSentence} ${item.confirmedSentence}`, left(doc), doc.y, { width: contentWidth(doc) });
  doc.font(FONTS.regular);
  doc.moveDown(0.3);
  if (item.lines.length > 0) {
    drawTable(doc, {
      columns: [
        { header: "Ressource du plan" },
        { header: "Montant", numeric: true },
        { header: "Confirmé", numeric: true },
        { header: "À confirmer", numeric: true },
        { header: "État" },
      ],
      rows: item.lines.map((line) => [
        line.label,
        formatEuros(line.amountCents),
        formatEuros(line.confirmedCents),
        formatEuros(line.toConfirmCents),
        line.status,
      ]),
      total: [
        "Total du plan",
        formatEuros(item.planCents),
        formatEuros(item.confirmedCents),
        formatEuros(item.toConfirmCents),
        "",
      ],
    });
  }
  if (item.additionsSentence) drawParagraph(doc, item.additionsSentence);
  doc.moveDown(0.3);
  if (item.positions.length === 0) {
    drawParagraph(doc, "Aucun financeur n’a encore partagé de position sur ce dossier.");
  } else {
    drawTable(doc, {
      columns: [
        { header: "Financeur" },
        { header: "Position" },
        { header: "Instrument" },
        { header: "Montant", numeric: true },
      ],
      rows: item.positions.map((position) => [
        position.organisation,
        position.status,
        position.instrument ?? "—",
        amount(position.amountCents),
      ]),
    });
  }
}

export async function renderProjectReviewAgenda(data: ReviewAgendaData): Promise<Buffer> {
  const heading = `Revue de projets du ${formatDate(data.scheduledAt)} — ordre du jour`;
  const doc = createDocument({ title: heading, subject: data.title, createdAt: data.createdAt });
  drawRegionHeader(doc);
  drawTitle(doc, data.title, 18);
  doc.moveDown(0.3);
  drawKeyValues(doc, [
    { label: "Date", value: formatDateTime(data.scheduledAt) },
    { label: /^https?:\/\//i.test(data.place) ? "Visioconférence" : "Lieu", value: data.place },
    { label: "Organisée par", value: data.organiser },
    {
      label: "Organisations invitées",
      value:
        data.invitedOrganisations.length > 0 ? data.invitedOrganisations.join(", ") : "Aucune pour l’instant",
    },
  ]);
  doc.moveDown(0.3);
  drawParagraph(
    doc,
    data.items.length === 0
      ? "Aucun dossier n’est inscrit à l’ordre du jour."
      : `${plural(data.items.length, "dossier")} partagé${data.items.length > 1 ? "s" : ""} par ${data.items.length > 1 ? "leurs porteurs" : "son porteur"} avec la communauté des financeurs.`,
  );

  data.items.forEach((item, index) => drawItem(doc, item, index + 1));

  if (data.items.length > 0) {
    const sum = (pick: (item: ReviewAgendaItem) => number | null) =>
      data.items.reduce((total, item) => total + (pick(item) ?? 0), 0);
    drawHeading(doc, "Récapitulatif");
    drawTable(doc, {
      columns: [
        { header: "N°", numeric: true },
        { header: "Dossier" },
        { header: "Budget total", numeric: true },
        { header: "Plan de financement", numeric: true },
        { header: "Confirmé", numeric: true },
        { header: "À confirmer", numeric: true },
      ],
      rows: data.items.map((item, index) => [
        String(index + 1),
        `${item.number} — ${item.organisationName}`,
        amount(item.totalBudgetCents),
        formatEuros(item.planCents),
        formatEuros(item.confirmedCents),
        formatEuros(item.toConfirmCents),
      ]),
      total: [
        "",
        `Total (${plural(data.items.length, "dossier")})`,
        formatEuros(sum((item) => item.totalBudgetCents)),
        formatEuros(sum((item) => item.planCents)),
        formatEuros(sum((item) => item.confirmedCents)),
        formatEuros(sum((item) => item.toConfirmCents)),
      ],
    });
  }
  doc.moveDown(0.3);
  drawParagraph(
    doc,
    `Document établi le ${formatDate(data.createdAt)}. Seules les positions partagées par les financeurs y figurent.`,
    { size: 9, color: COLORS.muted },
  );
  drawFooters(doc, heading);
  return toBuffer(doc);
}
