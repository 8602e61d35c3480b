// The PDF documents of a dossier as applicants download them, by the French segment of their address.
import { DocumentKind } from "~/generated/prisma/enums";

/** The documents an applicant may download, by URL segment. The instructor's report is never one of them. */
export const ISSUED_DOCUMENTS = {
  recepisse: { kind: DocumentKind.FILING_RECEIPT, label: "Récépissé de dépôt", fileStem: "Récépissé" },
  decision: { kind: DocumentKind.DECISION_LETTER, label: "Lettre de décision", fileStem: "Décision" },
  convention: { kind: DocumentKind.AGREEMENT, label: "Convention", fileStem: "Convention" },
  versements: {
    kind: DocumentKind.PAYMENT_SCHEDULE,
    label: "Échéancier de versement",
    fileStem: "Échéancier de versement",
  },
  echeancier: {
    kind: DocumentKind.REPAYMENT_SCHEDULE,
    label: "Échéancier de remboursement",
    fileStem: "Échéancier de remboursement",
  },
  "certificat-acceptation": {
    kind: DocumentKind.ACCEPTANCE_CERTIFICATE,
    label: "Certificat d’acceptation de la convention",
    fileStem: "Certificat d’acceptation",
  },
  // After the grant: the latest financial report sent (each period's at /comptes-rendus/:period/pdf) and
  // the latest « demande de reversement ».
  "compte-rendu-financier": {
    kind: DocumentKind.FINANCIAL_REPORT,
    label: "Compte rendu financier",
    fileStem: "Compte rendu financier",
  },
  reversement: {
    kind: DocumentKind.RECOVERY_ORDER,
    label: "Demande de reversement",
    fileStem: "Demande de reversement",
  },
  // The equity advance after its payment: the latest amendment (rescheduling), formal reminder, and the
  // statement that it is entirely repaid.
  avenant: {
    kind: DocumentKind.ADVANCE_AMENDMENT,
    label: "Avenant de rééchelonnement",
    fileStem: "Avenant",
  },
  relance: {
    kind: DocumentKind.ADVANCE_REMINDER_LETTER,
    label: "Lettre de relance",
    fileStem: "Relance",
  },
  "attestation-remboursement": {
    kind: DocumentKind.REPAYMENT_CERTIFICATE,
    label: "Attestation de remboursement intégral",
    fileStem: "Attestation de remboursement intégral",
  },
} as const;

export type IssuedDocumentSlug = keyof typeof ISSUED_DOCUMENTS;
export const COMPLETE_DOSSIER_SLUG = "dossier-complet";

export type DocumentSlug = IssuedDocumentSlug | typeof COMPLETE_DOSSIER_SLUG;

export function documentHref(dossierId: string, slug: DocumentSlug) {
  return `/dossiers/${dossierId}/documents/${slug}`;
}

/** The documents named by a feminine noun: « Lettre de décision », « Convention ». */
const FEMININE: ReadonlySet<string> = new Set<string>([
  "decision",
  "convention",
  "reversement",
  "relance",
  "attestation-remboursement",
]);

/** « établie le 07/12/2026 » for a letter or an agreement, « établi le 07/12/2026 » for the others. */
export function issuedOn(slug: string, date: string): string {
  return `${FEMININE.has(slug) ? "établie" : "établi"} le ${date}`;
}
