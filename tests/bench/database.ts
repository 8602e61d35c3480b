// The benchmark's own database, never the one it is pointed at: on PostgreSQL (DATABASE_URL set) a
// `bench_<random>` database created on that server and dropped at the end; otherwise PGlite in a temp
// folder. Migrated with the project's migrations, with raw SQL for the bulk seed and EXPLAIN beside Prisma.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "~/generated/prisma/client";

import { readMigrations } from "../support/database";

export type Row = Record<string, unknown>;

/** The SQL Prisma sends, with its parameters: what explain.ts asks the planner about. */
export interface LoggedQuery {
  query: string;
  params: string;
}

// Emitted as events, printed nowhere: explain.ts listens while it replays the pages' service calls.
const QUERY_EVENTS = [{ emit: "event" as const, level: "query" as const }];

/** Calls `listener` with every query `db` (a bench database's client) sends. */
export function onQuery(db: PrismaClient, listener: (query: LoggedQuery) => void): void {
  (db as unknown as { $on(event: "query", callback: (query: LoggedQuery) => void): void }).$on(
    "query",
    listener,
  );
}

export interface BenchDatabase {
  kind: "postgresql" | "pglite";
  /** What the app server is given as DATABASE_URL. */
  url: string;
  db: PrismaClient;
  /** One statement, with $1… parameters. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** Lets the app server open the database: PGlite allows one process at a time. */
  release(): Promise<void>;
  /** Closes everything and deletes the database. */
  destroy(): Promise<void>;
}

export async function createBenchDatabase(serverUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  const migrations = await readMigrations();
  if (serverUrl && /^postgres(ql)?:\/\//.test(serverUrl)) return createPostgres(serverUrl, migrations);
  return createPglite(migrations);
}

async function createPostgres(serverUrl: string, migrations: string[]): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const client = new pg.Client({ connectionString });
  await client.connect();
  // Simple-query protocol: one call runs a whole migration file.
  for (const sql of migrations) await client.query(sql);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 4 }), log: QUERY_EVENTS });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.$disconnect();
    await client.end();
  };
  return {
    kind: "postgresql",
    url: connectionString,
    db,
    query: async <T extends Row>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    exec: async (sql) => void (await client.query(sql)),
    // PostgreSQL serves both processes: the bench keeps its connection for the checks after the load.
    release: async () => undefined,
    destroy: async () => {
      await close();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function createPglite(migrations: string[]): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), "portail-bench-"));
  const dataDir = path.join(dir, "pglite");
  let pglite = new PGlite(dataDir);
  for (const sql of migrations) await pglite.exec(sql);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite), log: QUERY_EVENTS });
  const close = async () => {
    await db.$disconnect();
    if (!pglite.closed) await pglite.close();
  };
  return {
    kind: "pglite",
    url: `pglite:${dataDir}`,
    db,
    query: async <T extends Row>(sql: string, params: unknown[] = []) => {
      // Reopened for the checks made once the app server has stopped.
      if (pglite.closed) pglite = new PGlite(dataDir);
      return (await pglite.query<T>(sql, params)).rows;
    },
    exec: async (sql) => void (await pglite.exec(sql)),
    release: close,
    destroy: async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
