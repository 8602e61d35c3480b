// The acceptance certificate (certificat d’acceptation) of an agreement: who accepted it for each party,
// when (Paris time), from which address, how (online or signed on paper), the declaration word for word,
// and the SHA-256 of the exact agreement PDF accepted, so anyone can check later which text was agreed to.
import { formatDateInWords, formatDateTime } from "~/domain/format";
import { FONTS } from "~/pdf/fonts.server";
import { dossierItems, type DocumentDossier } from "~/pdf/instruction-common.server";
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

export interface CertifiedAcceptance {
  /** « Pour le bénéficiaire » / « Pour la Région ». */
  party: string;
  signatoryName: string;
  signatoryRole: string | null;
  /** The portal account that recorded it (the person, or the instructor for the Region). */
  recordedBy: string;
  method: "ONLINE" | "PAPER";
  acceptedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  declaration: string;
  /** PAPER: the scan's file name and SHA-256. */
  scan: { fileName: string; sha256: string } | null;
}

export interface AcceptanceCertificateData {
  dossier: DocumentDossier;
  agreementFileName: string;
  agreementIssuedOn: Date;
  agreementSha256: string;
  acceptances: CertifiedAcceptance[];
  /** When both had accepted: the agreement takes effect. */
  effectiveAt: Date;
  createdAt: Date;
}

const TITLE = "Certificat d’acceptation de la convention";

export const METHOD_LABELS = {
  ONLINE: "Acceptation en ligne sur le portail (signature électronique simple)",
  PAPER: "Convention signée sur papier, copie numérisée transmise sur le portail",
} as const;

export async function renderAcceptanceCertificate(data: AcceptanceCertificateData): Promise<Buffer> {
  const { dossier } = data;
  const doc = createDocument({
    title: `${TITLE} — dossier ${dossier.number}`,
    subject: `${dossier.schemeName}\u00a0: ${dossier.title}`,
    createdAt: data.createdAt,
  });
  drawRegionHeader(doc);
  drawTitle(doc, TITLE);
  doc.moveDown(0.3);
  doc.font(FONTS.bold).fontSize(16).fillColor(COLORS.text).text(dossier.number);

  drawHeading(doc, "Dossier");
  drawKeyValues(doc, dossierItems(dossier));

  drawHeading(doc, "Convention acceptée");
  drawKeyValues(doc, [
    { label: "Document", value: data.agreementFileName },
    { label: "Établie le", value: formatDateInWords(data.agreementIssuedOn) },
    { label: "Empreinte SHA-256", value: data.agreementSha256 },
    { label: "Prise d’effet", value: `${formatDateTime(data.effectiveAt)} (heure de Paris)` },
  ]);

  for (const acceptance of data.acceptances) {
    drawHeading(doc, acceptance.party);
    drawKeyValues(doc, [
      {
        label: "Signataire",
        value: acceptance.signatoryRole
          ? `${acceptance.signatoryName}, ${acceptance.signatoryRole}`
          : acceptance.signatoryName,
      },
      { label: "Enregistrée par", value: acceptance.recordedBy },
      { label: "Le", value: `${formatDateTime(acceptance.acceptedAt)} (heure de Paris)` },
      { label: "Mode", value: METHOD_LABELS[acceptance.method] },
      { label: "Adresse IP", value: acceptance.ipAddress ?? "non relevée" },
      ...(acceptance.userAgent ? [{ label: "Navigateur", value: acceptance.userAgent }] : []),
      ...(acceptance.scan
        ? [
            { label: "Copie signée", value: acceptance.scan.fileName },
            { label: "Empreinte de la copie", value: acceptance.scan.sha256 },
          ]
        : []),
    ]);
    doc.moveDown(0.3);
    drawParagraph(doc, `Déclaration\u00a0: «\u00a0${acceptance.declaration}\u00a0»`, { size: 9 });
  }

  doc.moveDown(1);
  ensureSpace(doc, 60);
  drawParagraph(
    doc,
    "Ce certificat atteste que les deux parties ont accepté la convention identifiée ci-dessus. " +
      "L’empreinte SHA-256 permet de vérifier que le fichier de la convention est, octet pour octet, celui " +
      "qui a été accepté\u00a0: la moindre modification du fichier change son empreinte.",
  );
  doc.moveDown(0.5);
  drawParagraph(doc, `Établi le ${formatDateInWords(data.createdAt)}.`, { size: 9, color: COLORS.muted });

  drawFooters(doc, `${TITLE} — ${dossier.number}`);
  return toBuffer(doc);
}
