// Demo data for trying the portal and for the end-to-end tests: accounts for every role, organisations of
// every legal form, and dossiers in every status across the four schemes, with their history.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { RuleSetStatus, type SchemeCode } from "../../app/generated/prisma/enums";
import { ensureCommissionSession } from "../reference/commission-sessions";

import { DEMO_ACCOUNTS, type DemoAccount } from "./accounts";
import { writeDemoDossier, type DemoDossier, type DemoReferences } from "./dossier-writer";
import { A_VOS_ID_DOSSIERS } from "./dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "./dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "./dossiers-cooperatives-and-advances";
import { CYCLOPOSTIERS_DOSSIERS } from "./dossiers-cyclopostiers";
import { seedDemoOrganisations } from "./organisations";
import { seedDemoUsers } from "./users";

export { DEMO_ACCOUNTS, type DemoAccount } from "./accounts";

export const DEMO_DOSSIERS: readonly DemoDossier[] = [
  ...CYCLOPOSTIERS_DOSSIERS,
  ...CAP_ASSO_DOSSIERS,
  ...A_VOS_ID_DOSSIERS,
  ...COOPERATIVE_AND_ADVANCE_DOSSIERS,
];

/** Seeds the demo data; needs the reference data. Returns the demo accounts to print. */
export async function seedDemo(db: PrismaClient, now = new Date()): Promise<readonly DemoAccount[]> {
  const users = await seedDemoUsers(db, now);
  const organisations = await seedDemoOrganisations(db, users);

  // The demo dossiers are written all at once or not at all, so "the demo organisations have dossiers" is a
  // reliable marker that they exist: a second run writes none and takes no dossier number.
  const existing = await db.dossier.count({
    where: { organisationId: { in: Object.values(organisations) } },
  });
  if (existing > 0) return DEMO_ACCOUNTS;

  const refs: DemoReferences = {
    users,
    organisations,
    schemes: await schemeReferences(db),
    territories: new Map((await db.territory.findMany()).map((territory) => [territory.code, territory.id])),
    funders: new Map((await db.funderOrganisation.findMany()).map((funder) => [funder.slug, funder.id])),
    commissionSessions: new Map(),
    calls: await db.call.findMany({ select: { id: true, schemeId: true, opensAt: true, closesAt: true } }),
  };
  for (const dossier of DEMO_DOSSIERS) {
    const date = dossier.commissionSessionDate;
    if (date) refs.commissionSessions.set(date.getTime(), await ensureCommissionSession(db, date, now));
  }

  // Numbers follow filing order, as they would have been given; drafts have none.
  const byFiling = [...DEMO_DOSSIERS].sort((a, b) => filingTime(a) - filingTime(b));
  await db.$transaction(
    async (tx) => {
      for (const dossier of byFiling) await writeDemoDossier(tx, refs, dossier);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return DEMO_ACCOUNTS;
}

function filingTime(dossier: DemoDossier): number {
  return dossier.history[0]?.at.getTime() ?? Number.POSITIVE_INFINITY;
}

async function schemeReferences(db: PrismaClient): Promise<DemoReferences["schemes"]> {
  const schemes = await db.scheme.findMany({
    include: { ruleSets: { where: { version: 1, status: RuleSetStatus.PUBLISHED } } },
  });
  const entries = schemes.map((scheme) => {
    const ruleSet = scheme.ruleSets[0];
    if (!ruleSet) throw new Error(`Seed the reference data first: no rule set 1 for ${scheme.code}`);
    return [
      scheme.code,
      { id: scheme.id, numberPrefix: scheme.numberPrefix, ruleSetId: ruleSet.id },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<SchemeCode, DemoReferences["schemes"][SchemeCode]>;
}
