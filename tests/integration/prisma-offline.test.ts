// The Prisma CLI must work with no network: it runs our WebAssembly schema engine (prisma/schema-engine.mjs).
// These tests drive the real CLI the way a developer does, on a copy of the schema and migrations.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const prismaBin = path.join(root, "node_modules/.bin/prisma");

let workdir: string;

async function prisma(args: string[], url: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  try {
    const { stdout, stderr } = await run(
      prismaBin,
      [...args, "--config", path.join(workdir, "prisma.config.ts")],
      {
        cwd: workdir,
        env,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

beforeAll(async () => {
  workdir = await mkdtemp(path.join(tmpdir(), "prisma-offline-"));
  await cp(path.join(root, "prisma/schema.prisma"), path.join(workdir, "prisma/schema.prisma"));
  await cp(path.join(root, "prisma/migrations"), path.join(workdir, "prisma/migrations"), {
    recursive: true,
  });
  // Same config as the project's, pointing at the project's engine script, without a generator run.
  await writeFile(
    path.join(workdir, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.join(root, "prisma/schema-engine.mjs"))};
export default defineConfig({ schema: "prisma/schema.prisma", migrations: { path: "prisma/migrations" }, datasource: { url: process.env.DATABASE_URL } });
`,
  );
  await run("ln", ["-s", path.join(root, "node_modules"), path.join(workdir, "node_modules")]);
});

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

describe("Prisma CLI offline", { timeout: 180_000 }, () => {
  it("finds no drift between the committed schema and migrations", async () => {
    const result = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      // In memory, as .ci/run checks it: a database on disk would spend most of the test in initdb.
      "pglite:memory",
    );
    expect(result.output).toContain("No difference detected");
    expect(result.code).toBe(0);
  });

  it("creates a new migration with migrate dev, applies it, and reports status", async () => {
    const url = `pglite:${path.join(workdir, "dev-db")}`;
    const schemaPath = path.join(workdir, "prisma/schema.prisma");
    await writeFile(
      schemaPath,
      (await readFile(schemaPath, "utf8")) +
        "\nmodel OfflineProbe {\n  id Int @id @default(autoincrement())\n}\n",
    );

    const drift = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      url,
    );
    expect(drift.code).toBe(2);

    const dev = await prisma(["migrate", "dev", "--name", "offline_probe"], url);
    expect(dev.code, dev.output).toBe(0);
    const created = (await readdir(path.join(workdir, "prisma/migrations"))).find((name) =>
      name.endsWith("_offline_probe"),
    );
    expect(created).toBeDefined();
    const sql = await readFile(path.join(workdir, "prisma/migrations", created!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "OfflineProbe"');

    const status = await prisma(["migrate", "status"], url);
    expect(status.output).toContain("Database schema is up to date");
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "deploys every migration to a fresh PostgreSQL database",
    async () => {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const name = `offline_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      try {
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${name}`;
        const deploy = await prisma(["migrate", "deploy"], url.toString());
        expect(deploy.code, deploy.output).toBe(0);
        const status = await prisma(["migrate", "status"], url.toString());
        expect(status.output).toContain("Database schema is up to date");
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        const { rows } = await client.query(`SELECT to_regclass('"Dossier"') IS NOT NULL AS present`);
        await client.end();
        expect(rows[0].present).toBe(true);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
