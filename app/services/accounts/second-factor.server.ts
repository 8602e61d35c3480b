// The second factor (TOTP, RFC 6238): enrolment, the sign-in's second step and its recovery codes.
// Between the password and the code, the sign-in is a pending token (a SECOND_FACTOR UserToken, in its own
// cookie), never a session: nothing but the code page accepts it.
import { randomBytes } from "node:crypto";

import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDateTime } from "~/domain/format";
import { normalizeRecoveryCode, normalizeTotpCode } from "~/domain/staff-security";
import { UserError } from "~/domain/user-error";
import { appUrl } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";
import { recoveryCodeUsed } from "~emails/recovery-code-used";
import { secondFactorEnabled } from "~emails/second-factor-enabled";
import { enqueueEmail } from "~/services/platform/outbox.server";

import {
  checkLoginRateLimit,
  clearAccountFailures,
  rateLimitMessage,
  recordLoginFailure,
} from "./rate-limit.server";
import { hashToken, newToken } from "./tokens.server";

export const TOTP_ISSUER = "Portail ESS Centre-Val de Loire";
export const RECOVERY_CODE_COUNT = 10;
const PENDING_TTL_MS = 10 * 60_000;
/** One step (30 s) either side of the server's clock, for phones a little ahead or behind. */
const TOLERANCE_SECONDS = 30;
const WRONG_CODE =
  "Ce code n’est pas valable. Saisissez le code à six chiffres affiché maintenant par votre application.";

const expired = () =>
  new UserError("Votre connexion a expiré\u202f: saisissez de nouveau votre mot de passe.", { status: 410 });

export async function startPendingSignIn(
  db: PrismaClient,
  userId: string,
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.userToken.create({
    data: {
      tokenHash,
      userId,
      purpose: "SECOND_FACTOR",
      createdAt: now,
      expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
    },
  });
  return token;
}

/**
 * The person a pending sign-in belongs to, or null once it is expired, unknown or (unless `includeUsed`:
 * the page that shows the recovery codes right after it) used.
 */
export async function findPendingSignIn(
  db: PrismaClient,
  token: string,
  { now = new Date(), includeUsed = false } = {},
) {
  const stored = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!stored || stored.purpose !== "SECOND_FACTOR" || stored.expiresAt <= now) return null;
  if (stored.usedAt && !includeUsed) return null;
  if (stored.user.deactivatedAt) return null;
  return { tokenId: stored.id, user: stored.user };
}

/** The secret being enrolled (kept until confirmed, so a reload shows the same QR code), its QR code. */
export async function enrolmentSecret(db: PrismaClient, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt)
    throw new UserError("La double authentification est déjà activée.", { status: 409 });
  let secret = user.totpSecret;
  if (!secret) {
    secret = generateSecret();
    await db.user.update({ where: { id: userId }, data: { totpSecret: secret } });
  }
  const uri = generateURI({ issuer: TOTP_ISSUER, label: user.email, secret });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    secret,
    /** Groups of four, as authenticator apps show them, easier to type. */
    secretGroups: secret.match(/.{1,4}/g)!.join(" "),
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** The step of `code` if it is valid now (±1 step) and newer than the last accepted one, else null. */
async function acceptedStep(secret: string, code: string, lastStep: number | null, now: Date) {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

function newRecoveryCode(): string {
  // 10 base32 characters (50 random bits), shown as « ABCDE-FGHIJ ».
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const characters = [...randomBytes(10)].map((byte) => alphabet[byte % 32]).join("");
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

/**
 * Confirms the enrolment with a first code: from then on every sign-in asks for one. Returns the recovery
 * codes, shown once (only their hashes are kept). Audited and emailed to the person.
 */
export async function confirmEnrolment(
  db: PrismaClient,
  input: { userId: string; code: string; ip?: string | null; now?: Date },
): Promise<string[]> {
  const now = input.now ?? new Date();
  const code = normalizeTotpCode(input.code);
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId } });
  if (user.totpEnabledAt)
    throw new UserError("La double authentification est déjà activée.", { status: 409 });
  const step = code && user.totpSecret ? await acceptedStep(user.totpSecret, code, null, now) : null;
  if (step === null) throw new UserError(WRONG_CODE, { fieldErrors: { code: WRONG_CODE } });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (count === 0) throw new UserError("La double authentification est déjà activée.", { status: 409 });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((shown) => ({
        userId: user.id,
        codeHash: hashToken(normalizeRecoveryCode(shown)),
        createdAt: now,
      })),
    });
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        action: AUDIT_ACTIONS.secondFactorEnabled,
        ip: input.ip ?? null,
        createdAt: now,
      },
    });
    await enqueueEmail(
      tx,
      {
        to: user.email,
        ...secondFactorEnabled({
          firstName: user.firstName,
          when: formatDateTime(now),
          accountUrl: appUrl("/compte"),
        }),
      },
      { now },
    );
  });
  return codes;
}

/**
 * The sign-in's second step: a code from the app, or a recovery code (used once, audited and emailed).
 * Failures count with the password's, per account and per address. Consumes the pending sign-in.
 */
export async function verifySecondFactor(
  db: PrismaClient,
  input: { pendingToken: string; code: string; ip: string; now?: Date },
): Promise<{ userId: string; role: UserRole }> {
  const now = input.now ?? new Date();
  const pending = await findPendingSignIn(db, input.pendingToken, { now });
  if (!pending || !pending.user.totpEnabledAt || !pending.user.totpSecret) {
    throw expired();
  }
  const { user } = pending;
  const verdict = await checkLoginRateLimit(db, { email: user.email, ip: input.ip, now });
  if (verdict.limited) {
    await db.auditLog.create({
      data: {
        actorId: user.id,
        action: AUDIT_ACTIONS.signInRateLimited,
        details: { email: user.email },
        ip: input.ip,
      },
    });
    const message = rateLimitMessage(verdict.retryAt, now);
    throw new UserError(message, { status: 429, fieldErrors: { code: message } });
  }
  const totp = normalizeTotpCode(input.code);
  const accepted = await db.$transaction(async (tx) => {
    if (totp) {
      const step = await acceptedStep(user.totpSecret!, totp, user.totpLastStep, now);
      if (step === null) return false;
      // Only one of two simultaneous sign-ins with the same code gets through.
      const { count } = await tx.user.updateMany({
        where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (count === 0) return false;
    } else {
      const codeHash = hashToken(normalizeRecoveryCode(input.code));
      const { count } = await tx.recoveryCode.updateMany({
        where: { userId: user.id, codeHash, usedAt: null },
        data: { usedAt: now },
      });
      if (count === 0) return false;
      const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
      await tx.auditLog.create({
        data: {
          actorId: user.id,
          action: AUDIT_ACTIONS.secondFactorRecoveryUsed,
          details: { remaining },
          ip: input.ip,
          createdAt: now,
        },
      });
      await enqueueEmail(
        tx,
        {
          to: user.email,
          ...recoveryCodeUsed({
            firstName: user.firstName,
            when: formatDateTime(now),
            remaining,
            accountUrl: appUrl("/compte"),
          }),
        },
        { now },
      );
    }
    // A pending sign-in opens one session at most (the rollback keeps the code unused otherwise).
    const used = await tx.userToken.updateMany({
      where: { id: pending.tokenId, usedAt: null },
      data: { usedAt: now },
    });
    if (used.count === 0) throw expired();
    return true;
  });
  if (!accepted) {
    await recordLoginFailure(db, { email: user.email, ip: input.ip, now });
    await db.auditLog.create({
      data: { actorId: user.id, action: AUDIT_ACTIONS.secondFactorFailed, ip: input.ip, createdAt: now },
    });
    throw new UserError(WRONG_CODE, { fieldErrors: { code: WRONG_CODE } });
  }
  await clearAccountFailures(db, user.email);
  await db.auditLog.create({
    data: { actorId: user.id, action: AUDIT_ACTIONS.signIn, ip: input.ip, createdAt: now },
  });
  return { userId: user.id, role: user.role };
}

/** Ends a pending sign-in once its enrolment is confirmed (the session replaces it). */
export async function endPendingSignIn(db: PrismaClient, tokenId: string, now = new Date()) {
  await db.userToken.updateMany({ where: { id: tokenId, usedAt: null }, data: { usedAt: now } });
}
