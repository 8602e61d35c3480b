// Latency of POST /api/eligibility through the real server (Express + the Remix build) on loopback, under
// concurrent load from autocannon, against a fresh PGlite database with the reference data only.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { generateSituations } from "./situations";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ApiBench {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  serverExitCode: number | null;
  /** CPU time the server spent per request (Linux only): what the latency is made of, load aside. */
  serverCpuMsPerRequest: number | null;
  /** One-minute load average before the measure: other work on the machine inflates the latencies. */
  loadAverageBefore: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc; null elsewhere than Linux. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Runs a command to completion; its output is shown only if it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} a échoué (${code}) :\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`Le serveur s’est arrêté (${server.exitCode}) :\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Le serveur n’a pas répondu sur /healthz en 60 s :\n${output()}`);
}

function stop(server: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve(server.exitCode);
    const killer = setTimeout(() => server.kill("SIGKILL"), 15_000);
    server.once("exit", (code) => {
      clearTimeout(killer);
      resolve(code);
    });
    server.kill("SIGTERM");
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Load {
  latencies: number[];
  statusCodes: Record<string, number>;
  result: autocannon.Result;
}

function load(options: autocannon.Options): Promise<Load> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve({ latencies, statusCodes, result }),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

/** The build is made when missing, or when it predates the eligibility API. */
async function ensureBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const buildFile = path.join(ROOT, "build/index.js");
  if (existsSync(buildFile) && readFileSync(buildFile, "utf8").includes("eligibilityApi")) return;
  console.log("Construction de l’application (npx remix build)…");
  await run("npx", ["remix", "build"], env);
}

export async function benchApi({ connections = 50, seconds = 10 } = {}): Promise<ApiBench> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "portail-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `pglite:${path.join(dataDir, "pglite")}`,
    NODE_ENV: "production",
    LOG_REQUESTS: "0",
    OUTBOX_WORKER: "0",
    SEED_DEMO: "false",
    SESSION_SECRET: randomBytes(32).toString("hex"),
  };
  let server: ChildProcess | undefined;
  try {
    await ensureBuild(env);
    await run("npx", ["prisma", "migrate", "deploy"], env);
    await run("npx", ["tsx", "seeds/index.ts"], env);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let output = "";
    server = spawn(process.execPath, ["server.mjs"], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk) => (output += chunk));
    server.stderr!.on("data", (chunk) => (output += chunk));
    await waitForHealth(baseUrl, server, () => output);

    const requests = generateSituations(500, 7).map((situation) => ({
      method: "POST" as const,
      path: "/api/eligibility",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(situation),
    }));
    const url = `${baseUrl}/api/eligibility`;
    // Not measured: lets the server's JIT and the rule-set cache warm up.
    await load({ url, connections: 10, duration: 2, requests });
    const loadAverageBefore = Math.round(loadavg()[0]! * 100) / 100;
    const cpuBefore = cpuSeconds(server.pid);
    const measured = await load({ url, connections, duration: seconds, requests });
    const cpuAfter = cpuSeconds(server.pid);

    const sorted = measured.latencies.slice().sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 100) / 100;
    const { result } = measured;
    const serverExitCode = await stop(server);
    server = undefined;
    return {
      connections,
      seconds: result.duration,
      requests: sorted.length,
      requestsPerSecond: Math.round(sorted.length / result.duration),
      latencyMs: {
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted.at(-1) ?? Number.NaN),
      },
      statusCodes: measured.statusCodes,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverExitCode,
      serverCpuMsPerRequest:
        cpuBefore === null || cpuAfter === null || sorted.length === 0
          ? null
          : round(((cpuAfter - cpuBefore) * 1000) / sorted.length),
      loadAverageBefore,
    };
  } finally {
    if (server) await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}
