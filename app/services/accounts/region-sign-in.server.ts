// Single sign-on for Region staff (OpenID Connect, e.g. the Region's own provider or ProConnect): the
// authorization-code flow with PKCE, state and nonce, through openid-client. The identity is linked to an
// existing staff account by its verified email only; it never creates an account. The provider is trusted
// for the second factor (ProConnect and the Region's providers enforce their own): an SSO sign-in opens a
// session without the portal's TOTP step.
import * as oidc from "openid-client";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { isStaffRole } from "~/domain/staff-security";
import { isInvitationPending } from "~/domain/staff-accounts";
import { UserError } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";

export interface RegionProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's callback, as registered with the provider. */
  redirectUri: string;
}

/** What the browser keeps (in a signed, HttpOnly cookie) between leaving for the provider and coming back. */
export interface RegionSignInFlow {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's metadata, discovered once per process (a failed discovery is tried again next time). */
function configuration(provider: RegionProvider): Promise<oidc.Configuration> {
  const key = `${provider.issuer} ${provider.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(provider.issuer);
    // Plain http only for a provider on this machine (the tests' own); a real one is https.
    const execute = LOOPBACK.has(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
    found = oidc.discovery(issuer, provider.clientId, provider.clientSecret, undefined, { execute });
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

export async function startRegionSignIn(
  provider: RegionProvider,
  redirectTo: string,
): Promise<{ url: string; flow: RegionSignInFlow }> {
  const config = await configuration(provider);
  const flow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    redirectTo,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: provider.redirectUri,
    scope: "openid email",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, flow };
}

export const REGION_REFUSED =
  "Aucun compte d’agent actif du portail ne correspond à l’adresse e-mail confirmée par le compte de la Région. Connectez-vous avec votre mot de passe, ou demandez à l’administration du portail de vous inviter.";
export const REGION_FAILED =
  "La connexion avec le compte de la Région n’a pas abouti. Réessayez, ou connectez-vous avec votre mot de passe.";

/**
 * Back from the provider: checks the code, state, nonce and PKCE verifier, reads the verified email, and
 * finds the staff account it belongs to. Refusals are audited and throw a UserError (403).
 */
export async function finishRegionSignIn(
  db: PrismaClient,
  provider: RegionProvider,
  input: { callbackUrl: URL; flow: RegionSignInFlow; ip: string; now?: Date },
): Promise<{ userId: string; role: UserRole }> {
  const now = input.now ?? new Date();
  const config = await configuration(provider);
  let claims: { email?: unknown; email_verified?: unknown; sub: string };
  try {
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: input.flow.verifier,
      expectedState: input.flow.state,
      expectedNonce: input.flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // ProConnect gives the email from the userinfo endpoint only; others in the ID token too.
    const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
    claims = { ...idToken, ...userInfo };
  } catch (error) {
    await refuse(db, { reason: "flow", message: String(error).slice(0, 200) }, input.ip, now);
    throw new UserError(REGION_FAILED, { status: 403 });
  }
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  if (!email || claims.email_verified !== true) {
    await refuse(db, { reason: "unverified_email", sub: claims.sub }, input.ip, now);
    throw new UserError(REGION_REFUSED, { status: 403 });
  }
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !isStaffRole(user.role) || user.deactivatedAt || isInvitationPending(user.passwordHash)) {
    await refuse(db, { reason: "no_staff_account", email }, input.ip, now);
    throw new UserError(REGION_REFUSED, { status: 403 });
  }
  await db.auditLog.create({
    data: {
      actorId: user.id,
      action: AUDIT_ACTIONS.signInRegion,
      details: { issuer: provider.issuer, sub: claims.sub },
      ip: input.ip,
      createdAt: now,
    },
  });
  return { userId: user.id, role: user.role };
}

async function refuse(db: PrismaClient, details: Record<string, string>, ip: string, now: Date) {
  await db.auditLog.create({
    data: { action: AUDIT_ACTIONS.signInRegionRefused, details, ip, createdAt: now },
  });
}
