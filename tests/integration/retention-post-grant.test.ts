// Retention after the grant: a settled dossier decided 70 months ago counts its retention from its last
// payment, report or recovery, not from the decision; once purged, the payment proofs, report pieces and
// generated PDFs are gone from storage, and the post-grant rows keep their amounts, dates and figures
// without names, addresses or free text.
import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addParisDays, addParisMonths, paris } from "~/domain/paris-time";
import { PURGED_TEXT } from "~/domain/retention";
import { DossierStatus } from "~/generated/prisma/enums";
import { retentionOverview, runRetention } from "~/services/admin/retention.server";

import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../seeds/demo/dossiers-cooperatives-and-advances";
import { databaseKinds } from "../support/database";
import { APP_URL, createWorld, fileDemo, type World } from "../support/instruction-world";
import { FOLLOW_UP_TEXT, writeFollowUp } from "../support/post-grant-rows";

const NOW = paris("2031-06-15T10:00");
const months = (count: number) => addParisMonths(NOW, count);
/** The last event after the grant: the amount to repay, settled 57 months before NOW. */
const LAST = months(-57);
const PURGE_ON = addParisMonths(LAST, 60);
const NOTICE_ON = addParisDays(PURGE_ON, -30);

describe.each(databaseKinds())("retention after the grant on %s", (kind) => {
  let world: World;
  let dossier: Awaited<ReturnType<typeof fileDemo>>;
  let keys: string[];
  const run = (at: Date) => runRetention(world.db, world.storage, { appUrl: APP_URL, now: at });

  beforeAll(async () => {
    world = await createWorld(kind);
    dossier = await fileDemo(world, COOPERATIVE_AND_ADVANCE_DOSSIERS[0]!);
    await world.db.dossier.update({
      where: { id: dossier.id },
      data: {
        status: DossierStatus.SETTLED,
        decidedAt: months(-70),
        settledAt: LAST,
        grantedAmountCents: 1e6,
      },
    });
    keys = await writeFollowUp(world.db, world.storage, {
      dossierId: dossier.id,
      ownerId: dossier.owner.id,
      instructorId: world.instructor.id,
      dates: {
        acceptedAt: months(-69),
        paidOn: months(-66),
        reportDueDate: months(-60),
        reportApprovedAt: months(-58),
        recoveryDecidedAt: months(-58),
        recoverySettledAt: LAST,
      },
    });
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("counts from the last payment, report or recovery, not from the decision", async () => {
    expect(await run(NOW)).toMatchObject({ notices: 0, purged: 0 });
    const overview = await retentionOverview(world.db, NOW);
    expect(overview.upcoming.map((row) => [row.id, row.noticeOn, row.purgeOn])).toEqual([
      [dossier.id, NOTICE_ON, PURGE_ON],
    ]);
    expect(await run(NOTICE_ON)).toMatchObject({ notices: 1, purged: 0 });
  });

  it("purges the follow-up's files and personal data, and keeps its amounts and figures", async () => {
    for (const key of keys) expect(await world.storage.exists(key)).toBe(true);
    expect(await run(PURGE_ON)).toMatchObject({ notices: 0, purged: 1, filesFailed: 0 });
    for (const key of keys) expect(await world.storage.exists(key)).toBe(false);
    const where = { dossierId: dossier.id };
    expect(await world.db.attachment.count({ where })).toBe(0);
    expect(await world.db.generatedDocument.count({ where })).toBe(0);

    const [acceptances, payments, reports, recoveries] = await Promise.all([
      world.db.agreementAcceptance.findMany({ where }),
      world.db.payment.findMany({ where }),
      world.db.financialReport.findMany({ where }),
      world.db.recovery.findMany({ where }),
    ]);
    const text = JSON.stringify({ acceptances, payments, reports, recoveries });
    for (const gone of Object.values(FOLLOW_UP_TEXT)) expect(text).not.toContain(gone);
    expect(text).not.toContain("Loyer rue Dubois");
    expect(acceptances).toHaveLength(2);
    expect(acceptances[0]).toMatchObject({
      ipAddress: null,
      userAgent: null,
      agreementSha256: "2".repeat(64),
    });
    expect(payments[0]).toMatchObject({ paidAmountCents: 1_000_000, mandateReference: "MDT-2026-0042" });
    expect(payments[0]!.declaration).toMatchObject({
      kind: "CONTRIBUTIONS",
      associates: [{ name: "Salarié associé 1", subscribedCents: 500_000, paidUpCents: 500_000 }],
    });
    expect(reports[0]).toMatchObject({ retainedAmountCents: 800_000, correctionNote: null });
    expect(reports[0]!.answers).toMatchObject({
      values: { actual_l1: "900" },
      report: {
        actions: PURGED_TEXT,
        lines: [{ actualCents: 90_000, explanation: PURGED_TEXT }],
        indicators: { jobsCreatedFte: 2.5 },
      },
    });
    expect(recoveries[0]).toMatchObject({ amountCents: 200_000, reason: PURGED_TEXT });
  });
});
