import { SCHEME_LIST } from "../../app/domain/schemes";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { CallKind, RuleSetStatus, type SchemeCode } from "../../app/generated/prisma/enums";
import { paris, parisYear } from "../paris-time";

/** Rule-set version 1 of every scheme applies to dossiers filed from this date. */
export const RULE_SET_V1_EFFECTIVE_FROM = paris("2025-01-01");

/** 2026 budget envelopes voted for each scheme, in cents. */
const BUDGET_ENVELOPES_2026_CENTS: Record<SchemeCode, bigint> = {
  CAP_ASSO: 900_000_000n,
  A_VOS_ID: 200_000_000n,
  CAP_SCOP_SCIC: 50_000_000n,
  EQUITY_ADVANCE: 300_000_000n,
};

/**
 * The years with a continuous call: 2026 (the demo dossiers' year), the current year and the next, so that
 * dossiers can be filed whenever the seed last ran, and still on 1 January. Until the Regional Council
 * votes a year's budget, its envelope is taken to be the 2026 one (an administrator corrects it).
 */
export function continuousCallYears(now: Date): number[] {
  const current = parisYear(now);
  return [...new Set([2026, current, current + 1])].sort((a, b) => a - b);
}

export async function seedSchemes(db: PrismaClient, now = new Date()): Promise<void> {
  for (const definition of SCHEME_LIST) {
    const scheme = await db.scheme.upsert({
      where: { code: definition.code },
      create: {
        code: definition.code,
        name: definition.name,
        summary: definition.summary,
        numberPrefix: definition.numberPrefix,
      },
      update: {},
    });

    // A published rule set is immutable: created once from the domain defaults, never updated here.
    const parameters = definition.parametersSchema.parse(definition.defaultParameters);
    await db.ruleSet.upsert({
      where: { schemeId_version: { schemeId: scheme.id, version: 1 } },
      create: {
        schemeId: scheme.id,
        version: 1,
        status: RuleSetStatus.PUBLISHED,
        parameters,
        effectiveFrom: RULE_SET_V1_EFFECTIVE_FROM,
        publishedAt: RULE_SET_V1_EFFECTIVE_FROM,
      },
      update: {},
    });

    for (const year of continuousCallYears(now)) {
      await ensureContinuousCall(
        db,
        scheme.id,
        definition.name,
        year,
        BUDGET_ENVELOPES_2026_CENTS[definition.code],
      );
    }
  }
}

/** One call open all year round (dossiers filed as they come), keyed by scheme, year and kind. */
async function ensureContinuousCall(
  db: PrismaClient,
  schemeId: string,
  schemeName: string,
  year: number,
  budgetEnvelopeCents: bigint,
): Promise<void> {
  const existing = await db.call.findFirst({ where: { schemeId, year, kind: CallKind.CONTINUOUS } });
  if (existing) return;
  await db.call.create({
    data: {
      schemeId,
      year,
      kind: CallKind.CONTINUOUS,
      title: `${schemeName} — dépôt en continu ${year}`,
      opensAt: paris(`${year}-01-01`),
      closesAt: paris(`${year}-12-31T23:59:59`),
      budgetEnvelopeCents,
    },
  });
}
