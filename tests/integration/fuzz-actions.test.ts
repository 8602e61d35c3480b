// Bad input, every action: fast-check posts arbitrary forms (the route's own field names and intents mixed
// with random ones; values of any type, size up to 1 MiB and encoding, repeated or missing; multipart bodies
// with files; bodies that are no form at all) to every route module that exports an action, signed in as
// someone allowed to use it. Whatever is posted, the answer is 2xx, 3xx or 4xx, never 5xx nor an unhandled
// exception; and a 4xx leaves every table as it was. A new action without an entry below fails the test.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import type { ActionFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "~/generated/prisma/client";

import { demoSiret } from "../../seeds/demo/identifiers";
import { databaseKinds, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import {
  bindAppDatabase,
  buildFuzzContext,
  type FuzzContext,
  type FuzzRole,
  bodyArbitrary,
  changedTables,
  describeBody,
  fingerprinter,
  fuzzRequest,
  mutatedBodyArbitrary,
  nulExamples,
  routeVocabulary,
  type FormTemplate,
} from "../support/fuzz";
import { cookieOf, outcome } from "../support/routes";
import { createWorld, type World } from "../support/instruction-world";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROUTES_DIR = path.join(ROOT, "app/routes");
/** Fixed so that CI runs the same cases; fast-check prints the seed and the shrunk case of a failure. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_308;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 10;

/** The route modules exporting an action, read from the source so that none can be forgotten. */
const ACTION_ROUTES = readdirSync(ROUTES_DIR)
  .filter((file) =>
    /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(
      readFileSync(path.join(ROUTES_DIR, file), "utf8"),
    ),
  )
  .map((file) => file.replace(/\.tsx?$/, ""))
  .sort();

interface ActionSpec {
  /** Who posts: someone the route lets in (null: signed out). */
  as: FuzzRole | null;
  params: (context: FuzzContext) => Record<string, string>;
  /** Forms the page really posts, as starting points for mutations. */
  forms?: (context: FuzzContext) => FormTemplate[];
  /** The file input, for the routes that take uploads. */
  files?: string;
  /** Sources whose literals are the form's field names (components, domain form definitions). */
  sources?: string[];
  /** Tables a refusal writes on purpose, with the reason in a comment. */
  writesOn4xx?: string[];
}

const TOKEN = { token: "jeton-invente-0123456789abcdef" };
const PASSWORDS = {
  password: "Un-mot-de-passe-solide-2026",
  passwordConfirmation: "Un-mot-de-passe-solide-2026",
};
const ORGANISATION = {
  name: "Jardins partagés de Montargis",
  legalForm: "ASSOCIATION",
  siret: demoSiret("86300001", "0001"),
  rnaNumber: "W454001234",
  addressLine: "5 rue du Loing",
  postcode: "45200",
  city: "Montargis",
  legalRepresentativeName: "Camille Porteuse",
  legalRepresentativeRole: "Présidente",
  contactEmail: "contact@jardins-montargis.fr",
};
const CALL = {
  scheme: "CAP_SCOP_SCIC",
  year: "2090",
  title: "Appel de printemps 2090",
  kind: "DATED",
  opensOn: "2090-03-01",
  closesOn: "2090-03-31",
  envelope: "250 000",
};
const TERRITORY = { name: "Pays de Beauce", kind: "PETR", departmentCode: "28", leaderGroup: "" };
const SPECS: Record<string, ActionSpec> = {
  "activer-mon-compte.$token": { as: null, params: () => TOKEN, forms: () => [PASSWORDS] },
  "desabonnement.$token": {
    as: null,
    params: () => TOKEN,
    forms: () => [{ "List-Unsubscribe": "One-Click" }],
  },
  "admin.appels.$id": {
    as: "admin",
    params: (c) => ({ id: c.call }),
    forms: () => [{ intent: "update", ...CALL }, { intent: "delete" }],
  },
  "admin.appels.nouveau": { as: "admin", params: () => ({}), forms: () => [CALL] },
  "admin.comptes.$id": {
    as: "admin",
    params: (c) => ({ id: c.target }),
    forms: () => [
      { intent: "scope", schemes: ["CAP_ASSO", "A_VOS_ID"], departmentCodes: ["45", "37"] },
      { intent: "resend" },
      { intent: "deactivate" },
      { intent: "reactivate" },
      { intent: "reset-second-factor" },
    ],
  },
  "admin.comptes.inviter": {
    as: "admin",
    params: () => ({}),
    forms: (c) => [
      {
        firstName: "Noa",
        lastName: "Martin",
        email: "noa@region.fr",
        role: "INSTRUCTOR",
        scopeNow: "oui",
        schemes: "CAP_ASSO",
      },
      {
        firstName: "Noa",
        lastName: "Martin",
        email: "noa@fondation.fr",
        role: "FUNDER",
        funderOrganisationId: c.funderOrganisation,
      },
    ],
  },
  "admin.conservation": {
    as: "admin",
    params: () => ({}),
    forms: () => [{ intent: "settings", retentionMonths: "72", purgeNoticeDays: "45" }],
  },
  "admin.dispositifs.$slug": {
    as: "admin",
    params: () => ({ slug: "cap-asso" }),
    forms: () => [{ intent: "create-draft" }],
  },
  "admin.dispositifs.$slug.versions.$version": {
    as: "admin",
    params: (c) => ({ slug: "cap-asso", version: String(c.ruleSetVersion) }),
    forms: () => [
      { intent: "save", minAnnualAmount: "2 000", maxAnnualAmount: "20 000", agreementYears: "3" },
      {
        intent: "publish",
        effectiveDate: new Date().toISOString().slice(0, 10),
        deliberation: "CP 2026-03-15",
      },
    ],
    sources: ["app/domain/schemes/parameter-fields.ts", "app/domain/schemes/parameter-form.ts"],
  },
  "admin.financeurs.$id": {
    as: "admin",
    params: (c) => ({ id: c.funderOrganisation }),
    forms: (c) => [
      { intent: "update", name: "Banque des Territoires Centre", kind: "PUBLIC_BANK" },
      { intent: "invite", firstName: "Noa", lastName: "Martin", email: "noa@banque.fr" },
      { intent: "remove-member", userId: c.target },
    ],
  },
  "admin.financeurs._index": {
    as: "admin",
    params: () => ({}),
    forms: () => [{ intent: "create", name: "Fondation Val de Loire", kind: "FOUNDATION" }],
  },
  "admin.territoires.$id": {
    as: "admin",
    params: (c) => ({ id: c.territory }),
    forms: () => [{ intent: "update", ...TERRITORY }, { intent: "deactivate" }, { intent: "reactivate" }],
  },
  "admin.territoires._index": {
    as: "admin",
    params: () => ({}),
    forms: () => [{ intent: "create", code: "28-beauce-test", ...TERRITORY }],
  },
  compte: {
    as: "instructor",
    params: () => ({}),
    forms: () => [
      { intent: "notifications", notificationMode: "DAILY_DIGEST" },
      { intent: "change-password", currentPassword: "faux", ...PASSWORDS },
      { intent: "resend-verification" },
      { intent: "close-session", sessionId: "session-inconnue" },
    ],
  },
  "compte_.double-authentification": {
    as: "applicant",
    params: () => ({}),
    forms: () => [{ intent: "enrol", code: "123456" }],
    sources: ["app/components/account/second-factor.tsx"],
  },
  // A failed sign-in is counted (rate limit per account and per address) and audited: on purpose.
  connexion: {
    as: null,
    params: () => ({}),
    forms: () => [{ email: "instructeur@demo.portail-ess.fr", password: "faux", redirectTo: "/instruction" }],
    writesOn4xx: ["AuditLog", "LoginAttempt"],
  },
  // Without a pending sign-in (its cookie), every post goes back to the password.
  "connexion_.verification": {
    as: null,
    params: () => ({}),
    forms: () => [{ intent: "code", code: "123456" }],
    sources: ["app/components/account/second-factor.tsx"],
  },
  deconnexion: { as: "applicant", params: () => ({}) },
  "dossiers.$id._index": {
    as: "applicant",
    params: (c) => ({ id: c.filed }),
    forms: () => [
      { intent: "message", body: "Bonjour, voici la pièce demandée." },
      { intent: "sharing", share: "on" },
    ],
    files: "attachments",
  },
  // Filing first moves a draft to the rules in force, as showing the filing step does, even if it is refused.
  "dossiers.$id.depot": {
    as: "applicant",
    params: (c) => ({ id: c.draft }),
    forms: () => [{ declaration: "on" }],
    writesOn4xx: ["Dossier"],
  },
  // A step is saved as typed even when some answers are wrong (400 with the errors): nothing typed is lost.
  "dossiers.$id.etapes.$step": {
    as: "applicant",
    params: (c) => ({ id: c.draft, step: c.draftStep }),
    sources: ["app/domain/dossier-forms"],
    writesOn4xx: ["Dossier", "DossierBudgetLine"],
  },
  "dossiers.$id.pieces.envoi": {
    as: "applicant",
    params: (c) => ({ id: c.draft }),
    forms: (c) => [{ kind: c.attachmentKind }],
    files: "file",
  },
  "dossiers.$id.pieces": {
    as: "applicant",
    params: (c) => ({ id: c.draft }),
    forms: (c) => [{ kind: c.attachmentKind }],
    files: "file",
  },
  "dossiers.nouveau": {
    as: "applicant",
    params: () => ({}),
    forms: (c) => [{ dispositif: "cap-asso", organisationId: c.organisation }],
  },
  eligibilite: { as: null, params: () => ({}), sources: ["app/domain/eligibility/form.ts"] },
  "financeurs.dossiers.$id": {
    as: "funder",
    params: (c) => ({ id: c.shared }),
    forms: (c) => [
      {
        intent: "comment",
        body: "Nous pourrions compléter le plan de financement.",
        mentions: c.people.instructor,
      },
      {
        intent: "position",
        status: "COMMITTED",
        instrument: "GRANT",
        amount: "12 000",
        note: "",
        partager: "oui",
      },
    ],
  },
  "financeurs.filtres": {
    as: "funder",
    params: () => ({}),
    forms: () => [
      { intent: "save", name: "Loiret, CAP ASSO", query: "dispositif=cap-asso&departement=45" },
      { intent: "toggle-digest", filterId: "inconnu", digest: "oui" },
      { intent: "delete", filterId: "inconnu" },
    ],
  },
  "financeurs.revues.$id": {
    as: "funder",
    params: (c) => ({ id: c.review }),
    forms: (c) => [
      { intent: "items", dossierId: [c.shared] },
      { intent: "invite", funderOrganisationId: [c.funderOrganisation] },
      { intent: "minutes", [`minutes.${c.shared}`]: "Projet soutenu par la Banque des Territoires." },
    ],
  },
  "financeurs.revues._index": {
    as: "funder",
    params: () => ({}),
    forms: () => [
      { intent: "create", title: "Revue de printemps", date: "2030-04-15", time: "14:00", place: "Orléans" },
    ],
  },
  inscription: {
    as: null,
    params: () => ({}),
    forms: () => [{ firstName: "Noa", lastName: "Martin", email: "noa.martin@example.fr", ...PASSWORDS }],
  },
  "instruction._index": {
    as: "instructor",
    params: () => ({}),
    forms: (c) => [{ dossier: [c.filed, c.staffDossier], confier_a: c.people.instructor }],
  },
  "instruction.commission.$id": {
    as: "instructor",
    params: (c) => ({ id: c.session }),
    forms: (c) => [
      { intent: "add", dossierId: [c.staffDossier] },
      { intent: "remove", dossierId: [c.staffDossier] },
      { intent: "decide", [`${c.staffDossier}.outcome`]: "GRANTED", [`${c.staffDossier}.amount`]: "10 000" },
    ],
  },
  "instruction.commission._index": {
    as: "instructor",
    params: () => ({}),
    forms: () => [{ intent: "create", date: "2031-06-12", title: "Commission permanente du 12 juin 2031" }],
  },
  "instruction.dossiers.$id": {
    as: "instructor",
    params: (c) => ({ id: c.staffDossier }),
    forms: (c) => [
      { intent: "note", noteBody: "Vérifier le budget prévisionnel." },
      { intent: "message", body: "Bonjour, pouvez-vous préciser le plan de financement ?" },
      { intent: "assign", assigneeId: c.people.instructor },
      { intent: "completeness", key: "budget", checked: "1" },
      {
        intent: "REQUEST_CORRECTION",
        revision: String(c.staffRevision),
        reason: "Budget",
        replyBy: "2031-03-15",
        fields: ["budget"],
      },
      { intent: "CLOSE", revision: String(c.staffRevision), closeReason: "Projet abandonné." },
    ],
    files: "attachments",
    sources: ["app/components/instruction"],
  },
  // ── After the grant: a granted CAP ASSO dossier of the applicant's organisation, its agreement accepted
  // by both sides: every page is fuzzed past its guard, on the real payment 1 (the first advance) and year
  // 1's report; what matters is that no input crashes a page and a refusal writes nothing.
  "dossiers.$id.convention": { as: "applicant", params: (c) => ({ id: c.granted }), files: "scan" },
  "dossiers.$id.versements.$position": {
    as: "applicant",
    params: (c) => ({ id: c.granted, position: "1" }),
    files: "proof.CAPITAL_CERTIFICATE",
  },
  "dossiers.$id.comptes-rendus.$period": {
    as: "applicant",
    params: (c) => ({ id: c.granted, period: "1" }),
    files: "piece_APPROVED_ACCOUNTS",
  },
  "instruction.dossiers.$id_.convention": {
    as: "instructor",
    params: (c) => ({ id: c.granted }),
    files: "scan",
  },
  "instruction.dossiers.$id_.versements.$position": {
    as: "instructor",
    params: (c) => ({ id: c.granted, position: "1" }),
  },
  "instruction.dossiers.$id_.comptes-rendus.$period": {
    as: "instructor",
    params: (c) => ({ id: c.granted, period: "1" }),
  },
  "instruction.dossiers.$id_.reversements": { as: "instructor", params: (c) => ({ id: c.granted }) },
  "instruction.dossiers.$id_.solde": { as: "instructor", params: (c) => ({ id: c.granted }) },
  "instruction.dossiers.$id_.remboursements": { as: "instructor", params: (c) => ({ id: c.staffDossier }) },
  "dossiers.$id.remboursements": { as: "applicant", params: (c) => ({ id: c.filed }), files: "evidence" },
  "invitations.$token": { as: "applicant", params: () => TOKEN },
  "mot-de-passe-oublie": { as: null, params: () => ({}), forms: () => [{ email: "porteur@example.fr" }] },
  "organisations.$id": {
    as: "applicant",
    params: (c) => ({ id: c.organisation }),
    forms: (c) => [
      { intent: "update", ...ORGANISATION },
      { intent: "invite", email: "nouveau.membre@example.fr", role: "MEMBER" },
      { intent: "remove-member", memberUserId: c.target },
      { intent: "revoke-invitation", invitationId: "inconnue" },
    ],
  },
  "organisations.nouvelle": { as: "applicant", params: () => ({}), forms: () => [ORGANISATION] },
  "reinitialiser-mot-de-passe.$token": { as: null, params: () => TOKEN, forms: () => [PASSWORDS] },
};

/** Remix's path of a route module, with its params filled in. */
function pathOf(route: string, params: Record<string, string>): string {
  const segments = route
    .replace(/\[\.(\w+)\]/g, ".$1")
    .split(".")
    .filter((segment) => segment !== "_index")
    // A trailing underscore (`$id_`) only opts out of the parent's layout: not part of the URL nor the param.
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) =>
      segment.startsWith("$") ? encodeURIComponent(params[segment.slice(1)] ?? "") : segment,
    );
  return `/${segments.join("/")}`;
}

async function sourceFiles(sources: string[]): Promise<string[]> {
  return sources.flatMap((source) => {
    const full = path.join(ROOT, source);
    if (/\.tsx?$/.test(source)) return [full];
    return readdirSync(full, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(full, file));
  });
}

it("has a fuzzing entry for every route module with an action, and none for a route without", () => {
  expect(ACTION_ROUTES.length).toBeGreaterThan(30);
  expect(ACTION_ROUTES.filter((route) => !SPECS[route])).toEqual([]);
  expect(Object.keys(SPECS).filter((route) => !ACTION_ROUTES.includes(route))).toEqual([]);
});

describe.each(databaseKinds())("every action under arbitrary input, on %s", (kind) => {
  let world: World;
  let database: TestDatabase;
  let db: PrismaClient;
  let context: FuzzContext;
  /** The routes that answered 2xx or 3xx at least once. */
  const accepted = new Set<string>();

  beforeAll(async () => {
    world = await createWorld(kind);
    database = world.database;
    db = world.db;
    // The route modules bind the client of `globalThis.__database` when first imported: one client per
    // file, forwarding to this engine's database.
    bindAppDatabase(database);
    globalThis.__storage = world.storage;
    context = await buildFuzzContext(world);
  });

  afterAll(async () => {
    globalThis.__storage = undefined;
    await database?.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it.each(ACTION_ROUTES)(
    "%s answers 2xx-4xx whatever is posted, and writes nothing when it refuses",
    async (route) => {
      const spec = SPECS[route]!;
      const module = (await import(
        /* @vite-ignore */ path.join(ROUTES_DIR, `${route}${tsExtension(route)}`)
      )) as {
        action?: (args: ActionFunctionArgs) => Promise<unknown>;
      };
      expect(typeof module.action).toBe("function");
      const action = module.action!;
      const params = spec.params(context);
      const url = pathOf(route, params);
      const files = [
        path.join(ROUTES_DIR, `${route}${tsExtension(route)}`),
        ...(await sourceFiles(spec.sources ?? [])),
      ];
      const words = new Set<string>();
      for (const file of files) for (const word of await routeVocabulary(file)) words.add(word);
      for (const form of spec.forms?.(context) ?? []) {
        for (const [name, value] of Object.entries(form)) words.add(name).add(String(value));
      }
      const vocabulary = [...words];
      const samples = [SAMPLE_FILES.pdf, SAMPLE_FILES.exe, SAMPLE_FILES.html];
      const bodyFor = (spec: ActionSpec, vocabulary: string[]) => {
        const random = bodyArbitrary(vocabulary, context.ids, {
          fileFields: [spec.files ?? "file"],
          sampleFiles: samples,
        });
        const forms = spec.forms?.(context) ?? [];
        if (forms.length === 0) return random;
        const files = spec.files ? { field: spec.files, samples } : undefined;
        return fc.oneof(
          { weight: 3, arbitrary: mutatedBodyArbitrary(forms, vocabulary, context.ids, files) },
          { weight: 1, arbitrary: random },
        );
      };
      const fingerprint = fingerprinter(db, ["Session"]);
      let before = await fingerprint();
      const user = spec.as ? context.people[spec.as] : null;
      const statuses: number[] = [];

      await fc.assert(
        fc.asyncProperty(bodyFor(spec, vocabulary), async (body) => {
          // A fresh session each run: an earlier run may have signed everyone out.
          const cookie = user ? await cookieOf(db, user) : undefined;
          const request = fuzzRequest(url, body, cookie);
          let answer;
          try {
            answer = await outcome(action({ request, params, context: {} } as unknown as ActionFunctionArgs));
          } catch (error) {
            throw new Error(`${route}: exception for ${describeBody(body)}: ${String(error)}`, {
              cause: error,
            });
          }
          statuses.push(answer.status);
          expect(answer.status, `${route} ${describeBody(body)}\n${answer.text.slice(0, 300)}`).toBeLessThan(
            500,
          );
          const after = await fingerprint();
          if (answer.status >= 400) {
            const changed = changedTables(before, after).filter(
              (table) => !spec.writesOn4xx?.includes(table),
            );
            expect(changed, `${route} ${answer.status} wrote for ${describeBody(body)}`).toEqual([]);
          }
          before = after;
        }),
        {
          numRuns: RUNS,
          seed: SEED,
          endOnFailure: true,
          examples: nulExamples(
            spec.forms?.(context) ?? [],
            spec.files ? { field: spec.files, bytes: SAMPLE_FILES.pdf } : undefined,
          ),
        },
      );
      if (statuses.some((status) => status < 400)) accepted.add(route);
      if (process.env.FUZZ_DEBUG) console.log(route, statuses.join(" "));
    },
  );

  it("gets past validation into the services: most actions accepted some of the mutated forms", () => {
    // Only garbage refused at the first check would prove little: the valid forms, slightly broken, go on.
    expect(accepted.size).toBeGreaterThanOrEqual(20);
  });
});

function tsExtension(route: string): string {
  return readdirSync(ROUTES_DIR).includes(`${route}.tsx`) ? ".tsx" : ".ts";
}
