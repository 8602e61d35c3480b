import type { IncomingMessage, ServerResponse } from "node:http";

import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { db } from "~/db.server";
import { NonceProvider } from "~/nonce";
import { wellFormedHtml } from "~/services/platform/html-stream.server";
import { handleEligibilityNode } from "~/services/schemes/eligibility.server";

export { checkEnvironment } from "~/env.server";
export { startBackgroundWork, stopBackgroundWork } from "~/lifecycle.server";
/** server.mjs serves the build through it: a UserError a route lets through becomes its French error page. */
export { withUserErrors } from "~/services/platform/http.server";

/** POST /api/eligibility, mounted by server.mjs ahead of Remix (see handleEligibilityNode). */
export const eligibilityApi = (request: IncomingMessage, response: ServerResponse) =>
  handleEligibilityNode(db, request, response);

const ABORT_DELAY = 5_000;

/** Seconds a client or a load balancer is asked to wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = "10";

/**
 * Requests that failed because the database could not be reached: handleError sees the original error,
 * before Remix replaces it with an anonymous one, and the rendering below answers them with a 503.
 */
const databaseOutages = new WeakSet<Request>();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", RETRY_AFTER_SECONDS);
  else if (databaseOutages.has(request)) {
    // Remix renders a Response thrown here again, as a route error response at the nearest error boundary:
    // the root's French 503 page, with the same 503 in the state the browser hydrates.
    throw new Response("Service momentanément indisponible.", {
      status: 503,
      statusText: "Service Unavailable",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = wellFormedHtml();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; earlier ones reach onShellError.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Server errors worth a log line: not a page that does not exist or a request the browser abandoned,
 * which are ordinary traffic and answered with their own French page. A database outage is one short
 * line per request rather than a stack trace, and its request is answered with a 503.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (error instanceof Response) return; // thrown by handleRequest above, already accounted for
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (isDatabaseUnavailable(error)) {
    databaseOutages.add(request);
    // A resource route's 500 is turned into the same 503 by server.mjs, which this tells.
    if (typeof context?.databaseOutage === "function") context.databaseOutage();
    console.error(`Base de données injoignable (${new URL(request.url).pathname}) : ${lastLine(error)}`);
    return;
  }
  console.error(error);
}

/**
 * Client-side navigations (`.data` requests) hitting a database outage: the same 503 status and
 * Retry-After, so that proxies and monitoring count them as unavailability, not as bugs.
 */
export function handleDataRequest(response: Response, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (response.status !== 500 || !databaseOutages.has(request)) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  return new Response(response.body, { status: 503, statusText: "Service Unavailable", headers });
}

// Prisma's codes for a server it cannot reach, a connection it lost, or a pool it waited too long on.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What @prisma/adapter-pg calls the same faults (DriverAdapterError.cause.kind).
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);
// SQLSTATE classes 08 (connection exception) and 57P01-57P03 (shutdown, crash, starting up).
const POSTGRES_UNAVAILABLE = /^(08|57P0[123])/;
// node-postgres reports a connection lost inside a transaction with these messages only, no code.
const DRIVER_MESSAGES =
  /Connection terminated|not queryable|Server has closed the connection|Can't reach database server|timeout exceeded when trying to connect/i;

/**
 * Whether `error` means the database is away (restarting, unreachable, connections cut) rather than a
 * bug: Prisma wraps the driver's error in `meta.driverAdapterError` or `cause`, which are followed.
 */
function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false;
  const { name, code, kind, message, meta, cause } = error as Record<string, unknown>;
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && (PRISMA_UNAVAILABLE.has(code) || SOCKET_CODES.has(code))) return true;
  if (typeof kind === "string" && ADAPTER_UNAVAILABLE.has(kind)) return true;
  if (
    typeof code === "string" &&
    (kind === "postgres" || "severity" in error) &&
    POSTGRES_UNAVAILABLE.test(code)
  )
    return true;
  if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
  const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return isDatabaseUnavailable(adapterError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1) ?? message;
}
