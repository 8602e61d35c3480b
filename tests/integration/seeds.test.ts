import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readDossierAnswers, SCHEME_FORMS, type FormContext, type RawAnswers } from "~/domain/dossier-forms";
import { parseDossierNumber } from "~/domain/dossier-number";
import { organisationProblems } from "~/domain/filing-checklist";
import { formatEuros } from "~/domain/format";
import { isValidIban, isValidSiren, isValidSiret } from "~/domain/identifiers";
import { addParisMonths, paris, parisDay, parisYear } from "~/domain/paris-time";
import { parseRuleSetParameters } from "~/domain/schemes";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  CorrectionStatus,
  DocumentKind,
  DossierStatus,
  LegalForm,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { verifyPassword } from "~/services/accounts/password.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { dossierChecklist } from "~/services/applicant/filing.server";
import { LocalFileStorage } from "~/services/platform/storage.server";
import { loadAdvance, standingOf } from "~/services/post-grant/advance.server";
import { standingSummary } from "~/services/post-grant/advance-views.server";

import { DEMO_ACCOUNTS, DEMO_DOSSIERS, seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";

/** The years that must have a continuous call when the seed runs at `now`. */
function expectedCallYears(now: Date): number[] {
  const year = parisYear(now);
  return [...new Set([2026, year, year + 1])].sort((a, b) => a - b);
}

/** A dossier's form context as the portal builds it: its own rule set and the territories in the database. */
async function formContextOf(
  db: PrismaClient,
  schemeCode: SchemeCode,
  ruleSetParameters: unknown,
): Promise<FormContext> {
  const parsed = parseRuleSetParameters(schemeCode, ruleSetParameters);
  if (!parsed.ok) throw new Error(parsed.error);
  const territories = await db.territory.findMany({ orderBy: { code: "asc" } });
  return {
    parameters: parsed.parameters,
    territories: territories.map((territory) => ({ value: territory.code, label: territory.name })),
  };
}

/** What the forms post: a string per field, rows of strings per repeated group. */
function isStoredAsTyped(answers: unknown): boolean {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return false;
  return Object.values(answers).every(
    (value) =>
      typeof value === "string" ||
      (Array.isArray(value) &&
        value.every(
          (row) =>
            row &&
            typeof row === "object" &&
            Object.values(row as object).every((cell) => typeof cell === "string"),
        )),
  );
}

/** Every file under `root`, by its path from there. */
async function storedFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The pieces a dossier must hold to be filed: its rule set's, less those its answers make unneeded. */
function requiredKinds(schemeCode: SchemeCode, context: FormContext, answers: RawAnswers): string[] {
  const reading = readDossierAnswers(schemeCode, context, answers);
  const notNeeded = SCHEME_FORMS[schemeCode].attachmentsNotNeeded?.(reading.values) ?? [];
  return context.parameters.requiredAttachments
    .map((piece) => piece.kind)
    .filter((kind) => !notNeeded.includes(kind));
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
/** A PDF's text with each run of spaces and line breaks as one space, for text that may wrap. */
const flat = (text: string) => text.replace(/\s+/g, " ");

/** The filing snapshot the FILED event keeps, as the portal writes it. */
interface FilingSnapshot {
  ruleSetVersion: number;
  answers: RawAnswers;
  requestedAmountCents: number | null;
  budgetLines: unknown[];
  attachments: Array<{ kind: string; fileName: string; sha256: string }>;
  eligibility: Array<{ id: string; met: boolean | null }>;
}

async function countEveryTable(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM "${name}"`,
    );
    counts[name] = row!.count;
  }
  return counts;
}

// Every seeded row that must not move when the seed runs again, beyond row counts.
async function snapshot(db: PrismaClient) {
  return {
    numbers: (await db.dossier.findMany({ select: { number: true }, orderBy: { createdAt: "asc" } })).map(
      (d) => d.number,
    ),
    counters: await db.dossierNumberCounter.findMany({ orderBy: [{ prefix: "asc" }, { year: "asc" }] }),
    passwordHashes: (
      await db.user.findMany({ select: { passwordHash: true }, orderBy: { email: "asc" } })
    ).map((user) => user.passwordHash),
    attachments: await db.attachment.findMany({
      select: { storageKey: true, sha256: true },
      orderBy: { storageKey: "asc" },
    }),
    documents: await db.generatedDocument.findMany({
      select: { storageKey: true },
      orderBy: { storageKey: "asc" },
    }),
  };
}

describe.each(databaseKinds())("seeds on %s", (kind) => {
  let database: TestDatabase;
  let afterFirstRun: Record<string, number>;
  let snapshotAfterFirstRun: Awaited<ReturnType<typeof snapshot>>;
  let storageDir: string;
  let storage: LocalFileStorage;
  let filesAfterFirstRun: string[];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    storageDir = await mkdtemp(path.join(tmpdir(), "seeds-files-"));
    storage = new LocalFileStorage(storageDir);
    await seedReference(database.db);
    await seedDemo(database.db, storage);
    afterFirstRun = await countEveryTable(database.db);
    snapshotAfterFirstRun = await snapshot(database.db);
    filesAfterFirstRun = await storedFiles(storageDir);
  });

  afterAll(async () => {
    await database?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  it("changes nothing when run a second time", async () => {
    await seedReference(database.db);
    const accounts = await seedDemo(database.db, storage);
    expect(accounts).toBe(DEMO_ACCOUNTS);
    expect(await countEveryTable(database.db)).toEqual(afterFirstRun);
    expect(await snapshot(database.db)).toEqual(snapshotAfterFirstRun);
    expect(afterFirstRun.Dossier).toBe(DEMO_DOSSIERS.length);
    // Not a file more, and none left over: each stored file is a piece or a receipt.
    expect(await storedFiles(storageDir)).toEqual(filesAfterFirstRun);
    expect(filesAfterFirstRun).toEqual(
      [...snapshotAfterFirstRun.attachments, ...snapshotAfterFirstRun.documents]
        .map((row) => path.join(...row.storageKey.split("/")))
        .sort(),
    );
  });

  it("gives every dossier past the draft its required pieces, uploaded by its creator before the filing, as PDFs stored with their SHA-256", async () => {
    const { db } = database;
    const dossiers = await db.dossier.findMany({
      include: {
        ruleSet: true,
        organisation: true,
        // The filing's pieces: the proofs and pieces sent after the grant belong to payments, reports and
        // reschedulings of an advance.
        attachments: {
          where: { paymentId: null, reportId: null, acceptanceId: null, reschedulingId: null },
          orderBy: { createdAt: "asc" },
        },
        events: { where: { toStatus: DossierStatus.FILED } },
      },
    });
    let unneededSkipped = 0;
    for (const dossier of dossiers) {
      const what = `${dossier.status} ${dossier.title}`;
      if (dossier.status === DossierStatus.DRAFT) {
        expect(dossier.attachments, what).toEqual([]);
        continue;
      }
      const context = await formContextOf(db, dossier.schemeCode, dossier.ruleSet.parameters);
      const kinds = requiredKinds(dossier.schemeCode, context, dossier.answers as RawAnswers);
      unneededSkipped += context.parameters.requiredAttachments.length - kinds.length;
      const current = dossier.attachments.filter((row) => !row.deletedAt && !row.messageId);
      expect(current.map((row) => row.kind).sort(), what).toEqual([...kinds].sort());

      const filed = (dossier.events[0]!.data as unknown as FilingSnapshot).attachments;
      expect(filed.map((piece) => piece.kind).sort(), what).toEqual([...kinds].sort());
      for (const row of dossier.attachments) {
        expect(row.uploadedById, what).toBe(dossier.createdById);
        expect(row.mimeType, what).toBe("application/pdf");
        expect(row.createdAt.getTime(), what).toBeGreaterThan(dossier.createdAt.getTime());
        if (filed.some((piece) => piece.sha256 === row.sha256)) {
          expect(row.createdAt.getTime(), `${what}: ${row.kind}`).toBeLessThan(dossier.filedAt!.getTime());
        }
        const bytes = await buffer(await storage.get(row.storageKey));
        expect(sha256(bytes), `${what}: ${row.kind}`).toBe(row.sha256);
        expect(bytes.byteLength).toBe(row.sizeBytes);
        // The piece says what it stands for, and whose it is.
        const label = context.parameters.requiredAttachments.find((piece) => piece.kind === row.kind)!.label;
        const text = flat(await pdfText(bytes));
        expect(text, `${what}: ${row.kind}`).toContain(label);
        expect(text, `${what}: ${row.kind}`).toContain(dossier.organisation.name);
      }
    }
    // The cooperative in creation files no Kbis.
    expect(unneededSkipped).toBeGreaterThan(0);
  });

  it("lets the portal's own checklist find every piece and answer of a dossier past the draft, one sent back for correction included", async () => {
    const { db } = database;
    const dossiers = await db.dossier.findMany({ where: { status: { not: DossierStatus.DRAFT } } });
    expect(dossiers.some((dossier) => dossier.status === DossierStatus.CORRECTION_REQUESTED)).toBe(true);
    for (const dossier of dossiers) {
      const checklist = await dossierChecklist(
        db,
        await getDossierForMember(db, dossier.createdById, dossier.id),
      );
      expect(
        checklist.sections.flatMap((section) => section.items),
        `${dossier.status} ${dossier.title}`,
      ).toEqual([]);
      expect(checklist.eligibility.eligible, `${dossier.status} ${dossier.title}`).toBe(true);
    }
  });

  it("records each filing as the portal does: the snapshot in the FILED event and a receipt listing the pieces filed with their SHA-256", async () => {
    const { db } = database;
    const dossiers = await db.dossier.findMany({
      include: {
        ruleSet: true,
        organisation: true,
        attachments: true,
        documents: true,
        events: { where: { toStatus: DossierStatus.FILED } },
      },
    });
    for (const dossier of dossiers) {
      const what = `${dossier.status} ${dossier.title}`;
      if (dossier.status === DossierStatus.DRAFT) {
        expect(dossier.documents, what).toEqual([]);
        continue;
      }
      expect(dossier.events, what).toHaveLength(1);
      const snapshot = dossier.events[0]!.data as unknown as FilingSnapshot;
      const context = await formContextOf(db, dossier.schemeCode, dossier.ruleSet.parameters);
      const filedReading = readDossierAnswers(dossier.schemeCode, context, snapshot.answers);
      expect(filedReading.issues, what).toEqual([]);
      expect(snapshot, what).toMatchObject({
        ruleSetVersion: dossier.ruleSet.version,
        requestedAmountCents: filedReading.summary.requestedAmountCents,
        budgetLines: filedReading.budgetLines,
      });
      expect(snapshot.eligibility.length, what).toBeGreaterThan(0);
      expect(
        snapshot.eligibility.every((criterion) => criterion.met === true),
        what,
      ).toBe(true);
      for (const piece of snapshot.attachments) {
        const row = dossier.attachments.find((candidate) => candidate.sha256 === piece.sha256);
        expect(row && { kind: row.kind, fileName: row.fileName, sha256: row.sha256 }, what).toEqual(piece);
      }

      const receipts = dossier.documents.filter((document) => document.kind === DocumentKind.FILING_RECEIPT);
      expect(receipts, what).toHaveLength(1);
      expect(receipts[0]!.createdAt, what).toEqual(dossier.filedAt);
      const text = await pdfText(await buffer(await storage.get(receipts[0]!.storageKey)));
      expect(text, what).toContain(dossier.number!);
      expect(flat(text), what).toContain(dossier.organisation.name);
      expect(text, what).toContain(formatEuros(filedReading.summary.requestedAmountCents!));
      expect(text, what).toContain(`Pièces jointes (${snapshot.attachments.length})`);
      for (const piece of snapshot.attachments)
        expect(text, `${what}: ${piece.kind}`).toContain(piece.sha256);
    }
  });

  it("gives every decided dossier its decision letter, and a granted one its agreement and schedule, with the amount voted", async () => {
    const { db } = database;
    const decided = await db.dossier.findMany({
      where: { status: { in: [DossierStatus.GRANTED, DossierStatus.REFUSED] } },
      include: { documents: true, instalments: true },
    });
    expect(decided.length).toBeGreaterThan(0);
    for (const dossier of decided) {
      const what = `${dossier.status} ${dossier.title}`;
      const kinds = dossier.documents.map((document) => document.kind);
      expect(kinds, what).toContain(DocumentKind.DECISION_LETTER);
      const letter = dossier.documents.find((document) => document.kind === DocumentKind.DECISION_LETTER)!;
      const text = await pdfText(await buffer(await storage.get(letter.storageKey)));
      expect(text, what).toContain(dossier.number!);
      if (dossier.status === DossierStatus.REFUSED) {
        expect(kinds, what).not.toContain(DocumentKind.AGREEMENT);
        continue;
      }
      expect(text, what).toContain(formatEuros(dossier.grantedAmountCents!));
      expect(kinds, what).toContain(DocumentKind.AGREEMENT);
      const schedule = dossier.documents.find(
        (document) =>
          document.kind === DocumentKind.PAYMENT_SCHEDULE ||
          document.kind === DocumentKind.REPAYMENT_SCHEDULE,
      );
      expect(schedule, what).toBeDefined();
      // The schedule printed is the one the dossier records.
      const scheduleText = await pdfText(await buffer(await storage.get(schedule!.storageKey)));
      for (const instalment of dossier.instalments.filter((row) =>
        schedule!.kind === DocumentKind.REPAYMENT_SCHEDULE
          ? row.kind === "REPAYMENT"
          : row.kind === "PAYMENT",
      )) {
        expect(scheduleText, what).toContain(formatEuros(instalment.amountCents));
      }
    }
  });

  it("replaces the pieces an answered correction asked for, keeping the filed ones, and sends the dossier back with them", async () => {
    const { db } = database;
    const dossiers = await db.dossier.findMany({
      where: {
        correctionRequests: {
          some: { status: CorrectionStatus.ANSWERED, attachmentKinds: { isEmpty: false } },
        },
      },
      include: {
        correctionRequests: true,
        attachments: true,
        events: {
          where: {
            fromStatus: DossierStatus.CORRECTION_REQUESTED,
            toStatus: DossierStatus.UNDER_INSTRUCTION,
          },
        },
      },
    });
    expect(dossiers.length).toBeGreaterThan(0);
    for (const dossier of dossiers) {
      const correction = dossier.correctionRequests[0]!;
      const current = dossier.attachments.filter((row) => !row.deletedAt);
      const resent = (dossier.events[0]!.data as unknown as FilingSnapshot).attachments;
      expect(resent.map((piece) => piece.sha256).sort()).toEqual(current.map((row) => row.sha256).sort());
      for (const kind of correction.attachmentKinds) {
        const [replaced, replacement] = dossier.attachments
          .filter((row) => row.kind === kind)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
        expect(replaced!.deletedAt).toEqual(replacement!.createdAt);
        expect(replacement!.deletedAt).toBeNull();
        expect(replacement!.createdAt > correction.createdAt).toBe(true);
        expect(replacement!.createdAt < correction.answeredAt!).toBe(true);
        // Still stored: the receipt lists its SHA-256.
        expect(await storage.exists(replaced!.storageKey)).toBe(true);
      }
    }
  });

  it("writes the life after the grant: both acceptances of the stored agreement, the plan's payments and reports at every stage, a recovery to the cent, a settled dossier", async () => {
    const { db } = database;
    const granted = await db.dossier.findMany({
      where: { status: { in: [DossierStatus.GRANTED, DossierStatus.SETTLED] } },
      include: {
        acceptances: true,
        payments: { orderBy: { position: "asc" } },
        reports: { orderBy: { period: "asc" } },
        recoveries: true,
        documents: {
          where: {
            kind: { in: ["AGREEMENT", "ACCEPTANCE_CERTIFICATE", "RECOVERY_ORDER", "FINANCIAL_REPORT"] },
          },
        },
        events: { where: { kind: "FOLLOW_UP" } },
      },
    });
    for (const dossier of granted) {
      const what = `${dossier.status} ${dossier.title}`;
      if (dossier.acceptances.length === 0) {
        expect(dossier.payments, what).toEqual([]);
        continue;
      }
      // Both sides accepted the agreement the portal stored, byte for byte.
      expect(dossier.acceptances.map((row) => row.side).sort(), what).toEqual(["HOLDER", "REGION"]);
      const agreement = dossier.documents.find((document) => document.kind === "AGREEMENT")!;
      const bytes = await buffer(await storage.get(agreement.storageKey));
      // Its acceptance certificate was issued with the Region's acceptance, as the portal issues it.
      const certificate = dossier.documents.find((document) => document.kind === "ACCEPTANCE_CERTIFICATE");
      expect(certificate, what).toBeDefined();
      expect(certificate!.createdAt, what).toEqual(dossier.agreementAcceptedAt);
      // Each report sent has its PDF, issued when it was sent.
      for (const report of dossier.reports.filter((row) => row.submittedAt)) {
        const issued = dossier.documents.find(
          (document) => document.kind === "FINANCIAL_REPORT" && document.period === report.period,
        );
        expect(issued?.createdAt, `${what}, compte rendu ${report.period}`).toEqual(report.submittedAt);
      }
      for (const acceptance of dossier.acceptances) {
        expect(acceptance.agreementSha256, what).toBe(sha256(bytes));
        expect(acceptance.agreementDocumentId, what).toBe(agreement.id);
      }
      expect(dossier.agreementAcceptedAt, what).toEqual(
        new Date(Math.max(...dossier.acceptances.map((row) => row.acceptedAt.getTime()))),
      );
      // The plan's payments add up to the grant; a paid one was requested and approved first.
      expect(
        dossier.payments.reduce((sum, payment) => sum + payment.plannedAmountCents, 0),
        what,
      ).toBe(dossier.grantedAmountCents);
      for (const payment of dossier.payments.filter((row) => row.status === "PAID")) {
        expect(payment.requestedAt!.getTime(), what).toBeLessThan(payment.approvedAt!.getTime());
        expect(payment.paidAmountCents, what).toBe(payment.approvedAmountCents);
        expect(payment.mandateReference, what).toMatch(/^MDT-\d{4}-\d{6}$/);
      }
      // Each act is in the timeline, in French.
      expect(dossier.events.length, what).toBeGreaterThanOrEqual(2);
    }
    const statuses = (pick: (dossier: (typeof granted)[number]) => string[]) =>
      new Set(granted.flatMap(pick));
    expect(
      statuses((dossier) => dossier.payments.map((row) => `${dossier.schemeCode} ${row.status}`)),
    ).toEqual(
      new Set([
        "CAP_ASSO EXPECTED",
        "CAP_ASSO REQUESTED",
        "CAP_ASSO PAID",
        "A_VOS_ID REQUESTED",
        "A_VOS_ID PAID",
        "A_VOS_ID CANCELLED",
        "CAP_SCOP_SCIC REQUESTED",
        "CAP_SCOP_SCIC PAID",
        "EQUITY_ADVANCE PAID",
      ]),
    );
    expect(statuses((dossier) => dossier.reports.map((row) => row.status))).toEqual(
      new Set(["DUE", "SUBMITTED", "APPROVED"]),
    );
    // One report overdue, its three reminders sent.
    const overdue = granted
      .flatMap((dossier) => dossier.reports)
      .filter((report) => report.status === "DUE" && report.dueDate < paris("2026-12-01"));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.remindedOverdueAt).not.toBeNull();

    // The A VOS ID whose eligible expenses fell to 31 234,56 €: a third of them, 10 411,52 €, is the
    // subsidy; of the 12 000,00 € advance, 1 588,48 € is to be repaid.
    const recovered = granted.find((dossier) => dossier.recoveries.length > 0)!;
    expect(recovered.schemeCode).toBe("A_VOS_ID");
    expect(recovered.reports[0]!.retainedAmountCents).toBe(1_041_152);
    expect(recovered.recoveries[0]).toMatchObject({ amountCents: 158_848, status: "ISSUED" });
    // Its « demande de reversement » is there to download, with the same figures.
    const order = recovered.documents.find((document) => document.kind === "RECOVERY_ORDER")!;
    const orderText = (await pdfText(await buffer(await storage.get(order.storageKey)))).replace(/\s+/g, " ");
    for (const line of [
      `Sommes versées par la Région ${formatEuros(1_200_000)}`,
      `Subvention finalement due ${formatEuros(1_041_152)}`,
      `Montant à reverser ${formatEuros(158_848)}`,
    ])
      expect(orderText).toContain(line.replace(/\s+/g, " "));
    expect(recovered.events.map((event) => event.reason)).toContain(
      `Demande de reversement émise : ${formatEuros(158_848)} à reverser avant le 02/12/2026`,
    );

    const settled = granted.filter((dossier) => dossier.status === DossierStatus.SETTLED);
    expect(settled.map((dossier) => dossier.schemeCode).sort()).toEqual(["CAP_SCOP_SCIC", "EQUITY_ADVANCE"]);
    const settledScop = settled.find((dossier) => dossier.schemeCode === "CAP_SCOP_SCIC")!;
    expect(settledScop.settledAt).not.toBeNull();
    expect(settledScop.payments.map((row) => [row.status, row.paidAmountCents])).toEqual([
      ["PAID", 4_600_000],
    ]);

    // A granted dossier of each scheme is left with no acceptance, for the agreement's own tests.
    expect(
      new Set(
        granted
          .filter((dossier) => dossier.status === DossierStatus.GRANTED && dossier.acceptances.length === 0)
          .map((dossier) => dossier.schemeCode),
      ),
    ).toEqual(new Set(["CAP_ASSO", "A_VOS_ID", "CAP_SCOP_SCIC", "EQUITY_ADVANCE"]));
  });

  it("writes an equity advance at every stage after its payment, with the portal's PDFs: just paid, on time, late with its letter, rescheduled by amendment, repaid early in part, repaid in full", async () => {
    const { db } = database;
    const now = new Date();
    const advances = await db.dossier.findMany({
      where: { schemeCode: SchemeCode.EQUITY_ADVANCE, payments: { some: { status: "PAID" } } },
      include: { documents: true, organisation: true },
      orderBy: { title: "asc" },
    });
    const stages = new Map<string, Record<string, unknown>>();
    for (const dossier of advances) {
      const advance = (await loadAdvance(db, dossier.id))!;
      const summary = standingSummary(advance, now);
      const kinds = dossier.documents.map((document) => document.kind);
      const count = (kind: DocumentKind) => kinds.filter((item) => item === kind).length;
      // Counted from the payment date: the first schedule's first repayment falls 12 months after it.
      expect(parisDay(advance.schedules[0]!.instalments[0]!.dueDate), dossier.title).toBe(
        parisDay(addParisMonths(advance.paidOn, 12)),
      );
      // Every schedule's instalments add up to what was outstanding when it was set, to the cent.
      expect(advance.current.instalments.reduce((sum, item) => sum + item.amountCents, 0)).toBe(
        summary.outstandingCents +
          standingOf(advance, now).position.instalments.reduce((sum, item) => sum + item.paidCents, 0),
      );
      stages.set(dossier.organisation.name, {
        status: dossier.status,
        paid: summary.paid,
        repaid: summary.repaid,
        outstanding: summary.outstanding,
        late: summary.late,
        daysLate: summary.daysLate,
        origins: advance.schedules.map((schedule) => schedule.origin),
        documents: {
          schedules: count(DocumentKind.REPAYMENT_SCHEDULE),
          amendments: count(DocumentKind.ADVANCE_AMENDMENT),
          letters: count(DocumentKind.ADVANCE_REMINDER_LETTER),
          certificates: count(DocumentKind.REPAYMENT_CERTIFICATE),
        },
      });
    }
    const stage = (
      status: string,
      paid: number,
      repaid: number,
      outstanding: number,
      origins: string[],
      letters = 0,
      late: [number, number] | null = null,
    ) => ({
      status,
      paid: formatEuros(paid),
      repaid: formatEuros(repaid),
      outstanding: formatEuros(outstanding),
      late: late ? formatEuros(late[0]) : null,
      // About 40 days (months of unequal length move it by a day or two): past the formal reminder at +30.
      daysLate: late ? expect.toSatisfy((days: number) => Math.abs(days - late[1]) <= 3) : 0,
      origins,
      documents: {
        // One at the grant (the forecast), then one for each schedule set after the payment.
        schedules: 1 + origins.length,
        amendments: origins.filter((origin) => origin === "RESCHEDULING").length,
        letters,
        certificates: status === "SETTLED" ? 1 : 0,
      },
    });
    expect(Object.fromEntries(stages)).toEqual({
      "Brenne Patrimoine Vivant": stage("GRANTED", 2_400_000, 0, 2_400_000, ["PAYMENT"]),
      "Tremplin Emploi Touraine": stage("GRANTED", 3_000_000, 999_999, 2_000_001, ["PAYMENT"]),
      "Les Ateliers du Romorantinais": stage(
        "GRANTED",
        1_800_000,
        200_000,
        1_600_000,
        ["PAYMENT"],
        1,
        [200_000, 40],
      ),
      "Maison des jeunes et de la culture de Nogent-le-Rotrou": stage("GRANTED", 2_700_000, 0, 2_700_000, [
        "PAYMENT",
        "RESCHEDULING",
      ]),
      "Compagnie Les Tréteaux de Loire": stage("GRANTED", 3_200_000, 1_355_555, 1_844_445, [
        "PAYMENT",
        "EARLY_REPAYMENT",
      ]),
      "Sport Santé Berry": stage("SETTLED", 2_000_000, 2_000_000, 0, ["PAYMENT"]),
    });
  });

  it("has dossiers in every status, across the four schemes", async () => {
    const dossiers = await database.db.dossier.findMany({ select: { status: true, schemeCode: true } });
    expect(new Set(dossiers.map((dossier) => dossier.status))).toEqual(new Set(Object.values(DossierStatus)));
    expect(new Set(dossiers.map((dossier) => dossier.schemeCode))).toEqual(
      new Set(Object.values(SchemeCode)),
    );
  });

  it("seeds the reference data: departments, schemes with a valid published rule set 1, calls for 2026, this year and next, territories, funders", async () => {
    const { db } = database;
    expect((await db.department.findMany({ orderBy: { code: "asc" } })).map((d) => d.code)).toEqual([
      "18",
      "28",
      "36",
      "37",
      "41",
      "45",
    ]);
    const schemes = await db.scheme.findMany({ include: { ruleSets: true, calls: true } });
    expect(schemes.map((scheme) => scheme.numberPrefix).sort()).toEqual([
      "AVANCEFP",
      "AVOSID",
      "CAPASSO",
      "CAPSCOP",
    ]);
    for (const scheme of schemes) {
      expect(scheme.ruleSets).toHaveLength(1);
      const [ruleSet] = scheme.ruleSets;
      expect(ruleSet).toMatchObject({ version: 1, status: "PUBLISHED" });
      expect(ruleSet!.effectiveFrom?.toISOString()).toBe("2024-12-31T23:00:00.000Z");
      expect(parseRuleSetParameters(scheme.code, ruleSet!.parameters).ok).toBe(true);
      expect(scheme.calls.map((call) => call.year).sort()).toEqual(expectedCallYears(new Date()));
      // A dossier can be started and filed today, and still on the first of January.
      const nextNewYear = paris(`${parisYear(new Date()) + 1}-01-01T00:00:01`);
      for (const at of [new Date(), nextNewYear]) {
        expect(
          scheme.calls.some((call) => call.opensAt <= at && (!call.closesAt || at <= call.closesAt)),
          `${scheme.code} on ${at.toISOString()}`,
        ).toBe(true);
      }
    }
    const capAssoCall = schemes.find((scheme) => scheme.code === "CAP_ASSO")!.calls[0]!;
    expect(capAssoCall.budgetEnvelopeCents).toBe(900_000_000n);
    const territories = await db.territory.groupBy({ by: ["departmentCode"], _count: true });
    expect(territories).toHaveLength(6);
    expect(await db.territory.count()).toBeGreaterThanOrEqual(25);
    expect(await db.funderOrganisation.count()).toBe(6);
    expect(
      await db.commissionSession.count({
        where: { date: { gte: new Date("2026-01-01"), lt: new Date("2027-01-01") } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("stores the answers as typed, complete for every dossier past the draft, and reads every column and budget line from them", async () => {
    const { db } = database;
    const dossiers = await db.dossier.findMany({
      include: {
        ruleSet: true,
        territory: true,
        organisation: true,
        budgetLines: { orderBy: { position: "asc" } },
      },
    });
    expect(dossiers.filter((dossier) => dossier.status === DossierStatus.DRAFT).length).toBeGreaterThan(0);
    for (const dossier of dossiers) {
      const what = `${dossier.status} ${dossier.title}`;
      expect(isStoredAsTyped(dossier.answers), what).toBe(true);
      const context = await formContextOf(db, dossier.schemeCode, dossier.ruleSet.parameters);
      const reading = readDossierAnswers(dossier.schemeCode, context, dossier.answers as RawAnswers);
      if (dossier.status === DossierStatus.DRAFT) {
        // A draft may be half done, but what it holds is valid: only missing answers are reported.
        for (const issue of reading.issues) {
          expect(issue.message, `${what}: ${issue.label}`).toMatch(
            /^(À renseigner\.|Ajoutez au moins |Au moins )/,
          );
        }
      } else {
        expect(reading.issues, what).toEqual([]);
        expect(dossier.requestedAmountCents, what).toBeGreaterThan(0);
        expect(dossier.totalBudgetCents, what).toBeGreaterThan(0);
        expect(organisationProblems(dossier.organisation), `${what}: profil`).toEqual([]);
      }
      expect(dossier.title, what).toBe(reading.title);
      expect(dossier.requestedAmountCents, what).toBe(reading.summary.requestedAmountCents);
      expect(dossier.totalBudgetCents, what).toBe(reading.totalBudgetCents);
      const { columns } = reading.summary;
      expect(
        {
          jobsCreatedFte: dossier.jobsCreatedFte,
          jobsConsolidatedFte: dossier.jobsConsolidatedFte,
          capAssoSector: dossier.capAssoSector,
          employeeAssociatesCount: dossier.employeeAssociatesCount,
          territoryCode: dossier.territory?.code ?? null,
        },
        what,
      ).toEqual({
        jobsCreatedFte: columns.jobsCreatedFte ?? null,
        jobsConsolidatedFte: columns.jobsConsolidatedFte ?? null,
        capAssoSector: columns.capAssoSector ?? null,
        employeeAssociatesCount: columns.employeeAssociatesCount ?? null,
        territoryCode: columns.territoryCode ?? null,
      });
      expect(
        dossier.budgetLines.map(({ side, category, label, amountCents }) => ({
          side,
          category,
          label,
          amountCents,
        })),
        what,
      ).toEqual(reading.budgetLines);
    }
  });

  it("lets the demo applicant file a new dossier for their association: complete profile, calls open", async () => {
    const { db } = database;
    const applicant = await db.user.findUniqueOrThrow({
      where: { email: "porteur@demo.portail-ess.fr" },
      include: { memberships: { include: { organisation: true } } },
    });
    const association = applicant.memberships.find(
      (membership) => membership.organisation.legalForm === LegalForm.ASSOCIATION,
    )!.organisation;
    expect(organisationProblems(association)).toEqual([]);
    const now = new Date();
    for (const code of [SchemeCode.CAP_ASSO, SchemeCode.A_VOS_ID, SchemeCode.EQUITY_ADVANCE]) {
      const open = await db.call.count({
        where: {
          scheme: { code },
          opensAt: { lte: now },
          OR: [{ closesAt: null }, { closesAt: { gte: now } }],
        },
      });
      expect(open, code).toBeGreaterThan(0);
    }
  });

  it("gives every filed dossier a well-formed number, one event per transition, and no number to drafts", async () => {
    const dossiers = await database.db.dossier.findMany({ include: { events: true, scheme: true } });
    for (const dossier of dossiers) {
      const transitions = dossier.events.filter((event) => event.kind === "STATUS_CHANGE");
      if (dossier.status === "DRAFT") {
        expect(dossier.number).toBeNull();
        expect(transitions).toHaveLength(0);
        continue;
      }
      expect(parseDossierNumber(dossier.number!)?.prefix).toBe(dossier.scheme.numberPrefix);
      expect(dossier.filedAt).not.toBeNull();
      expect(transitions.length).toBeGreaterThan(0);
      const ordered = [...transitions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      expect(ordered[0]).toMatchObject({ fromStatus: "DRAFT", toStatus: "FILED" });
      expect(ordered.at(-1)!.toStatus).toBe(dossier.status);
      for (const event of ordered) {
        expect(event.actorId).not.toBeNull();
        expect(event.reason).toBeTruthy();
      }
    }
  });

  it("creates organisations of every legal form with valid identifiers", async () => {
    const organisations = await database.db.organisation.findMany();
    expect(new Set(organisations.map((organisation) => organisation.legalForm))).toEqual(
      new Set(Object.values(LegalForm)),
    );
    for (const organisation of organisations) {
      if (organisation.legalForm !== "EMPLOYEE_GROUP") {
        // The portal's own checks, as the organisation form applies them.
        expect(isValidSiret(organisation.siret!), organisation.name).toBe(true);
        expect(isValidSiren(organisation.siret!.slice(0, 9)), organisation.name).toBe(true);
      }
      if (organisation.legalForm === "ASSOCIATION") expect(organisation.rnaNumber).toMatch(/^W\d{9}$/);
      if (organisation.iban) expect(isValidIban(organisation.iban), organisation.name).toBe(true);
      expect(["18", "28", "36", "37", "41", "45"]).toContain(organisation.departmentCode);
    }
  });

  it("creates the demo accounts, verified, with the printed passwords and their roles' links", async () => {
    const { db } = database;
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        include: {
          memberships: { include: { organisation: true } },
          funderOrganisation: true,
          instructorScope: true,
        },
      });
      expect(user.role).toBe(account.role);
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(await verifyPassword(account.password, user.passwordHash)).toBe(true);
      if (account.role === UserRole.FUNDER)
        expect(user.funderOrganisation?.slug).toBe("banque-des-territoires");
      if (account.role === UserRole.INSTRUCTOR) {
        expect(user.instructorScope).toMatchObject({ schemes: [], departmentCodes: [], territoryCodes: [] });
      }
    }
    const applicant = await db.user.findUniqueOrThrow({
      where: { email: "porteur@demo.portail-ess.fr" },
      include: { memberships: { include: { organisation: true } } },
    });
    expect(applicant.memberships.map((m) => [m.organisation.legalForm, m.role]).sort()).toEqual([
      ["ASSOCIATION", "OWNER"],
      ["SCOP", "MEMBER"],
    ]);
  });

  it("shares some dossiers with the funders, with a pledge and an instructor's opinion", async () => {
    const { db } = database;
    expect(await db.dossier.count({ where: { sharedWithFunders: true } })).toBeGreaterThanOrEqual(2);
    const pledge = await db.funderPledge.findFirstOrThrow({ include: { dossier: true } });
    expect(pledge.dossier.sharedWithFunders).toBe(true);
    expect(await db.instructionOpinion.count()).toBeGreaterThan(0);
    expect(await db.dossierBudgetLine.count()).toBeGreaterThan(0);
  });

  it("opens the calls of the current and the next year when seeded later, once", async () => {
    const later = await createTestDatabase(kind);
    try {
      for (const now of [paris("2027-12-31T23:30"), paris("2028-01-01T00:30"), paris("2028-01-01T00:30")]) {
        await seedReference(later.db, now);
        const schemes = await later.db.scheme.findMany({ include: { calls: true } });
        for (const scheme of schemes) {
          // Every year seeded so far, each once.
          const years = scheme.calls.map((call) => call.year).sort();
          expect(years, scheme.code).toEqual([...new Set(years)]);
          expect(years, scheme.code).toEqual(expect.arrayContaining(expectedCallYears(now)));
        }
      }
      const capAsso = await later.db.call.findMany({
        where: { scheme: { code: SchemeCode.CAP_ASSO } },
        orderBy: { year: "asc" },
      });
      expect(capAsso.map((call) => call.year)).toEqual([2026, 2027, 2028, 2029]);
      expect(capAsso.map((call) => call.title)).toContain("CAP ASSO — dépôt en continu 2029");
    } finally {
      await later.close();
    }
  });
});
