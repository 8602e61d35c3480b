// Accounts: sign up, sign in, email verification, password reset and change.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";
import { AUDIT_ACTIONS } from "~/domain/audit";
import { needsSecondFactor } from "~/domain/staff-security";
import { appUrl } from "~/env.server";
import { passwordReset } from "~emails/password-reset";
import { verifyEmail } from "~emails/verify-email";

import { enqueueEmail } from "~/services/platform/outbox.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import {
  checkLoginRateLimit,
  clearAccountFailures,
  rateLimitMessage,
  recordLoginFailure,
} from "./rate-limit.server";
import { revokeAllSessions } from "./sessions.server";
import { hashToken, newToken } from "./tokens.server";

const VERIFICATION_TTL_MS = 48 * 60 * 60_000;
const RESET_TTL_MS = 60 * 60_000;

export type AccountResult<T = undefined> =
  { ok: true; value: T } | { ok: false; error: string; field?: string };

export async function signUp(
  db: PrismaClient,
  input: { firstName: string; lastName: string; email: string; password: string },
  now: Date = new Date(),
): Promise<AccountResult<{ userId: string }>> {
  const email = normalizeEmail(input.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return EMAIL_TAKEN;
  const passwordHash = await hashPassword(input.password);
  const { token, tokenHash } = newToken();
  // The account, its verification link and the email that carries it are written together or not at all.
  const user = await db
    .$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email,
          firstName: input.firstName,
          lastName: input.lastName,
          passwordHash,
          role: "APPLICANT",
          createdAt: now,
        },
      });
      await tx.userToken.create({
        data: {
          tokenHash,
          purpose: "EMAIL_VERIFICATION",
          userId: created.id,
          expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
        },
      });
      await enqueueEmail(tx, {
        to: created.email,
        ...verifyEmail({ firstName: created.firstName, url: appUrl(`/verifier-email/${token}`) }),
      });
      await tx.auditLog.create({ data: { actorId: created.id, action: AUDIT_ACTIONS.signUp } });
      return created;
    })
    // Two sign-ups with one address at the same instant: the unique index refuses the second.
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!user) return EMAIL_TAKEN;
  return { ok: true, value: { userId: user.id } };
}

const EMAIL_TAKEN = {
  ok: false,
  field: "email",
  error:
    "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.",
} as const;

/** Addresses are stored lower-cased and trimmed (see the User model), whoever calls these services. */
const normalizeEmail = (email: string) => email.trim().toLowerCase();

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export async function resendVerification(db: PrismaClient, userId: string, now: Date = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.emailVerifiedAt) return;
  const { token, tokenHash } = newToken();
  await db.$transaction(async (tx) => {
    await tx.userToken.create({
      data: {
        tokenHash,
        purpose: "EMAIL_VERIFICATION",
        userId,
        expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
      },
    });
    await enqueueEmail(tx, {
      to: user.email,
      ...verifyEmail({ firstName: user.firstName, url: appUrl(`/verifier-email/${token}`) }),
    });
  });
}

async function consumeToken(
  db: PrismaClient | Prisma.TransactionClient,
  token: string,
  purpose: "EMAIL_VERIFICATION" | "PASSWORD_RESET",
  now: Date,
) {
  const stored = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!stored || stored.purpose !== purpose || stored.usedAt || stored.expiresAt <= now) return null;
  // Single use even under concurrent clicks: only one update sees usedAt still null.
  const { count } = await db.userToken.updateMany({
    where: { id: stored.id, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1 ? stored : null;
}

export async function confirmEmail(
  db: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<AccountResult> {
  const stored = await consumeToken(db, token, "EMAIL_VERIFICATION", now);
  if (!stored) {
    return {
      ok: false,
      error: "Ce lien de confirmation n’est plus valable. Demandez-en un nouveau depuis votre compte.",
    };
  }
  await db.user.update({ where: { id: stored.userId }, data: { emailVerifiedAt: now } });
  await db.auditLog.create({ data: { actorId: stored.userId, action: AUDIT_ACTIONS.emailVerified } });
  return { ok: true, value: undefined };
}

/** Sends a reset link if the account exists; says nothing either way (no account enumeration). */
export async function requestPasswordReset(db: PrismaClient, email: string, now: Date = new Date()) {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!user || user.deactivatedAt) return;
  const { token, tokenHash } = newToken();
  await db.$transaction(async (tx) => {
    await tx.userToken.create({
      data: {
        tokenHash,
        purpose: "PASSWORD_RESET",
        userId: user.id,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      },
    });
    await enqueueEmail(tx, {
      to: user.email,
      ...passwordReset({ firstName: user.firstName, url: appUrl(`/reinitialiser-mot-de-passe/${token}`) }),
    });
    await tx.auditLog.create({ data: { actorId: user.id, action: AUDIT_ACTIONS.passwordResetRequested } });
  });
}

export async function isResetTokenValid(db: PrismaClient, token: string, now: Date = new Date()) {
  const stored = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return Boolean(stored && stored.purpose === "PASSWORD_RESET" && !stored.usedAt && stored.expiresAt > now);
}

/** Sets a new password and signs the person out everywhere (whoever had the old one loses access). */
export async function resetPassword(
  db: PrismaClient,
  token: string,
  password: string,
  now: Date = new Date(),
): Promise<AccountResult> {
  const passwordHash = await hashPassword(password);
  // The token, the new password and the end of every open session go together or not at all.
  const userId = await db.$transaction(async (tx) => {
    const stored = await consumeToken(tx, token, "PASSWORD_RESET", now);
    if (!stored) return null;
    await tx.user.update({ where: { id: stored.userId }, data: { passwordHash } });
    await revokeAllSessions(tx, stored.userId, now);
    await tx.auditLog.create({ data: { actorId: stored.userId, action: AUDIT_ACTIONS.passwordReset } });
    return stored.userId;
  });
  if (!userId) {
    return {
      ok: false,
      error: "Ce lien de réinitialisation n’est plus valable. Faites une nouvelle demande.",
    };
  }
  return { ok: true, value: undefined };
}

export async function changePassword(
  db: PrismaClient,
  userId: string,
  currentPassword: string,
  password: string,
): Promise<AccountResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    return { ok: false, field: "currentPassword", error: "Le mot de passe actuel est incorrect." };
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  await db.auditLog.create({ data: { actorId: userId, action: AUDIT_ACTIONS.passwordChanged } });
  return { ok: true, value: undefined };
}

export const INVALID_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

/** Checks credentials under the per-account and per-address limits. */
export async function authenticate(
  db: PrismaClient,
  credentials: { email: string; password: string; ip: string; now?: Date },
): Promise<AccountResult<{ userId: string; role: UserRole; secondFactor: boolean }>> {
  const { password, ip, now = new Date() } = credentials;
  // One account, one failure count: "Alice@" and "alice@" must not get 5 tries each.
  const email = normalizeEmail(credentials.email);
  const verdict = await checkLoginRateLimit(db, { email, ip, now });
  if (verdict.limited) {
    await db.auditLog.create({ data: { action: AUDIT_ACTIONS.signInRateLimited, details: { email }, ip } });
    return { ok: false, error: rateLimitMessage(verdict.retryAt, now) };
  }
  const user = await db.user.findUnique({ where: { email } });
  // Verify against a hash even when the account does not exist, so timing does not reveal it.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.deactivatedAt) {
    await recordLoginFailure(db, { email, ip, now });
    await db.auditLog.create({
      data: { actorId: user?.id ?? null, action: AUDIT_ACTIONS.signInFailed, details: { email }, ip },
    });
    return { ok: false, error: INVALID_CREDENTIALS };
  }
  // With a second factor, the failures are cleared (and the sign-in audited) only once its code is right:
  // the password again must not give a thief 5 more codes to try.
  const secondFactor = needsSecondFactor(user);
  if (!secondFactor) {
    await clearAccountFailures(db, email);
    await db.auditLog.create({ data: { actorId: user.id, action: AUDIT_ACTIONS.signIn, ip } });
  }
  return { ok: true, value: { userId: user.id, role: user.role, secondFactor } };
}
