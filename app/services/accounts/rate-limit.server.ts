// Failed sign-ins are counted in the database, so the limits hold across every app instance.
import type { PrismaClient } from "~/generated/prisma/client";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type RateLimitVerdict = { limited: false } | { limited: true; retryAt: Date };

export async function checkLoginRateLimit(
  db: PrismaClient,
  { email, ip, now = new Date() }: { email: string; ip: string; now?: Date },
): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [account, address] = await Promise.all([
    db.loginAttempt.findMany({
      where: { scope: "ACCOUNT", key: email, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { scope: "IP", key: ip, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  // The limit lifts when enough of the oldest failures leave the window.
  const retryAts: Date[] = [];
  if (account.length >= MAX_FAILURES_PER_ACCOUNT) {
    retryAts.push(windowEnd(account[account.length - MAX_FAILURES_PER_ACCOUNT]!.createdAt));
  }
  if (address.length >= MAX_FAILURES_PER_IP) {
    retryAts.push(windowEnd(address[address.length - MAX_FAILURES_PER_IP]!.createdAt));
  }
  if (retryAts.length === 0) return { limited: false };
  return { limited: true, retryAt: new Date(Math.max(...retryAts.map((date) => date.getTime()))) };
}

const windowEnd = (date: Date) => new Date(date.getTime() + LOGIN_WINDOW_MS);

export async function recordLoginFailure(
  db: PrismaClient,
  { email, ip, now = new Date() }: { email: string; ip: string; now?: Date },
) {
  await db.loginAttempt.createMany({
    data: [
      { scope: "ACCOUNT", key: email, createdAt: now },
      { scope: "IP", key: ip, createdAt: now },
    ],
  });
}

/** A successful sign-in clears the account's failures (not the address's: others may share it). */
export async function clearAccountFailures(db: PrismaClient, email: string) {
  await db.loginAttempt.deleteMany({ where: { scope: "ACCOUNT", key: email } });
}

export function rateLimitMessage(retryAt: Date, now: Date = new Date()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `Trop de tentatives de connexion. Pour protéger votre compte, réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

/** Failed sign-ins and the sends counted by the limits are needed for an hour at most: kept a day, then deleted. */
export const ATTEMPT_KEEP_MS = 24 * 60 * 60_000;

/** Deletes the counted attempts older than a day (run with the periodic jobs); returns how many went. */
export async function purgeOldAttempts(db: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - ATTEMPT_KEEP_MS) } },
  });
  return count;
}
