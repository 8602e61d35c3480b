// Region staff choose how they hear about their dossiers: one email per event, or one digest a day. The
// choice is honoured when the event is written, the digest goes out once a day from 7:00 (Paris) with
// every event since the last one, and nothing is sent to a deactivated account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { readUnsubscribeToken, unsubscribeFromDigest } from "~/services/accounts/unsubscribe.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { NotificationMode, OutboxStatus, UserRole } from "~/generated/prisma/enums";
import {
  digestDayStart,
  notifyStaff,
  sendDailyDigests,
  setNotificationMode,
} from "~/services/instruction/staff-notifications.server";
import { renderEmail } from "~emails/layout";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const APP_URL = "https://portail.example.fr";

/** An instant given as Paris wall-clock time in winter (UTC+1). */
const parisWinter = (iso: string) => new Date(`${iso}+01:00`);

function event(line: string, dossier = "d1") {
  return {
    dossierId: null,
    line,
    url: `${APP_URL}/instruction/dossiers/${dossier}`,
    email: renderEmail({
      template: "test-event",
      subject: `Événement : ${line}`,
      greeting: "Bonjour,",
      paragraphs: [line],
    }),
  };
}

describe("digestDayStart", () => {
  it("starts the digest day at 7:00 in Paris, winter and summer alike", () => {
    expect(digestDayStart(parisWinter("2026-12-01T09:30:00")).toISOString()).toBe("2026-12-01T06:00:00.000Z");
    // Before 7:00 the day still belongs to yesterday's digest.
    expect(digestDayStart(parisWinter("2026-12-01T06:59:00")).toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(digestDayStart(new Date("2026-07-01T08:00:00+02:00")).toISOString()).toBe(
      "2026-07-01T05:00:00.000Z",
    );
  });
});

describe.each(databaseKinds())("staff notifications on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
  });
  afterAll(async () => database?.close());

  async function instructor(email: string, mode: NotificationMode) {
    const user = await db.user.create({
      data: {
        email,
        passwordHash: "x",
        firstName: "Camille",
        lastName: "Durand",
        role: UserRole.INSTRUCTOR,
        emailVerifiedAt: new Date(),
      },
    });
    await setNotificationMode(db, user.id, mode);
    return user;
  }

  const outboxTo = (to: string) => db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

  it("emails at once an instructor who chose immediate notifications", async () => {
    const user = await instructor("immediate@region.example", NotificationMode.IMMEDIATE);
    await notifyStaff(db, { ...event("CAPASSO-2026-00001 : correction reçue"), userId: user.id });
    const emails = await outboxTo(user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Événement : CAPASSO-2026-00001 : correction reçue");
    expect(await db.digestItem.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps events for the digest and sends them in one email, once a day from 7:00", async () => {
    const user = await instructor("digest@region.example", NotificationMode.DAILY_DIGEST);
    await notifyStaff(
      db,
      { ...event("CAPASSO-2026-00001 : correction reçue"), userId: user.id },
      parisWinter("2026-12-01T15:00:00"),
    );
    await notifyStaff(
      db,
      { ...event("AVOSID-2026-00002 : nouveau message", "d2"), userId: user.id },
      parisWinter("2026-12-01T16:30:00"),
    );
    expect(await outboxTo(user.email)).toHaveLength(0);

    // The first run of the day sends one digest with both events, oldest first.
    expect(await sendDailyDigests(db, parisWinter("2026-12-02T07:05:00"))).toBeGreaterThanOrEqual(1);
    const [digest] = await outboxTo(user.email);
    expect(digest!.subject).toBe("Votre récapitulatif du 02/12/2026 : 2 nouveautés");
    expect(digest!.text).toContain("01/12/2026 à 15:00 — CAPASSO-2026-00001 : correction reçue");
    expect(digest!.text.indexOf("CAPASSO-2026-00001")).toBeLessThan(
      digest!.text.indexOf("AVOSID-2026-00002"),
    );
    expect(digest!.text).toContain(`${APP_URL}/instruction/dossiers/d2`);
    expect(digest!.status).toBe(OutboxStatus.PENDING);
    // Its unsubscribe address (List-Unsubscribe, and written in the email) names this person and this digest.
    const token = digest!.unsubscribeUrl!.split("/desabonnement/")[1]!;
    expect(readUnsubscribeToken(token)).toEqual({ digest: "recapitulatif-quotidien", userId: user.id });
    expect(digest!.text).toContain(`Pour ne plus recevoir ce récapitulatif : ${digest!.unsubscribeUrl}`);

    // Later that day a new event waits for tomorrow's digest; running the job again sends nothing more.
    await notifyStaff(
      db,
      { ...event("CAPSCOP-2026-00003 : dossier confié", "d3"), userId: user.id },
      parisWinter("2026-12-02T10:00:00"),
    );
    await sendDailyDigests(db, parisWinter("2026-12-02T18:00:00"));
    expect(await outboxTo(user.email)).toHaveLength(1);

    await sendDailyDigests(db, parisWinter("2026-12-03T07:00:00"));
    const emails = await outboxTo(user.email);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toBe("Votre récapitulatif du 03/12/2026 : 1 nouveauté");
    expect(emails[1]!.text).toContain("CAPSCOP-2026-00003 : dossier confié");
    expect(emails[1]!.text).not.toContain("CAPASSO-2026-00001");
  });

  it("sends nothing, and keeps nothing for a digest, to an instructor who chose no email", async () => {
    const user = await instructor("aucun@region.example", NotificationMode.DAILY_DIGEST);
    await notifyStaff(
      db,
      { ...event("CAPASSO-2026-00010 : correction reçue"), userId: user.id },
      parisWinter("2026-12-01T15:00:00"),
    );
    // Unsubscribed from the digest by its link: the event kept before is not sent either.
    expect(
      await unsubscribeFromDigest(db, {
        digest: "recapitulatif-quotidien",
        userId: user.id,
        ip: "203.0.113.9",
        oneClick: true,
      }),
    ).toBe(true);
    await notifyStaff(
      db,
      { ...event("CAPASSO-2026-00010 : nouveau message"), userId: user.id },
      parisWinter("2026-12-01T16:00:00"),
    );
    await sendDailyDigests(db, parisWinter("2026-12-02T07:05:00"));
    expect(await outboxTo(user.email)).toHaveLength(0);
    expect(await db.digestItem.count({ where: { userId: user.id, sentAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).notificationMode).toBe(
      NotificationMode.NONE,
    );
    expect(
      await db.auditLog.count({ where: { actorId: user.id, action: AUDIT_ACTIONS.digestUnsubscribed } }),
    ).toBe(1);
  });

  it("sends nothing to a deactivated account", async () => {
    const user = await instructor("parti@region.example", NotificationMode.IMMEDIATE);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await notifyStaff(db, { ...event("CAPASSO-2026-00009 : correction reçue"), userId: user.id });
    expect(await outboxTo(user.email)).toHaveLength(0);
    expect(await db.digestItem.count({ where: { userId: user.id } })).toBe(0);
  });

  it("writes nothing when the change that caused the event rolls back", async () => {
    const user = await instructor("rollback@region.example", NotificationMode.IMMEDIATE);
    await expect(
      db.$transaction(async (tx) => {
        await notifyStaff(tx, { ...event("CAPASSO-2026-00010 : correction reçue"), userId: user.id });
        throw new Error("échec de la transition");
      }),
    ).rejects.toThrow("échec de la transition");
    expect(await outboxTo(user.email)).toHaveLength(0);
  });
});
