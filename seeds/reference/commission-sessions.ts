import type { PrismaClient } from "../../app/generated/prisma/client";
import { CommissionSessionStatus } from "../../app/generated/prisma/enums";
import { paris } from "../paris-time";

const FRENCH_DATE = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" });

/** Sessions of the Commission Permanente of the Regional Council in 2026 that decide ESS dossiers. */
export const COMMISSION_SESSION_DATES_2026 = [
  paris("2026-03-20T09:30"),
  paris("2026-07-10T09:30"),
  paris("2026-12-11T09:30"),
] as const;

export function commissionSessionTitle(date: Date): string {
  return `Commission permanente du ${FRENCH_DATE.format(date)}`;
}

/** Creates a session when missing (keyed by its date); a past session is recorded as held. */
export async function ensureCommissionSession(
  db: PrismaClient,
  date: Date,
  now = new Date(),
): Promise<string> {
  const session = await db.commissionSession.upsert({
    where: { date },
    create: {
      date,
      title: commissionSessionTitle(date),
      status: date < now ? CommissionSessionStatus.HELD : CommissionSessionStatus.PLANNED,
    },
    update: {},
  });
  return session.id;
}

export async function seedCommissionSessions(db: PrismaClient, now = new Date()): Promise<void> {
  for (const date of COMMISSION_SESSION_DATES_2026) await ensureCommissionSession(db, date, now);
}
