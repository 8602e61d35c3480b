// The digests' unsubscribe links (List-Unsubscribe, RFC 2369; one click, RFC 8058): an address that names the
// digest and the person, signed with the session secret, so it works without signing in and cannot be forged
// for someone else. Following the link shows a page with a button; a mail client's one-click POST, or that
// button, unsubscribes. A GET never changes anything: link checkers and previews open links too.
import { createHmac, timingSafeEqual } from "node:crypto";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { choosesNotificationMode } from "~/domain/notification-modes";
import { env } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { NotificationMode, UserRole } from "~/generated/prisma/enums";

export const DIGESTS = {
  /** The daily digest of Region staff (instructors, admins) who chose it. */
  "recapitulatif-quotidien": {
    title: "le récapitulatif quotidien de vos dossiers",
    effect:
      "Vous ne recevrez plus d’e-mail de notification : les événements de vos dossiers restent visibles sur le portail. Vous pouvez choisir à nouveau un e-mail par événement ou un récapitulatif par jour sur la page « Mon compte ».",
  },
  /** The funders' Monday digest of newly shared projects matching their saved filters. */
  "recapitulatif-financeurs": {
    title: "le récapitulatif hebdomadaire des projets partagés",
    effect:
      "Aucun de vos filtres enregistrés ne vous enverra plus de récapitulatif. Vous pouvez vous réabonner à chacun sur la page « Mes filtres enregistrés ».",
  },
} as const;

export type Digest = keyof typeof DIGESTS;

const isDigest = (value: string): value is Digest => Object.hasOwn(DIGESTS, value);

function signature(secret: string, digest: Digest, userId: string): Buffer {
  return createHmac("sha256", secret).update(`unsubscribe:${digest}:${userId}`).digest().subarray(0, 18);
}

/** `<digest>.<user id>.<signature>`: what the link's last path segment holds. */
export function unsubscribeToken(digest: Digest, userId: string): string {
  const [secret] = env().sessionSecrets;
  return `${digest}.${userId}.${signature(secret!, digest, userId).toString("base64url")}`;
}

/** The person and digest a token names, when one of the session secrets (rotation) signed it; else null. */
export function readUnsubscribeToken(token: string): { digest: Digest; userId: string } | null {
  const [digest, userId, signed, ...rest] = token.split(".");
  if (!digest || !userId || !signed || rest.length > 0 || !isDigest(digest)) return null;
  if (!/^[a-z0-9]{1,64}$/i.test(userId)) return null;
  const given = Buffer.from(signed, "base64url");
  const valid = env().sessionSecrets.some((secret) => {
    const expected = signature(secret, digest, userId);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return valid ? { digest, userId } : null;
}

export function unsubscribeUrl(appUrl: string, digest: Digest, userId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/desabonnement/${unsubscribeToken(digest, userId)}`;
}

/** Whether the person still receives the digest, with the address it goes to (null: no such account). */
export async function digestSubscription(db: PrismaClient, digest: Digest, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, role: true, notificationMode: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  if (digest === "recapitulatif-quotidien") {
    if (!choosesNotificationMode(user.role)) return null;
    return { email: user.email, subscribed: user.notificationMode === NotificationMode.DAILY_DIGEST };
  }
  if (user.role !== UserRole.FUNDER) return null;
  const filters = await db.funderSavedFilter.count({ where: { userId, weeklyDigest: true } });
  return { email: user.email, subscribed: filters > 0 };
}

/**
 * Stops the digest for that person (nothing happens twice: a second click finds nothing to change) and records
 * it in the audit log. Returns false when the account no longer exists or no longer receives such a digest.
 */
export async function unsubscribeFromDigest(
  db: PrismaClient,
  input: { digest: Digest; userId: string; ip: string; oneClick: boolean },
): Promise<boolean> {
  const subscription = await digestSubscription(db, input.digest, input.userId);
  if (!subscription) return false;
  if (!subscription.subscribed) return true;
  await db.$transaction(async (tx) => {
    if (input.digest === "recapitulatif-quotidien") {
      await tx.user.update({
        where: { id: input.userId },
        data: { notificationMode: NotificationMode.NONE },
      });
    } else {
      await tx.funderSavedFilter.updateMany({
        where: { userId: input.userId, weeklyDigest: true },
        data: { weeklyDigest: false },
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: input.userId,
        action: AUDIT_ACTIONS.digestUnsubscribed,
        targetType: "User",
        targetId: input.userId,
        details: { digest: input.digest, oneClick: input.oneClick },
        ip: input.ip,
      },
    });
  });
  return true;
}
