// The subsidies published as open data (SCDL « subventions » 2.1.1), on the demo database and on rows
// changed to reach the format's edges: every row passes the schema's rules, written here from its
// documentation (schema.data.gouv.fr/scdl/subventions/2.1.1), and the CSV reads back to the same rows.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { parisDay } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, InstalmentKind, SchemeCode } from "~/generated/prisma/enums";
import {
  PUBLICATION_THRESHOLD_CENTS,
  SCDL_FIELDS,
  scdlCsv,
  scdlJson,
  scdlSubsidies,
  type ScdlRow,
} from "~/services/open-data/subsidies.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) =>
  DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The problems of one row against SCDL subventions 2.1.1 (empty when it is valid). */
function scdlProblems(row: ScdlRow): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(message);
  for (const field of ["nomAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire"] as const)
    check(row[field].trim().length > 0, `${field} obligatoire`);
  check(/^\d{14}$/.test(row.idAttribuant), "idAttribuant : 14 chiffres");
  check(isDay(row.dateConvention), "dateConvention : AAAA-MM-JJ");
  check(row.idBeneficiaire === "" || /^\d{14}$/.test(row.idBeneficiaire), "idBeneficiaire : 14 chiffres");
  check(
    row.rnaBeneficiaire === "" || /^W\d{9}$/.test(row.rnaBeneficiaire),
    "rnaBeneficiaire : W + 9 chiffres",
  );
  check(row.idBeneficiaire !== "" || row.rnaBeneficiaire !== "", "idBeneficiaire ou rnaBeneficiaire");
  check(row.objet.length > 0 && [...row.objet].length < 256, "objet : de 1 à 255 caractères");
  check(/^\d+(\.\d+)?$/.test(row.montant), "montant : nombre réel, point décimal");
  check(
    [
      "aide en numéraire",
      "aide en nature",
      "aide en numéraire;aide en nature",
      "aide en nature;aide en numéraire",
    ].includes(row.nature),
    "nature : valeur autorisée",
  );
  check(
    ["unique", "échelonné"].includes(row.conditionsVersement) ||
      (row.conditionsVersement.length > 0 && row.conditionsVersement.length < 256),
    "conditionsVersement",
  );
  const period = row.datesPeriodeVersement.split("/");
  check(
    /^[0-9]{4}-[0-9]{2}-[0-9]{2}(\/[0-9]{4}-[0-9]{2}-[0-9]{2})?$/.test(row.datesPeriodeVersement) &&
      period.every(isDay) &&
      (period.length === 1 || period[0]! <= period[1]!),
    "datesPeriodeVersement : date ou période",
  );
  check(row.conditionsVersement !== "échelonné" || period.length === 2, "échelonné : une période");
  check(row.idRAE.length < 5, "idRAE : moins de 5 caractères");
  check(["oui", "non"].includes(row.notificationUE), "notificationUE : oui ou non");
  const share = Number(row.pourcentageSubvention);
  check(
    /^\d+(\.\d+)?$/.test(row.pourcentageSubvention) && share >= 0.01 && share <= 1,
    "pourcentageSubvention",
  );
  check(row.dispositifAide.length > 0, "dispositifAide obligatoire");
  return problems;
}

describe.each(databaseKinds())("open data of the subsidies awarded, on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    root = await mkdtemp(path.join(tmpdir(), "open-data-"));
    await seedReference(db);
    await seedDemo(db, new LocalFileStorage(root));
  });

  afterAll(async () => {
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  afterEach(() => {
    delete process.env.OPEN_DATA_ALL_GRANTS;
  });

  const published = () =>
    db.dossier.findMany({
      where: {
        status: { in: [DossierStatus.GRANTED, DossierStatus.SETTLED] },
        agreementAcceptedAt: { not: null },
        schemeCode: { not: SchemeCode.EQUITY_ADVANCE },
      },
      include: { organisation: true, instalments: { where: { kind: InstalmentKind.PAYMENT } } },
    });

  it("publishes each accepted grant above 23 000 € of the demo, valid, and the CSV reads back the same", async () => {
    const { rows, unidentified } = await scdlSubsidies(db);
    const above = (await published()).filter(
      (dossier) => dossier.grantedAmountCents! > PUBLICATION_THRESHOLD_CENTS,
    );
    // A beneficiary with neither SIRET nor RNA number (a cooperative in creation) cannot be published.
    const identified = (dossier: (typeof above)[number]) =>
      Boolean(dossier.organisation.siret || dossier.organisation.rnaNumber);
    const expected = above.filter(identified);
    expect(unidentified).toBe(above.length - expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) expect(scdlProblems(row), JSON.stringify(row)).toEqual([]);

    for (const dossier of expected) {
      const row = rows.find((candidate) => candidate.referenceDecision.endsWith(dossier.number!))!;
      expect(row).toMatchObject({
        nomAttribuant: "Région Centre-Val de Loire",
        idAttribuant: "23450002300028",
        dateConvention: parisDay(dossier.agreementAcceptedAt!),
        nomBeneficiaire: dossier.organisation.name,
        idBeneficiaire: dossier.organisation.siret ?? "",
        montant: (dossier.grantedAmountCents! / 100).toFixed(2),
        conditionsVersement: dossier.instalments.length > 1 ? "échelonné" : "unique",
        dispositifAide: dossier.schemeCode,
      });
    }

    // The CSV: the 16 fields in the schema's order, comma-separated, UTF-8 without BOM, the same values.
    const csv = scdlCsv(rows);
    expect(csv.startsWith(`${SCDL_FIELDS.join(",")}\r\n`)).toBe(true);
    expect(parse(csv, { columns: true })).toEqual(rows);
    expect(scdlJson(rows)[0]!.montant).toBe(Number(rows[0]!.montant));
  });

  it("reaches the format's edges: an RNA alone, a long title, the small grants when the Region says so", async () => {
    const [first, second] = (await published()).filter(
      (dossier) => dossier.grantedAmountCents! > PUBLICATION_THRESHOLD_CENTS,
    );
    // An association known by its RNA number only, and a title of 300 characters with a comma and quotes.
    await db.organisation.update({
      where: { id: first!.organisationId },
      data: { siret: null, rnaNumber: "W451234567" },
    });
    const title = `Projet « vélo, compost » ${"et jardins partagés ".repeat(20)}`.slice(0, 300);
    await db.dossier.update({ where: { id: first!.id }, data: { title } });
    // Neither SIRET nor RNA: it cannot be published as the schema asks, and is counted aside.
    await db.organisation.update({
      where: { id: second!.organisationId },
      data: { siret: null, rnaNumber: null },
    });
    // A grant of 23 000 € or less: out, unless the Region publishes everything.
    await db.dossier.update({
      where: { id: first!.id },
      data: { grantedAmountCents: PUBLICATION_THRESHOLD_CENTS },
    });

    const strict = await scdlSubsidies(db);
    expect(strict.rows.some((row) => row.referenceDecision.endsWith(first!.number!))).toBe(false);
    expect(strict.unidentified).toBeGreaterThanOrEqual(1);

    process.env.OPEN_DATA_ALL_GRANTS = "true";
    const all = await scdlSubsidies(db);
    const row = all.rows.find((candidate) => candidate.referenceDecision.endsWith(first!.number!))!;
    expect(row).toMatchObject({ idBeneficiaire: "", rnaBeneficiaire: "W451234567", montant: "23000.00" });
    expect([...row.objet]).toHaveLength(255);
    expect(row.objet.endsWith("…")).toBe(true);
    expect(
      all.rows.some(
        (candidate) =>
          candidate.nomBeneficiaire === second!.organisation.name &&
          candidate.idBeneficiaire === "" &&
          candidate.rnaBeneficiaire === "",
      ),
    ).toBe(false);
    for (const each of all.rows) expect(scdlProblems(each), JSON.stringify(each)).toEqual([]);
    expect(parse(scdlCsv(all.rows), { columns: true })).toEqual(all.rows);
  });
});
