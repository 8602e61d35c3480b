// The portal as production runs it, for tests that need real HTTP: `node server.mjs` on the production
// build, in its own process, on a free port, against a database of the test's choosing. Several can run at
// once against one PostgreSQL (the multi-instance tests). The build is made once if it is missing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { createCookie } from "@remix-run/node";
import type { ParsedMail } from "mailparser";

import type { PrismaClient } from "~/generated/prisma/client";
import { createSession } from "~/services/accounts/sessions.server";

import { startSmtpServer, type TestSmtpServer } from "./smtp";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  url: string;
  port: number;
  /** Everything the process wrote on stdout (JSON request logs among it) and stderr. */
  output(): string;
  /**
   * What the server's outbox delivered to the SMTP server started for it (production requires one), parsed;
   * empty when the test named its own (SMTP_URL or SMTP_HOST in `env`).
   */
  mails(): Promise<ParsedMail[]>;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  process: ChildProcess;
}

export interface AppServerOptions {
  /** `postgresql://…` (a test database's url) or `pglite:<dir>`; never `pglite:memory` (another process). */
  databaseUrl: string;
  /**
   * Extra environment: SMTP_URL, OUTBOX_WORKER, INSTRUCTION_JOBS, LOG_REQUESTS… Without SMTP_URL or SMTP_HOST
   * (production refuses to start without an SMTP relay), a local SMTP server is started for this server.
   */
  env?: Record<string, string | undefined>;
  /** How long to wait for /healthz to answer 200. */
  startTimeoutMs?: number;
}

/** Builds the app once per test run when build/index.js is missing (`npm test` builds before e2e only). */
export function ensureBuild(): void {
  if (existsSync(path.join(ROOT, "build/index.js"))) return;
  const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "pipe", encoding: "utf8" });
  if (result.status !== 0) throw new Error(`remix build a échoué :\n${result.stdout}\n${result.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The session secret of the servers started here: what signs their cookies and unsubscribe links. */
export const APP_SERVER_SESSION_SECRET = "test-session-secret-not-for-production";

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  ensureBuild();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const scratch = await mkdtemp(path.join(tmpdir(), "portail-app-"));
  const given = options.env ?? {};
  const smtp: TestSmtpServer | null =
    Object.hasOwn(given, "SMTP_URL") || Object.hasOwn(given, "SMTP_HOST") ? null : await startSmtpServer();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: APP_SERVER_SESSION_SECRET,
      STORAGE_DIR: path.join(scratch, "files"),
      MAIL_DIR: path.join(scratch, "mail"),
      APP_URL: url,
      PORT: String(port),
      SMTP_URL: smtp ? `smtp://127.0.0.1:${smtp.port}` : undefined,
      SMTP_HOST: undefined,
      ...options.env,
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // The SMTP server outlives the process, so the outbox's last sends land; it closes once the process ends.
  void exited.then(() => smtp?.close());

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.mjs s’est arrêté au démarrage :\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server.mjs ne répond pas sur ${url}/healthz :\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    process: child,
    output: () => output,
    mails: async () => (smtp ? smtp.messages() : []),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The session cookie the server would set at sign-in for `userId`, signed with that server's secret. */
export async function sessionCookieFor(db: PrismaClient, userId: string, secret: string): Promise<string> {
  const token = await createSession(db, userId);
  const cookie = await createCookie("portail_session", { secrets: [secret] }).serialize(token);
  return cookie.split(";")[0]!;
}
