// Two members of an association editing the same dossier: a save made from an old revision is refused and
// names the colleague who saved meanwhile, unless the person chooses to overwrite. Outsiders see nothing,
// a dossier under instruction is frozen, and whatever is typed is kept even when it does not read yet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { organisationFormSchema } from "~/domain/organisation-schema";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, MembershipRole, SchemeCode } from "~/generated/prisma/enums";
import { DossierError, getDossierForMember, startDossier } from "~/services/applicant/dossiers.server";
import { saveStep } from "~/services/applicant/dossier-steps.server";
import { createOrganisation } from "~/services/applicant/organisations.server";

import { demoFrenchIban, demoSiret } from "../../seeds/demo/identifiers";
import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { errorResponse } from "~/services/platform/http.server";

const PROJECT = {
  title: "Une ressourcerie solidaire dans le Giennois",
  requestKind: "FIRST",
  activityProject: "Collecter, réparer et revendre des objets du quotidien.",
  needs: "Aucune ressourcerie à moins de trente kilomètres.",
  publics: "Les habitants du Giennois, dont des personnes en insertion.",
  territory: "Gien et les communes voisines.",
  partners: "",
  generalInterest: "Réduction des déchets et insertion professionnelle.",
  sector: "INSERTION",
};

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("Une erreur était attendue.");
    },
    (reason: unknown) => reason,
  );
}

describe.each(databaseKinds())("editing a dossier on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let people = 0;

  async function createUser(firstName: string, lastName: string) {
    people += 1;
    return db.user.create({
      data: { email: `membre${people}@example.fr`, passwordHash: "not-used-here", firstName, lastName },
    });
  }

  /** An association owned by Camille Martin, with Dominique Bernard as a member, and a CAP ASSO draft. */
  async function sharedDraft() {
    const camille = await createUser("Camille", "Martin");
    const dominique = await createUser("Dominique", "Bernard");
    const organisation = await createOrganisation(
      db,
      camille.id,
      organisationFormSchema.parse({
        name: "Ressourcerie du Giennois",
        legalForm: "ASSOCIATION",
        siret: demoSiret(String(85_200_000 + people), "0001"),
        rnaNumber: `W45300${String(people).padStart(4, "0")}`,
        addressLine: "3 quai Lenoir",
        postcode: "45500",
        city: "Gien",
        legalRepresentativeName: "Camille Martin",
        legalRepresentativeRole: "Présidente",
        contactEmail: "contact@ressourcerie-giennois.fr",
        iban: demoFrenchIban("42559", "10000", `080123457${String(people).padStart(2, "0")}`),
      }),
    );
    await db.membership.create({
      data: { userId: dominique.id, organisationId: organisation.id, role: MembershipRole.MEMBER },
    });
    const { id } = await startDossier(db, {
      userId: camille.id,
      organisationId: organisation.id,
      schemeCode: SchemeCode.CAP_ASSO,
    });
    return { camille, dominique, dossierId: id };
  }

  const stored = (dossierId: string) => db.dossier.findUniqueOrThrow({ where: { id: dossierId } });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("takes a save racing the same person's own autosave, and merges a colleague's other step", async () => {
    const { camille, dominique, dossierId } = await sharedDraft();
    const r = (await getDossierForMember(db, camille.id, dossierId)).revision;
    // Camille's autosave lands; her « Enregistrer » still carries the revision she loaded.
    await saveStep(db, { userId: camille.id, dossierId, stepId: "projet", values: PROJECT, revision: r });
    const own = await saveStep(db, {
      userId: camille.id,
      dossierId,
      stepId: "projet",
      values: { ...PROJECT, territory: "Gien et Briare" },
      revision: r,
    });
    expect(own).toMatchObject({ ok: true, revision: r + 2 });
    // Dominique, up to date, saves another step: Camille's answers stay.
    await saveStep(db, {
      userId: dominique.id,
      dossierId,
      stepId: "montants",
      values: { amountYear1: "12 000", amountYear2: "12 000", amountYear3: "12 000" },
      revision: r + 2,
    });
    expect((await stored(dossierId)).answers).toMatchObject({
      territory: "Gien et Briare",
      amountYear1: "12 000",
    });
  });

  it("refuses a save made from an old revision, names who saved meanwhile, and overwrites when asked", async () => {
    const { camille, dominique, dossierId } = await sharedDraft();
    // Both open the step page on the same revision.
    const r = (await getDossierForMember(db, camille.id, dossierId)).revision;
    expect((await getDossierForMember(db, dominique.id, dossierId)).revision).toBe(r);

    const first = await saveStep(db, {
      userId: camille.id,
      dossierId,
      stepId: "projet",
      values: PROJECT,
      revision: r,
      now: paris("2026-11-22T14:05"),
    });
    expect(first).toMatchObject({ ok: true, revision: r + 1, errors: {} });

    const dominiqueTyped = {
      ...PROJECT,
      title: "Ressourcerie et atelier vélo",
      partners: "La mairie de Gien",
    };
    const late = await saveStep(db, {
      userId: dominique.id,
      dossierId,
      stepId: "projet",
      values: dominiqueTyped,
      revision: r,
    });
    expect(late).toEqual({
      ok: false,
      conflict: { by: "Camille Martin", at: "22/11/2026 à 14:05" },
      revision: r + 1,
    });
    const afterConflict = await stored(dossierId);
    expect(afterConflict.answers).toMatchObject({ title: PROJECT.title, partners: "" });
    expect(afterConflict).toMatchObject({
      revision: r + 1,
      title: PROJECT.title,
      lastEditedById: camille.id,
    });

    const forced = await saveStep(db, {
      userId: dominique.id,
      dossierId,
      stepId: "projet",
      values: dominiqueTyped,
      revision: r,
      force: true,
    });
    expect(forced).toMatchObject({ ok: true, revision: r + 2 });
    const afterForce = await stored(dossierId);
    expect(afterForce.answers).toMatchObject({
      title: "Ressourcerie et atelier vélo",
      partners: "La mairie de Gien",
    });
    expect(afterForce).toMatchObject({
      revision: r + 2,
      title: "Ressourcerie et atelier vélo",
      lastEditedById: dominique.id,
    });
  });

  it("shows a dossier to members only: anyone else gets a 404 and changes nothing", async () => {
    const { dossierId } = await sharedDraft();
    const outsider = await createUser("Alex", "Durand");
    const before = await stored(dossierId);

    const read = errorResponse(await thrown(getDossierForMember(db, outsider.id, dossierId)));
    expect(read).toBeInstanceOf(Response);
    expect((read as Response).status).toBe(404);

    const save = errorResponse(
      await thrown(
        saveStep(db, {
          userId: outsider.id,
          dossierId,
          stepId: "projet",
          values: PROJECT,
          revision: before.revision,
        }),
      ),
    );
    expect(save).toBeInstanceOf(Response);
    expect((save as Response).status).toBe(404);
    expect(await stored(dossierId)).toEqual(before);
  });

  it("freezes the answers once the dossier is under instruction", async () => {
    const { camille, dossierId } = await sharedDraft();
    const saved = await saveStep(db, {
      userId: camille.id,
      dossierId,
      stepId: "projet",
      values: PROJECT,
      revision: 0,
    });
    expect(saved.ok).toBe(true);
    await db.dossier.update({ where: { id: dossierId }, data: { status: DossierStatus.UNDER_INSTRUCTION } });
    const before = await stored(dossierId);

    const error = await thrown(
      saveStep(db, {
        userId: camille.id,
        dossierId,
        stepId: "projet",
        values: { ...PROJECT, title: "Un autre titre" },
        revision: before.revision,
        force: true,
      }),
    );
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).status).toBe(409);
    expect((error as DossierError).message).toContain("en cours d’instruction");
    expect(await stored(dossierId)).toEqual(before);
    expect(await db.dossierEvent.count({ where: { dossierId, kind: "ANSWERS_UPDATED" } })).toBe(0);
  });

  it("keeps what was typed wrongly, as typed, and says what is wrong beside each field", async () => {
    const { camille, dossierId } = await sharedDraft();
    const saved = await saveStep(db, {
      userId: camille.id,
      dossierId,
      stepId: "montants",
      values: { amountYear1: "douze mille", amountYear2: "12 000", amountYear3: "" },
      revision: 0,
    });
    expect(saved.ok).toBe(true);
    const errors = saved.ok ? saved.errors : {};
    expect(errors).toEqual({ amountYear1: "Saisissez un montant en euros, par exemple 12 345,50." });

    const jobs = await saveStep(db, {
      userId: camille.id,
      dossierId,
      stepId: "emplois",
      values: {
        jobs: [{ title: "Valoriste", kind: "CREATED", contract: "CDI", fte: "un", startDate: "31/02/2027" }],
      },
      revision: 1,
    });
    expect(jobs).toMatchObject({
      ok: true,
      errors: {
        "jobs.0.fte": "Indiquez un nombre, par exemple 1 ou 0,5.",
        "jobs.0.startDate": "Indiquez une date valide, par exemple 01/02/2027.",
      },
    });

    const dossier = await stored(dossierId);
    expect(dossier.answers).toMatchObject({
      amountYear1: "douze mille",
      amountYear2: "12 000",
      amountYear3: "",
      jobs: [{ title: "Valoriste", kind: "CREATED", contract: "CDI", fte: "un", startDate: "31/02/2027" }],
    });
    // Only what reads counts towards the amounts.
    expect(dossier.requestedAmountCents).toBe(1_200_000);
  });
});
