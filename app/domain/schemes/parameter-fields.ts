// The admin form of a rule set, described field by field: one descriptor per parameter of each scheme,
// with its unit (euros typed, cents stored; whole percentages; months), its French label and where it
// sits on the page. app/domain/schemes/parameter-form.ts turns values to and from these fields.
import { EU_PROGRAMME_CODES, OPERATION_CODES, PRIORITY_CODES } from "~/domain/eligibility/evaluate";
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import { LEGAL_FORM_LABELS, LEGAL_FORMS } from "~/domain/legal-forms";
import type { SchemeCode } from "~/generated/prisma/enums";

import { CAP_ASSO_SECTOR_LABELS } from "./cap-asso";
import { REGION_DEPARTMENT_CODES } from "./common";
import { REPAYMENT_FREQUENCIES_MONTHS } from "./equity-advance";
import { PARAMETER_SECTIONS, type ParameterField } from "./parameter-field-types";
import { PAYMENT_TERM_FIELDS } from "./payment-term-fields";

const euros = (name: string, label: string, hint?: string): ParameterField => ({
  kind: "euros",
  name: name.replace(/Cents$/, ""),
  path: [name],
  label,
  hint: hint ?? "En euros, par exemple 20 000 ou 2 500,50.",
  section: "amounts",
});

const percent = (name: string, label: string, hint?: string): ParameterField => ({
  kind: "percent",
  name,
  path: [name],
  label,
  hint: hint ?? "Pourcentage entier, entre 1 et 100.",
  section: "amounts",
});

const months = (name: string, label: string, hint?: string): ParameterField => ({
  kind: "months",
  name,
  path: [name],
  label,
  hint: hint ?? "En mois (nombre entier).",
  section: "amounts",
});

const codedLines = (
  name: string,
  label: string,
  allowedCodes?: Readonly<Record<string, string | null>>,
): ParameterField => {
  const codes = allowedCodes
    ? Object.values(allowedCodes).filter((code): code is string => code !== null)
    : undefined;
  return {
    kind: "lines",
    format: "coded",
    name,
    path: [name],
    label,
    hint: codes
      ? `Une ligne par élément\u00a0: «\u00a0CODE | Libellé\u00a0». Codes connus du questionnaire d’éligibilité\u00a0: ${codes.join(", ")}.`
      : "Une ligne par élément\u00a0: «\u00a0CODE | Libellé\u00a0»\u202f; le code s’écrit en majuscules, chiffres et «\u00a0_\u00a0».",
    section: "lists",
    ...(codes ? { allowedCodes: codes } : {}),
  };
};

/** Fields every scheme has: territory, legal forms, attachments and the three applicant texts. */
const COMMON_FIELDS: readonly ParameterField[] = [
  {
    kind: "checkboxes",
    name: "eligibleDepartmentCodes",
    path: ["eligibleDepartmentCodes"],
    label: "Départements éligibles",
    hint: "Le siège ou l’activité principale doit être dans l’un des départements cochés.",
    section: "conditions",
    options: REGION_DEPARTMENT_CODES.map((code) => ({
      value: code,
      label: `${REGION_DEPARTMENTS[code]} (${code})`,
    })),
  },
  {
    kind: "checkboxes",
    name: "eligibleLegalForms",
    path: ["eligibleLegalForms"],
    label: "Formes juridiques éligibles",
    section: "conditions",
    options: LEGAL_FORMS.map((form) => ({ value: form, label: LEGAL_FORM_LABELS[form] })),
  },
  {
    kind: "lines",
    format: "attachments",
    name: "requiredAttachments",
    path: ["requiredAttachments"],
    label: "Pièces justificatives demandées",
    hint: "Une ligne par pièce\u00a0: «\u00a0CODE | Libellé\u00a0», par exemple «\u00a0RIB | Relevé d’identité bancaire\u00a0». Garder le code d’une pièce permet de reconnaître les fichiers déjà déposés.",
    section: "attachments",
  },
  {
    kind: "text",
    name: "introduction",
    path: ["applicantTexts", "introduction"],
    label: "Texte de présentation",
    hint: "En tête de la page publique du dispositif.",
    section: "texts",
  },
  {
    kind: "text",
    name: "eligibilityReminder",
    path: ["applicantTexts", "eligibilityReminder"],
    label: "Rappel des conditions d’éligibilité",
    hint: "Rubrique «\u00a0Pour qui\u202f?\u00a0» de la page publique.",
    section: "texts",
  },
  {
    kind: "text",
    name: "filingDeclaration",
    path: ["applicantTexts", "filingDeclaration"],
    label: "Attestation sur l’honneur",
    hint: "Le porteur la coche au dépôt du dossier.",
    section: "texts",
  },
];

const SCHEME_FIELDS: Record<SchemeCode, readonly ParameterField[]> = {
  CAP_ASSO: [
    euros("minAnnualAmountCents", "Montant annuel minimal par projet"),
    euros("maxAnnualAmountCents", "Montant annuel maximal par projet"),
    months(
      "agreementLengthMonths",
      "Durée de la convention",
      "En mois, un nombre entier d’années (36 pour 3 ans).",
    ),
    {
      kind: "decimal",
      name: "minTotalJobsFteExclusive",
      path: ["minTotalJobsFteExclusive"],
      label: "Seuil d’emplois (ETP)",
      hint: "Le projet doit créer ou consolider strictement plus d’ETP que ce seuil\u202f; 0 signifie au moins un emploi.",
      section: "conditions",
    },
    {
      kind: "boolean",
      name: "permanentContractRequired",
      path: ["permanentContractRequired"],
      label: "Les emplois aidés doivent être en CDI",
      section: "conditions",
    },
    {
      kind: "integer",
      name: "maxRenewals",
      path: ["maxRenewals"],
      label: "Nombre de renouvellements possibles",
      hint: "Une fois la convention terminée, combien de fois elle peut être renouvelée.",
      section: "conditions",
    },
    {
      kind: "checkboxes",
      name: "eligibleSectors",
      path: ["eligibleSectors"],
      label: "Secteurs éligibles",
      section: "conditions",
      options: Object.entries(CAP_ASSO_SECTOR_LABELS).map(([value, label]) => ({ value, label })),
    },
    ...PAYMENT_TERM_FIELDS.CAP_ASSO,
  ],
  A_VOS_ID: [
    percent("maxSubsidyRatePercent", "Taux maximal de subvention des dépenses éligibles"),
    euros("minSubsidyCents", "Subvention minimale"),
    euros("maxSubsidyCents", "Subvention maximale"),
    {
      kind: "lines",
      format: "rates",
      name: "expenseTypes",
      path: ["expenseTypes"],
      label: "Types de dépense et leur taux maximal",
      hint: "Une ligne par type\u00a0: «\u00a0CODE | Libellé | taux\u00a0», par exemple «\u00a0OPERATING | Dépenses de fonctionnement | 50\u00a0».",
      section: "lists",
    },
    codedLines("priorities", "Priorités régionales", PRIORITY_CODES),
    codedLines("projectPhases", "Phases du projet"),
    {
      kind: "boolean",
      name: "territoryRequired",
      path: ["territoryRequired"],
      label: "Chaque dossier doit indiquer son territoire de contrat (CRST)",
      section: "conditions",
    },
    ...PAYMENT_TERM_FIELDS.A_VOS_ID,
  ],
  CAP_SCOP_SCIC: [
    percent(
      "subsidyRateOfContributionPercent",
      "Taux de la subvention sur l’apport de chaque salarié associé",
      "Pourcentage entier : 100 signifie que la Région double l’apport.",
    ),
    euros("maxSubsidyPerEmployeeAssociateCents", "Subvention maximale par salarié associé"),
    euros("maxSubsidyPerCooperativeCents", "Subvention maximale par coopérative"),
    {
      kind: "integer",
      name: "minEmployeeAssociates",
      path: ["minEmployeeAssociates"],
      label: "Nombre minimal de salariés associés",
      section: "conditions",
    },
    codedLines("operationTypes", "Types d’opération", OPERATION_CODES),
    ...PAYMENT_TERM_FIELDS.CAP_SCOP_SCIC,
  ],
  EQUITY_ADVANCE: [
    euros("minAmountCents", "Montant minimal de l’avance"),
    euros("maxAmountCents", "Montant maximal de l’avance"),
    percent("maxShareOfEuGrantPercent", "Part maximale de la subvention européenne couverte"),
    months("maxDurationMonths", "Durée maximale de l’avance"),
    months(
      "maxRescheduledDurationMonths",
      "Durée maximale après rééchelonnement",
      "En mois depuis le versement de l’avance, avenant compris.",
    ),
    months(
      "repaymentDeferralMonths",
      "Différé avant le premier remboursement",
      "En mois (nombre entier, 0 pour aucun différé).",
    ),
    {
      kind: "choice",
      name: "repaymentFrequencyMonths",
      path: ["repaymentFrequencyMonths"],
      label: "Périodicité des remboursements",
      section: "amounts",
      options: REPAYMENT_FREQUENCIES_MONTHS.map((value) => ({
        value: String(value),
        label: { 1: "Mensuelle", 3: "Trimestrielle", 6: "Semestrielle", 12: "Annuelle" }[value],
      })),
    },
    codedLines("euProgrammes", "Programmes européens", EU_PROGRAMME_CODES),
  ],
};

/** Every field of a scheme's rule set, in the order of the form's sections. */
export function parameterFields(code: SchemeCode): ParameterField[] {
  const order = Object.keys(PARAMETER_SECTIONS);
  return [...SCHEME_FIELDS[code], ...COMMON_FIELDS].sort(
    (a, b) => order.indexOf(a.section) - order.indexOf(b.section),
  );
}
