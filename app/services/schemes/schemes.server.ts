import type { PrismaClient } from "~/generated/prisma/client";
import { parseRuleSetParameters, SCHEME_LIST } from "~/domain/schemes";
import { schemeKeyFigures } from "~/domain/schemes/key-figures";

/** Each active scheme with the figures of its rule set in force today (the latest published and effective). */
export async function listSchemesInForce(db: PrismaClient, now: Date = new Date()) {
  const schemes = await db.scheme.findMany({
    where: { active: true },
    include: {
      ruleSets: {
        where: { status: "PUBLISHED", OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }] },
        orderBy: { version: "desc" },
        take: 1,
      },
    },
  });
  const order = SCHEME_LIST.map((scheme) => scheme.code as string);
  return schemes
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .map((scheme) => {
      const ruleSet = scheme.ruleSets[0];
      const parsed = ruleSet ? parseRuleSetParameters(scheme.code, ruleSet.parameters) : null;
      return {
        code: scheme.code,
        name: scheme.name,
        summary: scheme.summary,
        version: ruleSet?.version ?? null,
        introduction: parsed?.ok ? parsed.parameters.applicantTexts.introduction : null,
        eligibility: parsed?.ok ? parsed.parameters.applicantTexts.eligibilityReminder : null,
        figures: parsed?.ok ? schemeKeyFigures(scheme.code, parsed.parameters) : [],
      };
    });
}
