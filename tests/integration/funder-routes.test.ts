// Every page and download of the funders' space, called as a browser calls it (session cookie, real
// loaders and actions on the seeded demo database): an applicant is refused everywhere, a signed-out
// visitor is sent to sign in, and a funder never reads an unshared dossier, an instructor's private note,
// an applicant's message, bank details or another organisation's draft position — by page or by guessed URL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DossierStatus, PledgeStatus } from "~/generated/prisma/enums";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { cookieOf, get, outcome, post } from "../support/routes";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

describe("the funders' space, route by route", () => {
  let database: TestDatabase;
  let root: string;
  let unshared: { id: string; title: string };
  let shared: { id: string; title: string };
  const NOTE = "Note interne : vérifier la trésorerie avant tout avis (ne jamais montrer).";
  const MESSAGE = "Message du porteur à la Région : notre trésorière est en arrêt maladie.";
  const DRAFT = "Brouillon de l’ADEME : montant à arbitrer en interne.";
  let iban: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const { db } = database;
    root = await mkdtemp(path.join(tmpdir(), "funder-routes-"));
    await seedReference(db);
    await seedDemo(db, new LocalFileStorage(root));
    globalThis.__database = { db, kind: "pglite", close: () => database.close() };

    unshared = await db.dossier.findFirstOrThrow({
      where: { sharedWithFunders: false, status: { not: DossierStatus.DRAFT } },
      select: { id: true, title: true },
    });
    const sharedRow = await db.dossier.findFirstOrThrow({
      where: { sharedWithFunders: true, status: { not: DossierStatus.DRAFT } },
      select: { id: true, title: true, organisation: { select: { iban: true } } },
    });
    shared = { id: sharedRow.id, title: sharedRow.title };
    iban = sharedRow.organisation.iban ?? "FR76";
    const instructor = await db.user.findUniqueOrThrow({
      where: { email: "instructeur@demo.portail-ess.fr" },
    });
    const applicant = await db.user.findUniqueOrThrow({ where: { email: "porteur@demo.portail-ess.fr" } });
    await db.instructorNote.create({ data: { dossierId: shared.id, authorId: instructor.id, body: NOTE } });
    await db.message.create({ data: { dossierId: shared.id, authorId: applicant.id, body: MESSAGE } });
    const ademe = await db.funderOrganisation.findFirstOrThrow({ where: { slug: { contains: "ademe" } } });
    await db.funderPledge.create({
      data: {
        dossierId: shared.id,
        funderOrganisationId: ademe.id,
        status: PledgeStatus.CONSIDERED,
        amountCents: 1_234_500,
        note: DRAFT,
        updatedById: instructor.id,
      },
    });
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function routes() {
    const loaders: Array<[string, Loader, LoaderFunctionArgs["params"]]> = [
      ["/financeurs", (await import("~/routes/financeurs")).loader, {}],
      ["/financeurs", (await import("~/routes/financeurs._index")).loader, {}],
      [
        `/financeurs/dossiers/${shared.id}`,
        (await import("~/routes/financeurs.dossiers.$id")).loader,
        { id: shared.id },
      ],
      ["/financeurs/revues", (await import("~/routes/financeurs.revues._index")).loader, {}],
      ["/financeurs/indicateurs", (await import("~/routes/financeurs.indicateurs")).loader, {}],
      [
        "/financeurs/indicateurs/etapes.csv",
        (await import("~/routes/financeurs.indicateurs.$serie[.csv]")).loader,
        { serie: "etapes" },
      ],
      ["/financeurs/filtres", (await import("~/routes/financeurs.filtres")).loader, {}],
    ];
    return loaders;
  }

  it("sends a signed-out visitor to sign in and refuses an applicant on every page and form", async () => {
    const applicant = await cookieOf(database.db, { email: "porteur@demo.portail-ess.fr" });
    for (const [url, loader, params] of await routes()) {
      expect((await outcome(loader(get(url, undefined, params)))).status, url).toBe(302);
      expect((await outcome(loader(get(url, applicant, params)))).status, url).toBe(403);
    }
    const dossier = await import("~/routes/financeurs.dossiers.$id");
    const position = post(
      `/financeurs/dossiers/${shared.id}`,
      { intent: "comment", body: "Bonjour" },
      applicant,
      { id: shared.id },
    );
    expect((await outcome(dossier.action(position))).status).toBe(403);
    const reviews = await import("~/routes/financeurs.revues._index");
    const review = post(
      "/financeurs/revues",
      { title: "Revue", date: "2030-01-10", time: "10:00", place: "Orléans" },
      applicant,
    );
    expect((await outcome(reviews.action(review))).status).toBe(403);
  });

  it("never shows a funder an unshared dossier, a private note, a message, bank details or another organisation's draft", async () => {
    const funder = await cookieOf(database.db, { email: "financeur@demo.portail-ess.fr" });
    for (const [url, loader, params] of await routes()) {
      const { status, text } = await outcome(loader(get(url, funder, params)));
      expect(status, url).toBe(200);
      for (const secret of [NOTE, MESSAGE, DRAFT, unshared.title, unshared.id, iban]) {
        expect(text.includes(secret), `${url} montre « ${secret} »`).toBe(false);
      }
    }
    // The shared dossier itself is there, with its shared positions only.
    const page = await outcome(
      (await import("~/routes/financeurs.dossiers.$id")).loader(
        get(`/financeurs/dossiers/${shared.id}`, funder, { id: shared.id }),
      ),
    );
    expect(page.text).toContain(shared.title);
    expect(page.text).not.toContain("12 345,00");
  });

  it("answers a guessed address of an unshared dossier as it answers an unknown one, for pages and forms alike", async () => {
    const funder = await cookieOf(database.db, { email: "financeur@demo.portail-ess.fr" });
    const dossier = await import("~/routes/financeurs.dossiers.$id");
    for (const id of [unshared.id, "cl0000000000000000000000"]) {
      const url = `/financeurs/dossiers/${id}`;
      expect((await outcome(dossier.loader(get(url, funder, { id })))).status, url).toBe(404);
      const comment = post(url, { intent: "comment", body: "Intéressant." }, funder, { id });
      expect((await outcome(dossier.action(comment))).status, url).toBe(404);
      const pledge = post(url, { intent: "position", status: "INTERESTED" }, funder, { id });
      expect((await outcome(dossier.action(pledge))).status, url).toBe(404);
    }
    expect(await database.db.funderComment.count({ where: { dossierId: unshared.id } })).toBe(0);
    expect(await database.db.funderPledge.count({ where: { dossierId: unshared.id } })).toBe(0);

    // A review the funder's organisation was not invited to is not found, nor its agenda.
    const instructor = await database.db.user.findUniqueOrThrow({
      where: { email: "instructeur@demo.portail-ess.fr" },
    });
    const hidden = await database.db.projectReview.create({
      data: {
        title: "Revue interne",
        scheduledAt: new Date(Date.now() + 86_400_000),
        place: "Orléans",
        organiserId: instructor.id,
      },
    });
    const review = await import("~/routes/financeurs.revues.$id");
    const agenda = await import("~/routes/financeurs.revues.$id.ordre-du-jour[.pdf]");
    const url = `/financeurs/revues/${hidden.id}`;
    expect((await outcome(review.loader(get(url, funder, { id: hidden.id })))).status).toBe(404);
    expect(
      (await outcome(agenda.loader(get(`${url}/ordre-du-jour.pdf`, funder, { id: hidden.id })))).status,
    ).toBe(404);
  });

  it("hides a dossier from every funder page the moment its holder withdraws consent", async () => {
    const funder = await cookieOf(database.db, { email: "financeur@demo.portail-ess.fr" });
    await database.db.dossier.update({
      where: { id: shared.id },
      data: { sharedWithFunders: false, sharedAt: null },
    });
    try {
      const index = await outcome(
        (await import("~/routes/financeurs._index")).loader(get("/financeurs?vue=liste", funder)),
      );
      expect(index.text).not.toContain(shared.title);
      const dossier = await import("~/routes/financeurs.dossiers.$id");
      expect(
        (await outcome(dossier.loader(get(`/financeurs/dossiers/${shared.id}`, funder, { id: shared.id }))))
          .status,
      ).toBe(404);
    } finally {
      await database.db.dossier.update({
        where: { id: shared.id },
        data: { sharedWithFunders: true, sharedAt: new Date() },
      });
    }
  });
});
