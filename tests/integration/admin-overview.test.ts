// The administration's front page on the seeded demo database: each section's summary is what the section
// itself holds, and it follows the administrator's changes (a draft version in preparation).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parisYear } from "~/domain/paris-time";
import { adminOverview } from "~/services/admin/overview.server";
import { createDraft } from "~/services/admin/rule-sets.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

describe.each(databaseKinds())("the administration's overview on %s", (kind) => {
  let database: TestDatabase;
  let root: string;
  const now = new Date();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    root = await mkdtemp(path.join(tmpdir(), "admin-overview-"));
    await seedReference(database.db);
    await seedDemo(database.db, new LocalFileStorage(root));
  });
  afterAll(async () => {
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("sums up each section as the section itself holds it", async () => {
    const { db } = database;
    const overview = await adminOverview(db, now);

    expect(overview.schemes.map((scheme) => scheme.name)).toEqual([
      "CAP ASSO",
      "A VOS ID",
      "CAP SCOP-SCIC",
      "Apport en fonds propres avec droit de reprise",
    ]);
    for (const scheme of overview.schemes) {
      expect(scheme.inForce).toBe("version 1 depuis le 01/01/2025");
      expect(scheme.draft).toBeNull();
    }

    const openCalls = await db.call.findMany({
      where: {
        year: parisYear(now),
        opensAt: { lte: now },
        OR: [{ closesAt: null }, { closesAt: { gte: now } }],
      },
    });
    expect(overview.calls.open).toBe(openCalls.length);
    const voted = await db.dossier.aggregate({
      where: { callId: { in: openCalls.map((call) => call.id) }, status: "GRANTED" },
      _sum: { grantedAmountCents: true },
    });
    const envelope = openCalls.reduce((total, call) => total + Number(call.budgetEnvelopeCents), 0);
    const euros = (cents: number) =>
      new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
    expect(overview.calls.figures.voted).toBe(euros(voted._sum.grantedAmountCents ?? 0));
    expect(overview.calls.figures.remaining).toBe(euros(envelope - (voted._sum.grantedAmountCents ?? 0)));

    const admins = await db.user.count({ where: { role: "ADMIN", deactivatedAt: null } });
    expect(overview.accounts.counts.find((row) => row.role === "Administrateur·rice")?.count).toBe(admins);
    expect(overview.territories.active).toBe(await db.territory.count({ where: { active: true } }));
  });

  it("follows the administrator's changes", async () => {
    const { db } = database;
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    await createDraft(db, { actorId: admin.id, schemeCode: "CAP_ASSO", now });
    const overview = await adminOverview(db, now);
    expect(overview.schemes[0]!.draft).toBe("version 2 en préparation");
  });
});
