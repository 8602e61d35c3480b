// The agenda of a Commission permanente session: the dossiers proposed to it, grouped by scheme, with
// what was asked, what the instruction proposes and its opinion, and the totals the elected members vote.
import { formatDateInWords, formatEuros } from "~/domain/format";
import { FONTS } from "~/pdf/fonts.server";
import {
  COLORS,
  createDocument,
  drawFooters,
  drawHeading,
  drawParagraph,
  drawRegionHeader,
  drawTitle,
  toBuffer,
} from "~/pdf/layout.server";
import { drawTable } from "~/pdf/table.server";

export interface CommissionAgendaItem {
  number: string;
  title: string;
  organisationName: string;
  schemeName: string;
  departmentCode: string | null;
  requestedAmountCents: number | null;
  proposedAmountCents: number | null;
  favourable: boolean | null;
}

export interface CommissionAgendaData {
  title: string;
  sessionDate: Date;
  items: CommissionAgendaItem[];
  createdAt: Date;
}

const OPINION = (favourable: boolean | null) =>
  favourable === null ? "Sans avis" : favourable ? "Favorable" : "Défavorable";

const amount = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));

const sum = (items: readonly CommissionAgendaItem[], pick: (item: CommissionAgendaItem) => number | null) =>
  items.reduce((total, item) => total + (pick(item) ?? 0), 0);

// What the session is asked to vote: an amount proposed with an unfavourable opinion is not granted.
const proposed = (item: CommissionAgendaItem) =>
  item.favourable === false ? null : item.proposedAmountCents;

export async function renderCommissionAgenda(data: CommissionAgendaData): Promise<Buffer> {
  const heading = `Commission permanente du ${formatDateInWords(data.sessionDate)} — ordre du jour`;
  const doc = createDocument({
    title: heading,
    subject: data.title,
    createdAt: data.createdAt,
    layout: "landscape",
  });
  drawRegionHeader(doc);
  drawTitle(doc, heading, 18);
  if (data.title.trim() && data.title.trim() !== heading) {
    doc.moveDown(0.2);
    drawParagraph(doc, data.title.trim(), { size: 11, color: COLORS.muted });
  }
  doc.moveDown(0.3);
  const favourable = data.items.filter((item) => item.favourable === true).length;
  drawParagraph(
    doc,
    data.items.length === 0
      ? "Aucun dossier n’est inscrit à l’ordre du jour."
      : `${data.items.length} dossier${data.items.length > 1 ? "s" : ""} inscrit${data.items.length > 1 ? "s" : ""}, ` +
          `dont ${favourable} avec un avis favorable.`,
  );

  // Schemes in the order the caller sorted the items; order numbers run on across the sections.
  const schemes = [...new Set(data.items.map((item) => item.schemeName))];
  let order = 0;
  for (const scheme of schemes) {
    const items = data.items.filter((item) => item.schemeName === scheme);
    drawHeading(doc, scheme);
    drawTable(doc, {
      columns: [
        { header: "N° d’ordre", numeric: true },
        { header: "Dossier" },
        { header: "Structure" },
        { header: "Projet" },
        { header: "Dépt" },
        { header: "Demandé", numeric: true },
        { header: "Proposé", numeric: true },
        { header: "Avis" },
      ],
      rows: items.map((item) => [
        String(++order),
        item.number,
        item.organisationName,
        item.title,
        item.departmentCode ?? "—",
        amount(item.requestedAmountCents),
        amount(proposed(item)),
        OPINION(item.favourable),
      ]),
      total: [
        "",
        // « CAP ASSO » is one name: it never ends a line apart.
        `Total ${scheme.length <= 16 ? scheme.replace(/ /g, "\u00a0") : scheme}`,
        `${items.length} dossier${items.length > 1 ? "s" : ""}`,
        "",
        "",
        formatEuros(sum(items, (item) => item.requestedAmountCents)),
        formatEuros(sum(items, proposed)),
        "",
      ],
    });
  }

  if (schemes.length > 0) {
    drawHeading(doc, "Récapitulatif");
    drawTable(doc, {
      columns: [
        { header: "Dispositif" },
        { header: "Dossiers", numeric: true },
        { header: "Avis favorables", numeric: true },
        { header: "Demandé", numeric: true },
        { header: "Proposé", numeric: true },
      ],
      rows: schemes.map((scheme) => {
        const items = data.items.filter((item) => item.schemeName === scheme);
        return [
          scheme,
          String(items.length),
          String(items.filter((item) => item.favourable === true).length),
          formatEuros(sum(items, (item) => item.requestedAmountCents)),
          formatEuros(sum(items, proposed)),
        ];
      }),
      total: [
        "Total général",
        String(data.items.length),
        String(favourable),
        formatEuros(sum(data.items, (item) => item.requestedAmountCents)),
        formatEuros(sum(data.items, proposed)),
      ],
    });
  }
  doc.moveDown(0.3);
  drawParagraph(doc, `Document établi le ${formatDateInWords(data.createdAt)}.`, {
    size: 9,
    color: COLORS.muted,
  });
  doc.font(FONTS.regular);

  drawFooters(doc, heading);
  return toBuffer(doc);
}
