// Notifications to Region staff (instructors, admins). Each chooses, on their account page, one email per
// event or one digest a day — email overload is the first complaint of instructors on comparable portals.
// Written in the caller's transaction, beside the change that causes it: nothing is lost if it rolls back.
import { paris, parisDay, parisParts } from "~/domain/paris-time";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { NotificationMode } from "~/generated/prisma/enums";
import { instructorDigest } from "~emails/instructor-digest";
import type { RenderedEmail } from "~emails/layout";

import { appUrl } from "~/env.server";
import { unsubscribeUrl } from "~/services/accounts/unsubscribe.server";
import { enqueueEmail } from "~/services/platform/outbox.server";

type Tx = Prisma.TransactionClient | PrismaClient;

export interface StaffNotification {
  /** The person notified; nothing is sent to a deactivated account. */
  userId: string;
  dossierId?: string | null;
  /** The digest's line for this event, in French, e.g. « CAPASSO-2026-00042 : correction reçue ». */
  line: string;
  /** Where the event is seen on the portal (absolute URL). */
  url: string;
  /** The email sent at once to someone who chose immediate notifications. */
  email: RenderedEmail;
}

/** Emails the person now (outbox) or keeps the event for their daily digest, as they chose. */
export async function notifyStaff(tx: Tx, notification: StaffNotification, now = new Date()): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: notification.userId },
    select: { email: true, notificationMode: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt || user.notificationMode === NotificationMode.NONE) return;
  if (user.notificationMode === NotificationMode.DAILY_DIGEST) {
    await tx.digestItem.create({
      data: {
        userId: notification.userId,
        dossierId: notification.dossierId ?? null,
        line: notification.line,
        url: notification.url,
        createdAt: now,
      },
    });
    return;
  }
  await enqueueEmail(tx, { ...notification.email, to: user.email }, { now });
}

/** The hour (Europe/Paris) from which the day's digest is sent. */
export const DIGEST_HOUR = 7;

/** The start of the current digest day: today at DIGEST_HOUR in Paris, or yesterday's if it is earlier. */
export function digestDayStart(now: Date): Date {
  const { hour } = parisParts(now);
  const day = parisDay(hour < DIGEST_HOUR ? new Date(now.getTime() - 12 * 3_600_000) : now);
  return paris(`${day}T${String(DIGEST_HOUR).padStart(2, "0")}:00`);
}

/**
 * Sends each digest reader one email with what happened since their last digest, once a day from
 * DIGEST_HOUR (Paris). Safe to run often and on several instances: items are claimed under a row lock.
 */
export async function sendDailyDigests(
  db: PrismaClient,
  now = new Date(),
  baseUrl = appUrl(),
): Promise<number> {
  const dayStart = digestDayStart(now);
  const users = await db.digestItem.groupBy({
    by: ["userId"],
    where: { sentAt: null },
  });
  let sent = 0;
  for (const { userId } of users) {
    const done = await db.$transaction(async (tx) => {
      const lastSent = await tx.digestItem.findFirst({
        where: { userId, sentAt: { not: null } },
        orderBy: { sentAt: "desc" },
        select: { sentAt: true },
      });
      if (lastSent?.sentAt && lastSent.sentAt >= dayStart) return false;
      const items = await tx.$queryRaw<Array<{ id: string; line: string; url: string; createdAt: Date }>>`
        SELECT "id", "line", "url", "createdAt" FROM "DigestItem"
        WHERE "userId" = ${userId} AND "sentAt" IS NULL
        ORDER BY "createdAt" ASC
        FOR UPDATE SKIP LOCKED`;
      if (items.length === 0) return false;
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { email: true, firstName: true, deactivatedAt: true, notificationMode: true },
      });
      await tx.digestItem.updateMany({
        where: { id: { in: items.map((item) => item.id) } },
        data: { sentAt: now },
      });
      // Kept before they chose no email at all: marked sent, not sent.
      if (!user || user.deactivatedAt || user.notificationMode === NotificationMode.NONE) return false;
      const unsubscribe = unsubscribeUrl(baseUrl, "recapitulatif-quotidien", userId);
      await enqueueEmail(
        tx,
        {
          ...instructorDigest({ firstName: user.firstName, items, now, unsubscribeUrl: unsubscribe }),
          to: user.email,
          unsubscribeUrl: unsubscribe,
        },
        { now },
      );
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

export async function setNotificationMode(db: PrismaClient, userId: string, mode: NotificationMode) {
  await db.user.update({ where: { id: userId }, data: { notificationMode: mode } });
}
