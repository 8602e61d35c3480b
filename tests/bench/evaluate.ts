// Throughput of the eligibility evaluation alone, as the API runs it for each request: parse the JSON
// answers with situationSchema, then judge the four schemes. One thread, so one core.
import { performance } from "node:perf_hooks";

import { evaluateEligibility, type RuleSetsInForce } from "~/domain/eligibility/evaluate";
import { situationSchema } from "~/domain/eligibility/situation";
import { defaultRuleSetParameters } from "~/domain/schemes";

import { generateSituations } from "./situations";

export interface EvaluationBench {
  situations: number;
  evaluations: number;
  seconds: number;
  perSecond: number;
  /** How the verdicts were spread, to show the inputs exercise every branch. */
  verdicts: { eligible: number; ineligible: number; unknown: number };
}

const RULE_SETS: RuleSetsInForce = {
  CAP_ASSO: { version: 1, parameters: defaultRuleSetParameters("CAP_ASSO") },
  A_VOS_ID: { version: 1, parameters: defaultRuleSetParameters("A_VOS_ID") },
  CAP_SCOP_SCIC: { version: 1, parameters: defaultRuleSetParameters("CAP_SCOP_SCIC") },
  EQUITY_ADVANCE: { version: 1, parameters: defaultRuleSetParameters("EQUITY_ADVANCE") },
};

function evaluateOne(body: unknown) {
  return evaluateEligibility(situationSchema.parse(body), RULE_SETS);
}

export function benchEvaluation({ situations = 5_000, seconds = 3 } = {}): EvaluationBench {
  // As the API receives them: JSON parsed from the wire, undefined answers gone.
  const bodies: unknown[] = generateSituations(situations).map((s) => JSON.parse(JSON.stringify(s)));

  const verdicts = { eligible: 0, ineligible: 0, unknown: 0 };
  for (const body of bodies) {
    for (const result of evaluateOne(body).results) {
      if (result.eligible === true) verdicts.eligible++;
      else if (result.eligible === false) verdicts.ineligible++;
      else verdicts.unknown++;
    }
  }

  // Warm-up, so the measure is of optimised code rather than of the JIT.
  const warmUntil = performance.now() + 500;
  for (let i = 0; performance.now() < warmUntil; i++) evaluateOne(bodies[i % bodies.length]);

  // Results are summed so the engine cannot skip work whose result is unused.
  let sink = 0;
  let evaluations = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  let now = started;
  while (now < until) {
    for (let batch = 0; batch < 500; batch++) {
      sink += evaluateOne(bodies[evaluations % bodies.length]).results.length;
      evaluations++;
    }
    now = performance.now();
  }
  const elapsed = (now - started) / 1000;
  if (sink !== evaluations * 4) throw new Error("an evaluation did not return four results");
  return { situations, evaluations, seconds: elapsed, perSecond: evaluations / elapsed, verdicts };
}
