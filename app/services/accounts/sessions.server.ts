// Sessions live in the database so they can be listed and revoked (sign out everywhere, deactivation).
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";

import { hashToken, newToken } from "./tokens.server";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** lastSeenAt (and the sliding expiry) are written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

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

/** The user behind a session token, or null if the session is unknown, expired, revoked or deactivated. */
export async function findSessionUser(
  db: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<(CurrentUser & { sessionId: string }) | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.deactivatedAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
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

export async function listActiveSessions(db: PrismaClient, userId: string, now: Date = new Date()) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
  });
}
