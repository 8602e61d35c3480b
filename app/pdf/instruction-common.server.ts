// What the instruction documents (report, decision letter, agreement, schedules) share: the dossier they
// are about, amounts in figures and in words, schedule tables and signature blocks.
import { euroAmountInWords } from "~/domain/amount-in-words";
import { formatDate, formatEuros } from "~/domain/format";
import type { ScheduleTable } from "~/domain/post-grant/agreement";
import type { Schedule } from "~/domain/schedules";
import { FONTS } from "~/pdf/fonts.server";
import { BODY_SIZE, COLORS, contentWidth, ensureSpace, left, type Doc } from "~/pdf/layout.server";
import { heading } from "~/pdf/structure.server";
import { drawTable } from "~/pdf/table.server";

export interface DocumentDossier {
  number: string;
  title: string;
  schemeName: string;
  organisationName: string;
  organisationAddress: string | null;
  siret: string | null;
  /** « Mme Claire Martin, présidente » */
  legalRepresentative: string | null;
}

/** The label/value lines naming a dossier and its holder, the optional ones left out when unknown. */
export function dossierItems(dossier: DocumentDossier): Array<{ label: string; value: string }> {
  return [
    { label: "Dossier", value: dossier.number },
    { label: "Projet", value: dossier.title },
    { label: "Dispositif", value: dossier.schemeName },
    { label: "Structure", value: dossier.organisationName },
    ...(dossier.organisationAddress ? [{ label: "Adresse", value: dossier.organisationAddress }] : []),
    ...(dossier.siret ? [{ label: "SIRET", value: dossier.siret }] : []),
    ...(dossier.legalRepresentative
      ? [{ label: "Représentant légal", value: dossier.legalRepresentative }]
      : []),
  ];
}

/** « 20 000,00 € (vingt mille euros) » */
export function amountWithWords(cents: number): string {
  return `${formatEuros(cents)} (${euroAmountInWords(cents)})`;
}

/** « Année 1 » … with each year's amount, for a CAP ASSO aid paid per agreement year. */
export function yearlyItems(yearlyAmountsCents: readonly number[]): Array<{ label: string; value: string }> {
  return yearlyAmountsCents.map((cents, index) => ({
    label: `Année ${index + 1}`,
    value: formatEuros(cents),
  }));
}

/** The instalments with their due dates; a repayment schedule also says what remains due after each. */
export function drawScheduleTable(doc: Doc, schedule: Schedule, caption?: string): void {
  const repayment = schedule.kind === "REPAYMENT";
  const total = schedule.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
  let remaining = total;
  const rows = schedule.instalments.map((instalment) => {
    remaining -= instalment.amountCents;
    return [
      String(instalment.position),
      formatDate(instalment.dueDate),
      formatEuros(instalment.amountCents),
      ...(repayment ? [formatEuros(remaining)] : []),
    ];
  });
  drawTable(doc, {
    caption,
    columns: [
      { header: "N°", numeric: true },
      { header: "Échéance" },
      { header: repayment ? "Montant à rembourser" : "Montant prévu", numeric: true },
      ...(repayment ? [{ header: "Restant dû après l’échéance", numeric: true }] : []),
    ],
    rows,
    total: ["", "Total", formatEuros(total), ...(repayment ? [""] : [])],
  });
}

/**
 * The decision's schedule as the agreement and the schedule PDF print it: each payment with when it falls
 * relative to the acceptance and its planned amount; a repayment schedule also says what remains due.
 */
export function drawScheduleLines(doc: Doc, table: ScheduleTable, caption?: string): void {
  const repayment = table.kind === "REPAYMENT";
  const total = table.lines.reduce((sum, line) => sum + line.amountCents, 0);
  let remaining = total;
  const rows = table.lines.map((line) => {
    remaining -= line.amountCents;
    return [
      String(line.position),
      ...(repayment ? [] : [line.name]),
      line.when,
      formatEuros(line.amountCents),
      ...(repayment ? [formatEuros(remaining)] : []),
    ];
  });
  drawTable(doc, {
    caption,
    columns: [
      { header: "N°", numeric: true },
      ...(repayment ? [] : [{ header: "Versement" }]),
      { header: "Échéance" },
      { header: repayment ? "Montant à rembourser" : "Montant prévu", numeric: true },
      ...(repayment ? [{ header: "Restant dû après l’échéance", numeric: true }] : []),
    ],
    rows,
    total: ["", ...(repayment ? [] : [""]), "Total", formatEuros(total), ...(repayment ? [""] : [])],
  });
}

/** Side-by-side signature blocks, each with room to sign under its lines; kept together on one page. */
export function drawSignatures(
  doc: Doc,
  blocks: ReadonlyArray<{ heading: string; lines: readonly string[] }>,
  options: { align?: "right" } = {},
): void {
  const room = 130;
  ensureSpace(doc, room);
  const gap = 24;
  const count = options.align === "right" ? 2 : blocks.length;
  const width = (contentWidth(doc) - gap * (count - 1)) / count;
  const top = doc.y + 10;
  let bottom = top;
  blocks.forEach((block, index) => {
    const column = options.align === "right" ? 1 : index;
    const x = left(doc) + column * (width + gap);
    doc.font(FONTS.bold).fontSize(BODY_SIZE).fillColor(COLORS.text).text(block.heading, x, top, { width });
    for (const line of block.lines) doc.font(FONTS.regular).text(line, x, doc.y, { width });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left(doc);
  // Left blank for the handwritten or electronic signature.
  doc.y = bottom + 60;
  doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(COLORS.text);
}

/** A bold line of text across the page: a letter's « Objet », which is the letter's title (H1). */
export function drawStrong(doc: Doc, text: string, size = BODY_SIZE): void {
  heading(doc, 1, () =>
    doc
      .font(FONTS.bold)
      .fontSize(size)
      .fillColor(COLORS.text)
      .text(text, left(doc), doc.y, { width: contentWidth(doc) }),
  );
  doc.font(FONTS.regular).fontSize(BODY_SIZE);
}
