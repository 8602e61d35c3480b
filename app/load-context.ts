declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy, for inline scripts. */
    cspNonce: string;
    /** The client's address (behind a proxy, set TRUST_PROXY so Express reads X-Forwarded-For). */
    clientIp: string;
  }
  // Single Fetch types for useLoaderData/useActionData (future flag v3_singleFetch is on).
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
