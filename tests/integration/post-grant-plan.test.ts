// The plan a grant brings once its agreement is accepted: its payments and reports stored from the
// rule-set version the dossier was granted under, even when a later version changed the terms.
import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addParisMonths } from "~/domain/paris-time";
import { PaymentKind, PaymentStatus, ReportStatus } from "~/generated/prisma/enums";
import { createPostGrantPlan } from "~/services/post-grant/plan.server";

import { databaseKinds } from "../support/database";
import { createWorld, type World } from "../support/instruction-world";
import { grantDossiers, type GrantedDossier } from "../support/post-grant-world";

describe.each(databaseKinds())("the post-grant plan on %s", (kind) => {
  let world: World;
  let granted: GrantedDossier[];
  beforeAll(async () => {
    world = await createWorld(kind);
    granted = await grantDossiers(world, ["CAP_ASSO", "A_VOS_ID", "CAP_SCOP_SCIC"]);
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("stores each scheme's payments and reports from the terms the dossier was granted under", async () => {
    const [capAsso, aVosId, capScopScic] = granted;
    const acceptedOn = new Date("2027-01-15T10:00:00Z");
    // A later rule-set version halves CAP ASSO's advance: the granted dossier keeps its own terms.
    const ruleSet = await world.db.ruleSet.findUniqueOrThrow({
      where: { id: (await world.db.dossier.findUniqueOrThrow({ where: { id: capAsso!.id } })).ruleSetId },
    });
    await world.db.ruleSet.create({
      data: {
        schemeId: ruleSet.schemeId,
        version: ruleSet.version + 1,
        status: "PUBLISHED",
        publishedAt: new Date(),
        effectiveFrom: new Date(),
        parameters: {
          ...(ruleSet.parameters as object),
          paymentTerms: {
            ...(ruleSet.parameters as { paymentTerms: object }).paymentTerms,
            advancePercent: 25,
          },
        },
      },
    });
    for (const dossier of granted) {
      await world.db.$transaction((tx) => createPostGrantPlan(tx, dossier.id, acceptedOn));
      // A second call (a retried acceptance) adds nothing.
      await world.db.$transaction((tx) => createPostGrantPlan(tx, dossier.id, acceptedOn));
    }
    const payments = async (dossierId: string) =>
      (await world.db.payment.findMany({ where: { dossierId }, orderBy: { position: "asc" } })).map((row) => [
        row.period,
        row.kind,
        row.plannedAmountCents,
        row.status,
      ]);
    expect(await payments(capAsso!.id)).toEqual([
      [1, PaymentKind.ADVANCE, 600_000, PaymentStatus.EXPECTED],
      [1, PaymentKind.BALANCE, 600_000, PaymentStatus.EXPECTED],
      [2, PaymentKind.ADVANCE, 600_000, PaymentStatus.EXPECTED],
      [2, PaymentKind.BALANCE, 600_000, PaymentStatus.EXPECTED],
      [3, PaymentKind.ADVANCE, 500_000, PaymentStatus.EXPECTED],
      [3, PaymentKind.BALANCE, 500_000, PaymentStatus.EXPECTED],
    ]);
    const reports = await world.db.financialReport.findMany({
      where: { dossierId: capAsso!.id },
      orderBy: { period: "asc" },
    });
    expect(reports.map((report) => [report.period, report.status])).toEqual([
      [1, ReportStatus.DUE],
      [2, ReportStatus.DUE],
      [3, ReportStatus.DUE],
    ]);
    const advance = Math.floor((aVosId!.grantedAmountCents * 30) / 100);
    expect(await payments(aVosId!.id)).toEqual([
      [1, PaymentKind.ADVANCE, advance, PaymentStatus.EXPECTED],
      [1, PaymentKind.BALANCE, aVosId!.grantedAmountCents - advance, PaymentStatus.EXPECTED],
    ]);
    expect(await world.db.financialReport.count({ where: { dossierId: aVosId!.id } })).toBe(1);
    expect(await payments(capScopScic!.id)).toEqual([
      [1, PaymentKind.SINGLE, capScopScic!.grantedAmountCents, PaymentStatus.EXPECTED],
    ]);
    expect(await world.db.financialReport.count({ where: { dossierId: capScopScic!.id } })).toBe(0);

    // The decision's schedule, dated from the Commission's session, now follows the agreement: each year's
    // payment from the start of its financed period, the single payment from the acceptance.
    const schedule = async (dossierId: string) =>
      (
        await world.db.scheduleInstalment.findMany({
          where: { dossierId, kind: "PAYMENT" },
          orderBy: { position: "asc" },
        })
      ).map((row) => row.dueDate);
    expect(await schedule(capAsso!.id)).toEqual([
      acceptedOn,
      addParisMonths(acceptedOn, 12),
      addParisMonths(acceptedOn, 24),
    ]);
    expect(await schedule(aVosId!.id)).toEqual([acceptedOn]);
    expect(await schedule(capScopScic!.id)).toEqual([acceptedOn]);
  });
});
