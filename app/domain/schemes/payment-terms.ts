// How a grant is paid and accounted for after the Commission's decision: each scheme's payment terms are
// rule-set parameters (versioned, edited by administrators like the rest), read from the version the dossier
// was granted under. app/domain/post-grant/plan.ts turns them into a dossier's payments and reports.
import { z } from "zod";

import { months, percent, requiredAttachmentSchema, type RequiredAttachment } from "./common";

/** A percentage that may be 0 (no advance, no tolerance). */
function percentOrZero(label: string) {
  return z
    .int({ error: `${label}\u00a0: indiquez un pourcentage entier (15 pour 15\u00a0%).` })
    .min(0, { error: `${label}\u00a0: le pourcentage ne peut pas être négatif.` })
    .max(100, { error: `${label}\u00a0: le pourcentage ne peut pas dépasser 100\u00a0%.` });
}

function pieces(label: string) {
  return z
    .array(requiredAttachmentSchema, { error: `${label}\u00a0: une liste est attendue.` })
    .refine((items) => new Set(items.map((item) => item.kind)).size === items.length, {
      error: `${label}\u00a0: chaque code de pièce ne doit figurer qu’une fois.`,
    });
}

/** What every financial report asks, whatever the scheme. */
const reportShape = {
  /** The report is due this many months after the end of the financed period (6 by law). */
  reportDueMonths: months("Délai de remise du compte rendu financier"),
  /** A budget line whose actual amount differs from the forecast by more than this must be explained. */
  reportVarianceThresholdPercent: percent("Écart à justifier dans le compte rendu"),
  /** Pieces sent with each report (approved accounts, activity report...). */
  reportAttachments: pieces("Pièces du compte rendu financier"),
};

/** CAP ASSO: each year, an advance once the year may start, the year's balance on its report. */
export const capAssoPaymentTermsSchema = z.strictObject({
  /** Share of the year's amount paid as an advance (year 1 at acceptance, then once the previous report is approved). */
  advancePercent: percentOrZero("Avance annuelle"),
  ...reportShape,
});

/** A VOS ID: an advance at acceptance; the balance on the final report and the statement of expenses paid. */
export const aVosIdPaymentTermsSchema = z.strictObject({
  advancePercent: percentOrZero("Avance à l’acceptation de la convention"),
  /** The financed project's length, from the acceptance of the agreement. */
  projectLengthMonths: months("Durée de réalisation du projet"),
  /** Pieces sent with the request of the balance (the statement of expenses actually paid). */
  balanceAttachments: pieces("Pièces de la demande de solde"),
  ...reportShape,
});

/** CAP SCOP-SCIC: one payment on proof that each employee-associate's capital was subscribed and paid up. */
export const capScopScicPaymentTermsSchema = z.strictObject({
  /** The proof must be sent within this many months of the acceptance of the agreement. */
  proofDeadlineMonths: months("Délai de présentation des justificatifs"),
  /** Pieces sent with the request (the cooperative's certificate of paid-up capital...). */
  paymentAttachments: pieces("Pièces de la demande de versement"),
});

export type CapAssoPaymentTerms = z.output<typeof capAssoPaymentTermsSchema>;
export type AVosIdPaymentTerms = z.output<typeof aVosIdPaymentTermsSchema>;
export type CapScopScicPaymentTerms = z.output<typeof capScopScicPaymentTermsSchema>;

const APPROVED_ACCOUNTS: RequiredAttachment = {
  kind: "APPROVED_ACCOUNTS",
  label: "Comptes annuels approuvés de l’exercice",
};
const ACTIVITY_REPORT: RequiredAttachment = {
  kind: "ACTIVITY_REPORT",
  label: "Rapport d’activité de l’année",
};

/** Defaults, as the schemes' deliberations and the arrêté of 11 October 2006 set them. */
export const DEFAULT_CAP_ASSO_PAYMENT_TERMS: CapAssoPaymentTerms = {
  advancePercent: 50,
  reportDueMonths: 6,
  reportVarianceThresholdPercent: 15,
  reportAttachments: [APPROVED_ACCOUNTS, ACTIVITY_REPORT],
};

export const DEFAULT_A_VOS_ID_PAYMENT_TERMS: AVosIdPaymentTerms = {
  advancePercent: 30,
  projectLengthMonths: 24,
  balanceAttachments: [
    {
      kind: "EXPENSE_STATEMENT",
      label: "État récapitulatif des dépenses acquittées, certifié par le représentant légal",
    },
  ],
  reportDueMonths: 6,
  reportVarianceThresholdPercent: 15,
  reportAttachments: [APPROVED_ACCOUNTS, { kind: "ACTIVITY_REPORT", label: "Bilan de l’initiative" }],
};

export const DEFAULT_CAP_SCOP_SCIC_PAYMENT_TERMS: CapScopScicPaymentTerms = {
  proofDeadlineMonths: 12,
  paymentAttachments: [
    {
      kind: "CAPITAL_CERTIFICATE",
      label: "Attestation de la coopérative\u00a0: capital souscrit et libéré par chaque salarié associé",
    },
  ],
};
