// The payment terms' fields of the rule-set admin form (rule-set parameters under `paymentTerms`, see
// payment-terms.ts), in the « Versements et comptes rendus » section, for each scheme that has them.
import type { SchemeCode } from "~/generated/prisma/enums";

import type { ParameterField } from "./parameter-field-types";

/** A payment term (rule-set parameters under `paymentTerms`), in the « Versements » section. */
const term = (kind: "percent" | "months", name: string, label: string, hint: string): ParameterField => ({
  kind,
  name,
  path: ["paymentTerms", name],
  label,
  hint,
  section: "payments",
});

const termPieces = (name: string, label: string, hint: string): ParameterField => ({
  kind: "lines",
  format: "attachments",
  name,
  path: ["paymentTerms", name],
  label,
  hint: `Une ligne par pièce\u00a0: «\u00a0CODE | Libellé\u00a0». ${hint}`,
  section: "payments",
});

/** What every financial report asks (CAP ASSO and A VOS ID). */
const REPORT_FIELDS: readonly ParameterField[] = [
  term(
    "months",
    "reportDueMonths",
    "Délai de remise du compte rendu financier",
    "En mois après la fin de la période financée (6 selon l’arrêté du 11 octobre 2006).",
  ),
  term(
    "percent",
    "reportVarianceThresholdPercent",
    "Écart à expliquer dans le compte rendu",
    "Toute ligne du budget réalisé qui s’écarte du prévisionnel de plus de ce pourcentage doit être expliquée.",
  ),
  termPieces("reportAttachments", "Pièces du compte rendu financier", "Jointes à chaque compte rendu."),
];

export const PAYMENT_TERM_FIELDS: Record<SchemeCode, readonly ParameterField[]> = {
  CAP_ASSO: [
    term(
      "percent",
      "advancePercent",
      "Avance annuelle",
      "Part du montant de l’année versée en avance\u202f: l’année 1 à l’acceptation de la convention, les suivantes une fois le compte rendu de l’année précédente approuvé (0 à 100).",
    ),
    ...REPORT_FIELDS,
  ],
  A_VOS_ID: [
    term(
      "percent",
      "advancePercent",
      "Avance à l’acceptation de la convention",
      "Part de la subvention versée dès l’acceptation de la convention (0 à 100)\u202f; le solde est versé sur le compte rendu final.",
    ),
    term(
      "months",
      "projectLengthMonths",
      "Durée de réalisation du projet",
      "En mois, à compter de l’acceptation de la convention\u202f: la période couverte par le compte rendu final.",
    ),
    termPieces(
      "balanceAttachments",
      "Pièces de la demande de solde",
      "Jointes à la demande de solde, par exemple l’état récapitulatif des dépenses acquittées.",
    ),
    ...REPORT_FIELDS,
  ],
  CAP_SCOP_SCIC: [
    term(
      "months",
      "proofDeadlineMonths",
      "Délai de présentation des justificatifs",
      "En mois à compter de l’acceptation de la convention\u202f: la coopérative justifie la libération du capital par chaque salarié associé.",
    ),
    termPieces(
      "paymentAttachments",
      "Pièces de la demande de versement",
      "Jointes à la demande de versement, par exemple l’attestation de libération du capital.",
    ),
  ],
  EQUITY_ADVANCE: [],
};
