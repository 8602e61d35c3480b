#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded here.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file; the CLI then runs it as
//   schema-engine --version
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database | create-database
//   schema-engine --datamodels <file>... --datasource '{"url":...}'   (JSON-RPC, one message per line on stdio)
// and we serve each request with @prisma/schema-engine-wasm over a driver adapter. See prisma/ENGINE.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openDatasource } from "./engine/datasources.mjs";
import { loadWasm, toRpcError } from "./engine/wasm.mjs";

// bindMigrationAwareSqlAdapterFactory wraps adapter calls into the Result objects the engine expects;
// take it from the copy @prisma/adapter-pg depends on, so both agree on the adapter protocol version.
const { bindMigrationAwareSqlAdapterFactory } = createRequire(import.meta.resolve("@prisma/adapter-pg"))(
  "@prisma/driver-adapter-utils",
);

const { values: args, positionals } = parseArgs({
  options: {
    version: { type: "boolean", short: "V" },
    datasource: { type: "string" },
    datamodels: { type: "string", multiple: true },
    // Accepted for compatibility; the wasm engine takes neither.
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
  allowPositionals: true,
});

const log = (level, fields, target = "schema_engine_cli") =>
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target })}\n`);

const datasourceUrl = () => (args.datasource ? JSON.parse(args.datasource).url : undefined);

if (args.version) {
  const { version } = await loadWasm();
  process.stdout.write(`schema-engine-cli ${version()}\n`);
} else if (positionals[0] === "cli") {
  process.exitCode = await runCliCommand(positionals[1]);
} else if (positionals.length === 0) {
  await serveJsonRpc();
} else {
  log("ERROR", { message: `Unknown arguments: ${positionals.join(" ")}` });
  process.exitCode = 1;
}

/** `cli <command>`: exit 0 on success; on failure, JSON log lines on stderr that the CLI parses. */
async function runCliCommand(command) {
  // The CLI skips the first stderr line, then looks for an ERROR from `schema_engine::logger`.
  log("INFO", { message: `Starting schema engine CLI command ${command}` });
  let source;
  try {
    source = openDatasource(datasourceUrl());
    if (command === "can-connect-to-database") {
      await source.canConnect();
    } else if (command === "create-database") {
      await source.createDatabase();
      process.stdout.write(`Database '${source.name}' was successfully created.\n`);
    } else {
      throw new Error(`Unsupported cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    log(
      "ERROR",
      { is_panic: false, error_code: pgErrorCode(error), message: error.message },
      "schema_engine::logger",
    );
    return 1;
  } finally {
    await source?.close();
  }
}

/** The Prisma error codes the CLI reacts to (P1003 makes it create the database). */
function pgErrorCode(error) {
  if (error.code === "3D000") return "P1003";
  if (error.code === "28P01" || error.code === "28000") return "P1000";
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(error.code)) return "P1001";
  return undefined;
}

async function serveJsonRpc() {
  const source = openDatasource(datasourceUrl());
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(source.factory);
  const datamodels = await Promise.all(
    (args.datamodels ?? []).map(async (path) => [path, await readFile(path, "utf8")]),
  );
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const { SchemaEngine } = await loadWasm();
  let engine;
  const start = () =>
    SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (line) => process.stderr.write(`${line}\n`), // the engine's logs are already JSON lines, as the native ones
      adapterFactory,
    );

  let justAppliedMigrations = false;
  const handle = async ({ id, method, params }) => {
    try {
      engine ??= await start(); // inside the try: a failure to connect is reported to the CLI
      const afterApply = justAppliedMigrations;
      justAppliedMigrations = false;
      let result;
      if (method === "getDatabaseVersion") {
        result = await engine.version(params);
      } else if (method === "evaluateDataLoss" && afterApply) {
        // Right after applyMigrations applied something, evaluateDataLoss fails with "PostgreSQL
        // shadow DB must be provided through an external factory" unless a devDiagnostic (read-only) runs first.
        await engine
          .devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters })
          .catch(() => {});
        result = await engine.evaluateDataLoss(params);
      } else if (method === "diff") {
        // The native engine prints the diff through a `print` request to the CLI; the wasm one returns it.
        const { stdout, ...rest } = await engine.diff(params);
        if (stdout) send({ id: `print-${id}`, method: "print", params: { content: stdout } });
        result = rest;
      } else if (method in SchemaEngine.prototype && !["constructor", "free"].includes(method)) {
        result = await engine[method](params); // keep the call on `engine`: the wasm glue needs `this`
      } else {
        return { id, error: { code: -32601, message: `Method not found: ${method}` } };
      }
      justAppliedMigrations = method === "applyMigrations" && result?.appliedMigrationNames?.length > 0;
      return { id, result: result ?? null };
    } catch (error) {
      return { id, error: toRpcError(error, adapterFactory.errorRegistry) };
    }
  };

  // One request at a time, in order: the CLI relies on it and the engine is single-threaded anyway.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    queue = queue
      .then(async () => {
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          return send({ id: null, error: { code: -32700, message: `Parse error: ${line.slice(0, 200)}` } });
        }
        if (message.method) send(await handle(message)); // otherwise the CLI's reply to our `print`
      })
      .catch((error) => log("ERROR", { message: String(error?.stack ?? error) }));
  });

  // The CLI ends stdin when it is done and waits for us to exit; Ctrl-C reaches us too.
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    lines.close();
    await queue;
    try {
      engine?.free();
      await source.close(); // PGlite must close cleanly, or recent writes may be lost
    } catch (error) {
      log("ERROR", { message: `Could not close the database: ${error?.stack ?? error}` });
      code ||= 1;
    }
    process.exit(code);
  };
  lines.on("close", () => shutdown(0));
  process.once("SIGINT", () => shutdown(130));
  process.once("SIGTERM", () => shutdown(143));
}
