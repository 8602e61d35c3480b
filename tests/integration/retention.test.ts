// Retention, end to end: a dossier refused 61 months ago warns each member of its organisation, is purged
// 30 days later — files gone from storage, personal data gone, amounts kept and still counted — and its
// downloads answer 410 while its pages still open; an advance still being repaid is never touched; a second
// run does nothing twice; the admin's settings are validated and audited, and only an admin reaches them.
import { rm } from "node:fs/promises";

import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { addParisMonths, paris } from "~/domain/paris-time";
import { addParisDays } from "~/domain/paris-time";
import { DossierEventKind, DossierStatus, InstalmentKind, UserRole } from "~/generated/prisma/enums";
import { communityIndicators } from "~/services/funders/indicators.server";
import {
  getRetentionSettings,
  RetentionSettingsError,
  retentionOverview,
  runRetention,
  updateRetentionSettings,
} from "~/services/admin/retention.server";

import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../seeds/demo/dossiers-cooperatives-and-advances";
import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { APP_URL, createUser, createWorld, fileDemo, type World } from "../support/instruction-world";
import { cookieOf, get, outcome, post } from "../support/routes";

const NOW = paris("2031-06-15T10:00");
const [menuisiers, tremplin] = COOPERATIVE_AND_ADVANCE_DOSSIERS;

/** A dossier refused 61 months before NOW, with a message and its file, a note, a correction and a comment. */
async function refusedLongAgo(world: World) {
  const { db, storage } = world;
  const filed = await fileDemo(world, menuisiers!);
  const decidedAt = addParisMonths(NOW, -61);
  await db.dossier.update({ where: { id: filed.id }, data: { status: DossierStatus.REFUSED, decidedAt } });
  await db.dossierEvent.create({
    data: {
      dossierId: filed.id,
      kind: DossierEventKind.STATUS_CHANGE,
      fromStatus: DossierStatus.PROPOSED,
      toStatus: DossierStatus.REFUSED,
      actorId: world.instructor.id,
      reason: "Le projet ne relève pas du dispositif.",
      createdAt: decidedAt,
    },
  });
  const message = await db.message.create({
    data: {
      dossierId: filed.id,
      authorId: filed.owner.id,
      body: "Notre trésorière, Mme Durand, est malade.",
    },
  });
  const messageFile = "2026/05/aaaabbbbccccddddeeeeffff00001111";
  await storage.put(messageFile, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
  await db.attachment.create({
    data: {
      dossierId: filed.id,
      messageId: message.id,
      kind: "OTHER",
      fileName: "arrêt maladie Durand.pdf",
      mimeType: "application/pdf",
      sizeBytes: SAMPLE_FILES.pdf.byteLength,
      sha256: "0".repeat(64),
      storageKey: messageFile,
      uploadedById: filed.owner.id,
    },
  });
  const letter = "2026/05/aaaabbbbccccddddeeeeffff00002222";
  await storage.put(letter, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
  await db.generatedDocument.create({
    data: { dossierId: filed.id, kind: "DECISION_LETTER", storageKey: letter },
  });
  await db.instructorNote.create({
    data: { dossierId: filed.id, authorId: world.instructor.id, body: "Note : le cédant est en difficulté." },
  });
  await db.correctionRequest.create({
    data: {
      dossierId: filed.id,
      requestedById: world.instructor.id,
      reason: "Joindre la pièce d’identité de M. Perrin.",
      replyBy: decidedAt,
      status: "ANSWERED",
      answersBefore: { answers: { activity: "Texte d’origine" } },
    },
  });
  await db.funderComment.create({
    data: { dossierId: filed.id, authorId: world.admin.id, body: "France Active connaît M. Perrin." },
  });
  return filed;
}

/** An equity advance granted 61 months ago whose last repayment is a year ahead. */
async function advanceStillRepaid(world: World) {
  const filed = await fileDemo(world, tremplin!);
  await world.db.dossier.update({
    where: { id: filed.id },
    data: {
      status: DossierStatus.GRANTED,
      decidedAt: addParisMonths(NOW, -61),
      grantedAmountCents: 8_000_000,
    },
  });
  await world.db.scheduleInstalment.createMany({
    data: [0, 1].map((position) => ({
      dossierId: filed.id,
      kind: InstalmentKind.REPAYMENT,
      position,
      dueDate: addParisMonths(NOW, 12 * position),
      amountCents: 4_000_000,
    })),
  });
  return filed;
}

const keysOf = async (world: World, dossierId: string) => [
  ...(await world.db.attachment.findMany({ where: { dossierId } })).map((row) => row.storageKey),
  ...(await world.db.generatedDocument.findMany({ where: { dossierId } })).map((row) => row.storageKey),
];

describe.each(databaseKinds())("retention on %s", (kind) => {
  let world: World;
  let refused: Awaited<ReturnType<typeof refusedLongAgo>>;
  let advance: Awaited<ReturnType<typeof advanceStillRepaid>>;
  let files: string[];
  const run = (at: Date) => runRetention(world.db, world.storage, { appUrl: APP_URL, now: at });

  beforeAll(async () => {
    world = await createWorld(kind);
    refused = await refusedLongAgo(world);
    advance = await advanceStillRepaid(world);
    files = await keysOf(world, refused.id);
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("emails each member of the organisation first, and deletes nothing yet", async () => {
    expect(await run(NOW)).toMatchObject({ notices: 1, purged: 0 });
    const notices = await world.db.outboxEmail.findMany({ where: { template: "purge-notice" } });
    expect(notices.map((email) => email.to).sort()).toEqual(
      [refused.owner.email, refused.member.email].sort(),
    );
    for (const email of notices) {
      expect(email.subject).toBe(`Dossier ${refused.number} : ses pièces seront supprimées le 15/07/2031`);
      expect(email.text).toContain(`${APP_URL}/dossiers/${refused.id}`);
    }
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const key of files) expect(await world.storage.exists(key)).toBe(true);
    expect(await world.db.message.count({ where: { dossierId: refused.id } })).toBe(1);
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { action: AUDIT_ACTIONS.purgeNoticeSent },
    });
    expect(audit).toMatchObject({ actorId: null, targetId: refused.id, details: { recipients: 2 } });
    const overview = await retentionOverview(world.db, NOW);
    expect(overview.upcoming.map((row) => [row.id, row.purgeOn])).toEqual([
      [refused.id, addParisDays(NOW, 30)],
    ]);
  });

  it("waits the whole notice period, then purges pieces and personal data and keeps the figures", async () => {
    const before = await communityIndicators(world.db);
    const row = await world.db.dossier.findUniqueOrThrow({ where: { id: refused.id } });
    expect(await run(addParisDays(NOW, 29))).toMatchObject({ notices: 0, purged: 0 });
    // A file already gone from storage does not stop the purge.
    await world.storage.delete(files[0]!);

    expect(await run(addParisDays(NOW, 30))).toEqual({
      notices: 0,
      purged: 1,
      filesDeleted: files.length,
      filesFailed: 0,
    });
    for (const key of files) expect(await world.storage.exists(key)).toBe(false);
    expect(await keysOf(world, refused.id)).toEqual([]);
    const purged = await world.db.dossier.findUniqueOrThrow({ where: { id: refused.id } });
    expect(purged.purgedAt).toEqual(addParisDays(NOW, 30));
    const answers = JSON.stringify(purged.answers);
    for (const gone of ["Perrin", "Mathilde Fabre", "Le cédant", "Fabrication et pose"])
      expect(answers).not.toContain(gone);
    expect(purged.answers).toMatchObject({ operationType: "TAKEOVER", title: menuisiers!.answers.title });
    expect(purged).toMatchObject({
      number: row.number,
      status: DossierStatus.REFUSED,
      requestedAmountCents: row.requestedAmountCents,
      departmentCode: row.departmentCode,
      employeeAssociatesCount: 14,
      filedAt: row.filedAt,
      decidedAt: row.decidedAt,
    });
    const where = { dossierId: refused.id };
    expect(await world.db.message.count({ where })).toBe(0);
    expect(await world.db.instructorNote.count({ where })).toBe(0);
    expect(await world.db.funderComment.count({ where })).toBe(0);
    const correction = await world.db.correctionRequest.findFirstOrThrow({ where });
    expect(correction.reason).not.toContain("Perrin");
    expect(correction.answersBefore).toBeNull();
    const events = await world.db.dossierEvent.findMany({ where });
    expect(events.every((event) => event.data === null)).toBe(true);
    expect(events.find((event) => event.toStatus === DossierStatus.REFUSED)?.reason).toBe(
      "Le projet ne relève pas du dispositif.",
    );
    const lines = await world.db.dossierBudgetLine.findMany({ where });
    expect(lines.map((line) => line.label)).not.toContain("Prêt bancaire des repreneurs (Crédit Coopératif)");
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBeGreaterThan(0);

    const after = await communityIndicators(world.db);
    expect(after).toEqual(before);
    expect(after.totals.requestedCents).toBeGreaterThanOrEqual(row.requestedAmountCents!);
    expect(
      await world.db.auditLog.count({ where: { action: AUDIT_ACTIONS.dossierPurged, targetId: refused.id } }),
    ).toBe(1);
  });

  it("never touches a granted advance whose last repayment is still ahead", async () => {
    const dossier = await world.db.dossier.findUniqueOrThrow({ where: { id: advance.id } });
    expect(dossier).toMatchObject({ purgeNoticeSentAt: null, purgedAt: null });
    expect(JSON.stringify(dossier.answers)).toContain("FSE+ CVL 202604217");
    for (const key of await keysOf(world, advance.id)) expect(await world.storage.exists(key)).toBe(true);
  });

  it("does nothing twice, and leaves alone a file sent after the purge", async () => {
    const later = "2031/07/aaaabbbbccccddddeeeeffff00003333";
    await world.storage.put(later, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
    await world.db.attachment.create({
      data: {
        dossierId: refused.id,
        kind: "OTHER",
        fileName: "nouvelle pièce.pdf",
        mimeType: "application/pdf",
        sizeBytes: SAMPLE_FILES.pdf.byteLength,
        sha256: "1".repeat(64),
        storageKey: later,
        uploadedById: refused.owner.id,
        createdAt: addParisDays(NOW, 31),
      },
    });
    const counts = async () => [await world.db.outboxEmail.count(), await world.db.auditLog.count()];
    const before = await counts();
    expect(await run(addParisDays(NOW, 31))).toEqual({
      notices: 0,
      purged: 0,
      filesDeleted: 0,
      filesFailed: 0,
    });
    expect(await counts()).toEqual(before);
    expect(await world.storage.exists(later)).toBe(true);
    expect((await retentionOverview(world.db, addParisDays(NOW, 31))).purged.map((row) => row.id)).toEqual([
      refused.id,
    ]);
  });

  it("validates the settings in French, changes nothing on a refusal, and audits a change", async () => {
    const audits = () =>
      world.db.auditLog.count({ where: { action: AUDIT_ACTIONS.retentionSettingsUpdated } });
    const refusal = await updateRetentionSettings(world.db, {
      actorId: world.admin.id,
      values: { retentionMonths: "6", purgeNoticeDays: "trente" },
      now: NOW,
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RetentionSettingsError);
    expect((refusal as RetentionSettingsError).fieldErrors).toEqual({
      retentionMonths: "La durée de conservation doit être comprise entre 12 et 240 mois.",
      purgeNoticeDays: "Indiquez un nombre entier, en chiffres (par exemple 14).",
    });
    expect(await getRetentionSettings(world.db)).toMatchObject({ retentionMonths: 60, purgeNoticeDays: 30 });
    expect(await audits()).toBe(0);

    await updateRetentionSettings(world.db, {
      actorId: world.admin.id,
      values: { retentionMonths: "120", purgeNoticeDays: "45" },
      now: NOW,
    });
    expect(await getRetentionSettings(world.db)).toMatchObject({ retentionMonths: 120, purgeNoticeDays: 45 });
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { action: AUDIT_ACTIONS.retentionSettingsUpdated },
    });
    expect(audit).toMatchObject({
      actorId: world.admin.id,
      details: {
        before: { retentionMonths: 60, purgeNoticeDays: 30 },
        after: { retentionMonths: 120, purgeNoticeDays: 45 },
      },
    });
  });
});

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

describe("retention pages and downloads, as a browser calls them", () => {
  let world: World;
  let refused: Awaited<ReturnType<typeof refusedLongAgo>>;
  let pieceId: string;

  beforeAll(async () => {
    world = await createWorld("pglite");
    refused = await refusedLongAgo(world);
    pieceId = (
      await world.db.attachment.findFirstOrThrow({ where: { dossierId: refused.id, messageId: null } })
    ).id;
    await runRetention(world.db, world.storage, { appUrl: APP_URL, now: NOW });
    await runRetention(world.db, world.storage, { appUrl: APP_URL, now: addParisDays(NOW, 30) });
    globalThis.__database = { db: world.db, kind: "pglite", close: () => world.database.close() };
    globalThis.__storage = world.storage;
  });
  afterAll(async () => {
    globalThis.__database = undefined;
    globalThis.__storage = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("answers 410 with the date for every file of a purged dossier, and still opens its pages", async () => {
    const message = "Cette pièce a été supprimée le 15/07/2031 au terme de la durée de conservation.";
    const applicant = await cookieOf(world.db, refused.owner.id);
    const instructor = await cookieOf(world.db, world.instructor.id);
    const id = refused.id;
    const downloads: Array<[string, Loader, Record<string, string>, string]> = [
      [
        `/dossiers/${id}/pieces/${pieceId}`,
        (await import("~/routes/dossiers.$id.pieces.$attachmentId")).loader,
        { id, attachmentId: pieceId },
        applicant,
      ],
      [
        `/dossiers/${id}/documents/decision`,
        (await import("~/routes/dossiers.$id.documents.$document")).loader,
        { id, document: "decision" },
        applicant,
      ],
      [
        `/dossiers/${id}/documents/dossier-complet`,
        (await import("~/routes/dossiers.$id.documents.$document")).loader,
        { id, document: "dossier-complet" },
        applicant,
      ],
      [
        `/instruction/dossiers/${id}/pieces/${pieceId}`,
        (await import("~/routes/instruction.dossiers.$id.pieces.$attachmentId")).loader,
        { id, attachmentId: pieceId },
        instructor,
      ],
      [
        `/instruction/dossiers/${id}/documents/decision`,
        (await import("~/routes/instruction.dossiers.$id.documents.$document")).loader,
        { id, document: "decision" },
        instructor,
      ],
    ];
    for (const [url, loader, params, cookie] of downloads) {
      expect(await outcome(loader(get(url, cookie, params))), url).toEqual({ status: 410, text: message });
    }
    const frame = await outcome(
      (await import("~/routes/dossiers.$id")).loader(get(`/dossiers/${id}`, applicant, { id })),
    );
    expect(frame.status).toBe(200);
    expect(frame.text).toContain("ont été supprimés le 15/07/2031 au terme de la durée de conservation");
    const overview = await outcome(
      (await import("~/routes/dossiers.$id._index")).loader(get(`/dossiers/${id}`, applicant, { id })),
    );
    expect(overview.status).toBe(200);
    const staffPage = await outcome(
      (await import("~/routes/instruction.dossiers.$id")).loader(
        get(`/instruction/dossiers/${id}`, instructor, { id }),
      ),
    );
    expect(staffPage.status).toBe(200);
    expect(staffPage.text).toContain("ont été supprimés le 15/07/2031");
    expect(staffPage.text).not.toContain("le cédant est en difficulté");
  });

  it("states on the privacy page the retention period the admin set, not a fixed one", async () => {
    const page = async () => (await outcome((await import("~/routes/donnees-personnelles")).loader())).text;
    expect(await page()).toContain("conservé 60 mois (5 ans) après sa décision");
    expect(await page()).toContain("prévenue par courriel 30 jours avant");
    await updateRetentionSettings(world.db, {
      actorId: world.admin.id,
      values: { retentionMonths: "18", purgeNoticeDays: "14" },
      now: NOW,
    });
    expect(await page()).toContain("conservé 18 mois après sa décision");
    expect(await page()).toContain("prévenue par courriel 14 jours avant");
    expect(await page()).not.toContain("10 ans");
    await updateRetentionSettings(world.db, {
      actorId: world.admin.id,
      values: { retentionMonths: "60", purgeNoticeDays: "30" },
      now: NOW,
    });
  });

  it("lets only an admin read or change the retention settings", async () => {
    const route = await import("~/routes/admin.conservation");
    const funder = await createUser(world.db, "Fanny", "Financeuse", UserRole.FUNDER);
    const settings = { intent: "settings", retentionMonths: "24", purgeNoticeDays: "14" };
    expect((await outcome(route.loader(get("/admin/conservation")))).status).toBe(302);
    expect((await outcome(route.action(post("/admin/conservation", settings)))).status).toBe(302);
    for (const userId of [refused.owner.id, world.instructor.id, funder.id]) {
      const cookie = await cookieOf(world.db, userId);
      expect((await outcome(route.loader(get("/admin/conservation", cookie)))).status).toBe(403);
      expect((await outcome(route.action(post("/admin/conservation", settings, cookie)))).status).toBe(403);
    }
    expect(await getRetentionSettings(world.db)).toMatchObject({ retentionMonths: 60, purgeNoticeDays: 30 });

    const admin = await cookieOf(world.db, world.admin.id);
    const page = await outcome(route.loader(get("/admin/conservation", admin)));
    expect(page.status).toBe(200);
    expect(page.text).toContain(refused.number);
    for (const bad of [
      { ...settings, retentionMonths: "1000" },
      { ...settings, purgeNoticeDays: "" },
      { ...settings, intent: "supprimer-tout" },
    ]) {
      const refusal = await outcome(route.action(post("/admin/conservation", bad, admin)));
      expect(refusal.status).toBe(400);
      expect(refusal.text).toMatch(/doit être comprise|Indiquez le délai|Action inconnue/);
    }
    expect(await getRetentionSettings(world.db)).toMatchObject({ retentionMonths: 60, purgeNoticeDays: 30 });
    const saved = await route.action(post("/admin/conservation", settings, admin));
    expect((saved as Response).headers.get("Location")).toBe("/admin/conservation?fait=enregistre");
    expect(await getRetentionSettings(world.db)).toMatchObject({ retentionMonths: 24, purgeNoticeDays: 14 });
  });
});
