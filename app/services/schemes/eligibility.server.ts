// Eligibility from the rule sets in force: for the public questionnaire, the JSON API and, later, the
// filing of a dossier. The verdicts themselves come from the pure function in app/domain/eligibility.
import type { IncomingMessage, ServerResponse } from "node:http";

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

/** What the API answers, whatever carries it (a Fetch Response in Remix, Node's response in Express). */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The parts of an HTTP request the API looks at; `readBody` gives null when it exceeds MAX_BODY_BYTES. */
export interface ApiRequest {
  method: string;
  contentType: string | null;
  readBody(): Promise<string | null>;
}

const NO_STORE = { "Cache-Control": "no-store" };

function apiError(status: number, message: string, errors: Record<string, string> = {}): ApiAnswer {
  return { status, headers: NO_STORE, body: { message, errors } };
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
export async function answerEligibility(db: PrismaClient, request: ApiRequest): Promise<ApiAnswer> {
  if (request.method !== "POST") {
    return {
      status: 405,
      headers: { ...NO_STORE, Allow: "POST" },
      body: { message: "Utilisez la méthode POST avec un corps JSON.", errors: {} },
    };
  }
  if (!/^application\/json\s*(;|$)/i.test(request.contentType ?? "")) {
    return apiError(400, "Le corps de la requête doit être du JSON (Content-Type: application/json).");
  }
  let text: string | null;
  try {
    text = await request.readBody();
  } catch {
    return apiError(400, "Le corps de la requête n’a pas pu être lu.");
  }
  if (text === null) return apiError(413, "La requête dépasse 64 Kio.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, "Le corps de la requête n’est pas un JSON valide.");
  }
  const parsed = situationSchema.safeParse(body);
  if (!parsed.success) {
    return apiError(400, "Certaines réponses ne sont pas valides.", situationErrors(parsed.error));
  }
  const report = evaluateEligibility(parsed.data, await ruleSetsInForce(db));
  return { status: 200, headers: NO_STORE, body: publicReport(report) };
}

/** The API over a Fetch Request (tests, and any Fetch-based host). */
export async function handleEligibilityRequest(db: PrismaClient, request: Request): Promise<Response> {
  const answer = await answerEligibility(db, {
    method: request.method,
    contentType: request.headers.get("Content-Type"),
    async readBody() {
      if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) return null;
      const text = await request.text();
      return Buffer.byteLength(text) > MAX_BODY_BYTES ? null : text;
    },
  });
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * The API over Node's request and response, as server.mjs mounts it ahead of Remix: the route is called
 * by other tools at high rates, and Remix's per-request machinery costs several times the evaluation.
 * The body is read only up to the limit: a larger upload is cut off, not buffered.
 */
export async function handleEligibilityNode(
  db: PrismaClient,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const answer = await answerEligibility(db, {
    method: request.method ?? "GET",
    contentType: request.headers["content-type"] ?? null,
    readBody: () => readLimited(request, MAX_BODY_BYTES),
  });
  const json = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...answer.headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(json),
    // The rest of a refused body is not read: close the connection rather than drain it.
    ...(answer.status === 413 ? { Connection: "close" } : {}),
  });
  response.end(json);
}

function readLimited(request: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (size <= limit) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}
