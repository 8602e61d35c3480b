// The rule-set pages of the administration, called as a browser calls them (session cookie, real loaders
// and actions): only an administrator gets in, a signed-out visitor is sent to sign in, bad input is
// answered 400 (unknown addresses 404, published versions 409) and changes nothing; and the whole path,
// from « Préparer une nouvelle version » to the applicant's filing step judged by the new version.
import { rm } from "node:fs/promises";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatDate } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import { defaultRuleSetParameters } from "~/domain/schemes";
import { parametersToFormValues } from "~/domain/schemes/parameter-form";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";

import { createUser, createWorld, type World } from "../support/instruction-world";
import { cookieOf, get, outcome, post } from "../support/routes";
import { dayFromToday, draftAsking25k } from "../support/rule-sets";

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;

const SCHEME = "/admin/dispositifs/cap-asso";
const version = (n: number | string) => `${SCHEME}/versions/${n}`;

describe("the rule-set pages, route by route", () => {
  let world: World;
  let db: PrismaClient;
  const cookies: Record<string, string> = {};
  let draft: { id: string; ownerId: string };
  let routes: {
    index: typeof import("~/routes/admin.dispositifs._index");
    scheme: typeof import("~/routes/admin.dispositifs.$slug");
    version: typeof import("~/routes/admin.dispositifs.$slug.versions.$version");
    depot: typeof import("~/routes/dossiers.$id.depot");
  };

  const schemeParams = { slug: "cap-asso" };
  const versionParams = (n: number | string) => ({ slug: "cap-asso", version: String(n) });

  /** Everything an admin act could change. */
  const state = async () => ({
    ruleSets: JSON.stringify(await db.ruleSet.findMany({ orderBy: { id: "asc" } })),
    audit: await db.auditLog.count(),
  });

  beforeAll(async () => {
    world = await createWorld("pglite");
    db = world.db;
    globalThis.__database = { db, kind: "pglite", close: () => world.database.close() };
    draft = await draftAsking25k(world);
    const funder = await createUser(db, "Flore", "Financeuse", UserRole.FUNDER);
    cookies.admin = await cookieOf(db, world.admin.id);
    cookies.instructor = await cookieOf(db, world.instructor.id);
    cookies.funder = await cookieOf(db, funder.id);
    cookies.applicant = await cookieOf(db, draft.ownerId);
    routes = {
      index: await import("~/routes/admin.dispositifs._index"),
      scheme: await import("~/routes/admin.dispositifs.$slug"),
      version: await import("~/routes/admin.dispositifs.$slug.versions.$version"),
      depot: await import("~/routes/dossiers.$id.depot"),
    };
  });
  afterAll(async () => {
    globalThis.__database = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("sends a signed-out visitor to sign in and refuses applicants, instructors and funders", async () => {
    const before = await state();
    const loaders: Array<[string, Handler, Record<string, string>]> = [
      ["/admin/dispositifs", routes.index.loader, {}],
      [SCHEME, routes.scheme.loader, schemeParams],
      [version(1), routes.version.loader, versionParams(1)],
    ];
    const actions: Array<
      [string, Record<string, string>, (args: ActionFunctionArgs) => Promise<unknown>, Record<string, string>]
    > = [
      [SCHEME, { intent: "create-draft" }, routes.scheme.action, schemeParams],
      [version(1), { intent: "save" }, routes.version.action, versionParams(1)],
      [
        version(1),
        { intent: "publish", effectiveDate: dayFromToday(0), deliberation: "CP n° 1" },
        routes.version.action,
        versionParams(1),
      ],
      [version(1), { intent: "delete" }, routes.version.action, versionParams(1)],
    ];
    for (const [url, loader, params] of loaders) {
      const signedOut = await outcome(loader(get(url, undefined, params)));
      expect(signedOut.status, url).toBe(302);
      expect(signedOut.location, url).toMatch(/^\/connexion\?redirectTo=/);
      for (const who of ["applicant", "instructor", "funder"]) {
        expect((await outcome(loader(get(url, cookies[who], params)))).status, `${who} ${url}`).toBe(403);
      }
    }
    for (const [url, fields, action, params] of actions) {
      expect((await outcome(action(post(url, fields, undefined, params)))).status, url).toBe(302);
      for (const who of ["applicant", "instructor", "funder"]) {
        const answer = await outcome(action(post(url, fields, cookies[who], params)));
        expect(answer.status, `${who} ${fields.intent}`).toBe(403);
      }
    }
    expect(await state()).toEqual(before);
  });

  it("answers unknown addresses 404 and an administrator's bad input 400, changing nothing", async () => {
    const before = await state();
    const admin = cookies.admin;
    expect(
      (await outcome(routes.scheme.loader(get("/admin/dispositifs/inconnu", admin, { slug: "inconnu" }))))
        .status,
    ).toBe(404);
    for (const bad of ["0", "abc", "99", "1.5"]) {
      expect(
        (await outcome(routes.version.loader(get(version(bad), admin, versionParams(bad))))).status,
        bad,
      ).toBe(404);
      const save = post(version(bad), { intent: "delete" }, admin, versionParams(bad));
      expect((await outcome(routes.version.action(save))).status, bad).toBe(404);
    }
    const unknownScheme = post("/admin/dispositifs/inconnu", { intent: "create-draft" }, admin, {
      slug: "inconnu",
    });
    expect((await outcome(routes.scheme.action(unknownScheme))).status).toBe(404);
    const noIntent = await outcome(routes.scheme.action(post(SCHEME, {}, admin, schemeParams)));
    expect(noIntent.status).toBe(400);
    const oddIntent = await outcome(
      routes.version.action(post(version(1), { intent: "publier" }, admin, versionParams(1))),
    );
    expect(oddIntent.status).toBe(400);
    expect(oddIntent.body).toMatchObject({ errors: { form: expect.stringContaining("pas reconnue") } });

    // Version 1 is published: saving, publishing or deleting it is refused whatever is posted.
    const values = parametersToFormValues("CAP_ASSO", defaultRuleSetParameters("CAP_ASSO"));
    const attempts: Array<Record<string, string | string[]>> = [
      { intent: "save", ...values, maxAnnualAmount: "50 000" },
      { intent: "publish", effectiveDate: dayFromToday(3), deliberation: "CP n° 26.11.05 du 20/11/2026" },
      { intent: "delete" },
    ];
    for (const fields of attempts) {
      const answer = await outcome(routes.version.action(post(version(1), fields, admin, versionParams(1))));
      expect(answer.status, String(fields.intent)).toBe(409);
      expect(JSON.stringify(answer.body)).toContain("ne peut plus être modifiée");
    }
    expect(await state()).toEqual(before);
  });

  it("prepares, checks and publishes version 2; the applicant's filing step then judges the draft by it", async () => {
    const admin = cookies.admin;
    const created = await outcome(
      routes.scheme.action(post(SCHEME, { intent: "create-draft" }, admin, schemeParams)),
    );
    expect(created).toMatchObject({ status: 302, location: `${version(2)}?fait=cree` });
    const again = await outcome(
      routes.scheme.action(post(SCHEME, { intent: "create-draft" }, admin, schemeParams)),
    );
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: expect.stringContaining("déjà en préparation") });

    const page = await outcome(
      routes.version.loader(get(`${version(2)}?fait=cree`, admin, versionParams(2))),
    );
    expect(page.body).toMatchObject({
      described: null,
      confirmation: expect.stringContaining("brouillon est créé"),
    });
    const values = (page.body as unknown as { draft: { values: Record<string, string | string[]> } }).draft
      .values;

    // A ceiling below the floor: 400, the typed values come back, nothing is saved.
    let before = await state();
    const wrong = await outcome(
      routes.version.action(
        post(version(2), { intent: "save", ...values, maxAnnualAmount: "1 500" }, admin, versionParams(2)),
      ),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      intent: "save",
      errors: {
        maxAnnualAmount: "Le montant annuel maximal doit être supérieur ou égal au montant annuel minimal.",
      },
      values: { maxAnnualAmount: "1 500", eligibleDepartmentCodes: values.eligibleDepartmentCodes },
    });
    expect(await state()).toEqual(before);

    const saved = await outcome(
      routes.version.action(
        post(version(2), { intent: "save", ...values, maxAnnualAmount: "30 000" }, admin, versionParams(2)),
      ),
    );
    expect(saved).toMatchObject({ status: 302, location: `${version(2)}?fait=enregistre` });
    const preview = await outcome(routes.version.loader(get(version(2), admin, versionParams(2))));
    expect(preview.body).toMatchObject({
      draft: { preview: expect.arrayContaining([expect.objectContaining({ verdictChanged: true })]) },
    });

    before = await state();
    const late = await outcome(
      routes.version.action(
        post(
          version(2),
          { intent: "publish", effectiveDate: dayFromToday(-3), deliberation: "" },
          admin,
          versionParams(2),
        ),
      ),
    );
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      intent: "publish",
      errors: {
        effectiveDate: expect.any(String),
        deliberation: expect.any(String),
        confirm:
          "Cochez la case pour confirmer la publication\u00a0: une version publiée ne peut plus être modifiée.",
      },
      values: { effectiveDate: dayFromToday(-3) },
    });
    expect(await state()).toEqual(before);

    const deliberation = "CP n° 26.11.05 du 20/11/2026";
    const published = await outcome(
      routes.version.action(
        post(
          version(2),
          { intent: "publish", effectiveDate: dayFromToday(0), deliberation, confirm: "oui" },
          admin,
          versionParams(2),
        ),
      ),
    );
    expect(published).toMatchObject({ status: 302, location: `${version(2)}?fait=publie` });
    const readOnly = await outcome(routes.version.loader(get(version(2), admin, versionParams(2))));
    expect(readOnly.body).toMatchObject({ draft: null, version: { deliberation, stateLabel: "En vigueur" } });
    const index = await outcome(routes.index.loader(get("/admin/dispositifs", admin, {})));
    expect(index.body).toMatchObject({
      schemes: expect.arrayContaining([
        expect.objectContaining({ slug: "cap-asso", inForce: expect.objectContaining({ version: 2 }) }),
      ]),
    });

    // The applicant's draft, started under version 1, is judged on its filing step by version 2.
    const depot = await outcome(
      routes.depot.loader(get(`/dossiers/${draft.id}/depot`, cookies.applicant, { id: draft.id })),
    );
    expect(depot.body).toMatchObject({
      rulesNotice: `Les règles de CAP ASSO ont changé depuis la création de votre brouillon\u00a0: il sera examiné selon la version 2, en vigueur depuis le ${formatDate(paris(dayFromToday(0)))}.`,
      eligibility: { eligible: true },
      ready: true,
    });
    const moved = await db.dossier.findUniqueOrThrow({ where: { id: draft.id }, include: { ruleSet: true } });
    expect(moved).toMatchObject({ status: DossierStatus.DRAFT, ruleSet: { version: 2 } });
  });

  it("deletes a draft and says so on the scheme's page", async () => {
    const admin = cookies.admin;
    await outcome(routes.scheme.action(post(SCHEME, { intent: "create-draft" }, admin, schemeParams)));
    const deleted = await outcome(
      routes.version.action(post(version(3), { intent: "delete" }, admin, versionParams(3))),
    );
    expect(deleted).toMatchObject({ status: 302, location: `${SCHEME}?fait=supprime` });
    expect(await db.ruleSet.count({ where: { scheme: { code: "CAP_ASSO" } } })).toBe(2);
    const page = await outcome(routes.scheme.loader(get(`${SCHEME}?fait=supprime`, admin, schemeParams)));
    expect(page.body).toMatchObject({ confirmation: "Le brouillon est supprimé.", draft: null });
  });
});
