// The documents a Commission Permanente decision issues: the decision letter always; for a grant, the
// agreement and the payment (or, for an equity advance, repayment) schedule. Rendered from data read before
// the decision's transaction, stored, then recorded inside it.
import type { SessionDecision } from "~/domain/commission";
import { ISSUED_DOCUMENTS } from "~/domain/dossier-documents";
import {
  capAssoPaymentSchedule,
  equityAdvanceRepaymentSchedule,
  singlePaymentSchedule,
  splitYearly,
  type Schedule,
} from "~/domain/schedules";
import {
  agreementTermsOf,
  scheduleTable,
  type AgreementTerms,
  type ScheduleTable,
} from "~/domain/post-grant/agreement";
import { parseRuleSetParameters } from "~/domain/schemes";
import type { Prisma } from "~/generated/prisma/client";
import { DocumentKind, DossierEventKind, SchemeCode } from "~/generated/prisma/enums";
import { renderAgreement } from "~/pdf/agreement.server";
import { renderDecisionLetter, type DocumentDossier } from "~/pdf/decision-letter.server";
import { renderSchedule } from "~/pdf/schedule.server";
import { RECOURSE_NOTICE } from "~emails/dossier-decided";

import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";

/** Who signs decision letters on behalf of the Region. */
export const DECISION_SIGNATORY =
  "Pour la Présidente ou le Président du Conseil régional et par délégation, la directrice de l’Économie sociale et solidaire";

export interface DecisionDossier {
  id: string;
  number: string;
  title: string;
  schemeCode: SchemeCode;
  schemeName: string;
  ruleSetParameters: unknown;
  organisation: {
    name: string;
    addressLine: string | null;
    postcode: string | null;
    city: string | null;
    siret: string | null;
    legalRepresentativeName: string | null;
    legalRepresentativeRole: string | null;
    iban: string | null;
  };
}

/** The dossier as the documents name it: « Claire Martin, présidente », the postal address on one line. */
export function documentDossier(dossier: DecisionDossier): DocumentDossier {
  const { organisation } = dossier;
  const town = [organisation.postcode, organisation.city].filter(Boolean).join(" ");
  const address = [organisation.addressLine, town].filter(Boolean).join(", ");
  const role = organisation.legalRepresentativeRole?.trim();
  const representative = organisation.legalRepresentativeName?.trim()
    ? role
      ? `${organisation.legalRepresentativeName.trim()}, ${role.charAt(0).toLowerCase()}${role.slice(1)}`
      : organisation.legalRepresentativeName.trim()
    : null;
  return {
    number: dossier.number,
    title: dossier.title,
    schemeName: dossier.schemeName,
    organisationName: organisation.name,
    organisationAddress: address || null,
    siret: organisation.siret,
    legalRepresentative: representative,
  };
}

function parameters<C extends SchemeCode>(schemeCode: C, json: unknown) {
  const parsed = parseRuleSetParameters(schemeCode, json);
  // A published rule set was validated when it was saved: failing here is a defect, not bad input.
  if (!parsed.ok) throw new Error(`Paramètres du dispositif illisibles : ${parsed.error}`);
  return parsed.parameters;
}

/** How a grant is paid, or an equity advance repaid, counted from the session that voted it. */
export function decisionSchedule(
  dossier: Pick<DecisionDossier, "schemeCode" | "ruleSetParameters">,
  amountCents: number,
  yearlyAmountsCents: readonly number[],
  sessionDate: Date,
): Schedule {
  switch (dossier.schemeCode) {
    case SchemeCode.CAP_ASSO: {
      const years = Math.max(
        1,
        Math.round(parameters(SchemeCode.CAP_ASSO, dossier.ruleSetParameters).agreementLengthMonths / 12),
      );
      const yearly = yearlyAmountsCents.length > 0 ? yearlyAmountsCents : splitYearly(amountCents, years);
      return capAssoPaymentSchedule(yearly, sessionDate);
    }
    case SchemeCode.EQUITY_ADVANCE: {
      const rules = parameters(SchemeCode.EQUITY_ADVANCE, dossier.ruleSetParameters);
      return equityAdvanceRepaymentSchedule(
        amountCents,
        {
          maxDurationMonths: rules.maxDurationMonths,
          repaymentDeferralMonths: rules.repaymentDeferralMonths,
          repaymentFrequencyMonths: rules.repaymentFrequencyMonths,
        },
        sessionDate,
      );
    }
    default:
      return singlePaymentSchedule(amountCents, sessionDate);
  }
}

/**
 * What the agreement's article 4 and the schedule PDF print: the payment terms of the dossier's rule-set
 * version and the payments they plan (or the advance's repayments), counted from the acceptance.
 */
export function decisionTerms(
  dossier: Pick<DecisionDossier, "schemeCode" | "ruleSetParameters">,
  amountCents: number,
  yearlyAmountsCents: readonly number[],
): { terms: AgreementTerms; table: ScheduleTable } {
  const terms = agreementTermsOf(dossier.schemeCode, dossier.ruleSetParameters);
  return { terms, table: scheduleTable({ terms, grantedAmountCents: amountCents, yearlyAmountsCents }) };
}

export function agreementMonths(
  dossier: Pick<DecisionDossier, "schemeCode" | "ruleSetParameters">,
): number | null {
  if (dossier.schemeCode === SchemeCode.CAP_ASSO) {
    return parameters(SchemeCode.CAP_ASSO, dossier.ruleSetParameters).agreementLengthMonths;
  }
  if (dossier.schemeCode === SchemeCode.EQUITY_ADVANCE) {
    return parameters(SchemeCode.EQUITY_ADVANCE, dossier.ruleSetParameters).maxDurationMonths;
  }
  return null;
}

export interface RenderedDocument {
  kind: DocumentKind;
  /** The name the applicant sees, e.g. « Décision CAPASSO-2026-00042.pdf ». */
  fileName: string;
  pdf: Buffer;
}

const FILE_STEMS: Partial<Record<DocumentKind, string>> = Object.fromEntries(
  Object.values(ISSUED_DOCUMENTS).map((document) => [document.kind, document.fileStem]),
);

const named = (kind: DocumentKind, number: string, pdf: Buffer): RenderedDocument => ({
  kind,
  fileName: `${FILE_STEMS[kind] ?? "Document"} ${number}.pdf`,
  pdf,
});

/** The decision's documents and, for a grant, its schedule. */
export async function renderDecisionDocuments(input: {
  dossier: DecisionDossier;
  decision: SessionDecision;
  sessionDate: Date;
  decidedAt: Date;
}): Promise<{ schedule: Schedule | null; documents: RenderedDocument[] }> {
  const { dossier, decision, sessionDate, decidedAt } = input;
  const subject = documentDossier(dossier);
  const granted = decision.outcome === "GRANTED";
  const letter = await renderDecisionLetter({
    dossier: subject,
    granted,
    amountCents: granted ? decision.amountCents : null,
    yearlyAmountsCents: granted ? decision.yearlyAmountsCents : [],
    motivation: decision.motivation,
    sessionDate,
    decidedAt,
    recourseNotice: RECOURSE_NOTICE,
    signatory: DECISION_SIGNATORY,
  });
  const documents = [named(DocumentKind.DECISION_LETTER, dossier.number, letter)];
  if (!granted || decision.amountCents === null) return { schedule: null, documents };

  const schedule = decisionSchedule(dossier, decision.amountCents, decision.yearlyAmountsCents, sessionDate);
  const { terms, table } = decisionTerms(dossier, decision.amountCents, decision.yearlyAmountsCents);
  const agreement = await renderAgreement({
    dossier: subject,
    schemeCode: dossier.schemeCode,
    amountCents: decision.amountCents,
    yearlyAmountsCents: decision.yearlyAmountsCents,
    sessionDate,
    agreementMonths: agreementMonths(dossier),
    terms,
    table,
    iban: dossier.organisation.iban,
    createdAt: decidedAt,
  });
  const schedulePdf = await renderSchedule({
    dossier: subject,
    amountCents: decision.amountCents,
    yearlyAmountsCents:
      schedule.kind === "PAYMENT" ? schedule.instalments.map((item) => item.amountCents) : [],
    table,
    createdAt: decidedAt,
  });
  documents.push(
    named(DocumentKind.AGREEMENT, dossier.number, agreement),
    named(
      schedule.kind === "REPAYMENT" ? DocumentKind.REPAYMENT_SCHEDULE : DocumentKind.PAYMENT_SCHEDULE,
      dossier.number,
      schedulePdf,
    ),
  );
  return { schedule, documents };
}

export interface StoredDocument {
  kind: DocumentKind;
  fileName: string;
  storageKey: string;
}

/**
 * Stores the documents. Each key is pushed to `written` before its file is put, so the caller can delete
 * every file that may exist if anything later fails.
 */
export async function storeDecisionDocuments(
  storage: FileStorage,
  documents: readonly RenderedDocument[],
  now: Date,
  written: string[],
): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = [];
  for (const document of documents) {
    const storageKey = newStorageKey(now);
    written.push(storageKey);
    await storage.put(storageKey, document.pdf, { contentType: "application/pdf" });
    stored.push({ kind: document.kind, fileName: document.fileName, storageKey });
  }
  return stored;
}

/** The timeline's line for each document issued; the filing receipt has none (the filing says it). */
const ISSUED_REASONS: Record<DocumentKind, string | null> = {
  FILING_RECEIPT: null,
  COMPLETE_DOSSIER: "Document établi",
  INSTRUCTOR_REPORT: "Rapport d’instruction établi",
  DECISION_LETTER: "Lettre de décision établie",
  AGREEMENT: "Convention établie",
  PAYMENT_SCHEDULE: "Échéancier de versement établi",
  REPAYMENT_SCHEDULE: "Échéancier de remboursement établi",
  ACCEPTANCE_CERTIFICATE: "Certificat d’acceptation de la convention établi",
  FINANCIAL_REPORT: "Compte rendu financier établi",
  RECOVERY_ORDER: "Demande de reversement établie",
  ADVANCE_AMENDMENT: "Avenant de rééchelonnement établi",
  ADVANCE_REMINDER_LETTER: "Lettre de relance établie",
  REPAYMENT_CERTIFICATE: "Attestation de remboursement intégral établie",
};

/** The documents' rows and their entries in the dossier's timeline, in the transition's transaction. */
export async function recordIssuedDocuments(
  tx: Prisma.TransactionClient,
  input: { dossierId: string; actorId: string | null; documents: readonly StoredDocument[]; now: Date },
): Promise<void> {
  for (const document of input.documents) {
    const row = await tx.generatedDocument.create({
      data: {
        dossierId: input.dossierId,
        kind: document.kind,
        storageKey: document.storageKey,
        createdAt: input.now,
      },
      select: { id: true },
    });
    const reason = ISSUED_REASONS[document.kind];
    if (reason === null) continue;
    await tx.dossierEvent.create({
      data: {
        dossierId: input.dossierId,
        kind: DossierEventKind.DOCUMENT_ISSUED,
        actorId: input.actorId,
        reason,
        data: { documentId: row.id, kind: document.kind },
        createdAt: input.now,
      },
    });
  }
}
