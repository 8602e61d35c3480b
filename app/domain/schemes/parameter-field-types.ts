// What a field of the rule-set admin form is: its unit, its French label, where its value lives in the
// rule-set parameters and the section of the page it sits in.
export const PARAMETER_SECTIONS = {
  amounts: "Montants, taux et durées",
  conditions: "Conditions d’éligibilité",
  lists: "Listes proposées aux porteurs",
  attachments: "Pièces justificatives",
  payments: "Versements et comptes rendus après l’attribution",
  texts: "Textes affichés aux porteurs",
} as const;
export type ParameterSection = keyof typeof PARAMETER_SECTIONS;

export interface ParameterOption {
  value: string;
  label: string;
}

interface FieldBase {
  /** Name (and id) of the form control. */
  name: string;
  /** Where the value lives in RuleSet.parameters. */
  path: readonly [string] | readonly [string, string];
  label: string;
  hint?: string;
  section: ParameterSection;
}

export type ParameterField =
  | (FieldBase & { kind: "euros" | "percent" | "months" | "decimal" | "integer" | "boolean" | "text" })
  /** One of a few numbers (e.g. the repayment frequency in months). */
  | (FieldBase & { kind: "choice"; options: readonly ParameterOption[] })
  /** Several values of an enumeration, each a checkbox. */
  | (FieldBase & { kind: "checkboxes"; options: readonly ParameterOption[] })
  /**
   * A list typed one item a line: « CODE | Libellé » (coded options, required attachments) or
   * « CODE | Libellé | taux » (A VOS ID expense types). `allowedCodes` when the eligibility questionnaire
   * only knows these codes: an item with another code could never be chosen.
   */
  | (FieldBase & {
      kind: "lines";
      format: "coded" | "attachments" | "rates";
      allowedCodes?: readonly string[];
    });
