import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine is downloaded from a host this project cannot reach, so the CLI runs
// our stand-in instead: it serves the same protocol with @prisma/schema-engine-wasm (see prisma/ENGINE.md).
// The CLI reads this variable after loading this file, before it would look for (and download) the binary.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./prisma/schema-engine.mjs", import.meta.url),
);

// Without DATABASE_URL, the embedded PGlite database in ./data/pglite (as app/db.server.ts).
// The engine resolves a relative `pglite:` path against this file's directory.
const DEFAULT_URL = "pglite:./data/pglite";
const url = process.env.DATABASE_URL || DEFAULT_URL;
if (url === DEFAULT_URL) mkdirSync(new URL("./data", import.meta.url), { recursive: true });

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx seeds/index.ts",
  },
  datasource: { url },
});
