// One HTTP measure with autocannon on loopback against the app server: a warm-up that is not counted, then
// `seconds` of load; latencies are taken from every response (not autocannon's histogram buckets) so p50
// and p95 are exact. A request whose status is not the expected one is counted as a failure.
import autocannon from "autocannon";

export interface HttpTarget {
  name: string;
  method?: "GET" | "POST";
  /** A fixed path, or one computed for each request (cycling over ids, distinct drafts). */
  path: string | (() => string);
  headers?: Record<string, string>;
  /** A fixed body, or one computed for each request (varied eligibility questions). */
  body?: string | (() => string);
  /** The status a good answer has: 200 for pages, 302 for a filing's redirect. */
  expectStatus: number;
}

export interface HttpResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  /** Answers with another status than expected, connection errors and timeouts. */
  failures: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function run(
  baseUrl: string,
  target: HttpTarget,
  connections: number,
  seconds: number,
): Promise<{ latencies: number[]; statusCodes: Record<string, number>; result: autocannon.Result }> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const { path, body } = target;
  const varies = typeof path === "function" || typeof body === "function";
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        // The app refuses a state-changing request from another origin (CSRF).
        headers: { origin: baseUrl, ...target.headers },
        requests: [
          {
            method: target.method ?? "GET",
            path: typeof path === "string" ? path : "/",
            body: typeof body === "string" ? body : undefined,
            // Called for every request, with counters shared by all connections: no two send the same draft.
            ...(varies
              ? {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    path: typeof path === "function" ? path() : path,
                    ...(typeof body === "function" ? { body: body() } : {}),
                  }),
                }
              : {}),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ latencies, statusCodes, result })),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

/**
 * Waits until the server answers a trivial request quickly again: autocannon stops sending when its time is
 * up, but the server still finishes the requests it had started, which would weigh on the next measure.
 */
export async function settle(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${baseUrl}/healthz`).then((response) => response.arrayBuffer());
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function measure(
  baseUrl: string,
  target: HttpTarget,
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<HttpResult> {
  await settle(baseUrl);
  if (options.warmupSeconds > 0) {
    await run(baseUrl, target, options.connections, options.warmupSeconds);
    await settle(baseUrl);
  }
  const { latencies, statusCodes, result } = await run(baseUrl, target, options.connections, options.seconds);
  const sorted = latencies.slice().sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  const unexpected = sorted.length - (statusCodes[target.expectStatus] ?? 0);
  return {
    name: target.name,
    connections: options.connections,
    seconds: result.duration,
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    rps: round(sorted.length / result.duration),
    // No answer at all within the measure is a failure too, not a silent zero.
    failures: unexpected + result.errors + result.timeouts + (sorted.length === 0 ? 1 : 0),
    statusCodes,
  };
}
