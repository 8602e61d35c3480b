// Who may see what: every loader and action goes through these before reading anything.
import { redirect } from "@remix-run/node";

import type { PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";

import type { StaffSessionPolicy } from "~/domain/staff-security";

import { DEFAULT_STAFF_SESSION, findSessionUser, type CurrentUser } from "./sessions.server";

export const FORBIDDEN_MESSAGE = "Vous n’avez pas accès à cette page.";

export function forbidden(message = FORBIDDEN_MESSAGE): Response {
  return new Response(message, { status: 403, statusText: "Accès refusé" });
}

export type SessionTokenReader = (request: Request) => Promise<string | null>;

export function createGuards(
  db: PrismaClient,
  readToken: SessionTokenReader,
  policy: () => StaffSessionPolicy = () => DEFAULT_STAFF_SESSION,
) {
  /** The signed-in person and the id of the session the request came with. */
  async function getOptionalSession(request: Request) {
    const token = await readToken(request);
    if (!token) return null;
    return findSessionUser(db, token, new Date(), policy());
  }

  async function getOptionalUser(request: Request): Promise<CurrentUser | null> {
    const user = await getOptionalSession(request);
    if (!user) return null;
    const { sessionId: _sessionId, ...current } = user;
    return current;
  }

  async function requireUser(request: Request): Promise<CurrentUser> {
    const user = await getOptionalUser(request);
    if (!user) {
      const url = new URL(request.url);
      const redirectTo = `${url.pathname}${url.search}`;
      throw redirect(`/connexion?${new URLSearchParams({ redirectTo })}`);
    }
    return user;
  }

  async function requireRole(request: Request, role: UserRole | UserRole[]): Promise<CurrentUser> {
    const user = await requireUser(request);
    const allowed = Array.isArray(role) ? role : [role];
    if (!allowed.includes(user.role)) throw forbidden();
    return user;
  }

  return { getOptionalSession, getOptionalUser, requireUser, requireRole };
}
