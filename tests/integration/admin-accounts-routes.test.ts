// The account and funder-organisation pages of the administration, called as a browser calls them (session
// cookie, real loaders and actions): only an administrator gets in, a signed-out visitor is sent to sign in,
// an administrator's bad input is answered 400 in French and changes nothing, and the activation link is
// public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";

import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { cookieOf, get, outcome, post } from "../support/routes";

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;

describe("the accounts and funders administration, route by route", () => {
  let database: TestDatabase;
  let db: PrismaClient;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let fondationId: string;

  async function counts() {
    return {
      users: await db.user.count(),
      active: await db.user.count({ where: { deactivatedAt: null } }),
      tokens: await db.userToken.count(),
      emails: await db.outboxEmail.count(),
      audit: await db.auditLog.count(),
      scopes: JSON.stringify(await db.instructorScope.findMany({ orderBy: { id: "asc" } })),
      funders: JSON.stringify(await db.funderOrganisation.findMany({ orderBy: { id: "asc" } })),
      members: await db.user.count({ where: { funderOrganisationId: { not: null } } }),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    db = database.db;
    await seedReference(db, paris("2026-06-15T10:00"));
    globalThis.__database = { db, kind: "pglite", close: () => database.close() };
    fondationId = (await db.funderOrganisation.findFirstOrThrow({ where: { slug: "bpifrance" } })).id;
    const people: Array<[string, UserRole, object]> = [
      ["admin", UserRole.ADMIN, {}],
      ["applicant", UserRole.APPLICANT, {}],
      [
        "instructor",
        UserRole.INSTRUCTOR,
        { instructorScope: { create: { schemes: [], departmentCodes: [], territoryCodes: [] } } },
      ],
      ["funder", UserRole.FUNDER, { funderOrganisationId: fondationId }],
    ];
    for (const [key, role, extra] of people) {
      const user = await db.user.create({
        data: {
          email: `${key}@example.fr`,
          passwordHash: "x",
          firstName: key,
          lastName: "Test",
          role,
          ...extra,
        },
      });
      ids[key] = user.id;
      cookies[key] = await cookieOf(db, user.id);
    }
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    await database?.close();
  });

  async function routes() {
    const index = await import("~/routes/admin.comptes._index");
    const invite = await import("~/routes/admin.comptes.inviter");
    const account = await import("~/routes/admin.comptes.$id");
    const funders = await import("~/routes/admin.financeurs._index");
    const funder = await import("~/routes/admin.financeurs.$id");
    const loaders: Array<[string, Handler, Record<string, string>]> = [
      ["/admin/comptes", index.loader, {}],
      ["/admin/comptes/inviter", invite.loader, {}],
      [`/admin/comptes/${ids.instructor}`, account.loader, { id: ids.instructor! }],
      ["/admin/financeurs", funders.loader, {}],
      [`/admin/financeurs/${fondationId}`, funder.loader, { id: fondationId }],
    ];
    const actions: Array<[string, Handler, Record<string, string>, Record<string, string>]> = [
      [
        "/admin/comptes/inviter",
        invite.action,
        {},
        { firstName: "A", lastName: "B", email: "x@y.fr", role: "ADMIN" },
      ],
      [`/admin/comptes/${ids.instructor}`, account.action, { id: ids.instructor! }, { intent: "deactivate" }],
      [
        "/admin/financeurs",
        funders.action,
        {},
        { intent: "create", name: "Nouvelle fondation", kind: "FOUNDATION" },
      ],
      [
        `/admin/financeurs/${fondationId}`,
        funder.action,
        { id: fondationId },
        { intent: "remove-member", userId: ids.funder! },
      ],
    ];
    return { loaders, actions };
  }

  it("sends a signed-out visitor to sign in, and refuses applicants, instructors and funders, changing nothing", async () => {
    const { loaders, actions } = await routes();
    const before = await counts();
    for (const [url, loader, params] of loaders) {
      const signedOut = await outcome(loader(get(url, undefined, params)));
      expect(signedOut.status, url).toBe(302);
      expect(signedOut.location, url).toMatch(/^\/connexion\?redirectTo=/);
      for (const role of ["applicant", "instructor", "funder"]) {
        expect((await outcome(loader(get(url, cookies[role], params)))).status, `${role} ${url}`).toBe(403);
      }
    }
    for (const [url, action, params, fields] of actions) {
      expect((await outcome(action(post(url, fields, undefined, params)))).status, url).toBe(302);
      for (const role of ["applicant", "instructor", "funder"]) {
        expect(
          (await outcome(action(post(url, fields, cookies[role], params)))).status,
          `${role} ${url}`,
        ).toBe(403);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("lets an administrator invite an instructor, who activates the account through the public link", async () => {
    const invite = await import("~/routes/admin.comptes.inviter");
    const form = {
      firstName: "Camille",
      lastName: "Durand",
      email: "camille.durand@region-centre.fr",
      role: "INSTRUCTOR",
      scopeNow: "oui",
      schemes: "A_VOS_ID",
      departmentCodes: ["45", "18"],
    };
    const created = await outcome(invite.action(post("/admin/comptes/inviter", form, cookies.admin)));
    expect(created.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({
      where: { email: form.email },
      include: { instructorScope: true },
    });
    expect(created.location).toBe(`/admin/comptes/${user.id}?fait=invite`);
    expect(user.instructorScope?.departmentCodes.sort()).toEqual(["18", "45"]);

    const account = await import("~/routes/admin.comptes.$id");
    const page = await outcome(
      account.loader(get(`/admin/comptes/${user.id}?fait=invite`, cookies.admin, { id: user.id })),
    );
    expect(page.text).toContain("L’invitation est envoyée");
    expect(page.text).toContain("Invitation en attente");
    expect(page.text).toContain("Dispositifs\u202f: A VOS ID");

    const list = await import("~/routes/admin.comptes._index");
    const found = await outcome(
      list.loader(get("/admin/comptes?q=camille+durand&role=INSTRUCTOR&etat=invitations", cookies.admin)),
    );
    expect(found.text).toContain(form.email);
    expect(found.text).not.toContain("admin@example.fr");

    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: form.email } });
    const token = /\/activer-mon-compte\/([\w-]+)/.exec(email.text)![1]!;
    const activation = await import("~/routes/activer-mon-compte.$token");
    // Public: no cookie at all.
    expect(
      (await outcome(activation.loader(get(`/activer-mon-compte/${token}`, undefined, { token })))).text,
    ).toContain("Camille");
    const mismatch = { password: "un-mot-de-passe-solide", passwordConfirmation: "un-autre-mot-de-passe" };
    expect(
      (await outcome(activation.action(post(`/activer-mon-compte/${token}`, mismatch, undefined, { token }))))
        .status,
    ).toBe(400);
    const fields = { password: "un-mot-de-passe-solide", passwordConfirmation: "un-mot-de-passe-solide" };
    const done = await outcome(
      activation.action(post(`/activer-mon-compte/${token}`, fields, undefined, { token })),
    );
    expect(done).toMatchObject({ status: 302, location: "/connexion?compteActive=1" });
    // Used, then unknown: a French page, never a 500.
    for (const used of [token, "n-importe-quoi"]) {
      const again = await outcome(
        activation.loader(get(`/activer-mon-compte/${used}`, undefined, { token: used })),
      );
      expect(again).toMatchObject({ status: 200, text: JSON.stringify({ invitation: null }) });
      const retry = await outcome(
        activation.action(post(`/activer-mon-compte/${used}`, fields, undefined, { token: used })),
      );
      expect(retry.status).toBe(400);
      expect(retry.text).toContain("n’est plus valable");
    }
  });

  it("warns before deactivating someone who still has open dossiers, and deactivates them", async () => {
    const scheme = await db.scheme.findFirstOrThrow({ include: { ruleSets: true } });
    const organisation = await db.organisation.create({ data: { name: "Asso", legalForm: "ASSOCIATION" } });
    await db.dossier.create({
      data: {
        schemeId: scheme.id,
        schemeCode: scheme.code,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: ids.applicant!,
        assigneeId: ids.instructor!,
        status: DossierStatus.UNDER_INSTRUCTION,
        title: "Projet en cours",
      },
    });
    const account = await import("~/routes/admin.comptes.$id");
    const url = `/admin/comptes/${ids.instructor}`;
    const params = { id: ids.instructor! };
    const page = await outcome(account.loader(get(url, cookies.admin, params)));
    expect(page.text).toContain("1 dossier en cours est encore confié à cette personne");
    expect(page.text).toContain(`/instruction?instructeur=${ids.instructor}`);
    const done = await outcome(account.action(post(url, { intent: "deactivate" }, cookies.admin, params)));
    expect(done).toMatchObject({ status: 302, location: `${url}?fait=desactive` });
    // The instructor's session stopped working at once.
    const queue = await import("~/routes/admin.comptes._index");
    expect((await outcome(queue.loader(get("/admin/comptes", cookies.instructor)))).status).toBe(302);
    const back = await outcome(account.action(post(url, { intent: "reactivate" }, cookies.admin, params)));
    expect(back.location).toBe(`${url}?fait=reactive`);
  });

  it("answers an administrator's bad input with 400 (404 for an unknown id) in French, changing nothing", async () => {
    const invite = await import("~/routes/admin.comptes.inviter");
    const account = await import("~/routes/admin.comptes.$id");
    const funders = await import("~/routes/admin.financeurs._index");
    const funder = await import("~/routes/admin.financeurs.$id");
    const admin = cookies.admin;
    const before = await counts();
    const cases: Array<[string, Promise<unknown>, number, string]> = [
      [
        "invitation vide",
        invite.action(post("/admin/comptes/inviter", {}, admin)),
        400,
        "Saisissez le prénom.",
      ],
      [
        "adresse invalide",
        invite.action(
          post(
            "/admin/comptes/inviter",
            { firstName: "A", lastName: "B", email: "pas-une-adresse", role: "ADMIN" },
            admin,
          ),
        ),
        400,
        "adresse e-mail valide",
      ],
      [
        "rôle porteur",
        invite.action(
          post(
            "/admin/comptes/inviter",
            { firstName: "A", lastName: "B", email: "a@b.fr", role: "APPLICANT" },
            admin,
          ),
        ),
        400,
        "Choisissez le rôle",
      ],
      [
        "financeur sans organisation",
        invite.action(
          post(
            "/admin/comptes/inviter",
            { firstName: "A", lastName: "B", email: "a@b.fr", role: "FUNDER" },
            admin,
          ),
        ),
        400,
        "organisation financeuse",
      ],
      [
        "adresse déjà prise",
        invite.action(
          post(
            "/admin/comptes/inviter",
            { firstName: "A", lastName: "B", email: "FUNDER@example.fr", role: "ADMIN" },
            admin,
          ),
        ),
        400,
        "existe déjà",
      ],
      [
        "territoire inconnu",
        invite.action(
          post(
            "/admin/comptes/inviter",
            {
              firstName: "A",
              lastName: "B",
              email: "a@b.fr",
              role: "INSTRUCTOR",
              scopeNow: "oui",
              territoryCodes: "nulle-part",
            },
            admin,
          ),
        ),
        400,
        "territoires choisis",
      ],
      [
        "dispositif inconnu",
        account.action(
          post(`/admin/comptes/${ids.instructor}`, { intent: "scope", schemes: "CAP_PAS_LA" }, admin, {
            id: ids.instructor!,
          }),
        ),
        400,
        "Ce dispositif n’existe pas.",
      ],
      [
        "périmètre d’un financeur",
        account.action(post(`/admin/comptes/${ids.funder}`, { intent: "scope" }, admin, { id: ids.funder! })),
        400,
        "instructeur·rice",
      ],
      [
        "action inconnue",
        account.action(
          post(`/admin/comptes/${ids.instructor}`, { intent: "supprimer" }, admin, { id: ids.instructor! }),
        ),
        400,
        "pas reconnue",
      ],
      [
        "se désactiver soi-même",
        account.action(
          post(`/admin/comptes/${ids.admin}`, { intent: "deactivate" }, admin, { id: ids.admin! }),
        ),
        400,
        "votre propre compte",
      ],
      [
        "compte inconnu (page)",
        account.loader(get("/admin/comptes/inconnu", admin, { id: "inconnu" })),
        404,
        "introuvable",
      ],
      [
        "compte inconnu (action)",
        account.action(post("/admin/comptes/inconnu", { intent: "deactivate" }, admin, { id: "inconnu" })),
        404,
        "introuvable",
      ],
      [
        "organisation sans nom",
        funders.action(post("/admin/financeurs", { intent: "create", name: " ", kind: "FOUNDATION" }, admin)),
        400,
        "Saisissez le nom",
      ],
      [
        "type inconnu",
        funders.action(
          post("/admin/financeurs", { intent: "create", name: "Fondation X", kind: "BANQUE" }, admin),
        ),
        400,
        "Choisissez le type",
      ],
      [
        "nom déjà pris",
        funders.action(
          post("/admin/financeurs", { intent: "create", name: "bpifrance", kind: "PUBLIC_BANK" }, admin),
        ),
        400,
        "porte déjà ce nom",
      ],
      [
        "renommage vide",
        funder.action(
          post(
            `/admin/financeurs/${fondationId}`,
            { intent: "update", name: "", kind: "PUBLIC_BANK" },
            admin,
            { id: fondationId },
          ),
        ),
        400,
        "Saisissez le nom",
      ],
      [
        "membre sans adresse",
        funder.action(
          post(
            `/admin/financeurs/${fondationId}`,
            { intent: "invite", firstName: "A", lastName: "B" },
            admin,
            { id: fondationId },
          ),
        ),
        400,
        "Saisissez l’adresse e-mail.",
      ],
      [
        "retrait d’un non-membre",
        funder.action(
          post(
            `/admin/financeurs/${fondationId}`,
            { intent: "remove-member", userId: ids.instructor! },
            admin,
            { id: fondationId },
          ),
        ),
        404,
        "pas membre",
      ],
      [
        "organisation inconnue (page)",
        funder.loader(get("/admin/financeurs/inconnue", admin, { id: "inconnue" })),
        404,
        "introuvable",
      ],
      [
        "organisation inconnue (invitation)",
        funder.action(
          post(
            "/admin/financeurs/inconnue",
            { intent: "invite", firstName: "A", lastName: "B", email: "a@b.fr" },
            admin,
            { id: "inconnue" },
          ),
        ),
        404,
        "introuvable",
      ],
    ];
    for (const [name, call, status, message] of cases) {
      const result = await outcome(call);
      expect(result.status, name).toBe(status);
      expect(result.text, name).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("creates a funder organisation, invites a member into it and removes them, by its pages", async () => {
    const funders = await import("~/routes/admin.financeurs._index");
    const funder = await import("~/routes/admin.financeurs.$id");
    const created = await outcome(
      funders.action(
        post(
          "/admin/financeurs",
          { intent: "create", name: "Fondation Val de Loire", kind: "FOUNDATION" },
          cookies.admin,
        ),
      ),
    );
    const organisation = await db.funderOrganisation.findUniqueOrThrow({
      where: { slug: "fondation-val-de-loire" },
    });
    expect(created.location).toBe(`/admin/financeurs/${organisation.id}?fait=cree`);
    const params = { id: organisation.id };
    const url = `/admin/financeurs/${organisation.id}`;
    const invited = await outcome(
      funder.action(
        post(
          url,
          { intent: "invite", firstName: "Noa", lastName: "Martin", email: "noa@fondation.fr" },
          cookies.admin,
          params,
        ),
      ),
    );
    expect(invited.location).toBe(`${url}?fait=invite`);
    const member = await db.user.findUniqueOrThrow({ where: { email: "noa@fondation.fr" } });
    expect(member).toMatchObject({ role: "FUNDER", funderOrganisationId: organisation.id });
    const page = await outcome(funder.loader(get(url, cookies.admin, params)));
    expect(page.text).toContain("noa@fondation.fr");
    expect(page.text).toContain("Fondation");
    const index = await outcome(funders.loader(get("/admin/financeurs", cookies.admin)));
    expect(index.text).toContain("Fondation Val de Loire");

    const removed = await outcome(
      funder.action(post(url, { intent: "remove-member", userId: member.id }, cookies.admin, params)),
    );
    expect(removed.location).toBe(`${url}?fait=retire`);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).funderOrganisationId).toBeNull();
    const renamed = await outcome(
      funder.action(
        post(
          url,
          { intent: "update", name: "Fondation Centre-Val de Loire", kind: "FOUNDATION" },
          cookies.admin,
          params,
        ),
      ),
    );
    expect(renamed.location).toBe(`${url}?fait=modifie`);
    expect(await db.funderOrganisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      name: "Fondation Centre-Val de Loire",
      slug: "fondation-val-de-loire",
    });
  });
});
