// Driver adapter factories for the wasm schema engine: PostgreSQL through @prisma/adapter-pg,
// PGlite (`pglite:<data directory>`) through pglite-prisma-adapter. Each works around a few gaps of
// those adapters when used for migrations rather than for queries (see prisma/ENGINE.md).
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

const TEXT_OID = 25;
// Catalog types the engine's introspection reads: `"char"` (pg_class.relkind, ...) and `name`.
// @prisma/adapter-pg rejects `"char"` as an unsupported column type (prisma/orm#27403); `name` is
// accepted by 7.10 but was not always, so both are mapped.
const CATALOG_OIDS = new Set([18, 19]);

const warn = (message) =>
  process.stderr.write(
    `${JSON.stringify({ level: "WARN", fields: { message }, target: "schema_engine_cli" })}\n`,
  );

/** Reports catalog `"char"`/`name` columns as text; the values are plain strings already. */
function catalogTypesAsText(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    // A parameterless multi-statement query (`db execute`) yields an array of results.
    for (const { fields = [] } of [result].flat()) {
      for (const field of fields) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  return queryable;
}

/**
 * Patches a PrismaPg adapter: scripts go through the simple query protocol in one round trip
 * (the adapter splits them on every `;`, which breaks `$$ ... $$` bodies and string literals).
 */
function patchPgAdapter(adapter) {
  catalogTypesAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => catalogTypesAsText(await startTransaction(...args));
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

class PostgresDatasource {
  constructor(url) {
    this.url = new URL(url);
    this.schema = this.url.searchParams.get("schema") ?? undefined;
    this.database = decodeURIComponent(this.url.pathname.slice(1)) || "postgres";
    this.name = this.database;
    this.shadowDatabases = new Set();
  }

  canConnect() {
    return this.admin("SELECT 1");
  }

  urlFor(database) {
    const url = new URL(this.url);
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  }

  /** Runs one statement on its own connection, e.g. CREATE/DROP DATABASE (not allowed in a transaction). */
  async admin(sql, database = this.database) {
    const client = new pg.Client({ connectionString: this.urlFor(database) });
    try {
      await client.connect();
      await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  }

  /** CREATE DATABASE from the main database, or from `postgres` while the main one does not exist yet. */
  async createDatabase(name = this.database) {
    const sql = `CREATE DATABASE "${name.replaceAll('"', '""')}"`;
    await this.admin(sql).catch((error) => {
      if (error.code !== "3D000") throw error;
      return this.admin(sql, "postgres");
    });
  }

  async connect(database = this.database) {
    const factory = new PrismaPg({ connectionString: this.urlFor(database) }, { schema: this.schema });
    return patchPgAdapter(await factory.connect());
  }

  // The wasm engine only gets a shadow database from the factory (datasource.shadowDatabaseUrl is not
  // used), and PrismaPg's own connectToShadowDb drops its database before closing the pool still
  // connected to it, which fails. So: a throwaway database on the same server, dropped after our pool.
  async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await this.createDatabase(name);
    this.shadowDatabases.add(name);
    const adapter = await this.connect(name);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.dropShadow(name);
    };
    return adapter;
  }

  async dropShadow(name) {
    if (!this.shadowDatabases.delete(name)) return;
    await this.admin(`DROP DATABASE IF EXISTS "${name}"`).catch((error) => {
      warn(`Could not drop the shadow database ${name}: ${error.message}`);
    });
  }

  async close() {
    for (const name of [...this.shadowDatabases]) await this.dropShadow(name);
  }
}

class PgliteDatasource {
  constructor(url) {
    // As in app/db.server.ts: `pglite:<dir>` (relative to the engine's cwd, which the CLI sets to the
    // directory of prisma.config.ts), or `pglite:memory` / `pglite:` for a throwaway in-memory database.
    const location = url.slice("pglite:".length);
    this.dataDir = location === "memory" || location === "" ? undefined : resolve(location);
    this.name = this.dataDir ?? "memory";
    this.shadows = new Set();
  }

  async canConnect() {} // PGlite creates the data directory on first open

  /** PGlite creates its data directory on open, so only open it when the engine needs it. */
  open() {
    this.db ??= this.dataDir
      ? mkdir(dirname(this.dataDir), { recursive: true }).then(() => PGlite.create(this.dataDir))
      : PGlite.create();
    return this.db;
  }

  /**
   * Multi-statement SQL needs PGlite's `exec` (simple query protocol): `query` prepares statements.
   * The adapter's executeScript calls `exec` but neither awaits it nor reports its errors, and
   * `db execute` sends its whole script through executeRaw without parameters (as node-postgres,
   * which then uses the simple protocol too).
   */
  async wrap(db) {
    const adapter = await new PrismaPGlite(db).connect();
    const exec = async (sql) => {
      try {
        return await db.exec(sql);
      } catch (error) {
        adapter.onError(error);
      }
    };
    adapter.executeScript = async (script) => {
      await exec(script);
    };
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      const results = await exec(query.sql);
      return results.reduce((count, result) => count + (result.affectedRows ?? 0), 0);
    };
    return adapter;
  }

  async connect() {
    return this.wrap(await this.open());
  }

  async connectToShadowDb() {
    const shadow = await PGlite.create(); // in memory
    this.shadows.add(shadow);
    const adapter = await this.wrap(shadow);
    adapter.dispose = async () => {
      if (this.shadows.delete(shadow)) await shadow.close();
    };
    return adapter;
  }

  async createDatabase() {}

  /** Closing cleanly matters: it checkpoints the data directory (sequence values included). */
  async close() {
    for (const shadow of this.shadows) await shadow.close().catch(() => {});
    this.shadows.clear();
    const db = await this.db?.catch(() => undefined); // failed to open: nothing to close
    if (db && !db.closed) await db.close();
  }
}

/**
 * No url: fail when the engine connects (it does so on start), with a message the CLI shows.
 * Throwing earlier would crash the engine, which the CLI then reports as a silent success.
 */
class MissingDatasource {
  name = "";
  async fail() {
    throw new Error("No datasource url: set datasource.url in prisma.config.ts (or DATABASE_URL).");
  }
  canConnect = this.fail;
  createDatabase = this.fail;
  connect = this.fail;
  connectToShadowDb = this.fail;
  async close() {}
}

/** The datasource behind a connection string, with an unbound driver adapter factory. */
export function openDatasource(url) {
  const source = !url
    ? new MissingDatasource()
    : url.startsWith("pglite:")
      ? new PgliteDatasource(url)
      : new PostgresDatasource(url);
  source.factory = {
    provider: "postgres",
    adapterName: source instanceof PgliteDatasource ? "pglite-prisma-adapter" : "@prisma/adapter-pg",
    connect: () => source.connect(),
    connectToShadowDb: () => source.connectToShadowDb(),
  };
  return source;
}
