import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import path from "node:path";

import { env } from "~/env.server";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;

export interface DatabaseHandle {
  db: PrismaClient;
  kind: "postgresql" | "pglite";
  close(): Promise<void>;
}

/** Where the embedded database lives when DATABASE_URL is unset. */
export const DEFAULT_PGLITE_DIR = path.resolve("data/pglite");

/**
 * Opens the database named by `url`:
 * - `postgres://` / `postgresql://`: PostgreSQL through @prisma/adapter-pg (production, several instances);
 * - `pglite:<dir>` or `pglite:memory`, or nothing: embedded PGlite, so a newcomer needs no server.
 */
/**
 * A burst (the last hours before a call closes) queues transactions behind the pool, or behind PGlite's
 * single connection: they wait their turn rather than fail after Prisma's default 2 seconds.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000 };

export function openDatabase(url: string | undefined = env().DATABASE_URL): DatabaseHandle {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const adapter = new PrismaPg({
      connectionString: url,
      max: env().databasePoolSize,
    });
    const db = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    return { db, kind: "postgresql", close: () => db.$disconnect() };
  }
  const location = url?.startsWith("pglite:") ? url.slice("pglite:".length) : DEFAULT_PGLITE_DIR;
  const inMemory = location === "memory" || location === "";
  if (!inMemory) mkdirSync(location, { recursive: true });
  const pglite = inMemory ? new PGlite() : new PGlite(location);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    db,
    kind: "pglite",
    // PGlite keeps timers and buffers: an unclean exit can lose sequence values, so close it explicitly.
    close: async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

declare global {
  // Survives module reloads in development so one process keeps one PGlite instance.
  var __database: DatabaseHandle | undefined;
}

function database(): DatabaseHandle {
  globalThis.__database ??= openDatabase();
  return globalThis.__database;
}

/** The application's Prisma client, opened once per process. */
export const db: PrismaClient = database().db;

export function databaseKind(): DatabaseHandle["kind"] {
  return database().kind;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalThis.__database;
  globalThis.__database = undefined;
  await handle?.close();
}
