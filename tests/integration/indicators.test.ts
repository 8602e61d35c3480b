// The indicators against the demo database: the community's figures are the database's own sums; the
// public ones never show a cell of 1 or 2 dossiers, neither on the page nor in the CSV downloads.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SERIES_IDS } from "~/domain/indicators";
import { SMALL_CELL_LABEL } from "~/domain/public-indicators";
import { csvAmount } from "~/domain/instruction-queue";
import { paris } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus } from "~/generated/prisma/enums";
import { achievementCsv, communityAchievements } from "~/services/funders/achievements.server";
import {
  communityIndicators,
  communitySeriesCsv,
  publicIndicators,
  publicSeriesCsv,
} from "~/services/funders/indicators.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { asServed, cookieOf, get } from "../support/routes";

const FILED = { status: { not: DossierStatus.DRAFT } };
/** A settled (« soldé ») dossier was granted first. */
const GRANTED = { status: { in: [DossierStatus.GRANTED, DossierStatus.SETTLED] } };

describe.each(databaseKinds())("indicators on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    root = await mkdtemp(path.join(tmpdir(), "indicators-"));
    await seedReference(db);
    await seedDemo(db, new LocalFileStorage(root));
  });

  afterAll(async () => {
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("gives the community the database's own counts and sums, drafts left out", async () => {
    const indicators = await communityIndicators(db);
    const filed = await db.dossier.aggregate({
      where: FILED,
      _count: true,
      _sum: { requestedAmountCents: true },
    });
    const granted = await db.dossier.aggregate({
      where: GRANTED,
      _count: true,
      _sum: { grantedAmountCents: true },
    });
    expect(await db.dossier.count({ where: { status: DossierStatus.DRAFT } })).toBeGreaterThan(0);
    expect(indicators.totals).toEqual({
      dossiers: filed._count,
      requestedCents: filed._sum.requestedAmountCents,
      grantedCents: granted._sum.grantedAmountCents,
      grantedDossiers: granted._count,
    });

    const bySchemeInDb = await db.dossier.groupBy({
      by: ["schemeCode"],
      where: FILED,
      _count: { _all: true },
      _sum: { requestedAmountCents: true },
    });
    for (const group of bySchemeInDb) {
      const cell = indicators.series.dispositifs.find((row) => row.key === group.schemeCode);
      expect(cell).toMatchObject({
        dossiers: group._count._all,
        requestedCents: group._sum.requestedAmountCents ?? 0,
      });
    }
    for (const id of SERIES_IDS) {
      const total = indicators.series[id].reduce((sum, row) => sum + row.dossiers, 0);
      expect(total, id).toBe(filed._count);
    }
  });

  it("computes the leverage from the granted dossiers' plans, leaving out the Region and own funds", async () => {
    const { leverage } = await communityIndicators(db);
    const others = await db.dossierBudgetLine.aggregate({
      where: {
        side: "RESOURCE",
        category: { notIn: ["REGION", "OWN_FUNDS"] },
        dossier: GRANTED,
      },
      _sum: { amountCents: true },
    });
    expect(leverage.otherFundersCents).toBe(others._sum.amountCents ?? 0);
    expect(leverage.regionCents).toBeGreaterThan(0);
    expect(leverage.ratio).toBeCloseTo(leverage.otherFundersCents / leverage.regionCents, 10);
  });

  it("sums what the grants achieved in the database: paid beside granted, reported jobs beside planned", async () => {
    const { versements, emplois } = await communityAchievements(db);
    for (const row of versements) {
      const where = { ...GRANTED, schemeCode: row.schemeCode, filedAt: { not: null } };
      const granted = await db.dossier.aggregate({ where, _count: true, _sum: { grantedAmountCents: true } });
      const paid = await db.payment.aggregate({
        where: { status: "PAID", dossier: where },
        _sum: { paidAmountCents: true },
      });
      expect(row, row.schemeCode).toEqual({
        schemeCode: row.schemeCode,
        dossiers: granted._count,
        grantedCents: granted._sum.grantedAmountCents ?? 0,
        paidCents: paid._sum.paidAmountCents ?? 0,
      });
    }
    // The demo has payments made and approved CAP ASSO reports: this test would notice a sum gone wrong.
    expect(versements.find((row) => row.schemeCode === "CAP_ASSO")!.paidCents).toBeGreaterThan(0);
    const approved = await db.financialReport.findMany({
      where: { status: "APPROVED", dossier: { ...GRANTED, schemeCode: "CAP_ASSO" } },
      orderBy: { period: "asc" },
      select: { dossierId: true, answers: true, dossier: { select: { jobsCreatedFte: true } } },
    });
    const reported = new Map(approved.map((report) => [report.dossierId, report.dossier]));
    const indicators = (answers: unknown) =>
      (answers as { report: { indicators: { jobsCreatedFte: number; jobsConsolidatedFte: number } } }).report
        .indicators;
    const lastConsolidated = new Map(
      approved.map((report) => [report.dossierId, indicators(report.answers).jobsConsolidatedFte]),
    );
    const capAsso = emplois.find((row) => row.schemeCode === "CAP_ASSO")!;
    expect(capAsso.dossiers).toBeGreaterThan(0);
    expect(capAsso).toMatchObject({ dossiers: reported.size });
    expect(capAsso.achievedCreatedFte).toBeCloseTo(
      approved.reduce((sum, report) => sum + indicators(report.answers).jobsCreatedFte, 0),
      6,
    );
    expect(capAsso.achievedConsolidatedFte).toBeCloseTo(
      [...lastConsolidated.values()].reduce((sum, value) => sum + value, 0),
      6,
    );
    expect(capAsso.plannedCreatedFte).toBeCloseTo(
      [...reported.values()].reduce((sum, dossier) => sum + (dossier.jobsCreatedFte ?? 0), 0),
      6,
    );
    const csv = achievementCsv({ versements, emplois }, "versements");
    expect(csv.slice(1).split("\r\n")[0]).toBe(
      "Dispositif;Dossiers accordés;Montants accordés (€);Montants versés (€)",
    );
    expect(csv).toContain(`CAP ASSO;${versements[0]!.dossiers};${csvAmount(versements[0]!.grantedCents)};`);
    const none = await communityAchievements(db, { year: 1999 });
    expect(none.versements.every((row) => row.dossiers === 0 && row.paidCents === 0)).toBe(true);
  });

  it("keeps, for a year, the dossiers filed that year in Paris", async () => {
    const { years } = await communityIndicators(db);
    const year = years[0]!;
    const indicators = await communityIndicators(db, { year });
    const inYear = await db.dossier.count({
      where: { ...FILED, filedAt: { gte: paris(`${year}-01-01`), lt: paris(`${year + 1}-01-01`) } },
    });
    expect(indicators.year).toBe(year);
    expect(indicators.totals.dossiers).toBe(inYear);
    expect(inYear).toBeLessThan((await communityIndicators(db)).totals.dossiers);
    const empty = await communityIndicators(db, { year: 1999 });
    expect(empty.totals.dossiers).toBe(0);
    expect(empty.leverage.ratio).toBeNull();
  });

  it("never shows the public a cell of 1 or 2 dossiers, nor its amounts", async () => {
    const community = await communityIndicators(db);
    const published = await publicIndicators(db);
    let smallCells = 0;
    for (const id of SERIES_IDS) {
      for (const [index, cell] of published.series[id].entries()) {
        const real = community.series[id][index]!;
        expect(cell.key).toBe(real.key);
        if (real.dossiers < 3) {
          smallCells += real.dossiers > 0 ? 1 : 0;
          expect(cell).toMatchObject({ suppressed: "small", dossiers: null, requestedCents: null });
        }
        if (cell.dossiers !== null) expect(cell.dossiers).toBeGreaterThanOrEqual(3);
      }
      // What is hidden in a series never adds up to 1 or 2 dossiers, which the total would reveal.
      const hidden = community.series[id]
        .filter((_, index) => published.series[id][index]!.suppressed)
        .reduce((sum, row) => sum + row.dossiers, 0);
      expect(hidden === 0 || hidden >= 3, id).toBe(true);
    }
    // The demo has small cells: this test would notice if they leaked.
    expect(smallCells).toBeGreaterThan(0);

    // A cell with one or two demo dossiers: neither its count nor its amount is in the public CSV.
    const [id, small] = SERIES_IDS.flatMap((series) =>
      community.series[series]
        .filter((row) => row.dossiers > 0 && row.dossiers < 3)
        .map((row) => [series, row] as const),
    )[0]!;
    expect(small).toBeDefined();
    const csv = publicSeriesCsv(published.series[id]);
    const line = csv.split("\r\n").find((row) => row.startsWith(`${small.label};`));
    expect(line).toBe(`${small.label};${SMALL_CELL_LABEL};${SMALL_CELL_LABEL};${SMALL_CELL_LABEL}`);
    expect(csv).not.toContain(csvAmount(small.requestedCents));
    if (published.cooperatives) expect(published.cooperatives.dossiers).toBeGreaterThanOrEqual(3);
  });

  it("writes the CSV for a spreadsheet: BOM, semicolons, French decimal comma", async () => {
    const community = await communityIndicators(db);
    const csv = communitySeriesCsv(community.series.dispositifs);
    expect(csv.startsWith("\ufeff")).toBe(true);
    const [header, first] = csv.slice(1).split("\r\n");
    expect(header).toBe("Catégorie;Dossiers;Montants demandés (€);Montants accordés (€)");
    const capAsso = community.series.dispositifs[0]!;
    expect(first).toBe(
      `CAP ASSO;${capAsso.dossiers};${csvAmount(capAsso.requestedCents)};${csvAmount(capAsso.grantedCents)}`,
    );
    expect(first).toMatch(/;\d+,\d{2};\d+,\d{2}$/);
    expect(publicSeriesCsv((await publicIndicators(db)).series.etapes).startsWith("\ufeffCatégorie;")).toBe(
      true,
    );
  });
});

// The routes themselves, signed in as a browser would be: the app's client (~/db.server) is opened once
// per process from globalThis.__database, so the test database is put there before the routes load.
describe("the indicator pages and downloads", () => {
  let database: TestDatabase;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    root = await mkdtemp(path.join(tmpdir(), "indicators-routes-"));
    await seedReference(database.db);
    await seedDemo(database.db, new LocalFileStorage(root));
    globalThis.__database = { db: database.db, kind: "pglite", close: () => database.close() };
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  // Response.text() drops a UTF-8 BOM: the bytes tell whether the spreadsheet will see one.
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
  const statusOf = (promise: Promise<unknown>) =>
    asServed(promise).then(
      () => 200,
      (thrown: unknown) => (thrown instanceof Response ? thrown.status : 500),
    );

  it("opens the public figures to everyone and their CSV without a small cell", async () => {
    const page = await import("~/routes/indicateurs");
    const published = await page.loader(get("/indicateurs"));
    // The equity advances, eight demo dossiers since their life after the payment was seeded, are shown.
    expect(published.series.dispositifs.find((row) => row.key === "EQUITY_ADVANCE")).toMatchObject({
      suppressed: null,
      dossiers: 8,
    });
    // A series with a cell of one or two dossiers: its CSV says « moins de 3 » in its place.
    const id = SERIES_IDS.find((series) =>
      published.series[series].some((row) => row.suppressed === "small"),
    )!;
    const small = published.series[id].find((row) => row.suppressed === "small")!;

    const csvRoute = await import("~/routes/indicateurs.$serie[.csv]");
    const response = await csvRoute.loader(get(`/indicateurs/${id}.csv`, undefined, { serie: id }));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = await bytesOf(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain(`${small.label};${SMALL_CELL_LABEL};`);
    expect(await statusOf(csvRoute.loader(get("/indicateurs/x.csv", undefined, { serie: "x" })))).toBe(404);
  });

  it("keeps the community's figures to funder members and Region staff", async () => {
    const page = await import("~/routes/financeurs.indicateurs");
    const csvRoute = await import("~/routes/financeurs.indicateurs.$serie[.csv]");
    const applicant = await cookieOf(database.db, { email: "porteur@demo.portail-ess.fr" });
    expect(await statusOf(page.loader(get("/financeurs/indicateurs")))).toBe(302);
    expect(await statusOf(page.loader(get("/financeurs/indicateurs", applicant)))).toBe(403);
    expect(
      await statusOf(
        csvRoute.loader(get("/financeurs/indicateurs/etapes.csv", applicant, { serie: "etapes" })),
      ),
    ).toBe(403);

    // A funder account not (or no longer) attached to an organisation is not a member.
    const orphan = await database.db.user.create({
      data: {
        email: "sans-organisation@example.fr",
        passwordHash: "x",
        firstName: "A",
        lastName: "B",
        role: "FUNDER",
      },
    });
    expect(
      await statusOf(
        page.loader(get("/financeurs/indicateurs", await cookieOf(database.db, { email: orphan.email }))),
      ),
    ).toBe(403);

    const funder = await cookieOf(database.db, { email: "financeur@demo.portail-ess.fr" });
    const { indicators, notice } = await page.loader(get("/financeurs/indicateurs?annee=2026", funder));
    expect(indicators.year).toBe(2026);
    expect(notice).toBeNull();
    expect((await page.loader(get("/financeurs/indicateurs?annee=abc", funder))).notice).toContain(
      "n’est pas une année",
    );

    const instructor = await cookieOf(database.db, { email: "instructeur@demo.portail-ess.fr" });
    const response = await csvRoute.loader(
      get("/financeurs/indicateurs/etapes.csv?annee=2026", instructor, { serie: "etapes" }),
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toContain("indicateurs-etapes-2026.csv");
    expect((await bytesOf(response)).toString("utf8")).toMatch(/^\ufeffCatégorie;Dossiers;/);
    const jobs = await csvRoute.loader(
      get("/financeurs/indicateurs/emplois.csv?annee=2026", funder, { serie: "emplois" }),
    );
    expect(jobs.headers.get("Content-Disposition")).toContain("indicateurs-emplois-2026.csv");
    expect((await bytesOf(jobs)).toString("utf8")).toMatch(/^\ufeffDispositif;Dossiers avec un compte rendu/);
    expect((await page.loader(get("/financeurs/indicateurs", funder))).achievements.versements).toHaveLength(
      4,
    );
  });
});
