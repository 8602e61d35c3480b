// Searching the instruction queue as people type (issue 23): without accents, with the straight apostrophe,
// in any case, with a SIRET in groups. The database keeps the normalised names and titles itself, so the
// same search works on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseQueueFilter } from "~/domain/instruction-queue";
import type { PrismaClient } from "~/generated/prisma/client";
import { SchemeCode, UserRole } from "~/generated/prisma/enums";
import { loadQueue } from "~/services/instruction/queue.server";

import { demoSiret } from "../../seeds/demo/identifiers";
import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const NOW = paris("2026-06-15T10:00");

describe.each(databaseKinds())("searching the instruction queue on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let admin: { id: string; role: UserRole };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db, NOW);
    const adminRow = await db.user.create({
      data: {
        email: "admin@example.fr",
        passwordHash: "x",
        firstName: "Alix",
        lastName: "Admin",
        role: "ADMIN",
      },
    });
    admin = { id: adminRow.id, role: UserRole.ADMIN };
    const scheme = await db.scheme.findUniqueOrThrow({
      where: { code: SchemeCode.CAP_ASSO },
      include: { ruleSets: true },
    });
    const rows: Array<[string, string, string, string]> = [
      [
        "CAPASSO-2026-00001",
        "Les Jardins Partagés de l’Orléanais",
        "84100001",
        "Un jardin d’insertion à Saint-Jean-de-Braye",
      ],
      [
        "CAPASSO-2026-00002",
        "Commune de Valençay",
        "84100002",
        "Tiers-lieu nourricier dans l’ancienne halle",
      ],
      ["CAPASSO-2026-00003", "Le Grenier Solidaire", "84100003", "Ressourcerie   des  Jardins de Loire"],
    ];
    for (const [number, name, siren, title] of rows) {
      const organisation = await db.organisation.create({
        data: { name, legalForm: "ASSOCIATION", siret: demoSiret(siren, "0001"), departmentCode: "45" },
      });
      await db.dossier.create({
        data: {
          number,
          schemeId: scheme.id,
          schemeCode: SchemeCode.CAP_ASSO,
          ruleSetId: scheme.ruleSets[0]!.id,
          organisationId: organisation.id,
          createdById: adminRow.id,
          status: "FILED",
          title,
          departmentCode: "45",
          filedAt: NOW,
        },
      });
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  const found = async (q: string) =>
    (await loadQueue(db, admin, parseQueueFilter(new URLSearchParams({ q })))).rows
      .map((row) => row.number)
      .sort();

  it("finds names typed without accents, in any case, with either apostrophe", async () => {
    expect(await found("jardins partages")).toEqual(["CAPASSO-2026-00001"]);
    expect(await found("Orleanais")).toEqual(["CAPASSO-2026-00001"]);
    expect(await found("Valencay")).toEqual(["CAPASSO-2026-00002"]);
    expect(await found("Partagés de l'Orléanais")).toEqual(["CAPASSO-2026-00001"]);
    expect(await found("VALENÇAY")).toEqual(["CAPASSO-2026-00002"]);
  });

  it("finds titles the same way, whatever the spaces typed or stored", async () => {
    expect(await found("jardin d'insertion")).toEqual(["CAPASSO-2026-00001"]);
    expect(await found("  ressourcerie des   jardins ")).toEqual(["CAPASSO-2026-00003"]);
    expect(await found("jardins")).toEqual(["CAPASSO-2026-00001", "CAPASSO-2026-00003"]);
    expect(await found("l’ancienne halle")).toEqual(["CAPASSO-2026-00002"]);
  });

  it("still finds a number in any case and a SIRET typed in groups", async () => {
    expect(await found("capasso-2026-00002")).toEqual(["CAPASSO-2026-00002"]);
    const siret = demoSiret("84100003", "0001");
    expect(
      await found(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`),
    ).toEqual(["CAPASSO-2026-00003"]);
  });

  it("keeps a renamed organisation searchable under its new name", async () => {
    await db.organisation.updateMany({
      where: { name: "Le Grenier Solidaire" },
      data: { name: "Le Grenier Solidaire de l’Orléanais" },
    });
    expect(await found("orleanais")).toEqual(["CAPASSO-2026-00001", "CAPASSO-2026-00003"]);
  });
});
