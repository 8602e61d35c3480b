// Eligibility of a situation for the four schemes, criterion by criterion, from the rule sets in force.
// Pure: the same function answers the public questionnaire and the API, checks a dossier when it is filed,
// and lets an instructor re-check it against the rule-set version the dossier was filed under.
//
// Every threshold, list and rate comes from the rule-set parameters (versioned data edited by admins);
// `criteria/` says, scheme by scheme, which answers each criterion looks at and how, and words the verdicts
// in French; this file puts the criteria together into a verdict and the most each scheme can bring.
import { SCHEMES, type RuleSetParametersByScheme } from "~/domain/schemes";
import { SCHEME_SLUGS, type SchemeSlug } from "~/domain/schemes/slugs";
import type { SchemeCode } from "~/generated/prisma/enums";

import { aVosIdCriteria } from "./criteria/a-vos-id";
import { capAssoCriteria } from "./criteria/cap-asso";
import { capScopScicCriteria } from "./criteria/cap-scop-scic";
import { equityAdvanceCriteria } from "./criteria/equity-advance";
import { euros, type CriterionResult, type SchemeEvaluation, type Verdict } from "./criteria/shared";
import { orientation } from "./orientation";
import type { AnswerPath, Situation } from "./situation";

export type { CriterionResult, Verdict } from "./criteria/shared";
export { EU_PROGRAMME_CODES, LEGAL_FORMS, OPERATION_CODES, PRIORITY_CODES } from "./codes";

export interface SchemeResult {
  scheme: SchemeSlug;
  code: SchemeCode;
  name: string;
  ruleSetVersion: number;
  eligible: Verdict;
  criteria: CriterionResult[];
  /** Answers still needed to decide; empty once a criterion has failed. */
  missing: AnswerPath[];
  /**
   * The most the scheme can bring to this project, in euros, when the answers allow computing it: also
   * when the amount asked is too high (`eligible: false`), so the person knows what they may ask; null
   * once another criterion fails.
   */
  maxAmountEur: number | null;
  /** The amount asked and the answer it came from (not part of the API's answer). */
  amountAsked: { path: AnswerPath; eur: number } | null;
}

/** Somewhere else to turn: another of the four schemes, a general regional scheme or a partner. */
export interface Orientation {
  scheme: string;
  reason: string;
}

export interface EligibilityReport {
  results: SchemeResult[];
  orientation: Orientation[];
}

export type RuleSetsInForce = {
  [C in SchemeCode]: { version: number; parameters: RuleSetParametersByScheme[C] };
};

/** The order in which the schemes are always presented. */
const ORDER: SchemeCode[] = ["CAP_ASSO", "A_VOS_ID", "CAP_SCOP_SCIC", "EQUITY_ADVANCE"];

const EVALUATORS: {
  [C in SchemeCode]: (situation: Situation, parameters: RuleSetParametersByScheme[C]) => SchemeEvaluation;
} = {
  CAP_ASSO: capAssoCriteria,
  A_VOS_ID: aVosIdCriteria,
  CAP_SCOP_SCIC: capScopScicCriteria,
  EQUITY_ADVANCE: equityAdvanceCriteria,
};

function evaluateScheme<C extends SchemeCode>(
  code: C,
  situation: Situation,
  ruleSet: RuleSetsInForce[C],
): SchemeResult {
  const { criteria, maxCents, asked } = EVALUATORS[code](situation, ruleSet.parameters);
  // One failed criterion is enough, whatever is still unknown; otherwise any unknown keeps it open.
  const eligible: Verdict = criteria.some((criterion) => criterion.met === false)
    ? false
    : criteria.some((criterion) => criterion.met === null)
      ? null
      : true;
  const missing = eligible === null ? [...new Set(criteria.flatMap((criterion) => criterion.missing))] : [];
  // Only the amount wrong: a smaller amount would do, and the person is told which.
  const otherFailed = criteria.some((criterion) => criterion.met === false && !criterion.onAmount);
  return {
    scheme: SCHEME_SLUGS[code],
    code,
    name: SCHEMES[code].name,
    ruleSetVersion: ruleSet.version,
    eligible,
    criteria: criteria.map(({ id, label, met, explanation }) => ({ id, label, met, explanation })),
    missing,
    maxAmountEur: otherFailed || maxCents === null ? null : euros(maxCents),
    amountAsked: asked ? { path: asked.path, eur: euros(asked.cents) } : null,
  };
}

/** The verdict of each of the four schemes, always in the same order, and where else to turn. */
export function evaluateEligibility(situation: Situation, ruleSets: RuleSetsInForce): EligibilityReport {
  const results = ORDER.map((code) => evaluateScheme(code, situation, ruleSets[code]));
  return { results, orientation: orientation(situation, results) };
}
