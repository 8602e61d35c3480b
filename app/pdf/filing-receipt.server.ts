// The filing receipt (récépissé de dépôt): what an applicant keeps as proof of what they filed and when.
// Each attachment's SHA-256 lets anyone check later that a file is the one that was filed, byte for byte.
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
  ensureSpace,
  toBuffer,
} from "~/pdf/layout.server";

export interface FilingReceiptData {
  dossierNumber: string;
  filedAt: Date;
  schemeName: string;
  ruleSetVersion: number;
  title: string;
  organisation: {
    name: string;
    legalForm: string;
    siret: string | null;
    rnaNumber: string | null;
    address: string | null;
  };
  filedBy: string;
  amounts: Array<{ label: string; cents: number }>;
  attachments: Array<{ label: string; fileName: string; sizeBytes: number; sha256: string }>;
  url: string;
}

const TITLE = "Récépissé de dépôt";

export async function renderFilingReceipt(data: FilingReceiptData): Promise<Buffer> {
  const doc = createDocument({
    title: `${TITLE} — dossier ${data.dossierNumber}`,
    subject: `${data.schemeName}\u00a0: ${data.title}`,
    createdAt: data.filedAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, TITLE);
  doc.moveDown(0.3);
  doc.font(FONTS.bold).fontSize(24).fillColor(COLORS.text).text(data.dossierNumber);
  doc.moveDown(0.2);
  drawParagraph(doc, `Déposé le ${formatDateTime(data.filedAt)}`, { size: 11 });

  drawHeading(doc, "Dossier");
  drawKeyValues(doc, [
    { label: "Projet", value: data.title },
    {
      label: "Dispositif",
      value: `${data.schemeName} — règlement en vigueur, version ${data.ruleSetVersion}`,
    },
    { label: "Déposé par", value: data.filedBy },
  ]);

  drawHeading(doc, "Structure");
  const { organisation } = data;
  drawKeyValues(doc, [
    { label: "Nom", value: organisation.name },
    { label: "Forme juridique", value: organisation.legalForm },
    ...(organisation.siret ? [{ label: "SIRET", value: organisation.siret }] : []),
    ...(organisation.rnaNumber ? [{ label: "Numéro RNA", value: organisation.rnaNumber }] : []),
    ...(organisation.address ? [{ label: "Adresse", value: organisation.address }] : []),
  ]);

  if (data.amounts.length > 0) {
    drawHeading(doc, "Montants");
    drawKeyValues(
      doc,
      data.amounts.map((amount) => ({ label: amount.label, value: formatEuros(amount.cents) })),
    );
  }

  drawAttachments(doc, data.attachments);

  doc.moveDown(1);
  ensureSpace(doc, 90);
  drawParagraph(
    doc,
    "Ce récépissé atteste du dépôt de votre dossier. Il ne vaut pas décision d’attribution\u00a0: la " +
      "Région instruit votre demande et vous informera de sa décision." +
      (data.attachments.length > 0
        ? " Les empreintes SHA-256 ci-dessus permettent de vérifier que les pièces n’ont pas été " +
          "modifiées depuis leur dépôt."
        : ""),
  );
  doc.moveDown(0.6);
  drawParagraph(doc, "Suivre votre dossier sur le portail\u00a0:");
  doc
    .font(FONTS.regular)
    .fontSize(10)
    .fillColor(COLORS.brand)
    .text(data.url, { link: data.url, underline: true });

  drawFooters(doc, `${TITLE} — ${data.dossierNumber}`);
  return toBuffer(doc);
}
