import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseDossierNumber } from "~/domain/dossier-number";
import { nextDossierNumber } from "~/services/dossiers/numbers.server";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

describe.each(databaseKinds())("nextDossierNumber on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("gives 50 concurrent filings 50 distinct consecutive numbers", async () => {
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () => nextDossierNumber(database.db, "CAPASSO", 2026)),
    );
    const sequences = numbers.map((number) => parseDossierNumber(number)!.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(numbers).toContain("CAPASSO-2026-00050");
    const counter = await database.db.dossierNumberCounter.findUniqueOrThrow({
      where: { prefix_year: { prefix: "CAPASSO", year: 2026 } },
    });
    expect(counter.lastValue).toBe(50);
  });

  it("gives distinct numbers to concurrent filings each in its own transaction", async () => {
    const numbers = await Promise.all(
      Array.from({ length: 10 }, () =>
        database.db.$transaction((tx) => nextDossierNumber(tx, "CAPSCOP", 2026), {
          maxWait: 20_000,
          timeout: 20_000,
        }),
      ),
    );
    expect(new Set(numbers).size).toBe(10);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `CAPSCOP-2026-${String(index + 1).padStart(5, "0")}`),
    );
  });

  it("counts separately per prefix and per year", async () => {
    expect(await nextDossierNumber(database.db, "AVOSID", 2025)).toBe("AVOSID-2025-00001");
    expect(await nextDossierNumber(database.db, "AVOSID", 2026)).toBe("AVOSID-2026-00001");
    expect(await nextDossierNumber(database.db, "AVOSID", 2025)).toBe("AVOSID-2025-00002");
    expect(await nextDossierNumber(database.db, "AVANCEFP", 2025)).toBe("AVANCEFP-2025-00001");
  });

  it("gives the number back when the filing's transaction rolls back", async () => {
    await expect(
      database.db.$transaction(async (tx) => {
        expect(await nextDossierNumber(tx, "AVANCEFP", 2026)).toBe("AVANCEFP-2026-00001");
        throw new Error("filing failed");
      }),
    ).rejects.toThrow("filing failed");
    expect(await nextDossierNumber(database.db, "AVANCEFP", 2026)).toBe("AVANCEFP-2026-00001");
  });

  it("refuses a malformed prefix before touching the counter", async () => {
    await expect(nextDossierNumber(database.db, "cap'asso", 2026)).rejects.toThrow(RangeError);
    expect(await database.db.dossierNumberCounter.count({ where: { prefix: "cap'asso" } })).toBe(0);
  });
});
