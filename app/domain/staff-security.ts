// Who must prove a second factor, and how long a session lasts: the rules, without I/O.
import type { UserRole } from "~/generated/prisma/enums";

/**
 * Instructors, admins and funder members open every association's bank details and personal data: they
 * must enrol an authenticator (at their next sign-in); applicants may enrol from « Mon compte ».
 */
export function isStaffRole(role: UserRole): boolean {
  return role !== "APPLICANT";
}

/** Whether the person must give a code after their password (staff always, applicants once enrolled). */
export function needsSecondFactor(user: { role: UserRole; totpEnabledAt: Date | null }): boolean {
  return isStaffRole(user.role) || user.totpEnabledAt !== null;
}

export interface StaffSessionPolicy {
  /** A staff session ends after this long without a request… */
  idleMs: number;
  /** …and this long after it opened, whatever its activity. */
  maxMs: number;
}

/** Whether a session still holds at `now` (an applicant's has only its sliding 30-day expiry). */
export function sessionStillValid(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null },
  role: UserRole,
  policy: StaffSessionPolicy,
  now: Date,
): boolean {
  if (session.revokedAt || session.expiresAt <= now) return false;
  if (!isStaffRole(role)) return true;
  return (
    now.getTime() - session.lastSeenAt.getTime() <= policy.idleMs &&
    now.getTime() - session.createdAt.getTime() <= policy.maxMs
  );
}

/** How often lastSeenAt is written: at most every 5 minutes, and often enough for the idle expiry. */
export function touchIntervalMs(role: UserRole, policy: StaffSessionPolicy): number {
  const everyFive = 5 * 60_000;
  return isStaffRole(role) ? Math.min(everyFive, Math.floor(policy.idleMs / 6)) : everyFive;
}

/** Recovery codes as shown: « ABCDE-FGHIJ »; typed with or without the dash, in any case. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z2-7]/g, "");
}

/** A TOTP code as typed: six digits, spaces allowed (« 123 456 »). */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}
