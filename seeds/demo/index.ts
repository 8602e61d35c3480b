// Demo data for trying the portal and for the end-to-end tests: accounts for every role, organisations of
// every legal form, and dossiers in every status across the four schemes, with their history, their pieces
// and their filing receipts.
import type { RuleSetsInForce } from "../../app/domain/eligibility/evaluate";
import { parseRuleSetParameters } from "../../app/domain/schemes";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { RuleSetStatus, type SchemeCode } from "../../app/generated/prisma/enums";
import type { FileStorage } from "../../app/services/platform/storage.server";
import { ensureCommissionSession } from "../reference/commission-sessions";

import { DEMO_ACCOUNTS, type DemoAccount } from "./accounts";
import { writeDemoDossier, type DemoDossier, type DemoReferences } from "./dossier-writer";
import { A_VOS_ID_DOSSIERS } from "./dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "./dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "./dossiers-cooperatives-and-advances";
import { CYCLOPOSTIERS_DOSSIERS } from "./dossiers-cyclopostiers";
import { DemoFiles, type DemoFilingReferences } from "./filing-documents";
import { seedDemoOrganisations } from "./organisations";
import { seedDemoPostGrant } from "./post-grant";
import { POST_GRANT_DOSSIERS } from "./post-grant-dossiers";
import { seedDemoUsers } from "./users";

export { DEMO_ACCOUNTS, type DemoAccount } from "./accounts";

export const DEMO_DOSSIERS: readonly DemoDossier[] = [
  ...CYCLOPOSTIERS_DOSSIERS,
  ...CAP_ASSO_DOSSIERS,
  ...A_VOS_ID_DOSSIERS,
  ...COOPERATIVE_AND_ADVANCE_DOSSIERS,
  ...POST_GRANT_DOSSIERS,
];

export interface SeedDemoOptions {
  /** The portal's public address, for the links on the filing receipts; APP_URL in production. */
  appUrl?: string;
  now?: Date;
}

/**
 * Seeds the demo data; needs the reference data. The dossiers' pieces and filing receipts go to `storage`,
 * the one the portal reads them from. Returns the demo accounts to print.
 */
export async function seedDemo(
  db: PrismaClient,
  storage: FileStorage,
  { appUrl = "http://localhost:3000", now = new Date() }: SeedDemoOptions = {},
): Promise<readonly DemoAccount[]> {
  const users = await seedDemoUsers(db, now);
  const organisations = await seedDemoOrganisations(db, users);

  // The demo dossiers are written all at once or not at all, so "the demo organisations have dossiers" is a
  // reliable marker that they exist: a second run writes none and takes no dossier number.
  const existing = await db.dossier.count({
    where: { organisationId: { in: Object.values(organisations) } },
  });
  if (existing > 0) return DEMO_ACCOUNTS;

  const { schemes, filing } = await schemeReferences(db);
  const files = new DemoFiles(storage);
  const refs: DemoReferences = {
    users,
    organisations,
    schemes,
    filing: { ...filing, ...(await filingPeople(db, users, organisations)), files, appUrl },
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
  try {
    await db.$transaction(
      async (tx) => {
        for (const dossier of byFiling) await writeDemoDossier(tx, refs, dossier);
        await seedDemoPostGrant(tx, refs, storage, now);
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } catch (error) {
    // No dossier was written: the files stored for them belong to nothing.
    await files.discard();
    throw error;
  }
  return DEMO_ACCOUNTS;
}

function filingTime(dossier: DemoDossier): number {
  return dossier.history[0]?.at.getTime() ?? Number.POSITIVE_INFINITY;
}

async function schemeReferences(db: PrismaClient): Promise<{
  schemes: DemoReferences["schemes"];
  filing: Pick<DemoFilingReferences, "ruleSets" | "schemeNames">;
}> {
  const schemes = await db.scheme.findMany({
    include: { ruleSets: { where: { version: 1, status: RuleSetStatus.PUBLISHED } } },
  });
  const references: Partial<DemoReferences["schemes"]> = {};
  const ruleSets: Partial<Record<SchemeCode, { version: number; parameters: unknown }>> = {};
  const schemeNames: Partial<Record<SchemeCode, string>> = {};
  for (const scheme of schemes) {
    const ruleSet = scheme.ruleSets[0];
    if (!ruleSet) throw new Error(`Seed the reference data first: no rule set 1 for ${scheme.code}`);
    const parsed = parseRuleSetParameters(scheme.code, ruleSet.parameters);
    if (!parsed.ok) throw new Error(`Rule set 1 of ${scheme.code} is invalid: ${parsed.error}`);
    references[scheme.code] = { id: scheme.id, numberPrefix: scheme.numberPrefix, ruleSetId: ruleSet.id };
    ruleSets[scheme.code] = { version: ruleSet.version, parameters: parsed.parameters };
    schemeNames[scheme.code] = scheme.name;
  }
  return {
    schemes: references as DemoReferences["schemes"],
    filing: {
      ruleSets: ruleSets as RuleSetsInForce,
      schemeNames: schemeNames as Record<SchemeCode, string>,
    },
  };
}

/** The demo organisations and users as the database holds them, for the receipts and the pieces. */
async function filingPeople(
  db: PrismaClient,
  users: DemoReferences["users"],
  organisations: DemoReferences["organisations"],
): Promise<Pick<DemoFilingReferences, "organisations" | "users">> {
  const organisationRows = new Map(
    (await db.organisation.findMany({ where: { id: { in: Object.values(organisations) } } })).map((row) => [
      row.id,
      row,
    ]),
  );
  const userRows = new Map(
    (
      await db.user.findMany({
        where: { id: { in: Object.values(users) } },
        select: { id: true, firstName: true, lastName: true },
      })
    ).map((row) => [row.id, row]),
  );
  const pick = <K extends string, V>(ids: Record<K, string>, rows: Map<string, V>) =>
    Object.fromEntries(Object.entries<string>(ids).map(([key, id]) => [key, rows.get(id)!])) as Record<K, V>;
  return { organisations: pick(organisations, organisationRows), users: pick(users, userRows) };
}
