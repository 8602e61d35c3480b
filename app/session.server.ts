// The route-facing session API: the cookie, and the guards bound to the application's database.
import { createCookie, redirect } from "@remix-run/node";

import { db } from "~/db.server";
import { checkEnvironment, env, isProduction } from "~/env.server";
import { createGuards } from "~/services/accounts/guards.server";
import { createSession, revokeSession, SESSION_TTL_MS } from "~/services/accounts/sessions.server";

export type { CurrentUser } from "~/services/accounts/sessions.server";

// In production the build does not load without what a server needs (SESSION_SECRET among it):
// server.mjs prints the French list of what is missing or wrong, and exits.
const { production, sessionSecrets, staffSession } = isProduction() ? checkEnvironment() : env();

export const sessionCookie = createCookie("portail_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: production,
  maxAge: SESSION_TTL_MS / 1000,
  // The token is already unguessable; signing is defence in depth against tampering.
  // Comma-separated to rotate: the first signs new cookies, the others are still accepted.
  secrets: sessionSecrets,
});

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export const { getOptionalSession, getOptionalUser, requireUser, requireRole } = createGuards(
  db,
  readSessionToken,
  () => staffSession,
);

/** Between the password and the second factor: the pending sign-in, for the code page only. */
export const pendingSignInCookie = createCookie("portail_connexion", {
  httpOnly: true,
  sameSite: "lax",
  path: "/connexion",
  secure: production,
  maxAge: 10 * 60,
  secrets: sessionSecrets,
});

export async function readPendingSignInToken(request: Request): Promise<string | null> {
  const value = await pendingSignInCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** From leaving for the Region's identity provider to coming back: state, nonce, PKCE verifier, way back. */
export const regionSignInCookie = createCookie("portail_connexion_region", {
  httpOnly: true,
  // Sent on the provider's top-level redirect back to the portal.
  sameSite: "lax",
  path: "/connexion/region",
  secure: production,
  maxAge: 10 * 60,
  secrets: sessionSecrets,
});

/** The Set-Cookie headers of a new session (and of the end of the pending sign-in, if any). */
export async function sessionHeaders(request: Request, userId: string, ip?: string | null): Promise<Headers> {
  const token = await createSession(db, userId, { userAgent: request.headers.get("User-Agent"), ip });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie.serialize(token));
  if (await readPendingSignInToken(request)) {
    headers.append("Set-Cookie", await pendingSignInCookie.serialize("", { maxAge: 0 }));
  }
  return headers;
}

export async function createUserSession(
  request: Request,
  userId: string,
  redirectTo: string,
  ip?: string | null,
): Promise<Response> {
  return redirect(redirectTo, { headers: await sessionHeaders(request, userId, ip) });
}

export async function signOut(request: Request, redirectTo = "/"): Promise<Response> {
  const token = await readSessionToken(request);
  if (token) await revokeSession(db, token);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}
