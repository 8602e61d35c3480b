// Limits on what sends an email or creates an account — per target address and per client address, counted
// in the database like failed sign-ins (LoginAttempt rows, keys prefixed by the act), so they hold across
// every instance. The answer never depends on whether an account exists: a reset asked for an unknown
// address counts and is limited exactly like one for a real account.
import type { PrismaClient } from "~/generated/prisma/client";
import { UserError } from "~/domain/user-error";

export const SEND_LIMITS = {
  /** « Mot de passe oublié »: a few links an hour to one address, more from one network. */
  passwordReset: { windowMs: 60 * 60_000, perTarget: 3, perClient: 10, what: "demandes de réinitialisation" },
  /** Accounts created from one network (an association's office shares one address). */
  signUp: { windowMs: 60 * 60_000, perTarget: 3, perClient: 20, what: "créations de compte" },
  /** « Renvoyer l’e-mail de confirmation ». */
  verification: {
    windowMs: 60 * 60_000,
    perTarget: 3,
    perClient: 10,
    what: "envois de l’e-mail de confirmation",
  },
  /** Invitations to join an organisation: an owner invites a board, not a mailing list. */
  invitation: { windowMs: 60 * 60_000, perTarget: 3, perClient: 30, what: "invitations" },
} as const;

export type SendKind = keyof typeof SEND_LIMITS;

/** A 429 in French: how long to wait, never whether the address has an account. */
export class SendLimitError extends UserError {
  constructor(kind: SendKind, retryAt: Date, now: Date) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
    super(
      `Trop ${/^[aeiouéh]/i.test(SEND_LIMITS[kind].what) ? "d’" : "de "}${SEND_LIMITS[kind].what} en peu de temps. Réessayez dans ${minutes}\u00a0minute${minutes > 1 ? "s" : ""}.`,
      { status: 429 },
    );
    this.name = "SendLimitError";
  }
}

const keysOf = (input: { kind: SendKind; target: string; client: string }) => ({
  targetKey: `${input.kind}:${input.target.trim().toLowerCase()}`,
  clientKey: `${input.kind}:${input.client}`,
});

/**
 * Throws SendLimitError when `target` (an email address) or `client` (the IP address) has reached its limit
 * of `kind` within the window. Writes nothing: `recordSend` counts the act once it is done.
 */
export async function checkSendAllowance(
  db: PrismaClient,
  input: { kind: SendKind; target: string; client: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const limit = SEND_LIMITS[input.kind];
  const since = new Date(now.getTime() - limit.windowMs);
  const { targetKey, clientKey } = keysOf(input);
  const [byTarget, byClient] = await Promise.all([
    db.loginAttempt.findMany({
      where: { scope: "ACCOUNT", key: targetKey, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { scope: "IP", key: clientKey, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const retryAts: number[] = [];
  if (byTarget.length >= limit.perTarget)
    retryAts.push(byTarget[byTarget.length - limit.perTarget]!.createdAt.getTime() + limit.windowMs);
  if (byClient.length >= limit.perClient)
    retryAts.push(byClient[byClient.length - limit.perClient]!.createdAt.getTime() + limit.windowMs);
  if (retryAts.length > 0) throw new SendLimitError(input.kind, new Date(Math.max(...retryAts)), now);
}

/** Counts one act of `kind` done for `target` from `client`. */
export async function recordSend(
  db: PrismaClient,
  input: { kind: SendKind; target: string; client: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const { targetKey, clientKey } = keysOf(input);
  await db.loginAttempt.createMany({
    data: [
      { scope: "ACCOUNT", key: targetKey, createdAt: now },
      { scope: "IP", key: clientKey, createdAt: now },
    ],
  });
}

/** Checks, then counts: for acts that always happen once allowed (a reset asked, a confirmation resent). */
export async function consumeSendAllowance(
  db: PrismaClient,
  input: { kind: SendKind; target: string; client: string; now?: Date },
): Promise<void> {
  await checkSendAllowance(db, input);
  await recordSend(db, input);
}
