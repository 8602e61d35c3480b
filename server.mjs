// Production and development HTTP server: Express in front of the Remix build, with security headers,
// per-request CSP nonces, JSON request logs, background work and graceful shutdown.
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import express from "express";
import helmet from "helmet";

installGlobals({ nativeFetch: true });

const buildPath = path.resolve("build/index.js");

// The configuration is checked (app/env.server.ts) before anything is served: in production, a missing
// session secret, SMTP relay or public address, or any malformed value, stops the process here with the
// French list of what to fix, rather than at the first request or the first email.
let build;
let config;
try {
  build = await import(pathToFileURL(buildPath).href);
  config = build.entry.module.checkEnvironment();
} catch (error) {
  if (error?.name !== "EnvironmentError") throw error;
  console.error(error.message);
  process.exit(1);
}
const production = config.production;

const app = express();
app.disable("x-powered-by");
// Express reads a number as a count of proxies and a string as addresses: « 1 » is one hop, not an address.
const trustProxy = config.TRUST_PROXY;
if (trustProxy) {
  app.set(
    "trust proxy",
    /^\d+$/.test(trustProxy)
      ? Number(trustProxy)
      : trustProxy === "true"
        ? true
        : trustProxy === "false"
          ? false
          : trustProxy,
  );
}

// Addresses that carry a single-use secret (invitations, password resets, email checks): the log keeps which
// page was asked, never the token, which would let anyone reading the logs use the link.
const TOKEN_PATH =
  /^\/(invitations|reinitialiser-mot-de-passe|activer-mon-compte|verifier-email|desabonnement)\/[^/]+/;

/** The path as the request log writes it: no query string, token segments masked. */
function loggedPath(url) {
  return url.split("?")[0].replace(TOKEN_PATH, "/$1/…");
}

function logRequest(req, res, started) {
  const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      method: req.method,
      path: loggedPath(req.originalUrl ?? req.url ?? ""),
      status: res.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
    }) + "\n",
  );
}

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  if (config.logRequests) res.on("finish", () => logRequest(req, res, started));
  next();
});

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": production ? ["'self'"] : ["'self'", "ws:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        ...(production ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // HSTS only where the portal is served over HTTPS.
    strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  }),
);
app.use((_req, res, next) => {
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});

// CSRF defence in depth beside SameSite=Lax cookies: a state-changing request must come from our own
// origin. Browsers send Origin on every POST; Sec-Fetch-Site covers the rare case where they don't.
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  const sameOrigin = origin
    ? safeHost(origin) === req.get("host")
    : req.get("sec-fetch-site") !== "cross-site";
  if (sameOrigin) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send(
      "Requête refusée : elle ne provient pas du portail (protection contre la falsification de requêtes).",
    );
});

function safeHost(url) {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// Pages and client navigations that meet a database outage are answered 503 by app/entry.server.tsx. A
// resource route (a PDF or CSV download, the upload endpoint's JSON) gets Remix's last-resort 500 instead:
// entry.server's handleError marks the request through its load context, and its 500 is replaced here by the
// same French 503 — HTML for a browser, JSON `{ "message": … }` for a script — with Retry-After.
const OUTAGE_MESSAGE =
  "Le service est momentanément indisponible. Réessayez dans quelques instants : rien de ce que vous avez envoyé n’est perdu.";

app.use((req, res, next) => {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let replaced = false;
  const replace = () => {
    if (replaced) return true;
    if (!res.locals.databaseOutage || res.statusCode !== 500 || res.headersSent) return false;
    replaced = true;
    const json = /json/i.test(req.get("accept") ?? "") && !/text\/html/i.test(req.get("accept") ?? "");
    res.statusCode = 503;
    res.statusMessage = "Service Unavailable";
    res.removeHeader("Content-Length");
    res.removeHeader("Content-Disposition");
    res.setHeader("Retry-After", "10");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Type", json ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
    write(
      json
        ? JSON.stringify({ ok: false, message: OUTAGE_MESSAGE, error: OUTAGE_MESSAGE })
        : `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Service momentanément indisponible</title></head><body><h1>Service momentanément indisponible</h1><p>${OUTAGE_MESSAGE}</p></body></html>`,
    );
    return true;
  };
  res.write = (...args) => (replace() ? true : write(...args));
  res.end = (...args) => (replace() ? end() : end(...args));
  next();
});

app.all(
  "*",
  createRequestHandler({
    build: build.entry.module.withUserErrors(build),
    mode: build.mode,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? "inconnue",
      databaseOutage: () => (res.locals.databaseOutage = true),
    }),
  }),
);

const port = config.port;
// The public eligibility API (README) is called by other tools at high rates: it is answered here, before
// Express and Remix, whose per-request machinery costs more than the evaluation itself. It returns JSON
// only, changes nothing, and a cross-site browser cannot send it JSON without a CORS preflight we never
// grant: these headers suffice.
const API_PATH = /^\/api\/eligibility\/?(\?|$)/;
function handleApi(req, res) {
  const started = process.hrtime.bigint();
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.setHeader("Referrer-Policy", "no-referrer");
  if (production) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (config.logRequests) res.on("finish", () => logRequest(req, res, started));
  build.entry.module.eligibilityApi(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ message: "Erreur interne du serveur.", errors: {} }));
  });
}

// Set on SIGTERM: /healthz answers 503 and every response closes its connection, so a load balancer stops
// sending traffic here and keep-alive clients reconnect to another instance.
let draining = false;

const server = http.createServer((req, res) => {
  if (draining) {
    res.setHeader("Connection", "close");
    // Answered here, not by the route: draining is the HTTP server's state, not the database's.
    if (/^\/healthz\/?(\?|$)/.test(req.url ?? "")) return answerDraining(req, res);
  }
  return API_PATH.test(req.url ?? "") ? handleApi(req, res) : app(req, res);
});

function answerDraining(req, res) {
  const started = process.hrtime.bigint();
  if (config.logRequests) res.on("finish", () => logRequest(req, res, started));
  res.writeHead(503, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(
    JSON.stringify({
      status: "arret-en-cours",
      message:
        "Cette instance du portail s’arrête : les requêtes doivent être envoyées à une autre instance.",
    }),
  );
}

// Background work starts once the port is bound; shutdown waits for it before stopping it. A failure to start
// it is left unhandled on purpose: the process dies loudly rather than run without its outbox.
const backgroundWork = new Promise((resolve) => server.listen(port, resolve)).then(async () => {
  await build.entry.module.startBackgroundWork?.();
  console.log(`Portail ESS prêt sur http://localhost:${port}`);
  if (build.mode === "development") broadcastDevReady(build);
});

// Behind a load balancer, SHUTDOWN_DELAY_MS keeps serving (with /healthz at 503) until its health checks
// have taken the instance out; then new connections are refused and in-flight requests have up to
// SHUTDOWN_TIMEOUT_MS to finish before the outbox worker and jobs stop and the database closes.
const drainDelayMs = config.shutdownDelayMs;
const shutdownTimeoutMs = config.shutdownTimeoutMs;

async function shutdown(signal) {
  if (draining) return;
  draining = true;
  console.log(`${signal} reçu : arrêt propre en cours…`);
  setTimeout(() => {
    console.error("Arrêt forcé : des requêtes étaient encore en cours.");
    process.exit(1);
  }, drainDelayMs + shutdownTimeoutMs).unref();
  if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
  // Stops accepting connections; the callback runs once in-flight requests have finished.
  server.close(async () => {
    let code = 0;
    try {
      await backgroundWork;
      await build.entry.module.stopBackgroundWork?.();
    } catch (error) {
      console.error("Arrêt du travail de fond impossible :", error);
      code = 1;
    }
    console.log("Portail ESS arrêté.");
    process.exit(code);
  });
  server.closeIdleConnections();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
