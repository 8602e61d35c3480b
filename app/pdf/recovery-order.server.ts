// The « demande de reversement »: the money the Region paid above the subsidy finally due, and how to repay
// it. Amounts to the cent; issued when the instructor decides the recovery, emailed to the association.
import { formatDateInWords, formatEuros } from "~/domain/format";
import { FONTS } from "~/pdf/fonts.server";
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

export interface RecoveryOrderData {
  dossierNumber: string;
  title: string;
  schemeName: string;
  organisation: { name: string; siret: string | null; address: string | null };
  grantedCents: number;
  paidCents: number;
  finallyDueCents: number;
  amountCents: number;
  reason: string;
  decidedAt: Date;
  dueDate: Date;
  signatory: string;
}

const TITLE = "Demande de reversement";

export async function renderRecoveryOrder(data: RecoveryOrderData): Promise<Buffer> {
  const doc = createDocument({
    title: `${TITLE} — dossier ${data.dossierNumber}`,
    subject: `${data.schemeName}\u00a0: ${data.title}`,
    createdAt: data.decidedAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, TITLE);
  doc.moveDown(0.3);
  doc.font(FONTS.bold).fontSize(16).fillColor(COLORS.text).text(data.dossierNumber);
  drawParagraph(doc, `Orléans, le ${formatDateInWords(data.decidedAt)}`, { size: 10 });

  drawHeading(doc, "Bénéficiaire");
  drawKeyValues(doc, [
    { label: "Structure", value: data.organisation.name },
    ...(data.organisation.siret ? [{ label: "SIRET", value: data.organisation.siret }] : []),
    ...(data.organisation.address ? [{ label: "Adresse", value: data.organisation.address }] : []),
    { label: "Projet", value: data.title },
    { label: "Dispositif", value: data.schemeName },
  ]);

  drawHeading(doc, "Montants");
  drawKeyValues(doc, [
    { label: "Subvention accordée", value: formatEuros(data.grantedCents) },
    { label: "Sommes versées par la Région", value: formatEuros(data.paidCents) },
    { label: "Subvention finalement due", value: formatEuros(data.finallyDueCents) },
    { label: "Montant à reverser", value: formatEuros(data.amountCents) },
  ]);

  drawHeading(doc, "Motif");
  drawParagraph(doc, data.reason);

  drawHeading(doc, "Modalités de reversement");
  drawParagraph(
    doc,
    `Vous êtes invité·e à reverser la somme de ${formatEuros(data.amountCents)} au plus tard le ${formatDateInWords(data.dueDate)}, par virement au comptable public de la Région, sur présentation du titre de recette qui vous sera adressé. Rappelez le numéro du dossier ${data.dossierNumber} dans le libellé du virement.`,
  );
  doc.moveDown(0.6);
  drawParagraph(
    doc,
    "Le reversement est dû en application de la convention attributive de subvention, qui limite la subvention aux dépenses effectivement réalisées.",
  );
  doc.moveDown(1.5);
  ensureSpace(doc, 60);
  drawParagraph(doc, data.signatory);
  drawFooters(doc, `${TITLE} — ${data.dossierNumber}`);
  return toBuffer(doc);
}
