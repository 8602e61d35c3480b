import type { PrismaClient } from "../../app/generated/prisma/client";
import { hashPassword } from "../../app/services/accounts/password.server";

import { DEMO_ACCOUNTS, type DemoAccountKey } from "./accounts";

export type DemoUserIds = Record<DemoAccountKey, string>;

/**
 * Creates the demo accounts that are missing (email verified) and returns every demo user’s id. Existing
 * accounts are left as they are: a password changed during a demo stays changed, and nothing is hashed
 * again (scrypt costs a few tenths of a second per password).
 */
export async function seedDemoUsers(db: PrismaClient, now: Date): Promise<DemoUserIds> {
  const ids: Partial<DemoUserIds> = {};
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({
      where: { email: account.email },
      select: { id: true, totpSecret: true },
    });
    if (existing) {
      ids[account.key] = existing.id;
      // A demo database from before the second factor: its staff get the public demo secret too.
      if (account.totpSecret && !existing.totpSecret) {
        await db.user.update({
          where: { id: existing.id },
          data: { totpSecret: account.totpSecret, totpEnabledAt: now },
        });
      }
      continue;
    }
    const funder = account.funderSlug
      ? await db.funderOrganisation.findUniqueOrThrow({ where: { slug: account.funderSlug } })
      : null;
    const user = await db.user.create({
      data: {
        email: account.email,
        passwordHash: await hashPassword(account.password),
        firstName: account.firstName,
        lastName: account.lastName,
        role: account.role,
        emailVerifiedAt: now,
        totpSecret: account.totpSecret ?? null,
        totpEnabledAt: account.totpSecret ? now : null,
        funderOrganisationId: funder?.id ?? null,
        // Empty lists mean every scheme, department and territory.
        instructorScope:
          account.role === "INSTRUCTOR"
            ? { create: { schemes: [], departmentCodes: [], territoryCodes: [] } }
            : undefined,
      },
    });
    ids[account.key] = user.id;
  }
  return ids as DemoUserIds;
}
