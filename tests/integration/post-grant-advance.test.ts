// The equity advance after its payment, on a granted demo advance whose agreement is accepted: the schedule
// counted from the payment date (never the decision), partial and grouped repayments allocated to the oldest
// instalments first, the early repayment and the rescheduling recomputing the rest with the sum equal to the
// outstanding balance to the cent, every move refused in French for the wrong role with nothing written,
// reminders sent once each by two instances running the job at once, and the final statement.
import { rm } from "node:fs/promises";

import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatDate, formatDateInWords, formatEuros } from "~/domain/format";
import { addParisMonths, parisDay } from "~/domain/paris-time";
import { EVIDENCE_FIELD } from "~/domain/post-grant/repayments";
import { isUserError } from "~/domain/user-error";
import { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierStatus } from "~/generated/prisma/enums";
import {
  advanceIndicatorsCsv,
  communityAdvanceIndicators,
} from "~/services/funders/advance-indicators.server";
import { loadAdvance, standingOf } from "~/services/post-grant/advance.server";
import { sendAdvanceReminders } from "~/services/post-grant/advance-reminders.server";
import { declareEarlyRepayment, recordRepayment } from "~/services/post-grant/advance-repayments.server";
import { decideRescheduling, requestRescheduling } from "~/services/post-grant/advance-rescheduling.server";
import { EMPTY_FOLLOW_UP_FILTER } from "~/domain/follow-up-queue";
import { loadFollowUpQueue } from "~/services/post-grant/follow-up-queue.server";
import { settleDossier } from "~/services/post-grant/settlement.server";
import { decidePayment } from "~/services/post-grant/payment-decisions.server";
import { requestPayment } from "~/services/post-grant/payment-requests.server";
import { createPostGrantPlan } from "~/services/post-grant/plan.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { databaseKinds } from "../support/database";
import { bindAppDatabase } from "../support/fuzz";
import { cookieOf, get, outcome, post } from "../support/routes";
import { SAMPLE_FILES } from "../support/files";
import { APP_URL, createWorld, DAY, type World } from "../support/instruction-world";
import { storedPdfText } from "../support/pdf-text";
import { grantDossiers, type GrantedDossier } from "../support/post-grant-world";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("the call was expected to be refused");
}

describe.each(databaseKinds())("the equity advance after its payment on %s", (kind) => {
  let world: World;
  let advance: GrantedDossier;
  const paidDay = "2026-01-15";

  beforeAll(async () => {
    world = await createWorld(kind);
    bindAppDatabase(world.database);
    globalThis.__storage = world.storage;
    [advance] = (await grantDossiers(world, ["EQUITY_ADVANCE"])) as [GrantedDossier];
    const acceptedAt = new Date(Date.parse(`${paidDay}T09:00:00Z`) - 10 * DAY);
    await world.db.$transaction(async (tx) => {
      await tx.dossier.update({ where: { id: advance.id }, data: { agreementAcceptedAt: acceptedAt } });
      await createPostGrantPlan(tx, advance.id, acceptedAt);
    });
  });

  afterAll(async () => {
    globalThis.__storage = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  const current = async () => (await loadAdvance(world.db, advance.id))!;
  const writes = async () => ({
    repayments: await world.db.advanceRepayment.count(),
    schedules: await world.db.advanceSchedule.count(),
    reschedulings: await world.db.advanceRescheduling.count(),
    audit: await world.db.auditLog.count(),
    outbox: await world.db.outboxEmail.count(),
  });
  const repay = (amount: string, receivedOn: string, reference: string, now: Date) =>
    recordRepayment(world.db, world.storage, {
      actor: world.instructor,
      dossierId: advance.id,
      values: { amount, receivedOn, reference },
      appUrl: APP_URL,
      now,
    });

  it("is paid once, and its schedule starts from the payment date with the rule set's terms", async () => {
    const cents = advance.grantedAmountCents;
    await requestPayment(world.db, world.storage, {
      userId: advance.owner.id,
      dossierId: advance.id,
      position: "1",
      move: "REQUEST",
      values: { amount: (cents / 100).toFixed(2).replace(".", ",") },
      files: [],
      extraFiles: 0,
      appUrl: APP_URL,
    });
    const values = { amount: String(cents / 100), paidAmount: String(cents / 100), paidOn: paidDay };
    const decide = (move: "APPROVE" | "RECORD_PAYMENT", extra: Record<string, string> = {}) =>
      decidePayment(world.db, {
        actor: world.instructor,
        dossierId: advance.id,
        position: "1",
        move,
        values: { ...values, ...extra },
        appUrl: APP_URL,
        storage: world.storage,
        now: new Date(`${paidDay}T15:00:00Z`),
      });
    await world.db.payment.update({
      where: { dossierId_position: { dossierId: advance.id, position: 1 } },
      data: { requestedAt: new Date(`${paidDay}T08:00:00Z`) },
    });
    await decide("APPROVE");
    await world.db.payment.update({
      where: { dossierId_position: { dossierId: advance.id, position: 1 } },
      data: { approvedAt: new Date(`${paidDay}T09:00:00Z`) },
    });
    await decide("RECORD_PAYMENT", { mandateReference: "MDT-AV-1" });
    const state = await current();
    expect(state.current.version).toBe(1);
    const instalments = state.current.instalments;
    // 12 months of deferral, quarterly, at most 36 months: months 12, 15, …, 36 after the payment.
    expect(instalments).toHaveLength(9);
    expect(parisDay(instalments[0]!.dueDate)).toBe("2027-01-15");
    expect(parisDay(instalments[8]!.dueDate)).toBe("2029-01-15");
    expect(instalments.reduce((sum, item) => sum + item.amountCents, 0)).toBe(cents);
    const document = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId: advance.id, kind: DocumentKind.REPAYMENT_SCHEDULE, period: 1 },
    });
    const text = await storedPdfText(world.storage, document.storageKey);
    expect(text).toContain("Échéancier de remboursement n°\u00a01");
    expect(text).toContain(formatDate(instalments[0]!.dueDate));
    expect(text).toContain(formatEuros(instalments[0]!.amountCents));
  });

  it("refuses each move to the wrong role or with a wrong form, in French, and writes nothing", async () => {
    const before = await writes();
    const now = new Date("2027-02-01T10:00:00Z");
    const cases = [
      () =>
        recordRepayment(world.db, world.storage, {
          actor: world.outsider,
          dossierId: advance.id,
          values: { amount: "10", receivedOn: "2027-01-20", reference: "X" },
          appUrl: APP_URL,
          now,
        }),
      () =>
        recordRepayment(world.db, world.storage, {
          actor: world.admin,
          dossierId: advance.id,
          values: { amount: "10", receivedOn: "2027-01-20", reference: "X" },
          appUrl: APP_URL,
          now,
        }),
      () => repay("0", "2027-01-20", "X", now),
      () => repay("10", "2027-03-20", "X", now),
      () => repay("999999999", "2027-01-20", "X", now),
      () => repay("10", "2027-01-20", "", now),
      () =>
        declareEarlyRepayment(world.db, world.storage, {
          userId: world.instructor.id,
          dossierId: advance.id,
          values: { amount: "10", receivedOn: "2027-01-20", reference: "X" },
          appUrl: APP_URL,
          now,
        }),
      () =>
        requestRescheduling(world.db, world.storage, {
          userId: advance.owner.id,
          dossierId: advance.id,
          values: { reason: "", firstDueDate: "2028-01-15", frequencyMonths: "3", count: "4" },
          files: [],
          now,
        }),
      () =>
        decideRescheduling(world.db, world.storage, {
          actor: world.instructor,
          dossierId: advance.id,
          reschedulingId: "none",
          decision: "GRANT",
          note: "",
          appUrl: APP_URL,
          now,
        }),
    ];
    for (const attempt of cases) {
      const refused = await refusal(attempt());
      expect([403, 404, 409, 422]).toContain(refused.status);
      expect(refused.message).toMatch(/[a-zéèà]/);
      expect(refused.message).not.toMatch(/undefined|Error/);
    }
    expect(await writes()).toEqual(before);
  });

  it("allocates partial and grouped repayments to the oldest instalments first; the arrears and their age", async () => {
    const state = await current();
    const [first, second] = state.current.instalments as [
      (typeof state.current.instalments)[number],
      (typeof state.current.instalments)[number],
    ];
    // Half the first instalment, on time.
    const half = Math.floor(first.amountCents / 2);
    await repay((half / 100).toFixed(2), "2027-01-10", "TR-1", new Date("2027-01-10T15:00:00Z"));
    const late = standingOf(await current(), new Date("2027-03-01T12:00:00Z"));
    expect(late.position.instalments[0]!.state).toBe("LATE");
    expect(late.position.lateCents).toBe(first.amountCents - half);
    expect(late.position.oldestLateDays).toBe(45);
    // The instructor's follow-up queue lists it with the arrears and their age.
    const queue = await loadFollowUpQueue(
      world.db,
      world.admin,
      { ...EMPTY_FOLLOW_UP_FILTER, kind: "avances-en-retard" },
      new Date("2027-03-01T12:00:00Z"),
    );
    expect(queue.counts["avances-en-retard"]).toBe(1);
    const [line] = queue.items;
    expect(line).toMatchObject({
      dossierId: advance.id,
      amountCents: first.amountCents - half,
      daysLate: 45,
      href: `/instruction/dossiers/${advance.id}/remboursements`,
    });
    // Then the rest of the first and the whole second at once.
    const grouped = first.amountCents - half + second.amountCents;
    await repay((grouped / 100).toFixed(2), "2027-04-20", "TR-2", new Date("2027-04-20T15:00:00Z"));
    const after = standingOf(await current(), new Date("2027-04-21T10:00:00Z"));
    expect(after.position.instalments.slice(0, 2).map((item) => item.state)).toEqual(["PAID", "PAID"]);
    expect(after.position.lateCents).toBe(0);
    expect(after.outstandingCents).toBe(advance.grantedAmountCents - first.amountCents - second.amountCents);
  });

  it("serves both pages as a browser without JavaScript: standing, refused forms keeping what was typed", async () => {
    const staffPage = await import("~/routes/instruction.dossiers.$id_.remboursements");
    const applicantPage = await import("~/routes/dossiers.$id.remboursements");
    const params = { id: advance.id };
    const instructor = await cookieOf(world.db, world.instructor.id);
    const applicant = await cookieOf(world.db, advance.owner.id);
    const staffUrl = `http://localhost/instruction/dossiers/${advance.id}/remboursements`;
    const applicantUrl = `http://localhost/dossiers/${advance.id}/remboursements`;
    const staffView = await outcome(staffPage.loader(get(staffUrl, instructor, params)));
    expect(staffView.status).toBe(200);
    const standing = standingOf(await current(), new Date());
    expect(staffView.body).toMatchObject({
      summary: { outstanding: formatEuros(standing.outstandingCents) },
      documents: [expect.objectContaining({ slug: "echeancier" })],
    });
    const before = await writes();
    const refused = await outcome(
      staffPage.action(
        post(
          staffUrl,
          { intent: "repayment", amount: "beaucoup", receivedOn: "2026-12-01", reference: "R" },
          instructor,
          params,
        ),
      ),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ intent: "repayment", values: { amount: "beaucoup" } });
    expect(await writes()).toEqual(before);
    const applicantView = await outcome(applicantPage.loader(get(applicantUrl, applicant, params)));
    expect(applicantView.status).toBe(200);
    const form = new FormData();
    for (const [name, value] of Object.entries({
      intent: "early",
      amount: "10",
      receivedOn: "hier",
      reference: "V",
    }))
      form.append(name, value);
    const early = await outcome(
      applicantPage.action({
        request: new Request(applicantUrl, { method: "POST", body: form, headers: { cookie: applicant } }),
        params,
        context: {},
      } as never),
    );
    expect(early.status).toBe(422);
    expect(await writes()).toEqual(before);
  });

  it("sends each reminder once, even from two instances running the job at once", async () => {
    const state = await current();
    const third = state.current.instalments[2]!;
    const second =
      kind === "postgresql"
        ? new PrismaClient({ adapter: new PrismaPg({ connectionString: world.database.url, max: 2 }) })
        : world.db;
    const count = (template = "advance-reminder") =>
      world.db.outboxEmail.count({ where: { template, to: advance.owner.email } });
    const both = async (at: Date) => {
      await Promise.all([
        sendAdvanceReminders(world.db, { now: at, appUrl: APP_URL, storage: world.storage }),
        sendAdvanceReminders(second, { now: at, appUrl: APP_URL, storage: world.storage }),
      ]);
    };
    try {
      for (const [offset, subject] of [
        [-10 * DAY, "dans 15 jours"],
        [3 * 3_600_000, "aujourd’hui"],
        [31 * DAY, "relance"],
      ] as const) {
        const before = await count();
        await both(new Date(third.dueDate.getTime() + offset));
        await both(new Date(third.dueDate.getTime() + offset + 3_600_000));
        expect(await count()).toBe(before + 1);
        const last = await world.db.outboxEmail.findFirstOrThrow({
          where: { template: "advance-reminder", to: advance.owner.email },
          orderBy: { createdAt: "desc" },
        });
        expect(last.subject).toContain(subject);
      }
    } finally {
      if (second !== world.db) await second.$disconnect();
    }
    const letter = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId: advance.id, kind: DocumentKind.ADVANCE_REMINDER_LETTER },
    });
    const text = await storedPdfText(world.storage, letter.storageKey);
    expect(text).toContain(`due le ${formatDate(third.dueDate)}`);
    expect(text).toContain(formatEuros(third.amountCents));
    expect(await world.db.advanceReminder.count()).toBe(3);
  });

  it("reschedules by amendment within the ceiling; the new schedule sums to the outstanding balance", async () => {
    const now = new Date("2027-09-01T10:00:00Z");
    const evidence = {
      field: EVIDENCE_FIELD,
      declaredName: "retard-feder.pdf",
      inspection: await inspectUpload(SAMPLE_FILES.pdf, "retard-feder.pdf"),
    };
    const ask = (count: string) =>
      requestRescheduling(world.db, world.storage, {
        userId: advance.owner.id,
        dossierId: advance.id,
        values: {
          reason: "Paiement FEDER reporté à 2028",
          firstDueDate: "2028-03-15",
          frequencyMonths: "3",
          count,
        },
        files: [evidence],
        now,
      });
    const tooLong = await ask("20");
    const decide = (decision: "GRANT" | "REFUSE", note = "") =>
      decideRescheduling(world.db, world.storage, {
        actor: world.instructor,
        dossierId: advance.id,
        reschedulingId: tooLong.id,
        decision,
        note,
        appUrl: APP_URL,
        now,
      });
    // 20 quarters from March 2028 end past 48 months after January 2026.
    expect((await refusal(decide("GRANT"))).message).toContain("48\u00a0mois");
    await decide("REFUSE", "Durée au-delà du plafond de l’avenant");
    const outstanding = standingOf(await current(), now).outstandingCents;
    const request = await ask("8");
    const granted = await decideRescheduling(world.db, world.storage, {
      actor: world.instructor,
      dossierId: advance.id,
      reschedulingId: request.id,
      decision: "GRANT",
      note: "",
      appUrl: APP_URL,
      now,
    });
    const state = await current();
    expect(state.current.version).toBe(granted.version);
    expect(state.schedules.filter((schedule) => schedule.replacedAt !== null)).toHaveLength(1);
    expect(state.current.instalments).toHaveLength(8);
    expect(state.current.instalments.reduce((sum, item) => sum + item.amountCents, 0)).toBe(outstanding);
    expect(parisDay(state.current.instalments[7]!.dueDate)).toBe(
      parisDay(addParisMonths(new Date("2028-03-15T11:00:00Z"), 21)),
    );
    const amendment = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId: advance.id, kind: DocumentKind.ADVANCE_AMENDMENT },
    });
    const text = await storedPdfText(world.storage, amendment.storageKey);
    expect(text).toContain("Avenant de rééchelonnement n°\u00a01");
    expect(text).toContain(formatEuros(outstanding));
    expect(text).toContain("15/03/2028");
  });

  it("recomputes the rest after an early repayment, then closes the dossier as repaid (by the portal when the association's repayment clears it) with its statement", async () => {
    const now = new Date("2027-10-01T10:00:00Z");
    const before = standingOf(await current(), now).outstandingCents;
    await declareEarlyRepayment(world.db, world.storage, {
      userId: advance.owner.id,
      dossierId: advance.id,
      values: { amount: "1000,00", receivedOn: "2027-09-30", reference: "VIR-UE-1" },
      appUrl: APP_URL,
      now,
    });
    const state = await current();
    expect(state.current.origin).toBe("EARLY_REPAYMENT");
    const sum = state.current.instalments.reduce((total, item) => total + item.amountCents, 0);
    expect(sum).toBe(before - 100_000);
    expect(state.current.instalments.every((item) => item.amountCents > 0)).toBe(true);
    // Not « soldé » by hand while something remains to repay.
    const early = await refusal(
      settleDossier(world.db, { actor: world.instructor, dossierId: advance.id, appUrl: APP_URL }),
    );
    expect(early.status).toBe(409);
    expect(early.message).toContain(`${formatEuros(sum)} restent à rembourser sur l’avance`);
    // The EU grant came: the association repays the rest ahead of schedule, which closes the dossier.
    await declareEarlyRepayment(world.db, world.storage, {
      userId: advance.owner.id,
      dossierId: advance.id,
      values: {
        amount: (sum / 100).toFixed(2).replace(".", ","),
        receivedOn: "2027-10-05",
        reference: "VIR-UE-2",
      },
      appUrl: APP_URL,
      now: new Date("2027-10-05T15:00:00Z"),
    });
    const dossier = await world.db.dossier.findUniqueOrThrow({ where: { id: advance.id } });
    expect(dossier.status).toBe(DossierStatus.SETTLED);
    // The instructor's SETTLE, made by the portal: never recorded under the association's user.
    const settled = await world.db.dossierEvent.findFirstOrThrow({
      where: { dossierId: advance.id, toStatus: DossierStatus.SETTLED },
    });
    expect(settled.actorId).toBeNull();
    const certificate = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId: advance.id, kind: DocumentKind.REPAYMENT_CERTIFICATE },
    });
    const text = await storedPdfText(world.storage, certificate.storageKey);
    expect(text).toContain(formatEuros(advance.grantedAmountCents));
    expect(text).toContain(`reçu le ${formatDateInWords(new Date("2027-10-05T12:00:00Z"))}`);
    const refused = await refusal(repay("1", "2027-10-06", "X", new Date("2027-10-06T15:00:00Z")));
    expect(refused.status).toBe(409);
    expect(
      await world.db.auditLog.count({ where: { action: { startsWith: "post_grant.advance_" } } }),
    ).toBeGreaterThanOrEqual(6);
    // The indicators: one advance paid and entirely repaid, by EU programme and department, and their CSV.
    const indicators = await communityAdvanceIndicators(world.db, new Date("2027-10-06T10:00:00Z"));
    expect(indicators.totals).toMatchObject({
      advances: 1,
      paidCents: advance.grantedAmountCents,
      repaidCents: advance.grantedAmountCents,
      outstandingCents: 0,
      lateCents: 0,
    });
    expect(indicators.byProgramme.map((group) => group.label)).toEqual(["FSE+ (Fonds social européen plus)"]);
    expect(indicators.byDepartment.map((group) => group.label)).toEqual(["Indre-et-Loire"]);
    expect(advanceIndicatorsCsv(indicators)).toContain("Département;Indre-et-Loire;1;");
  });
});
