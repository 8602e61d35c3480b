// The four schemes (dispositifs): their identity and the zod schemas of their rule-set parameters.
// Amounts, rates and durations live in RuleSet.parameters (versioned, edited by admins), never in code;
// the defaults here are only rule-set version 1 as seeded.
import { z } from "zod";

import { SchemeCode } from "~/generated/prisma/enums";

import { aVosId, type AVosIdParameters } from "./a-vos-id";
import { capAsso, type CapAssoParameters } from "./cap-asso";
import { capScopScic, type CapScopScicParameters } from "./cap-scop-scic";
import { equityAdvance, type EquityAdvanceParameters } from "./equity-advance";

export { aVosId, aVosIdParametersSchema, type AVosIdParameters } from "./a-vos-id";
export { CAP_ASSO_SECTOR_LABELS, capAsso, capAssoParametersSchema, type CapAssoParameters } from "./cap-asso";
export { capScopScic, capScopScicParametersSchema, type CapScopScicParameters } from "./cap-scop-scic";
export {
  equityAdvance,
  equityAdvanceParametersSchema,
  REPAYMENT_FREQUENCIES_MONTHS,
  type EquityAdvanceParameters,
} from "./equity-advance";
export {
  REGION_DEPARTMENT_CODES,
  type ApplicantTexts,
  type RegionDepartmentCode,
  type RequiredAttachment,
  type SchemeDefinition,
} from "./common";

/** Typed rule-set parameters of each scheme. */
export interface RuleSetParametersByScheme {
  CAP_ASSO: CapAssoParameters;
  A_VOS_ID: AVosIdParameters;
  CAP_SCOP_SCIC: CapScopScicParameters;
  EQUITY_ADVANCE: EquityAdvanceParameters;
}

/** Every scheme, keyed by its code. */
export const SCHEMES = {
  CAP_ASSO: capAsso,
  A_VOS_ID: aVosId,
  CAP_SCOP_SCIC: capScopScic,
  EQUITY_ADVANCE: equityAdvance,
} as const satisfies Record<SchemeCode, unknown>;

/** The schemes in the order they are presented to users. */
export const SCHEME_LIST = [capAsso, aVosId, capScopScic, equityAdvance] as const;

export function schemeByNumberPrefix(prefix: string) {
  return SCHEME_LIST.find((scheme) => scheme.numberPrefix === prefix);
}

export function isSchemeCode(value: unknown): value is SchemeCode {
  return typeof value === "string" && Object.hasOwn(SCHEMES, value);
}

/** Rule-set version 1 of a scheme (a fresh copy, safe to modify). */
export function defaultRuleSetParameters<C extends SchemeCode>(code: C): RuleSetParametersByScheme[C] {
  return structuredClone(SCHEMES[code].defaultParameters) as RuleSetParametersByScheme[C];
}

export interface ParameterIssue {
  /** Dotted path of the parameter, e.g. `maxAnnualAmountCents` or `requiredAttachments.2.label`; "" for the whole set. */
  path: string;
  /** French message, self-contained (it names the parameter). */
  message: string;
}

export type RuleSetParametersResult<C extends SchemeCode> =
  | { ok: true; parameters: RuleSetParametersByScheme[C] }
  | { ok: false; error: string; issues: ParameterIssue[] };

const frenchLocale = z.locales.fr();

// Unknown keys are how wrong units usually show up (an admin or an import writing `maxAmountEuros`):
// say which key and what the units are.
const frenchErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `«\u00a0${key}\u00a0»`).join(", ");
    return `Paramètre inconnu\u00a0: ${keys}. Les montants s’expriment en centimes (…Cents), les taux en pourcentage entier (…Percent) et les durées en mois (…Months).`;
  }
  return frenchLocale.localeError(issue);
};

/**
 * Validates the JSON stored in RuleSet.parameters (or posted by the admin form) against the scheme’s
 * schema. Returns typed parameters, or a French error listing every problem.
 */
export function parseRuleSetParameters<C extends SchemeCode>(
  schemeCode: C,
  json: unknown,
): RuleSetParametersResult<C> {
  const scheme = SCHEMES[schemeCode as SchemeCode];
  if (!scheme) {
    return {
      ok: false,
      error: "Dispositif inconnu.",
      issues: [{ path: "", message: "Dispositif inconnu." }],
    };
  }
  const schema: z.ZodType = scheme.parametersSchema;
  const result = schema.safeParse(json, { error: frenchErrors });
  if (result.success) return { ok: true, parameters: result.data as RuleSetParametersByScheme[C] };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return {
    ok: false,
    error: `Les paramètres du dispositif ${scheme.name} ne sont pas valides\u00a0: ${issues
      .map((issue) => issue.message.replace(/\.$/, ""))
      .join("\u202f; ")}.`,
    issues,
  };
}
