// What the portal shows of the life after the grant, on the demo database: the instructor's follow-up
// queue (its kinds, filters, scope, pages and CSV export).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";

import { EMPTY_FOLLOW_UP_FILTER, readFollowUpFilter, type FollowUpFilter } from "~/domain/follow-up-queue";
import { formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import { AgreementSide, PaymentStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { personalDataArchive } from "~/services/accounts/personal-data-export.server";
import { LocalFileStorage } from "~/services/platform/storage.server";
import { followUpCsvExport, loadFollowUpQueue } from "~/services/post-grant/follow-up-queue.server";

import { DEMO_ACCOUNTS, seedDemo } from "../../seeds/demo";
import { DEMO_RECOVERY } from "../../seeds/demo/post-grant";
import {
  ADVANCE_LATE,
  CAP_ASSO_GRANTED,
  CAP_ASSO_YEAR_2,
  CAP_SCOP_REQUESTED,
} from "../../seeds/demo/post-grant-dossiers";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createUser } from "../support/instruction-world";
import { cookieOf, get } from "../support/routes";

const NOW = paris("2026-12-07T10:00");

/** donnees.json of a personal-data archive. */
async function exportedJson(bytes: Buffer) {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName !== "donnees.json") return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        buffer(stream).then((content) => resolve(JSON.parse(content.toString("utf8"))), reject);
      });
    });
    zip.on("error", reject);
    zip.readEntry();
  });
}
const APP_URL = "https://portail.example.fr";
const filter = (overrides: Partial<FollowUpFilter> = {}): FollowUpFilter => ({
  ...EMPTY_FOLLOW_UP_FILTER,
  ...overrides,
});

describe("the follow-up queue on the demo database", () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;
  let instructor: { id: string; role: UserRole };
  let capAssoOnly: { id: string; role: UserRole };
  let noScope: { id: string; role: UserRole };

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    db = database.db;
    root = await mkdtemp(path.join(tmpdir(), "post-grant-views-"));
    await seedReference(db);
    await seedDemo(db, new LocalFileStorage(root));
    globalThis.__database = { db, kind: "pglite", close: () => database.close() };
    const email = DEMO_ACCOUNTS.find((account) => account.key === "instructor")!.email;
    instructor = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
    const scoped = await createUser(db, "Inès", "Caron", UserRole.INSTRUCTOR);
    await db.instructorScope.create({
      data: { userId: scoped.id, schemes: [SchemeCode.CAP_ASSO], departmentCodes: [], territoryCodes: [] },
    });
    capAssoOnly = { id: scoped.id, role: scoped.role };
    const unscoped = await createUser(db, "Hugo", "Renaud", UserRole.INSTRUCTOR);
    noScope = { id: unscoped.id, role: unscoped.role };
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("lists what waits after the grant, by kind, the oldest first, each line linking to its staff page", async () => {
    const queue = await loadFollowUpQueue(db, instructor, filter(), NOW);
    expect(queue.counts).toEqual({
      "versements-a-verifier": 3,
      "versements-a-payer": 0,
      "comptes-rendus-a-verifier": 2,
      "comptes-rendus-en-retard": 1,
      "reversements-a-recouvrer": 1,
      "conventions-a-accepter": 0,
      // The demo advance of the Ateliers du Romorantinais: its second instalment unpaid for about 40 days.
      "avances-en-retard": 1,
    });
    expect(queue.total).toBe(8);
    const dates = queue.items.map((item) => item.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));

    // The overdue report: due on 19 March 2026, 263 days late on 7 December.
    const overdue = queue.items.find((item) => item.kind === "comptes-rendus-en-retard")!;
    expect(overdue).toMatchObject({ subject: "Compte rendu financier de l’année 1", daysLate: 263 });
    expect(overdue.href).toBe(`/instruction/dossiers/${overdue.dossierId}/comptes-rendus/1`);
    // The A VOS ID recovery, to the cent, due on 2 December: five days late.
    const recovery = queue.items.find((item) => item.kind === "reversements-a-recouvrer")!;
    expect(recovery).toMatchObject({ amountCents: DEMO_RECOVERY.toRepayCents, daysLate: 5 });
    expect(recovery.href).toBe(`/instruction/dossiers/${recovery.dossierId}/reversements`);
    // The CAP SCOP-SCIC request, recomputed from the capital actually paid up.
    const scop = queue.items.find((item) => item.title === CAP_SCOP_REQUESTED.answers.title)!;
    expect(scop).toMatchObject({ kind: "versements-a-verifier", subject: "Versement unique" });
    expect(scop.amountCents).toBe(4_543_750);
    expect(scop.href).toBe(`/instruction/dossiers/${scop.dossierId}/versements/1`);
    // The late advance: 2 000,00 € of arrears, linking to its repayments page.
    const late = queue.items.find((item) => item.kind === "avances-en-retard")!;
    expect(late).toMatchObject({ title: ADVANCE_LATE.answers.title, amountCents: 200_000 });
    expect(late.href).toBe(`/instruction/dossiers/${late.dossierId}/remboursements`);
  });

  it("adds an approved payment to record and an agreement the holder accepted, and drops them once done", async () => {
    const payment = await db.payment.findFirstOrThrow({
      where: { status: PaymentStatus.REQUESTED, dossier: { schemeCode: SchemeCode.A_VOS_ID } },
    });
    await db.payment.update({
      where: { id: payment.id },
      data: { status: PaymentStatus.APPROVED, approvedAmountCents: 2_800_000, approvedAt: NOW },
    });
    const granted = await db.dossier.findFirstOrThrow({
      where: { title: String(CAP_ASSO_GRANTED.answers.title) },
    });
    const acceptance = await db.agreementAcceptance.create({
      data: {
        dossierId: granted.id,
        side: AgreementSide.HOLDER,
        method: "ONLINE",
        userId: instructor.id,
        signatoryName: "Léa Dubois",
        declaration: "J’accepte la convention.",
        agreementSha256: "0".repeat(64),
        acceptedAt: NOW,
      },
    });
    try {
      const queue = await loadFollowUpQueue(db, instructor, filter(), NOW);
      expect(queue.counts["versements-a-verifier"]).toBe(2);
      expect(queue.counts["versements-a-payer"]).toBe(1);
      expect(queue.counts["conventions-a-accepter"]).toBe(1);
      const agreement = queue.items.find((item) => item.kind === "conventions-a-accepter")!;
      expect(agreement.href).toBe(`/instruction/dossiers/${granted.id}/convention`);
      expect(agreement.amountCents).toBe(3_600_000);
    } finally {
      await db.agreementAcceptance.delete({ where: { id: acceptance.id } });
      await db.payment.update({
        where: { id: payment.id },
        data: { status: PaymentStatus.REQUESTED, approvedAmountCents: null, approvedAt: null },
      });
    }
  });

  it("filters like the instruction queue, within each instructor's scope", async () => {
    const aVosId = await loadFollowUpQueue(db, instructor, filter({ scheme: SchemeCode.A_VOS_ID }), NOW);
    expect(aVosId.total).toBe(3);
    expect(new Set(aVosId.items.map((item) => item.scheme))).toEqual(new Set(["A VOS ID"]));

    const kind = await loadFollowUpQueue(db, instructor, filter({ kind: "comptes-rendus-a-verifier" }), NOW);
    expect(kind.items.map((item) => item.kind)).toEqual([
      "comptes-rendus-a-verifier",
      "comptes-rendus-a-verifier",
    ]);

    const number = aVosId.items[0]!.number!;
    const searched = await loadFollowUpQueue(db, instructor, filter({ q: number }), NOW);
    expect(new Set(searched.items.map((item) => item.number))).toEqual(new Set([number]));
    expect((await loadFollowUpQueue(db, instructor, filter({ assignee: "aucun" }), NOW)).total).toBe(0);
    expect((await loadFollowUpQueue(db, instructor, filter({ department: "28" }), NOW)).total).toBe(
      (await loadFollowUpQueue(db, instructor, filter(), NOW)).items.filter(
        (item) => item.department === "28",
      ).length,
    );

    // An instructor of CAP ASSO alone sees its lines only; one without a scope sees nothing, and is told why.
    const scoped = await loadFollowUpQueue(db, capAssoOnly, filter(), NOW);
    expect(new Set(scoped.items.map((item) => item.scheme))).toEqual(new Set(["CAP ASSO"]));
    expect(scoped.total).toBe(3);
    const nothing = await loadFollowUpQueue(db, noScope, filter(), NOW);
    expect(nothing.total).toBe(0);
    expect(nothing.missingScope).not.toBeNull();
  });

  it("reads a hand-edited query without failing, and pages", async () => {
    const { filter: read, notices } = readFollowUpFilter(
      new URLSearchParams("quoi=n-importe-quoi&dispositif=cap-asso&page=zero&statut=GRANTED"),
    );
    expect(read).toMatchObject({ kind: null, scheme: SchemeCode.CAP_ASSO, page: 1 });
    expect(notices).toHaveLength(2);
    const last = await loadFollowUpQueue(db, instructor, filter({ page: 99 }), NOW);
    expect(last.page).toBe(1);
    expect(last.items).toHaveLength(8);
  });

  it("exports the selection as a French CSV with absolute links, and the route audits the export", async () => {
    const { csv, count } = await followUpCsvExport(db, instructor, filter(), { now: NOW, appUrl: APP_URL });
    expect(count).toBe(8);
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "À faire;Numéro;Organisation;Projet;Dispositif;Département;Territoire;Instructeur;Objet;Montant (€);Date;Jours de retard;Lien",
    );
    const recovery = lines.find((line) => line.startsWith("Reversement à recouvrer;"))!;
    expect(recovery).toContain(";1588,48;à reverser avant le 02/12/2026;");
    expect(recovery).toMatch(/;https:\/\/portail\.example\.fr\/instruction\/dossiers\/[^/;]+\/reversements$/);

    const route = await import("~/routes/instruction.suivi[.csv]");
    const cookie = await cookieOf(db, instructor.id);
    const response = await route.loader(get("/instruction/suivi.csv?dispositif=cap-asso", cookie));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="suivi-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "post_grant.queue_exported", actorId: instructor.id },
    });
    expect(audit.details).toMatchObject({ query: "dispositif=cap-asso", count: 3 });
  });

  it("serves the page to the instructor with the amounts written the French way", async () => {
    const route = await import("~/routes/instruction.suivi");
    const cookie = await cookieOf(db, instructor.id);
    const page = await route.loader(get("/instruction/suivi?quoi=reversements-a-recouvrer", cookie));
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      amount: formatEuros(DEMO_RECOVERY.toRepayCents),
      date: "à reverser avant le 02/12/2026",
    });
  });

  it("shows a funder the amounts paid beside granted and the reports' punctuality, never a piece nor a report's content", async () => {
    const route = await import("~/routes/financeurs.dossiers.$id");
    const funder = DEMO_ACCOUNTS.find((account) => account.key === "funder")!;
    const cookie = await cookieOf(db, { email: funder.email });
    const dossier = await db.dossier.findFirstOrThrow({
      where: { title: String(CAP_ASSO_YEAR_2.answers.title) },
    });
    const page = await route.loader(get(`/financeurs/dossiers/${dossier.id}`, cookie, { id: dossier.id }));
    expect(page.followUp).toEqual({
      grantedCents: 3_600_000,
      // Year 1's advance and balance, year 2's advance.
      paidCents: 1_800_000,
      toRepayCents: 0,
      settledOn: null,
      // A CAP ASSO dossier: no equity advance to follow.
      advance: null,
      reports: [
        {
          name: "Compte rendu de l’année 1",
          dueOn: "04/03/2026",
          state: "Envoyé à temps le 20/01/2026",
          late: false,
        },
        { name: "Compte rendu de l’année 2", dueOn: "04/03/2027", state: "À venir", late: false },
        { name: "Compte rendu de l’année 3", dueOn: "04/03/2028", state: "À venir", late: false },
      ],
    });
    const sent = JSON.stringify(page);
    const pieces = await db.attachment.findMany({
      where: { dossierId: dossier.id, reportId: { not: null } },
    });
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) {
      expect(sent).not.toContain(piece.id);
      expect(sent).not.toContain(piece.fileName);
    }
    expect(sent).not.toContain("séances hebdomadaires");
    expect(sent).not.toContain("MDT-");

    // The shared equity advance of the Ateliers du Romorantinais: its standing, arrears included.
    const advance = await db.dossier.findFirstOrThrow({
      where: { title: String(ADVANCE_LATE.answers.title) },
    });
    const advancePage = await route.loader(
      get(`/financeurs/dossiers/${advance.id}`, cookie, { id: advance.id }),
    );
    expect(advancePage.followUp?.advance).toMatchObject({
      paid: formatEuros(1_800_000),
      repaid: formatEuros(200_000),
      outstanding: formatEuros(1_600_000),
      late: formatEuros(200_000),
      repaidInFull: false,
    });
  });

  it("puts the holder's acceptances, payment requests and reports sent in their personal-data export", async () => {
    const holder = DEMO_ACCOUNTS.find((account) => account.key === "applicantCooperative")!;
    const user = await db.user.findUniqueOrThrow({ where: { email: holder.email } });
    const archive = await personalDataArchive(db, new LocalFileStorage(root), { userId: user.id, now: NOW });
    const json = (await exportedJson(await buffer(archive.stream))) as {
      dossiers: Array<{
        titre?: string;
        acceptationsDeLaConvention: Array<{ partie: string; empreinteSha256DeLaConvention: string }>;
        versements: Array<{ etat: string; demandePar: string | null }>;
        comptesRendusFinanciers: Array<{ etat: string }>;
      }>;
    };
    const withAcceptance = json.dossiers.filter((dossier) => dossier.acceptationsDeLaConvention.length > 0);
    // Eight grants, six equity advances.
    expect(withAcceptance).toHaveLength(14);
    for (const dossier of withAcceptance) {
      expect(dossier.acceptationsDeLaConvention.map((row) => row.partie).sort()).toEqual([
        "Région",
        "porteur",
      ]);
      expect(dossier.acceptationsDeLaConvention[0]!.empreinteSha256DeLaConvention).toMatch(/^[0-9a-f]{64}$/);
    }
    const requests = json.dossiers.flatMap((dossier) => dossier.versements).filter((row) => row.demandePar);
    expect(requests.length).toBeGreaterThan(5);
    expect(
      json.dossiers.flatMap((dossier) => dossier.comptesRendusFinanciers).map((row) => row.etat),
    ).toContain("SUBMITTED");
  });
});
