// The next version of a scheme's rules already published but not yet in force: the public page announces
// it, with its date and what it changes, so nobody is surprised the day it applies.
import type { RuleSetsInForce } from "~/domain/eligibility/evaluate";
import { formatDate } from "~/domain/format";
import { parseRuleSetParameters } from "~/domain/schemes";
import { parameterChanges, type ParameterChange } from "~/domain/schemes/parameter-changes";
import type { PrismaClient } from "~/generated/prisma/client";
import { RuleSetStatus, type SchemeCode } from "~/generated/prisma/enums";

export interface ScheduledRuleSet {
  version: number;
  /** « 01/02/2027 » */
  effectiveFrom: string;
  deliberation: string | null;
  changes: ParameterChange[];
}

export async function scheduledRuleSet(
  db: PrismaClient,
  code: SchemeCode,
  inForce: RuleSetsInForce[SchemeCode],
  now: Date,
): Promise<ScheduledRuleSet | null> {
  const next = await db.ruleSet.findFirst({
    where: { scheme: { code }, status: RuleSetStatus.PUBLISHED, effectiveFrom: { gt: now } },
    orderBy: { effectiveFrom: "asc" },
    select: { version: true, effectiveFrom: true, deliberation: true, parameters: true },
  });
  if (!next?.effectiveFrom) return null;
  const parsed = parseRuleSetParameters(code, next.parameters);
  return {
    version: next.version,
    effectiveFrom: formatDate(next.effectiveFrom),
    deliberation: next.deliberation,
    changes: parsed.ok ? parameterChanges(code, inForce.parameters, parsed.parameters) : [],
  };
}
