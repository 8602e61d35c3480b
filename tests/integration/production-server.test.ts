// The portal as an operator runs it: `node server.mjs` on the production build, configured by its
// environment only. /healthz tells a load balancer whether the instance can serve; every request is one
// JSON log line; SIGTERM drains the instance (health check at 503, then no new connections) while an upload
// in flight finishes and is kept, then stops background work and closes PGlite so it reopens cleanly.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import { MembershipRole, SchemeCode } from "~/generated/prisma/enums";
import { hashPassword } from "~/services/accounts/password.server";
import { startDossier } from "~/services/applicant/dossiers.server";

import { demoSiret } from "../../seeds/demo/identifiers";
import { DEMO_ORGANISATIONS } from "../../seeds/demo/organisations";
import { seedReference } from "../../seeds/reference";
import { ensureBuild, startAppServer, type AppServer } from "../support/app-server";
import { createTestDatabase, readMigrations, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { cookieFrom } from "../support/requests";

const PASSWORD = "Un mot de passe assez long 2026";
const EMAIL = "camille.martin@example.fr";

/** A fresh migrated PGlite folder with the reference data and an applicant's CAP ASSO draft. */
async function preparePgliteFolder(dir: string): Promise<{ dossierId: string }> {
  const pglite = new PGlite(dir);
  for (const sql of await readMigrations()) await pglite.exec(sql);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  try {
    await seedReference(db);
    const user = await db.user.create({
      data: {
        email: EMAIL,
        passwordHash: await hashPassword(PASSWORD),
        firstName: "Camille",
        lastName: "Martin",
        emailVerifiedAt: new Date(),
      },
    });
    const {
      owner: _owner,
      members: _members,
      esusApprovalDate: _esus,
      ...fields
    } = DEMO_ORGANISATIONS.sportSanteBerry;
    const organisation = await db.organisation.create({
      data: {
        ...fields,
        siret: demoSiret("71234567", "0001"),
        memberships: { create: { userId: user.id, role: MembershipRole.OWNER } },
      },
    });
    const { id } = await startDossier(db, {
      userId: user.id,
      organisationId: organisation.id,
      schemeCode: SchemeCode.CAP_ASSO,
    });
    return { dossierId: id };
  } finally {
    await db.$disconnect();
    await pglite.close();
  }
}

/**
 * Signs in on a connection of its own: a keep-alive socket left idle by an earlier test may be closed by the
 * server at the very moment it is reused, which says nothing about the portal.
 */
function signIn(url: string, email: string, password: string): Promise<{ status?: number; cookie: string }> {
  const body = new URLSearchParams({ email, password, redirectTo: "" }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/connexion`, {
      method: "POST",
      agent: false,
      headers: {
        Origin: url,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
      },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      response.resume();
      const headers = new Headers();
      for (const cookie of response.headers["set-cookie"] ?? []) headers.append("set-cookie", cookie);
      response.on("end", () => resolve({ status: response.statusCode, cookie: cookieFrom(headers) }));
    });
    request.end(body);
  });
}

/** What a request was answered (status, body, Connection header), or the code of the error it met. */
type Answer = { status?: number; body?: string; connection?: string; error?: string };

function answerOf(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve) => {
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode, body, connection: response.headers.connection }),
      );
    });
  });
}

/** A GET on a connection of its own (no keep-alive pool), as a load balancer's health check opens one. */
function probe(url: string): Promise<Answer> {
  const request = http.request(url, { agent: false });
  request.end();
  return answerOf(request);
}

/** Probes until `accept` holds, for at most `timeoutMs`; returns the last answer. */
async function probeUntil(url: string, accept: (answer: Answer) => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe(url);
    if (accept(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const withStatus = (status: number) => (answer: Answer) => answer.status === status;

/** The JSON request-log lines the server wrote. */
function requestLog(server: AppServer): Array<Record<string, unknown>> {
  return server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("server.mjs in production on a PGlite folder", () => {
  let root: string;
  let dossierId: string;
  let server: AppServer;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "portail-production-"));
    ({ dossierId } = await preparePgliteFolder(path.join(root, "pglite")));
    server = await startAppServer({
      databaseUrl: `pglite:${path.join(root, "pglite")}`,
      env: { STORAGE_DIR: path.join(root, "files"), SHUTDOWN_DELAY_MS: "1500" },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.stop("SIGKILL");
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("answers /healthz with 200 and French JSON, never cached, while the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", message: "Le portail fonctionne." });
  });

  it("writes one JSON line per request, with its method, path, status and duration", async () => {
    const missing = `/page-introuvable-${randomBytes(4).toString("hex")}`;
    const requests = [
      { method: "GET", path: "/dispositifs", status: 200, init: {} },
      { method: "GET", path: missing, status: 404, init: {} },
      {
        method: "POST",
        path: "/api/eligibility",
        status: 200,
        init: { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" },
      },
      // A cross-site form post: refused before it reaches the app, and still logged.
      {
        method: "POST",
        path: "/deconnexion",
        status: 403,
        init: { method: "POST", headers: { Origin: "https://ailleurs.example" }, redirect: "manual" },
      },
    ] as const;
    for (const request of requests) {
      const response = await fetch(`${server.url}${request.path}?suivi=1`, request.init as RequestInit);
      await response.arrayBuffer();
      expect(response.status).toBe(request.status);
    }
    await expect.poll(() => requestLog(server).filter((line) => line.path === "/deconnexion").length).toBe(1);
    for (const request of requests) {
      const lines = requestLog(server).filter((line) => line.path === request.path);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ method: request.method, status: request.status });
      expect(lines[0]!.durationMs).toEqual(expect.any(Number));
      expect(Date.parse(String(lines[0]!.time))).not.toBeNaN();
    }
  });

  it("refuses to start in production without SESSION_SECRET, and says why in French", async () => {
    const scratch = path.join(root, "sans-secret");
    await expect(
      startAppServer({ databaseUrl: `pglite:${scratch}`, env: { SESSION_SECRET: undefined } }),
    ).rejects.toThrow(/SESSION_SECRET doit être défini en production/);
  });

  it("refuses to start in production without SMTP or with malformed values, listing them in French", () => {
    ensureBuild();
    const started = spawnSync(process.execPath, ["server.mjs"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 30_000,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: `pglite:${path.join(root, "sans-smtp")}`,
        SESSION_SECRET: "un-secret-de-test-assez-long-pour-la-production",
        APP_URL: "http://portail.example.fr/",
        SMTP_URL: undefined,
        SMTP_HOST: undefined,
        PORT: "trois mille",
        OUTBOX_WORKER: "peut-être",
      },
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain("Configuration invalide : le portail ne démarre pas.");
    expect(started.stderr).toContain(
      "PORT doit être un nombre entier entre 1 et 65535 (reçu « trois mille »).",
    );
    expect(started.stderr).toContain("OUTBOX_WORKER doit valoir true ou false");
    // Once the values are well formed, what production requires besides.
    const unconfigured = spawnSync(process.execPath, ["server.mjs"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 30_000,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: `pglite:${path.join(root, "sans-smtp")}`,
        SESSION_SECRET: "un-secret-de-test-assez-long-pour-la-production",
        APP_URL: "http://portail.example.fr/",
        SMTP_URL: undefined,
        SMTP_HOST: undefined,
      },
    });
    expect(unconfigured.status).toBe(1);
    expect(unconfigured.stderr).toMatch(
      /SMTP_URL \(ou SMTP_HOST et SMTP_PORT\) doit être défini en production/,
    );
    expect(unconfigured.stderr).toContain("APP_URL doit être une adresse https en production");
    expect(unconfigured.stdout).not.toContain("Portail ESS prêt");
  });

  it("on SIGTERM, reports 503 to the load balancer, refuses new connections, finishes the upload in flight, then closes PGlite", async () => {
    const { status, cookie } = await signIn(server.url, EMAIL, PASSWORD);
    expect(status).toBe(302);

    // A 2 MB PDF sent in two halves, the second only once the instance has stopped taking connections.
    const file = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2_000_000, "% remplissage\n")]);
    const boundary = `----portail${randomBytes(8).toString("hex")}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Budget prévisionnel.pdf"\r\n` +
          "Content-Type: application/pdf\r\n\r\n",
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = http.request(`${server.url}/dossiers/${dossierId}/pieces/envoi`, {
      method: "POST",
      agent: false,
      headers: {
        Cookie: cookie,
        Origin: server.url,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": String(body.length),
      },
    });
    const answered = answerOf(upload);
    upload.write(body.subarray(0, body.length / 2));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const exited = server.stop("SIGTERM");
    const draining = await probeUntil(`${server.url}/healthz`, withStatus(503));
    expect(draining).toMatchObject({ status: 503, connection: "close" });
    expect(JSON.parse(draining.body!)).toMatchObject({
      message: expect.stringContaining("Cette instance du portail s’arrête"),
    });
    expect(await probeUntil(`${server.url}/healthz`, (answer) => answer.error !== undefined)).toEqual({
      error: "ECONNREFUSED",
    });

    upload.end(body.subarray(body.length / 2));
    const response = await answered;
    expect(response).toMatchObject({ status: 200, connection: "close" });
    expect(JSON.parse(response.body!)).toMatchObject({
      ok: true,
      message: "« Budget prévisionnel.pdf » a été ajoutée.",
    });
    expect(await exited).toBe(0);
    expect(server.output()).toContain("Portail ESS arrêté.");
    expect(server.output()).not.toContain("Arrêt forcé");
    expect(requestLog(server)).toContainEqual(
      expect.objectContaining({ method: "POST", path: `/dossiers/${dossierId}/pieces/envoi`, status: 200 }),
    );

    // The upload committed before the database closed, and the folder opens again as it was left.
    const pglite = new PGlite(path.join(root, "pglite"));
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    try {
      const attachment = await db.attachment.findFirstOrThrow({ where: { dossierId } });
      expect(attachment).toMatchObject({
        fileName: "Budget prévisionnel.pdf",
        sizeBytes: file.length,
        sha256: createHash("sha256").update(file).digest("hex"),
      });
      const stored = await readdir(path.join(root, "files"), { recursive: true, withFileTypes: true });
      const files = stored.filter((entry) => entry.isFile());
      expect(files).toHaveLength(1);
      const bytes = await readFile(path.join(files[0]!.parentPath, files[0]!.name));
      expect(bytes.equals(file)).toBe(true);
    } finally {
      await db.$disconnect();
      await pglite.close();
    }
  }, 30_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("server.mjs in production on PostgreSQL", () => {
  let database: TestDatabase;
  let server: AppServer;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    server = await startAppServer({ databaseUrl: database.url });
  }, 60_000);

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await admin?.end();
    await database?.close();
  });

  it("answers 503 in French while PostgreSQL refuses connections, then 200 again by itself", async () => {
    const name = new URL(database.url).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name],
    );
    const down = await probeUntil(`${server.url}/healthz`, withStatus(503));
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body!)).toEqual({
      status: "indisponible",
      database: "injoignable",
      message: expect.stringMatching(/^La base de données est injoignable/),
    });

    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    expect((await probeUntil(`${server.url}/healthz`, withStatus(200))).status).toBe(200);
    expect(await server.stop("SIGTERM")).toBe(0);
  }, 30_000);
});
