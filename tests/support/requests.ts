// Building the Requests a browser would send, to call loaders and actions directly in integration tests.
const ORIGIN = "http://localhost:3000";

export interface RequestOptions {
  /** A `Cookie` header value, e.g. from `cookieFrom(response)`. */
  cookie?: string;
  headers?: Record<string, string>;
}

function headersFor(options: RequestOptions): Headers {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  return headers;
}

/** A GET of `path` (relative to the portal's origin). */
export function getRequest(path: string, options: RequestOptions = {}): Request {
  return new Request(new URL(path, ORIGIN), { method: "GET", headers: headersFor(options) });
}

/** A POST of an HTML form (urlencoded, as without JavaScript); repeated fields are given as arrays. */
export function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  options: RequestOptions = {},
): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  const headers = headersFor(options);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  headers.set("Origin", ORIGIN);
  return new Request(new URL(path, ORIGIN), { method: "POST", headers, body });
}

/**
 * The `Cookie` header a browser would send back after `response`: every `Set-Cookie` reduced to `name=value`.
 * Cookies being cleared (Max-Age=0 or an expiry in the past) are left out. Empty string when there are none.
 */
export function cookieFrom(response: Response | Headers): string {
  const headers = response instanceof Headers ? response : response.headers;
  return headers
    .getSetCookie()
    .filter((cookie) => !/;\s*max-age=0\b/i.test(cookie) && !isExpired(cookie))
    .map((cookie) => cookie.split(";", 1)[0]!.trim())
    .join("; ");
}

function isExpired(cookie: string): boolean {
  const match = /;\s*expires=([^;]+)/i.exec(cookie);
  return match ? Date.parse(match[1]!) <= Date.now() : false;
}
