// The CRST territories' administration, called as a browser calls it (session cookies, real loaders and
// actions): only an administrator gets in; creating, editing, deactivating and reactivating a territory are
// audited; bad input is answered 400 in French and changes nothing; a deactivated territory is no longer
// offered to a new A VOS ID dossier but stays on the dossiers that named it; and the instructors the page
// lists for a territory are exactly those whose queue receives its dossiers.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { TerritoryInstructors } from "~/components/admin/territory-table";
import { AUDIT_ACTIONS } from "~/domain/audit";
import type { FieldDef, StepDef } from "~/domain/dossier-forms/fields";
import { EMPTY_QUEUE_FILTER } from "~/domain/instruction-queue";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";
import type { AdminTerritory } from "~/services/admin/territories.server";
import { formContext, startDossier } from "~/services/applicant/dossiers.server";
import { saveStep } from "~/services/applicant/dossier-steps.server";
import { loadQueue } from "~/services/instruction/queue.server";

import { demoSiret } from "../../seeds/demo/identifiers";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { cookieOf, get, outcome, post } from "../support/routes";

type Listing = { departments: Array<{ code: string; territories: AdminTerritory[] }> };
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

describe.each(databaseKinds())("the territories' administration on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  const cookies: Record<"admin" | "applicant" | "instructor" | "funder", string> = {
    admin: "",
    applicant: "",
    instructor: "",
    funder: "",
  };
  const people: Record<string, { id: string; role: UserRole }> = {};
  let organisationId: string;
  let routes: {
    index: { loader: Loader; action: Action };
    edit: { loader: Loader; action: Action };
    step: { loader: Loader; action: Action };
  };

  const territory = (code: string) => db.territory.findUniqueOrThrow({ where: { code } });
  const snapshot = async () =>
    JSON.stringify([await db.territory.findMany({ orderBy: { code: "asc" } }), await db.auditLog.count()]);

  async function person(key: string, role: UserRole, scope?: [SchemeCode[], string[], string[]], extra = {}) {
    const user = await db.user.create({
      data: {
        email: `${key}@example.fr`,
        passwordHash: "-",
        firstName: key.charAt(0).toUpperCase() + key.slice(1),
        lastName: "Test",
        role,
        ...extra,
        ...(scope
          ? {
              instructorScope: {
                create: { schemes: scope[0], departmentCodes: scope[1], territoryCodes: scope[2] },
              },
            }
          : {}),
      },
    });
    people[key] = { id: user.id, role };
    return user;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db);
    await person("admin", UserRole.ADMIN);
    await person("applicant", UserRole.APPLICANT);
    await person("funder", UserRole.FUNDER);
    // CAP ASSO only: the instructor refused below, and one who receives no A VOS ID dossier.
    await person("marc", UserRole.INSTRUCTOR, [[SchemeCode.CAP_ASSO], [], []]);
    await person("julie", UserRole.INSTRUCTOR, [[SchemeCode.A_VOS_ID], [], ["37-chinonais"]]);
    await person("nina", UserRole.INSTRUCTOR, [[], ["36"], []]);
    // A territory outside the scope's departments: the queue requires both, so this one receives nothing.
    await person("odile", UserRole.INSTRUCTOR, [[], ["18"], ["37-chinonais"]]);
    await person("paul", UserRole.INSTRUCTOR, [[], [], []], { deactivatedAt: new Date() });
    const organisation = await db.organisation.create({
      data: {
        name: "Tiers-lieu du Boischaut",
        legalForm: "ASSOCIATION",
        siret: demoSiret("84200001", "0001"),
        departmentCode: "36",
      },
    });
    organisationId = organisation.id;
    await db.membership.create({ data: { userId: people.applicant!.id, organisationId, role: "OWNER" } });

    globalThis.__database = { db, kind, close: () => database.close() };
    // ~/db.server reads the handle when first imported: each engine gets fresh route modules.
    vi.resetModules();
    cookies.admin = await cookieOf(db, people.admin!.id);
    cookies.applicant = await cookieOf(db, people.applicant!.id);
    cookies.instructor = await cookieOf(db, people.marc!.id);
    cookies.funder = await cookieOf(db, people.funder!.id);
    routes = {
      index: await import("~/routes/admin.territoires._index"),
      edit: await import("~/routes/admin.territoires.$id"),
      step: await import("~/routes/dossiers.$id.etapes.$step"),
    };
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    await database?.close();
  });

  it("lets only an administrator in: others are refused, signed-out visitors sent to sign in", async () => {
    const { id } = await territory("37-chinonais");
    const before = await snapshot();
    const calls: Array<[string, (cookie?: string) => Promise<unknown>]> = [
      ["liste", (cookie) => routes.index.loader(get("/admin/territoires", cookie))],
      ["fiche", (cookie) => routes.edit.loader(get(`/admin/territoires/${id}`, cookie, { id }))],
      [
        "création",
        (cookie) =>
          routes.index.action(
            post(
              "/admin/territoires",
              { intent: "create", code: "37-intrus", name: "Intrus", kind: "PAYS", departmentCode: "37" },
              cookie,
            ),
          ),
      ],
      [
        "modification",
        (cookie) =>
          routes.edit.action(
            post(
              `/admin/territoires/${id}`,
              { intent: "update", name: "Intrus", kind: "PAYS", departmentCode: "37" },
              cookie,
              { id },
            ),
          ),
      ],
      [
        "désactivation",
        (cookie) =>
          routes.edit.action(post(`/admin/territoires/${id}`, { intent: "deactivate" }, cookie, { id })),
      ],
    ];
    for (const [name, call] of calls) {
      const signedOut = await outcome(call());
      expect(signedOut.status, name).toBe(302);
      expect(signedOut.location, name).toMatch(/^\/connexion\?redirectTo=%2Fadmin%2Fterritoires/);
      for (const role of ["applicant", "instructor", "funder"] as const) {
        expect((await outcome(call(cookies[role]))).status, `${name} (${role})`).toBe(403);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it("lists each department's territories with their instructors, and flags the ones nobody covers", async () => {
    const { body } = await outcome(routes.index.loader(get("/admin/territoires", cookies.admin)));
    const { departments } = body as Listing;
    expect(departments.map((department) => department.code)).toEqual(["18", "28", "36", "37", "41", "45"]);
    const byCode = new Map(
      departments.flatMap((department) => department.territories).map((row) => [row.code, row]),
    );
    const names = (code: string) => byCode.get(code)!.instructors.map((instructor) => instructor.name);
    expect(names("37-chinonais")).toEqual(["Julie Test"]);
    expect(names("36-brenne")).toEqual(["Nina Test"]);
    expect(names("18-bourges-plus")).toEqual([]);
    expect(byCode.get("37-chinonais")).toMatchObject({
      kind: "PAYS",
      leaderGroup: "GAL Chinonais",
      active: true,
      dossierCount: 0,
    });
    expect(renderToStaticMarkup(TerritoryInstructors({ instructors: [] }))).toContain("Aucun instructeur");
  });

  it("creates a territory, audited, and answers bad input with 400 and French errors, changing nothing", async () => {
    const before = await snapshot();
    const bad = await outcome(
      routes.index.action(
        post(
          "/admin/territoires",
          {
            intent: "create",
            code: "28 Beauce",
            name: " ",
            kind: "CANTON",
            departmentCode: "75",
            leaderGroup: "GAL",
          },
          cookies.admin,
        ),
      ),
    );
    expect(bad.status).toBe(400);
    const { errors, values } = bad.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(errors).toEqual({
      code: "Le code s’écrit en minuscules sans accents, chiffres et tirets, par exemple « 37-tours-metropole ».",
      name: "Indiquez le nom du territoire.",
      kind: "Choisissez le type de territoire.",
      departmentCode: "Choisissez un des six départements de la région.",
    });
    expect(values).toMatchObject({ code: "28 Beauce", leaderGroup: "GAL" });
    const taken = await outcome(
      routes.index.action(
        post(
          "/admin/territoires",
          { intent: "create", code: "37-chinonais", name: "Doublon", kind: "PAYS", departmentCode: "37" },
          cookies.admin,
        ),
      ),
    );
    expect(taken.status).toBe(400);
    expect((taken.body as { errors: Record<string, string> }).errors.code).toContain(
      "« 37-chinonais » est déjà celui d’un autre territoire",
    );
    const unknown = await outcome(
      routes.index.action(post("/admin/territoires", { intent: "supprimer" }, cookies.admin)),
    );
    expect(unknown.status).toBe(400);
    expect(await snapshot()).toBe(before);

    const created = await outcome(
      routes.index.action(
        post(
          "/admin/territoires",
          {
            intent: "create",
            code: "28-beauce-test",
            name: "Pays de Beauce",
            kind: "PETR",
            departmentCode: "28",
            leaderGroup: "",
          },
          cookies.admin,
        ),
      ),
    );
    expect(created).toMatchObject({ status: 302, location: "/admin/territoires?fait=cree" });
    const row = await territory("28-beauce-test");
    expect(row).toMatchObject({
      name: "Pays de Beauce",
      kind: "PETR",
      departmentCode: "28",
      leaderGroup: null,
      active: true,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.territoryCreated } });
    expect(audit).toMatchObject({ actorId: people.admin!.id, targetType: "Territory", targetId: row.id });
    expect(audit.details).toMatchObject({ code: "28-beauce-test", name: "Pays de Beauce" });
    const page = await outcome(routes.index.loader(get("/admin/territoires?fait=cree", cookies.admin)));
    expect(page.body).toMatchObject({ confirmation: expect.stringContaining("Le territoire est créé") });
  });

  it("edits a territory but never its code, audits the change, and refuses bad input or an unknown id", async () => {
    const { id } = await territory("37-chinonais");
    const url = `/admin/territoires/${id}`;
    const edit = (fields: Record<string, string>, targetId = id) =>
      outcome(
        routes.edit.action(post(`/admin/territoires/${targetId}`, fields, cookies.admin, { id: targetId })),
      );
    const before = await snapshot();
    const bad = await edit({ intent: "update", name: "", kind: "PAYS", departmentCode: "99" });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Record<string, string> }).errors).toEqual({
      name: "Indiquez le nom du territoire.",
      departmentCode: "Choisissez un des six départements de la région.",
    });
    expect((await edit({ intent: "renommer" })).status).toBe(400);
    expect((await edit({ intent: "deactivate" }, "cl0000000000000000000000")).status).toBe(404);
    expect(
      (await outcome(routes.edit.loader(get("/admin/territoires/inconnu", cookies.admin, { id: "inconnu" }))))
        .status,
    ).toBe(404);
    expect(await snapshot()).toBe(before);

    const saved = await edit({
      intent: "update",
      code: "37-autre-code",
      name: "Pays du Chinonais et du Véron",
      kind: "PETR",
      departmentCode: "37",
      leaderGroup: "GAL Chinonais",
    });
    expect(saved).toMatchObject({ status: 302, location: `${url}?fait=modifie` });
    expect(await territory("37-chinonais")).toMatchObject({
      name: "Pays du Chinonais et du Véron",
      kind: "PETR",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: AUDIT_ACTIONS.territoryUpdated, targetId: id },
    });
    expect(audit.actorId).toBe(people.admin!.id);
    expect(audit.details).toEqual({
      code: "37-chinonais",
      changes: {
        name: { before: "Pays du Chinonais", after: "Pays du Chinonais et du Véron" },
        kind: { before: "PAYS", after: "PETR" },
      },
    });

    const count = await db.auditLog.count();
    const same = await edit({
      intent: "update",
      name: "Pays du Chinonais et du Véron",
      kind: "PETR",
      departmentCode: "37",
      leaderGroup: "GAL Chinonais",
    });
    expect(same).toMatchObject({ status: 302, location: `${url}?fait=inchange` });
    expect(await db.auditLog.count()).toBe(count);
  });

  it("offers a deactivated territory to no new A VOS ID dossier, keeps it on one that named it, and reactivates it", async () => {
    const userId = people.applicant!.id;
    const brenne = await territory("36-brenne");
    const named = await startDossier(db, { userId, organisationId, schemeCode: SchemeCode.A_VOS_ID });
    const first = await saveStep(db, {
      userId,
      dossierId: named.id,
      stepId: "initiative",
      values: { territoryCode: "36-brenne" },
      revision: 0,
    });
    expect(first.ok && first.errors.territoryCode).toBeFalsy();
    expect((await db.dossier.findUniqueOrThrow({ where: { id: named.id } })).territoryId).toBe(brenne.id);

    const deactivated = await outcome(
      routes.edit.action(
        post(`/admin/territoires/${brenne.id}`, { intent: "deactivate" }, cookies.admin, { id: brenne.id }),
      ),
    );
    expect(deactivated).toMatchObject({
      status: 302,
      location: `/admin/territoires/${brenne.id}?fait=desactive`,
    });
    expect((await territory("36-brenne")).active).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: AUDIT_ACTIONS.territoryUpdated, targetId: brenne.id },
    });
    expect(audit.details).toEqual({ code: "36-brenne", changes: { active: { before: true, after: false } } });

    const fresh = await startDossier(db, { userId, organisationId, schemeCode: SchemeCode.A_VOS_ID });
    const offered = async (dossierId: string) => {
      const page = await outcome(
        routes.step.loader(
          get(`/dossiers/${dossierId}/etapes/initiative`, cookies.applicant, {
            id: dossierId,
            step: "initiative",
          }),
        ),
      );
      const { step, values } = page.body as { step: StepDef; values: Record<string, unknown> };
      const field = step.items.find((item) => item.name === "territoryCode") as FieldDef;
      return { codes: field.options!.map((option) => option.value), value: values.territoryCode };
    };
    const forFresh = await offered(fresh.id);
    expect(forFresh.codes).not.toContain("36-brenne");
    expect(forFresh.codes).toContain("36-la-chatre-en-berry");
    const forNamed = await offered(named.id);
    expect(forNamed.codes).toContain("36-brenne");
    expect(forNamed.value).toBe("36-brenne");

    // Choosing it anyway, by a crafted form, is refused in French and does not route the dossier there.
    const { revision } = await db.dossier.findUniqueOrThrow({ where: { id: fresh.id } });
    const refused = await outcome(
      routes.step.action(
        post(
          `/dossiers/${fresh.id}/etapes/initiative`,
          { intent: "save", revision: String(revision), territoryCode: "36-brenne" },
          cookies.applicant,
          { id: fresh.id, step: "initiative" },
        ),
      ),
    );
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: Record<string, string> }).errors.territoryCode).toBe(
      "Choisissez une des réponses proposées.",
    );
    expect((await db.dossier.findUniqueOrThrow({ where: { id: fresh.id } })).territoryId).toBeNull();
    // The dossier that named it saves it again without a word, and reading it anywhere still shows it.
    const again = await saveStep(db, {
      userId,
      dossierId: named.id,
      stepId: "initiative",
      values: { territoryCode: "36-brenne" },
      revision: 1,
    });
    expect(again.ok && again.errors.territoryCode).toBeFalsy();
    expect((await db.dossier.findUniqueOrThrow({ where: { id: named.id } })).territoryId).toBe(brenne.id);
    const ruleSet = await db.ruleSet.findFirstOrThrow({ where: { scheme: { code: SchemeCode.A_VOS_ID } } });
    const reading = await formContext(db, SchemeCode.A_VOS_ID, ruleSet.parameters);
    expect(reading.territories.map((option) => option.value)).toContain("36-brenne");

    const reactivated = await outcome(
      routes.edit.action(
        post(`/admin/territoires/${brenne.id}`, { intent: "reactivate" }, cookies.admin, { id: brenne.id }),
      ),
    );
    expect(reactivated).toMatchObject({
      status: 302,
      location: `/admin/territoires/${brenne.id}?fait=reactive`,
    });
    expect((await offered(fresh.id)).codes).toContain("36-brenne");
  });

  it("lists for each territory exactly the instructors whose queue receives its dossiers", async () => {
    const ruleSet = await db.ruleSet.findFirstOrThrow({ where: { scheme: { code: SchemeCode.A_VOS_ID } } });
    const codes = ["37-chinonais", "37-tours-metropole", "36-brenne", "18-bourges-plus", "28-beauce-test"];
    const dossierOf = new Map<string, string>();
    for (const [index, code] of codes.entries()) {
      const row = await territory(code);
      const dossier = await db.dossier.create({
        data: {
          number: `AVOSID-2026-${String(index + 1).padStart(5, "0")}`,
          schemeId: ruleSet.schemeId,
          schemeCode: SchemeCode.A_VOS_ID,
          ruleSetId: ruleSet.id,
          organisationId,
          createdById: people.applicant!.id,
          title: `Initiative ${code}`,
          status: DossierStatus.FILED,
          filedAt: new Date(),
          territoryId: row.id,
          departmentCode: row.departmentCode,
        },
      });
      dossierOf.set(code, dossier.id);
    }
    const { body } = await outcome(routes.index.loader(get("/admin/territoires", cookies.admin)));
    const listed = new Map(
      (body as Listing).departments
        .flatMap((department) => department.territories)
        .map((row) => [row.code, row]),
    );
    const instructors = ["marc", "julie", "nina", "odile"].map((key) => people[key]!);
    for (const instructor of instructors) {
      const queue = await loadQueue(db, instructor, EMPTY_QUEUE_FILTER);
      const received = new Set(queue.rows.map((row) => row.id));
      for (const code of codes) {
        const covers = listed.get(code)!.instructors.some((listedOne) => listedOne.id === instructor.id);
        expect(covers, `${code} / ${instructor.id}`).toBe(received.has(dossierOf.get(code)!));
      }
    }
    expect(listed.get("37-chinonais")!.instructors.map((row) => row.id)).toEqual([people.julie!.id]);
    expect(listed.get("28-beauce-test")!.instructors).toEqual([]);
    expect(listed.get("36-brenne")!.dossierCount).toBe(2);
    // A deactivated account is never listed, even with a scope covering everything.
    for (const row of listed.values())
      expect(row.instructors.map((one) => one.id)).not.toContain(people.paul!.id);
  });
});
