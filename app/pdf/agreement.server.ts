// The agreement (convention) between the Region and the beneficiary of a granted aid. Its articles follow
// the usual regional template; the wording of the object, amount, duration and payment terms depends on
// the scheme: a subsidy for three of them, an equity contribution to be repaid for the equity advance.
import { formatDateInWords } from "~/domain/format";
import type { AgreementTerms, ScheduleTable } from "~/domain/post-grant/agreement";
import { FONTS } from "~/pdf/fonts.server";
import {
  amountWithWords,
  drawScheduleLines,
  drawSignatures,
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
  REGION_NAME,
  toBuffer,
  type Doc,
} from "~/pdf/layout.server";

import { agreementArticles, type AgreementArticle } from "./agreement-articles.server";

export type { DocumentDossier } from "~/pdf/instruction-common.server";

export type AgreementSchemeCode = "CAP_ASSO" | "A_VOS_ID" | "CAP_SCOP_SCIC" | "EQUITY_ADVANCE";

export interface AgreementData {
  dossier: DocumentDossier;
  schemeCode: AgreementSchemeCode;
  amountCents: number;
  yearlyAmountsCents: number[];
  sessionDate: Date;
  agreementMonths: number | null;
  /** The payment terms of the rule-set version granted (article 4). */
  terms: AgreementTerms;
  /** The payments planned (or the repayments), relative to the acceptance (article 4). */
  table: ScheduleTable;
  iban: string | null;
  createdAt: Date;
}

const TITLE = "Convention";

export async function renderAgreement(data: AgreementData): Promise<Buffer> {
  const { dossier } = data;
  const doc = createDocument({
    title: `${TITLE} — dossier ${dossier.number}`,
    subject: `${dossier.schemeName}\u00a0: ${dossier.title}`,
    createdAt: data.createdAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, TITLE);
  doc.moveDown(0.2);
  doc
    .font(FONTS.bold)
    .fontSize(12)
    .fillColor(COLORS.text)
    .text(`${dossier.schemeName} — dossier ${dossier.number}`);
  doc.moveDown(0.2);
  drawParagraph(doc, `Projet\u00a0: «\u00a0${dossier.title}\u00a0»`, { size: 11 });

  drawHeading(doc, "Entre les soussignés");
  drawParagraph(
    doc,
    `La ${REGION_NAME}, 9 rue Saint-Pierre Lentin, CS 94117, 45041 Orléans Cedex 1, représentée par la ` +
      "Présidente ou le Président du Conseil régional, agissant en vertu de la délibération de la Commission " +
      `permanente du ${formatDateInWords(data.sessionDate)}, ci-après «\u00a0la Région\u00a0», d’une part,`,
  );
  doc.moveDown(0.5);
  const holder = [
    dossier.organisationName,
    dossier.organisationAddress,
    dossier.siret ? `SIRET ${dossier.siret}` : null,
    dossier.legalRepresentative ? `représentée par ${dossier.legalRepresentative}` : null,
  ].filter(Boolean);
  drawParagraph(doc, `et ${holder.join(", ")}, ci-après «\u00a0le bénéficiaire\u00a0», d’autre part,`);
  doc.moveDown(0.5);
  drawParagraph(doc, "il est convenu ce qui suit.");

  agreementArticles(data).forEach((article, index) => drawArticle(doc, index + 1, article, data));

  doc.moveDown(1);
  drawParagraph(
    doc,
    `Fait en deux exemplaires originaux, à Orléans, le ${formatDateInWords(data.createdAt)}.`,
  );
  drawSignatures(doc, [
    { heading: "Pour la Région", lines: ["La Présidente ou le Président du Conseil régional"] },
    {
      heading: `Pour ${dossier.organisationName}`,
      lines: [dossier.legalRepresentative ?? "Sa représentante ou son représentant légal"],
    },
  ]);

  drawFooters(doc, `${TITLE} — ${dossier.number}`);
  return toBuffer(doc);
}

function drawArticle(doc: Doc, number: number, article: AgreementArticle, data: AgreementData): void {
  drawHeading(doc, `Article ${number} — ${article.title}`);
  article.paragraphs.forEach((paragraph, index) => {
    if (index > 0) doc.moveDown(0.4);
    drawParagraph(doc, paragraph);
  });
  if (article.insert === "amount") {
    doc.moveDown(0.4);
    drawKeyValues(doc, [
      { label: "Montant", value: amountWithWords(data.amountCents) },
      ...(data.yearlyAmountsCents.length > 1 ? yearlyItems(data.yearlyAmountsCents) : []),
    ]);
  }
  if (article.insert === "schedule") drawScheduleLines(doc, data.table);
}
