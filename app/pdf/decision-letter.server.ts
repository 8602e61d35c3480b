// The letter notifying the legal representative of the Commission permanente's decision. It is the
// administrative act the recourse period runs from, so it always ends with the recourse notice.
import { formatDateInWords } from "~/domain/format";
import { ofName, toName } from "~/domain/french-text";
import { FONTS } from "~/pdf/fonts.server";
import {
  amountWithWords,
  drawSignatures,
  drawStrong,
  yearlyItems,
  type DocumentDossier,
} from "~/pdf/instruction-common.server";
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
  ensureSpace,
  left,
  toBuffer,
} from "~/pdf/layout.server";

export type { DocumentDossier } from "~/pdf/instruction-common.server";

export interface DecisionLetterData {
  dossier: DocumentDossier;
  granted: boolean;
  amountCents: number | null;
  yearlyAmountsCents: number[];
  motivation: string;
  sessionDate: Date;
  decidedAt: Date;
  /** RECOURSE_NOTICE from emails/dossier-decided.ts, so the letter and the email say the same. */
  recourseNotice: string;
  /** « Pour la Présidente ou le Président du Conseil régional et par délégation, … » */
  signatory: string;
}

const TITLE = "Notification de décision";

export async function renderDecisionLetter(data: DecisionLetterData): Promise<Buffer> {
  const { dossier } = data;
  const session = formatDateInWords(data.sessionDate);
  const doc = createDocument({
    title: `${TITLE} — dossier ${dossier.number}`,
    subject: `${dossier.schemeName}\u00a0: ${dossier.title}`,
    createdAt: data.decidedAt,
  });
  drawRegionHeader(doc);

  // The addressee, where a window envelope shows it.
  const blockX = left(doc) + contentWidth(doc) / 2;
  const blockWidth = contentWidth(doc) / 2;
  const addressee = [
    dossier.organisationName,
    ...(dossier.legalRepresentative ? [`À l’attention de ${dossier.legalRepresentative}`] : []),
    ...(dossier.organisationAddress ? [dossier.organisationAddress] : []),
  ];
  doc
    .font(FONTS.bold)
    .fontSize(BODY_SIZE)
    .fillColor(COLORS.text)
    .text(addressee[0]!, blockX, doc.y, { width: blockWidth });
  for (const line of addressee.slice(1))
    doc.font(FONTS.regular).text(line, blockX, doc.y, { width: blockWidth });
  doc.moveDown(1.5);
  doc
    .font(FONTS.regular)
    .text(`Orléans, le ${formatDateInWords(data.decidedAt)}`, blockX, doc.y, { width: blockWidth });
  doc.x = left(doc);
  doc.moveDown(1.5);

  drawKeyValues(doc, [
    { label: "Dossier", value: dossier.number },
    { label: "Dispositif", value: dossier.schemeName },
    { label: "Projet", value: dossier.title },
    ...(dossier.siret ? [{ label: "SIRET", value: dossier.siret }] : []),
  ]);
  doc.moveDown(0.5);
  drawStrong(doc, `Objet\u00a0: décision de la Commission permanente du ${session}`);
  doc.moveDown(1);

  drawParagraph(doc, "Madame, Monsieur,");
  doc.moveDown(0.6);
  const motivation = data.motivation.trim();
  if (data.granted) {
    const amount = data.amountCents === null ? "" : ` d’un montant de ${amountWithWords(data.amountCents)}`;
    drawParagraph(
      doc,
      `J’ai le plaisir de vous informer que la Commission permanente du Conseil régional, réunie le ${session}, ` +
        `a décidé d’attribuer ${toName(dossier.organisationName)} une aide${amount} au titre du dispositif ` +
        `${dossier.schemeName}, pour le projet «\u00a0${dossier.title}\u00a0».`,
    );
    if (data.yearlyAmountsCents.length > 1) {
      doc.moveDown(0.6);
      drawParagraph(
        doc,
        `Cette aide est répartie sur ${data.yearlyAmountsCents.length} années de convention\u00a0:`,
      );
      doc.moveDown(0.3);
      drawKeyValues(doc, yearlyItems(data.yearlyAmountsCents));
    }
    if (motivation) {
      doc.moveDown(0.6);
      drawParagraph(doc, `Observations\u00a0: ${motivation}`);
    }
    doc.moveDown(0.6);
    drawParagraph(
      doc,
      "Les conditions d’emploi de cette aide et ses modalités de versement sont précisées dans la convention " +
        "établie entre la Région et votre structure, disponible sur le portail, avec l’échéancier des montants " +
        "prévus. Je vous invite à l’accepter sur le portail, ou à la signer sur papier et à en transmettre la " +
        "copie\u00a0: elle prend effet dès son acceptation par les deux parties, et le premier versement " +
        "suit l’acceptation de la convention par les deux parties.",
    );
  } else {
    drawParagraph(
      doc,
      `J’ai le regret de vous informer que la Commission permanente du Conseil régional, réunie le ${session}, ` +
        `n’a pas retenu la demande d’aide ${ofName(dossier.organisationName)} au titre du dispositif ` +
        `${dossier.schemeName}, pour le projet «\u00a0${dossier.title}\u00a0».`,
    );
    doc.moveDown(0.6);
    drawParagraph(doc, `Motif de la décision\u00a0: ${motivation || "—"}`);
  }
  doc.moveDown(0.6);
  drawParagraph(doc, "Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.");

  drawSignatures(doc, [{ heading: data.signatory, lines: [] }], { align: "right" });

  drawHeading(doc, "Voies et délais de recours");
  drawParagraph(doc, data.recourseNotice, { size: 9 });

  ensureSpace(doc, 20);
  drawFooters(doc, `${TITLE} — ${dossier.number}`);
  return toBuffer(doc);
}
