// Bad input, every query string: fast-check calls each loader that reads its URL's query (queue, pipeline,
// journal, indicators, exports, confirmations…) with arbitrary parameters — its own names and values mixed
// with random ones, repeated, truncated, in any encoding — signed in as someone allowed on the page. The
// answer is always 2xx, 3xx or 4xx, never 5xx nor an unhandled exception. A loader that starts reading its
// query string without an entry below fails the test.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import type { LoaderFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseKinds } from "../support/database";
import {
  bindAppDatabase,
  buildFuzzContext,
  queryArbitrary,
  queryParameterNames,
  routeVocabulary,
  type FuzzContext,
  type FuzzRole,
} from "../support/fuzz";
import { createWorld, type World } from "../support/instruction-world";
import { cookieOf, get, outcome } from "../support/routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROUTES_DIR = path.join(ROOT, "app/routes");
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_309;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 15;

/** The route modules whose loader reads the request's query string, found in their source. */
const QUERY_ROUTES = readdirSync(ROUTES_DIR)
  .filter((file) => {
    const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
    return /export\s+(async\s+)?function\s+loader\b/.test(source) && /URL\(request\.url\)/.test(source);
  })
  .sort();

interface QuerySpec {
  as: FuzzRole | null;
  /** Called with `as`'s pending sign-in (password given, code not yet) instead of a session. */
  pendingSignIn?: true;
  params: (context: FuzzContext) => Record<string, string>;
  /** Where the parameters are parsed, for their names and values. */
  sources?: string[];
}

const NONE = () => ({});
const QUEUE = ["app/domain/instruction-queue.ts"];
const FOLLOW_UP = ["app/domain/follow-up-queue.ts", "app/domain/instruction-queue.ts"];
const PIPELINE = ["app/domain/funder-pipeline.ts"];
const JOURNAL = ["app/domain/audit-log.ts"];
const FINANCE = ["app/services/post-grant/finance-export.server.ts"];
const SPECS: Record<string, QuerySpec> = {
  "admin.appels.$id.tsx": { as: "admin", params: (c) => ({ id: c.call }) },
  "admin.appels._index.tsx": { as: "admin", params: NONE, sources: ["app/domain/calls.ts"] },
  "admin.appels.nouveau.tsx": { as: "admin", params: NONE },
  "admin.comptes.$id.tsx": { as: "admin", params: (c) => ({ id: c.target }) },
  "admin.comptes._index.tsx": { as: "admin", params: NONE, sources: ["app/domain/staff-accounts.ts"] },
  "admin.conservation.tsx": { as: "admin", params: NONE },
  "admin.dispositifs.$slug.tsx": { as: "admin", params: () => ({ slug: "cap-asso" }) },
  "admin.dispositifs.$slug.versions.$version.tsx": {
    as: "admin",
    params: (c) => ({ slug: "cap-asso", version: String(c.ruleSetVersion) }),
  },
  "admin.financeurs.$id.tsx": { as: "admin", params: (c) => ({ id: c.funderOrganisation }) },
  "admin.journal.tsx": { as: "admin", params: NONE, sources: JOURNAL },
  "admin.journal[.csv].ts": { as: "admin", params: NONE, sources: JOURNAL },
  "admin.territoires.$id.tsx": { as: "admin", params: (c) => ({ id: c.territory }) },
  "admin.territoires._index.tsx": { as: "admin", params: NONE },
  "compte.tsx": { as: "applicant", params: NONE },
  // Without OIDC_ISSUER (the fuzz's case) both answer 404; configured, region-sign-in.test.ts follows them.
  "connexion_.region.ts": { as: null, params: NONE },
  "connexion_.region_.retour.ts": { as: null, params: NONE },
  "connexion_.verification.tsx": { as: "instructor", pendingSignIn: true, params: NONE },
  "dossiers.$id._index.tsx": { as: "applicant", params: (c) => ({ id: c.filed }) },
  "dossiers.$id.pieces.tsx": { as: "applicant", params: (c) => ({ id: c.draft }) },
  "dossiers.nouveau.tsx": { as: "applicant", params: NONE, sources: ["app/domain/eligibility/form.ts"] },
  "eligibilite.tsx": { as: "applicant", params: NONE, sources: ["app/domain/eligibility/form.ts"] },
  "financeurs._index.tsx": { as: "funder", params: NONE, sources: PIPELINE },
  "financeurs.dossiers.$id.tsx": { as: "funder", params: (c) => ({ id: c.shared }), sources: PIPELINE },
  "financeurs.filtres.tsx": { as: "funder", params: NONE },
  "financeurs.indicateurs.$serie[.csv].ts": { as: "funder", params: () => ({ serie: "dossiers" }) },
  "financeurs.indicateurs.tsx": { as: "funder", params: NONE },
  "financeurs.revues.$id.tsx": { as: "funder", params: (c) => ({ id: c.review }), sources: PIPELINE },
  "invitations.$token.tsx": { as: "applicant", params: () => ({ token: "jeton-invente-0123456789abcdef" }) },
  "instruction._index.tsx": { as: "instructor", params: NONE, sources: QUEUE },
  "instruction.commission.$id.tsx": { as: "instructor", params: (c) => ({ id: c.session }) },
  "instruction.dossiers.$id.pieces.$attachmentId.ts": {
    as: "instructor",
    params: (c) => ({ id: c.staffDossier, attachmentId: c.staffAttachment }),
  },
  "instruction.dossiers.$id.tsx": { as: "instructor", params: (c) => ({ id: c.staffDossier }) },
  "instruction.export[.csv].ts": { as: "instructor", params: NONE, sources: QUEUE },
  "instruction.suivi.tsx": { as: "instructor", params: NONE, sources: FOLLOW_UP },
  "instruction.suivi[.csv].ts": { as: "instructor", params: NONE, sources: FOLLOW_UP },
  "organisations.$id.tsx": { as: "applicant", params: (c) => ({ id: c.organisation }) },
  // ── post-grant: a granted CAP ASSO dossier of the applicant's organisation, agreement accepted ──
  "dossiers.$id.convention.tsx": { as: "applicant", params: (c) => ({ id: c.granted }) },
  "instruction.dossiers.$id_.convention.tsx": { as: "instructor", params: (c) => ({ id: c.granted }) },
  // ── post-grant: payments ──
  "dossiers.$id.versements.$position.tsx": {
    as: "applicant",
    params: (c) => ({ id: c.granted, position: "1" }),
  },
  "instruction.dossiers.$id_.versements.$position.tsx": {
    as: "instructor",
    params: (c) => ({ id_: c.granted, id: c.granted, position: "1" }),
  },
  "instruction.versements.tsx": { as: "instructor", params: NONE, sources: FINANCE },
  "instruction.versements[.csv].ts": { as: "instructor", params: NONE, sources: FINANCE },
  // ── post-grant: reports, recoveries and settlement ──
  "dossiers.$id.comptes-rendus.$period.tsx": {
    as: "applicant",
    params: (c) => ({ id: c.granted, period: "1" }),
  },
  "instruction.dossiers.$id_.comptes-rendus.$period.tsx": {
    as: "instructor",
    params: (c) => ({ id: c.granted, period: "1" }),
  },
  "instruction.dossiers.$id_.reversements.tsx": { as: "instructor", params: (c) => ({ id: c.granted }) },
  "instruction.dossiers.$id_.solde.tsx": { as: "instructor", params: (c) => ({ id: c.granted }) },
  // ── post-grant: the equity advance's repayments ──
  "dossiers.$id.remboursements.tsx": { as: "applicant", params: (c) => ({ id: c.filed }) },
  "instruction.dossiers.$id_.remboursements.tsx": {
    as: "instructor",
    params: (c) => ({ id: c.staffDossier }),
  },
};

/** The URL path of a route module, its params filled in: enough for the loader, which reads the query. */
function pathOf(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.(\w+)\]/g, ".$1")
    .split(".")
    .filter((segment) => segment !== "_index")
    // A trailing underscore (`$id_`) only opts out of the parent's layout: not part of the URL.
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) =>
      segment.startsWith("$") ? encodeURIComponent(params[segment.slice(1)] ?? "") : segment,
    );
  return `/${segments.join("/")}`;
}

it("has a fuzzing entry for every loader that reads its query string", () => {
  expect(QUERY_ROUTES.length).toBeGreaterThan(20);
  expect(QUERY_ROUTES.filter((route) => !SPECS[route])).toEqual([]);
  expect(Object.keys(SPECS).filter((route) => !QUERY_ROUTES.includes(route))).toEqual([]);
});

describe.each(databaseKinds())("every query string under arbitrary input, on %s", (kind) => {
  let world: World;
  let context: FuzzContext;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    world = await createWorld(kind);
    bindAppDatabase(world.database);
    globalThis.__storage = world.storage;
    context = await buildFuzzContext(world);
    for (const [role, id] of Object.entries(context.people)) cookies.set(role, await cookieOf(world.db, id));
  });

  async function pendingCookie(userId: string) {
    const { pendingSignInCookie } = await import("~/session.server");
    const { startPendingSignIn } = await import("~/services/accounts/second-factor.server");
    return (await pendingSignInCookie.serialize(await startPendingSignIn(world.db, userId))).split(";")[0]!;
  }

  afterAll(async () => {
    globalThis.__storage = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it.each(QUERY_ROUTES)("%s answers 2xx-4xx whatever its query string", async (file) => {
    const spec = SPECS[file]!;
    const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as {
      loader: (args: LoaderFunctionArgs) => Promise<unknown>;
    };
    const params = spec.params(context);
    const words = new Set<string>();
    const names = new Set<string>();
    for (const source of [
      path.join(ROUTES_DIR, file),
      ...(spec.sources ?? []).map((name) => path.join(ROOT, name)),
    ]) {
      for (const word of await routeVocabulary(source)) words.add(word);
      for (const name of await queryParameterNames(source)) names.add(name);
    }
    const cookie = spec.pendingSignIn
      ? await pendingCookie(context.people[spec.as!])
      : spec.as
        ? cookies.get(spec.as)
        : undefined;
    const base = pathOf(file, params);
    await fc.assert(
      fc.asyncProperty(queryArbitrary([...names], [...words], context.ids), async (query) => {
        const url = `${base}?${query}`;
        let answer;
        try {
          answer = await outcome(module.loader(get(url, cookie, params)));
        } catch (error) {
          throw new Error(`${url}: exception ${String(error)}`, { cause: error });
        }
        expect(answer.status, `${url}\n${answer.text.slice(0, 300)}`).toBeLessThan(500);
        // A signed-in person allowed on the page is never sent to sign in by a query string.
        expect(answer.location ?? "", url).not.toMatch(/^\/connexion/);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
