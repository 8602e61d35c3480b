// Eligibility from the rule sets in force: for the public questionnaire, the JSON API and, later, the
// filing of a dossier. The verdicts themselves come from the pure function in app/domain/eligibility.
import {
  evaluateEligibility,
  type EligibilityReport,
  type RuleSetsInForce,
} from "~/domain/eligibility/evaluate";
import { situationErrors, situationSchema } from "~/domain/eligibility/situation";
import { parseRuleSetParameters, SCHEME_LIST } from "~/domain/schemes";
import type { PrismaClient } from "~/generated/prisma/client";
import type { SchemeCode } from "~/generated/prisma/enums";

/** The latest published rule set of each scheme whose effective date has come. */
export async function loadRuleSetsInForce(
  db: PrismaClient,
  now: Date = new Date(),
): Promise<RuleSetsInForce> {
  const ruleSets = await db.ruleSet.findMany({
    where: { status: "PUBLISHED", OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }] },
    select: { version: true, parameters: true, scheme: { select: { code: true } } },
    orderBy: { version: "desc" },
  });
  const inForce: Partial<Record<SchemeCode, { version: number; parameters: unknown }>> = {};
  for (const code of SCHEME_LIST.map((scheme) => scheme.code)) {
    const ruleSet = ruleSets.find((candidate) => candidate.scheme.code === code);
    if (!ruleSet) throw new Error(`Aucun jeu de règles publié pour le dispositif ${code}`);
    const parsed = parseRuleSetParameters(code, ruleSet.parameters);
    if (!parsed.ok) throw new Error(`Jeu de règles ${code} v${ruleSet.version} invalide : ${parsed.error}`);
    inForce[code] = { version: ruleSet.version, parameters: parsed.parameters };
  }
  return inForce as RuleSetsInForce;
}

/** How long the rule sets in force are kept in memory; publishing a version calls forgetRuleSetsInForce. */
const RULE_SETS_TTL_MS = 30_000;
const cache = new WeakMap<PrismaClient, { loadedAt: number; ruleSets: Promise<RuleSetsInForce> }>();

/** The rule sets in force, read from the database at most every 30 seconds per instance. */
export function ruleSetsInForce(db: PrismaClient, now: number = Date.now()): Promise<RuleSetsInForce> {
  const cached = cache.get(db);
  if (cached && now - cached.loadedAt < RULE_SETS_TTL_MS) return cached.ruleSets;
  const ruleSets = loadRuleSetsInForce(db, new Date(now));
  cache.set(db, { loadedAt: now, ruleSets });
  // A failed read is not kept: the next request tries again.
  ruleSets.catch(() => cache.delete(db));
  return ruleSets;
}

export function forgetRuleSetsInForce(db: PrismaClient): void {
  cache.delete(db);
}

/** Requests larger than this are not eligibility questions. */
export const MAX_BODY_BYTES = 64 * 1024;

function jsonError(status: number, message: string, errors: Record<string, string> = {}): Response {
  return Response.json({ message, errors }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The API's answer: the report without the internal scheme codes and names. */
export function publicReport(report: EligibilityReport) {
  return {
    results: report.results.map(({ scheme, ruleSetVersion, eligible, criteria, missing, maxAmountEur }) => ({
      scheme,
      ruleSetVersion,
      eligible,
      criteria,
      missing,
      maxAmountEur,
    })),
    orientation: report.orientation,
  };
}

/**
 * POST /api/eligibility: JSON in, the four verdicts out. Any fault of the request answers 400 (413 when
 * too large) with French messages keyed by the path of the faulty field; nothing the client sends can
 * make it answer 500.
 */
export async function handleEligibilityRequest(db: PrismaClient, request: Request): Promise<Response> {
  if (request.method !== "POST") {
    return Response.json(
      { message: "Utilisez la méthode POST avec un corps JSON.", errors: {} },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return jsonError(400, "Le corps de la requête doit être du JSON (Content-Type: application/json).");
  }
  const declaredLength = Number(request.headers.get("Content-Length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) return jsonError(413, "La requête dépasse 64 Kio.");
  let text: string;
  try {
    text = await request.text();
  } catch {
    return jsonError(400, "Le corps de la requête n’a pas pu être lu.");
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return jsonError(413, "La requête dépasse 64 Kio.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "Le corps de la requête n’est pas un JSON valide.");
  }
  const parsed = situationSchema.safeParse(body);
  if (!parsed.success) {
    return jsonError(400, "Certaines réponses ne sont pas valides.", situationErrors(parsed.error));
  }
  const report = evaluateEligibility(parsed.data, await ruleSetsInForce(db));
  return Response.json(publicReport(report), { headers: { "Cache-Control": "no-store" } });
}
