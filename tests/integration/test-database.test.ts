// The harness every integration test stands on: a fresh, migrated, isolated database per call.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

describe.each(databaseKinds())("createTestDatabase on %s", (kind) => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it("applies the project's migrations, so Prisma can write and read every model", async () => {
    expect(first.kind).toBe(kind);
    const user = await first.db.user.create({
      data: { email: "harnais@example.fr", passwordHash: "x", firstName: "Camille", lastName: "Martin" },
    });
    expect(await first.db.user.findUnique({ where: { id: user.id } })).toMatchObject({
      email: "harnais@example.fr",
    });
  });

  it("gives each caller its own database", async () => {
    await second.db.user.create({
      data: { email: "isole@example.fr", passwordHash: "x", firstName: "Lou", lastName: "Bernard" },
    });
    expect(await first.db.user.count({ where: { email: "isole@example.fr" } })).toBe(0);
    expect(await second.db.user.count({ where: { email: "isole@example.fr" } })).toBe(1);
  });
});

describe("createTestDatabase with another migrations folder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    // Out of order on disk: the harness must sort by folder name as Prisma does.
    await mkdir(path.join(dir, "20200102000000_second"));
    await writeFile(
      path.join(dir, "20200102000000_second", "migration.sql"),
      `ALTER TABLE "Probe" ADD "label" TEXT;`,
    );
    await mkdir(path.join(dir, "20200101000000_first"));
    await writeFile(
      path.join(dir, "20200101000000_first", "migration.sql"),
      `CREATE TABLE "Probe" ("id" SERIAL PRIMARY KEY);\nINSERT INTO "Probe" DEFAULT VALUES;`,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("applies the folders in timestamp order", async () => {
    const database = await createTestDatabase("pglite", { migrationsDir: dir });
    try {
      const rows =
        await database.db.$queryRawUnsafe<Array<{ label: string | null }>>(`SELECT "label" FROM "Probe"`);
      expect(rows).toEqual([{ label: null }]);
    } finally {
      await database.close();
    }
  });

  it("fails clearly on an empty folder", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "migrations-empty-"));
    try {
      await expect(createTestDatabase("pglite", { migrationsDir: empty })).rejects.toThrow(
        /Aucune migration/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("createTestDatabase on PostgreSQL, cleanup", () => {
  it("drops its database on close", async () => {
    const database = await createTestDatabase("postgresql");
    const name = new URL(database.url).pathname.slice(1);
    expect(name).toMatch(/^test_[0-9a-f]{12}$/);
    await database.close();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      expect(rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
