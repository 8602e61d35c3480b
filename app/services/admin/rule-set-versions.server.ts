// Reading the versions of each scheme's rules for the administration: where each stands today (draft,
// in force, scheduled, superseded), who published it on which deliberation, how many dossiers use it, and
// for a draft what it would change on typical situations.
import { fullName } from "~/domain/people";
import { SCHEME_SLUGS, schemeCodeOfSlug } from "~/domain/schemes/slugs";
import { parseRuleSetParameters, SCHEME_LIST } from "~/domain/schemes";
import { previewRuleSet } from "~/domain/schemes/rule-set-preview";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { RuleSetStatus, type SchemeCode } from "~/generated/prisma/enums";

import { loadRuleSetsInForce } from "~/services/schemes/eligibility.server";
import { notFound } from "~/domain/user-error";

/** Where a version stands today. */
export type VersionState = "DRAFT" | "IN_FORCE" | "SCHEDULED" | "SUPERSEDED";

/** The scheme of an admin URL (`/admin/dispositifs/cap-asso`), or 404. */
export function schemeOfSlug(slug: string | undefined) {
  const code = schemeCodeOfSlug(slug ?? "");
  if (!code) throw notFound("Dispositif introuvable.");
  return { code, slug: SCHEME_SLUGS[code] };
}

const VERSION_INCLUDE = {
  publishedBy: { select: { firstName: true, lastName: true } },
  _count: { select: { dossiers: true } },
} as const;

type VersionRow = Prisma.RuleSetGetPayload<{ include: typeof VERSION_INCLUDE }>;

function inForce(row: { status: RuleSetStatus; effectiveFrom: Date | null }, now: Date) {
  return row.status === RuleSetStatus.PUBLISHED && (row.effectiveFrom === null || row.effectiveFrom <= now);
}

/** The versions of one scheme, latest first, each with where it stands and how many dossiers use it. */
function describeVersions(rows: VersionRow[], now: Date) {
  const current = rows.find((row) => inForce(row, now));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    // A later version outranks an earlier one once its date comes, so a published version is either the
    // one in force, one it replaced, or one waiting for its date.
    state: (row.status === RuleSetStatus.DRAFT
      ? "DRAFT"
      : row === current
        ? "IN_FORCE"
        : current && row.version < current.version
          ? "SUPERSEDED"
          : "SCHEDULED") as VersionState,
    effectiveFrom: row.effectiveFrom,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy ? fullName(row.publishedBy) : null,
    deliberation: row.deliberation,
    dossierCount: row._count.dossiers,
    updatedAt: row.updatedAt,
  }));
}

export type RuleSetVersionSummary = ReturnType<typeof describeVersions>[number];

/** The four schemes in their usual order, each with every version of its rules. */
export async function listSchemeRuleSets(db: PrismaClient, now: Date) {
  const schemes = await db.scheme.findMany({
    include: { ruleSets: { orderBy: { version: "desc" }, include: VERSION_INCLUDE } },
  });
  return SCHEME_LIST.flatMap((definition) => {
    const scheme = schemes.find((row) => row.code === definition.code);
    if (!scheme) return [];
    const versions = describeVersions(scheme.ruleSets, now);
    return [
      {
        code: scheme.code,
        slug: SCHEME_SLUGS[scheme.code],
        name: scheme.name,
        active: scheme.active,
        versions,
        inForce: versions.find((row) => row.state === "IN_FORCE") ?? null,
        scheduled: versions.filter((row) => row.state === "SCHEDULED").reverse(),
        draft: versions.find((row) => row.state === "DRAFT") ?? null,
      },
    ];
  });
}

export async function getSchemeRuleSets(db: PrismaClient, code: SchemeCode, now: Date) {
  const scheme = (await listSchemeRuleSets(db, now)).find((row) => row.code === code);
  if (!scheme) throw notFound("Dispositif introuvable.");
  return scheme;
}

export const versionNotFound = () => notFound("Cette version des règles est introuvable.");

/** One version with its parameters; for a draft, what it would change on typical situations. */
export async function getRuleSetVersion(db: PrismaClient, code: SchemeCode, version: number, now: Date) {
  const scheme = await getSchemeRuleSets(db, code, now);
  const summary = scheme.versions.find((row) => row.version === version);
  if (!summary) throw versionNotFound();
  const row = await db.ruleSet.findUniqueOrThrow({ where: { id: summary.id } });
  const parsed = parseRuleSetParameters(code, row.parameters);
  if (!parsed.ok) throw new Error(`Jeu de règles ${code} v${version} invalide : ${parsed.error}`);
  const preview =
    summary.state === "DRAFT"
      ? previewRuleSet(code, await loadRuleSetsInForce(db, now), { version, parameters: parsed.parameters })
      : null;
  return { scheme, summary, parameters: parsed.parameters, preview };
}
