// Sessions live in the database so they can be listed and revoked (sign out everywhere, deactivation).
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { sessionStillValid, touchIntervalMs, type StaffSessionPolicy } from "~/domain/staff-security";

import { hashToken, newToken } from "./tokens.server";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** The defaults of STAFF_SESSION_IDLE_MINUTES and STAFF_SESSION_MAX_HOURS. */
export const DEFAULT_STAFF_SESSION: StaffSessionPolicy = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };

export interface CurrentUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: UserRole;
  emailVerified: boolean;
  funderOrganisationId: string | null;
}

export async function createSession(
  db: PrismaClient,
  userId: string,
  meta: { userAgent?: string | null; ip?: string | null; now?: Date } = {},
): Promise<string> {
  const now = meta.now ?? new Date();
  const { token, tokenHash } = newToken();
  await db.session.create({
    data: {
      tokenHash,
      userId,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return token;
}

/**
 * The user behind a session token, or null if the session is unknown, expired (a staff session also when
 * idle too long or too old), revoked or deactivated. lastSeenAt (and the sliding expiry) are written at
 * most every few minutes, not on every request.
 */
export async function findSessionUser(
  db: PrismaClient,
  token: string,
  now: Date = new Date(),
  policy: StaffSessionPolicy = DEFAULT_STAFF_SESSION,
): Promise<(CurrentUser & { sessionId: string }) | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.user.deactivatedAt) return null;
  if (!sessionStillValid(session, session.user.role, policy, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > touchIntervalMs(session.user.role, policy)) {
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  const { user } = session;
  return {
    sessionId: session.id,
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    funderOrganisationId: user.funderOrganisationId,
  };
}

export async function revokeSession(db: PrismaClient, token: string, now: Date = new Date()) {
  await db.session.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null },
    data: { revokedAt: now },
  });
}

export async function revokeAllSessions(
  db: PrismaClient | Prisma.TransactionClient,
  userId: string,
  now: Date = new Date(),
) {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

export async function listActiveSessions(
  db: PrismaClient,
  user: { id: string; role: UserRole },
  now: Date = new Date(),
  policy: StaffSessionPolicy = DEFAULT_STAFF_SESSION,
) {
  const sessions = await db.session.findMany({
    where: { userId: user.id, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      userAgent: true,
      ip: true,
    },
  });
  return sessions.filter((session) => sessionStillValid(session, user.role, policy, now));
}

/** Closes one of the person's own sessions (another's id changes nothing); true if it was open. */
export async function closeOwnSession(
  db: PrismaClient,
  input: { userId: string; sessionId: string; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: input.sessionId, userId: input.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count > 0) {
      await tx.auditLog.create({
        data: {
          actorId: input.userId,
          action: AUDIT_ACTIONS.sessionClosed,
          targetType: "Session",
          targetId: input.sessionId,
          createdAt: now,
        },
      });
    }
    return count > 0;
  });
}
