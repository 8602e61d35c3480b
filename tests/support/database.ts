// A fresh, fully migrated database per test file, so integration tests never see each other's rows.
// PGlite always runs (in memory, nothing to install); PostgreSQL runs too when TEST_DATABASE_URL names a
// server, because production uses it and the two engines differ in small ways (locks, collations, errors).
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
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
  const pglite = new PGlite();
  for (const sql of migrations) await pglite.exec(sql);
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
