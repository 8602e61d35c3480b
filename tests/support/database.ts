// A fresh, fully migrated database per test file, so integration tests never see each other's rows.
// PGlite always runs (in memory, nothing to install); PostgreSQL runs too when TEST_DATABASE_URL names a
// server, because production uses it and the two engines differ in small ways (locks, collations, errors).
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "~/generated/prisma/client";

export type DatabaseKind = "pglite" | "postgresql";

export interface TestDatabase {
  db: PrismaClient;
  kind: DatabaseKind;
  /** `pglite:memory` for PGlite (not reachable from another process), the real URL for PostgreSQL. */
  url: string;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Folder holding `<name>/migration.sql` folders; the project's own by default. */
  migrationsDir?: string;
}

const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const PGLITE_PACKAGE = path.resolve(
  import.meta.dirname,
  "../../node_modules/@electric-sql/pglite/package.json",
);

/** The engines to run integration tests against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
}

/** Every migration's SQL, in the order Prisma applies them (folder names start with a timestamp). */
export async function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (folders.length === 0) throw new Error(`Aucune migration dans ${migrationsDir}`);
  return Promise.all(
    folders.map((folder) => readFile(path.join(migrationsDir, folder, "migration.sql"), "utf8")),
  );
}

export async function createTestDatabase(
  kind: DatabaseKind = "pglite",
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const migrations = await readMigrations(options.migrationsDir);
  return kind === "postgresql" ? createPostgresDatabase(migrations) : createPgliteDatabase(migrations);
}

async function createPgliteDatabase(migrations: string[]): Promise<TestDatabase> {
  const pglite = new PGlite({ loadDataDir: await migratedPgliteImage(migrations) });
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    db,
    kind: "pglite",
    url: "pglite:memory",
    close: async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * The data folder of a PGlite database on which `migrations` have run, as a tarball: made once (per set of
 * migrations and PGlite version) and kept in the system's temporary folder, it saves each test file the
 * initdb and the migrations (about 2 s). Test files run in separate processes, two at a time: the file is
 * written under a private name, then renamed into place, so nobody reads half of it.
 */
async function migratedPgliteImage(migrations: string[]): Promise<Blob> {
  const { version } = JSON.parse(await readFile(PGLITE_PACKAGE, "utf8")) as { version: string };
  const key = createHash("sha256")
    .update(JSON.stringify([version, migrations]))
    .digest("hex")
    .slice(0, 24);
  const file = path.join(tmpdir(), `portail-ess-pglite-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made yet: made below.
  }
  const pglite = new PGlite();
  try {
    for (const sql of migrations) await pglite.exec(sql);
    const image = await pglite.dumpDataDir("none");
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    try {
      await writeFile(partial, Buffer.from(await image.arrayBuffer()));
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    return image;
  } finally {
    await pglite.close();
  }
}

async function createPostgresDatabase(migrations: string[]): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL doit être défini pour tester sur PostgreSQL");
  const name = `test_${randomBytes(6).toString("hex")}`;

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  try {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      // Simple-query protocol: one call runs a whole multi-statement migration file.
      for (const sql of migrations) await client.query(sql);
    } finally {
      await client.end();
    }
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }

  // A small pool: several test files run at once against one server.
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 4 }) });
  return {
    db,
    kind: "postgresql",
    url: connectionString,
    close: async () => {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
