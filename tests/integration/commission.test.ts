// The Commission Permanente end to end on a real database: a session is planned, proposed dossiers of the
// four schemes are put on its agenda, the agenda is printed, and the whole session's votes are recorded at
// once — statuses, amounts, schedules, documents, emails and budget envelopes, all or nothing, once.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionDecision } from "~/domain/commission";
import { formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  CommissionSessionStatus,
  DocumentKind,
  DossierEventKind,
  DossierStatus,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { commissionAgendaPdf, sessionOverview } from "~/services/commission/agenda.server";
import { recordSessionDecisions } from "~/services/commission/decisions.server";
import {
  addToAgenda,
  callEnvelopes,
  CommissionError,
  createSession,
  listSessions,
  removeFromAgenda,
} from "~/services/commission/sessions.server";
import { processOutboxBatch } from "~/services/platform/outbox.server";
import { LocalFileStorage, type StorageBody } from "~/services/platform/storage.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";
import { startSmtpServer } from "../support/smtp";

const APP_URL = "https://portail.example.fr";
const NOW = paris("2026-11-20T10:00");
const DECIDED_AT = paris("2026-12-15T16:00");

/** Fails the `failOn`-th write, as a store that goes down in the middle of a session's documents. */
class FlakyStorage extends LocalFileStorage {
  puts = 0;
  failOn = Infinity;
  override async put(key: string, body: StorageBody, options?: { contentType: string }) {
    this.puts += 1;
    if (this.puts === this.failOn) throw new Error("stockage indisponible");
    return super.put(key, body, options);
  }
}

async function storedFiles(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

async function refusal(promise: Promise<unknown>): Promise<CommissionError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CommissionError);
  return error as CommissionError;
}

let people = 0;
async function createUser(db: PrismaClient, role: UserRole, firstName: string, deactivated = false) {
  people += 1;
  return db.user.create({
    data: {
      email: `personne${people}@exemple.fr`,
      passwordHash: "non-utilise",
      firstName,
      lastName: "Martin",
      role,
      deactivatedAt: deactivated ? NOW : null,
    },
  });
}

interface Proposal {
  schemeCode: SchemeCode;
  number: string;
  requestedCents: number;
  proposedCents: number;
  favourable: boolean;
  motivation: string;
  yearlyAmountsCents?: number[];
  status?: DossierStatus;
}

/** A dossier as the instruction leaves it: proposed, with the instructor's opinion, and its organisation's members. */
async function proposedDossier(db: PrismaClient, authorId: string, proposal: Proposal) {
  const scheme = await db.scheme.findUniqueOrThrow({
    where: { code: proposal.schemeCode },
    include: { ruleSets: { where: { version: 1 } }, calls: { where: { year: 2026 } } },
  });
  const owner = await createUser(db, UserRole.APPLICANT, "Camille");
  const colleague = await createUser(db, UserRole.APPLICANT, "Dominique");
  const former = await createUser(db, UserRole.APPLICANT, "Ancien", true);
  const organisation = await db.organisation.create({
    data: {
      name: `Structure ${proposal.number}`,
      legalForm: proposal.schemeCode === SchemeCode.CAP_SCOP_SCIC ? "SCOP" : "ASSOCIATION",
      addressLine: "12 rue de la Tour Neuve",
      postcode: "45000",
      city: "Orléans",
      departmentCode: "45",
      legalRepresentativeName: "Claire Martin",
      legalRepresentativeRole: "Présidente",
      iban: "FR7630006000011234567890189",
      memberships: {
        create: [{ userId: owner.id, role: "OWNER" }, { userId: colleague.id }, { userId: former.id }],
      },
    },
  });
  const dossier = await db.dossier.create({
    data: {
      number: proposal.number,
      schemeId: scheme.id,
      schemeCode: proposal.schemeCode,
      ruleSetId: scheme.ruleSets[0]!.id,
      callId: scheme.calls[0]!.id,
      organisationId: organisation.id,
      createdById: owner.id,
      status: proposal.status ?? DossierStatus.PROPOSED,
      title: `Projet ${proposal.number}`,
      requestedAmountCents: proposal.requestedCents,
      proposedAmountCents: proposal.proposedCents,
      departmentCode: "45",
      filedAt: paris("2026-09-01T10:00"),
      opinions: {
        create: {
          authorId,
          favourable: proposal.favourable,
          motivation: proposal.motivation,
          proposedAmountCents: proposal.proposedCents,
          yearlyAmountsCents: proposal.yearlyAmountsCents ?? [],
        },
      },
    },
  });
  return { dossier, owner, colleague, former, callId: scheme.calls[0]!.id };
}

describe.each(databaseKinds())("the Commission permanente on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;
  let storage: FlakyStorage;
  let instructor: { id: string; role: UserRole };
  let narrow: { id: string; role: UserRole };
  let admin: { id: string; role: UserRole };
  let capAsso: Awaited<ReturnType<typeof proposedDossier>>;
  let aVosId: Awaited<ReturnType<typeof proposedDossier>>;
  let scop: Awaited<ReturnType<typeof proposedDossier>>;
  let advance: Awaited<ReturnType<typeof proposedDossier>>;
  let underInstruction: Awaited<ReturnType<typeof proposedDossier>>;
  let sessionId: string;
  let decisions: SessionDecision[];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db, NOW);
    root = await mkdtemp(path.join(tmpdir(), "portail-commission-"));
    storage = new FlakyStorage(root);
    const everyone = await createUser(db, UserRole.INSTRUCTOR, "Inès");
    await db.instructorScope.create({
      data: { userId: everyone.id, schemes: [], departmentCodes: [], territoryCodes: [] },
    });
    const associations = await createUser(db, UserRole.INSTRUCTOR, "Paul");
    await db.instructorScope.create({
      data: {
        userId: associations.id,
        schemes: [SchemeCode.CAP_ASSO],
        departmentCodes: [],
        territoryCodes: [],
      },
    });
    instructor = { id: everyone.id, role: UserRole.INSTRUCTOR };
    narrow = { id: associations.id, role: UserRole.INSTRUCTOR };
    admin = { id: (await createUser(db, UserRole.ADMIN, "Alex")).id, role: UserRole.ADMIN };
    capAsso = await proposedDossier(db, everyone.id, {
      schemeCode: SchemeCode.CAP_ASSO,
      number: "CAPASSO-2026-00001",
      requestedCents: 4_500_000,
      proposedCents: 3_600_000,
      favourable: true,
      motivation: "Emploi pérenne, projet solide.",
      yearlyAmountsCents: [1_200_000, 1_200_000, 1_200_000],
    });
    aVosId = await proposedDossier(db, everyone.id, {
      schemeCode: SchemeCode.A_VOS_ID,
      number: "AVOSID-2026-00001",
      requestedCents: 4_000_000,
      proposedCents: 4_000_000,
      favourable: true,
      motivation: "Innovation territoriale.",
    });
    scop = await proposedDossier(db, everyone.id, {
      schemeCode: SchemeCode.CAP_SCOP_SCIC,
      number: "CAPSCOP-2026-00001",
      requestedCents: 1_500_000,
      proposedCents: 1_500_000,
      favourable: false,
      motivation: "Les apports ne sont pas libérés.",
    });
    advance = await proposedDossier(db, everyone.id, {
      schemeCode: SchemeCode.EQUITY_ADVANCE,
      number: "AVANCEFP-2026-00001",
      requestedCents: 5_000_000,
      proposedCents: 5_000_000,
      favourable: true,
      motivation: "Préfinancement FSE+.",
    });
    underInstruction = await proposedDossier(db, everyone.id, {
      schemeCode: SchemeCode.CAP_ASSO,
      number: "CAPASSO-2026-00002",
      requestedCents: 600_000,
      proposedCents: 600_000,
      favourable: true,
      motivation: "—",
      status: DossierStatus.UNDER_INSTRUCTION,
    });
  });

  afterAll(async () => {
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("plans a session on a free day to come, titled after its date", async () => {
    const session = await createSession(db, { actor: instructor, date: "2026-12-15", now: NOW });
    sessionId = session.id;
    expect(session.title).toBe("Commission permanente du 15/12/2026");

    const taken = await refusal(
      createSession(db, { actor: admin, date: "2026-12-15", title: "Bis", now: NOW }),
    );
    expect([taken.status, taken.fieldErrors.date]).toEqual([
      409,
      "Une séance est déjà prévue le 15/12/2026.",
    ]);
    const past = await refusal(createSession(db, { actor: instructor, date: "2026-11-19", now: NOW }));
    expect([past.status, past.fieldErrors.date]).toEqual([
      422,
      "La séance ne peut pas être prévue à une date passée.",
    ]);
    const applicant = await refusal(
      createSession(db, {
        actor: { id: capAsso.owner.id, role: UserRole.APPLICANT },
        date: "2026-12-20",
        now: NOW,
      }),
    );
    expect(applicant.status).toBe(403);

    const sessions = await listSessions(db);
    // The seeded sessions of March and July are held; the coming ones come first, soonest first.
    expect(sessions.map((row) => [row.title, row.status])).toEqual([
      ["Commission permanente du 11 décembre 2026", CommissionSessionStatus.PLANNED],
      ["Commission permanente du 15/12/2026", CommissionSessionStatus.PLANNED],
      ["Commission permanente du 10 juillet 2026", CommissionSessionStatus.HELD],
      ["Commission permanente du 20 mars 2026", CommissionSessionStatus.HELD],
    ]);
  });

  it("puts proposed dossiers of the instructor's scope on the agenda, and only those", async () => {
    const ids = [capAsso, aVosId, scop, advance].map((item) => item.dossier.id);
    const outOfScope = await refusal(
      addToAgenda(db, { actor: narrow, sessionId, dossierIds: ids, now: NOW }),
    );
    expect([outOfScope.status, outOfScope.message]).toEqual([404, "Dossier introuvable."]);
    const notProposed = await refusal(
      addToAgenda(db, {
        actor: instructor,
        sessionId,
        dossierIds: [...ids, underInstruction.dossier.id],
        now: NOW,
      }),
    );
    expect(notProposed.message).toBe(
      "Le dossier CAPASSO-2026-00002 n’est pas proposé à la Commission permanente : il ne peut pas être inscrit.",
    );
    expect(await db.dossier.count({ where: { commissionSessionId: sessionId } })).toBe(0);

    expect(await addToAgenda(db, { actor: instructor, sessionId, dossierIds: ids, now: NOW })).toBe(4);
    const events = await db.dossierEvent.findMany({
      where: { dossierId: capAsso.dossier.id, kind: DossierEventKind.AGENDA },
    });
    expect(events.map((event) => event.reason)).toEqual([
      "Inscrit à l’ordre du jour de la Commission permanente du 15/12/2026",
    ]);

    const december = await db.commissionSession.findFirstOrThrow({
      where: { date: paris("2026-12-11T09:30") },
    });
    const elsewhere = await refusal(
      addToAgenda(db, { actor: admin, sessionId: december.id, dossierIds: [capAsso.dossier.id], now: NOW }),
    );
    expect(elsewhere.message).toBe(
      "Le dossier CAPASSO-2026-00001 est déjà inscrit à l’ordre du jour de la séance du 15/12/2026.",
    );

    expect(
      await removeFromAgenda(db, { actor: narrow, sessionId, dossierIds: [capAsso.dossier.id], now: NOW }),
    ).toBe(1);
    expect(
      (await sessionOverview(db, { actor: instructor, sessionId })).candidates.map((item) => item.number),
    ).toEqual(["CAPASSO-2026-00001"]);
    await addToAgenda(db, { actor: narrow, sessionId, dossierIds: [capAsso.dossier.id], now: NOW });
    const reasons = await db.dossierEvent.findMany({
      where: { dossierId: capAsso.dossier.id, kind: DossierEventKind.AGENDA },
      orderBy: { createdAt: "asc" },
      select: { reason: true },
    });
    expect(reasons.map((event) => event.reason)).toContain(
      "Retiré de l’ordre du jour de la Commission permanente du 15/12/2026",
    );
    expect(reasons).toHaveLength(3);
  });

  it("shows the totals per scheme, the envelopes and who may record the decisions", async () => {
    const view = await sessionOverview(db, { actor: instructor, sessionId });
    expect(view.totals.schemes.map((row) => [row.schemeCode, row.count, row.proposedCents])).toEqual([
      [SchemeCode.CAP_ASSO, 1, 3_600_000],
      [SchemeCode.A_VOS_ID, 1, 4_000_000],
      // An unfavourable opinion proposes nothing to vote.
      [SchemeCode.CAP_SCOP_SCIC, 1, 0],
      [SchemeCode.EQUITY_ADVANCE, 1, 5_000_000],
    ]);
    expect(view.totals.total).toMatchObject({ requestedCents: 15_000_000, proposedCents: 12_600_000 });
    const capAssoEnvelope = view.envelopes.find((envelope) => envelope.callId === capAsso.callId)!;
    expect(capAssoEnvelope.sessionProposedCents).toBe(3_600_000);
    expect(capAssoEnvelope.remainingAfterCents).toBe(capAssoEnvelope.remainingCents - 3_600_000);
    expect(view.canDecide).toBe(true);
    expect((await sessionOverview(db, { actor: narrow, sessionId })).canDecide).toBe(false);
  });

  it("prints the agenda with its totals per scheme", async () => {
    const { fileName, pdf } = await commissionAgendaPdf(db, { actor: instructor, sessionId, now: NOW });
    expect(fileName).toBe("Ordre du jour CP 2026-12-15.pdf");
    const text = await pdfText(pdf);
    expect(text).toContain("Commission permanente du 15/12/2026");
    for (const number of [
      "CAPASSO-2026-00001",
      "AVOSID-2026-00001",
      "CAPSCOP-2026-00001",
      "AVANCEFP-2026-00001",
    ]) {
      expect(text).toContain(number);
    }
    for (const cents of [3_600_000, 4_000_000, 1_500_000, 5_000_000, 15_000_000, 12_600_000]) {
      expect(text).toContain(formatEuros(cents));
    }
    expect(text).toContain("Défavorable");
    // A scheme's name is kept on one line with no-break spaces (« Total CAP ASSO »).
    const line = (start: string) =>
      text.split("\n").find((row) => row.replace(/\u00a0/g, " ").startsWith(start)) ?? "";
    expect(line("Total CAP ASSO")).toContain(formatEuros(3_600_000));
    expect(line("Total A VOS ID")).toContain(formatEuros(4_000_000));
    expect(line("Total général")).toContain(formatEuros(12_600_000));
  });

  it("changes nothing before the session has met, or when a decision is incomplete or inconsistent", async () => {
    decisions = [
      {
        dossierId: capAsso.dossier.id,
        outcome: "GRANTED",
        amountCents: 3_600_000,
        yearlyAmountsCents: [1_200_000, 1_200_000, 1_000_000],
        motivation: "",
      },
      {
        dossierId: aVosId.dossier.id,
        outcome: "GRANTED",
        amountCents: 4_000_000,
        yearlyAmountsCents: [],
        motivation: "",
      },
      {
        dossierId: scop.dossier.id,
        outcome: "REFUSED",
        amountCents: null,
        yearlyAmountsCents: [],
        motivation: " ",
      },
      {
        dossierId: advance.dossier.id,
        outcome: "GRANTED",
        amountCents: 5_000_000,
        yearlyAmountsCents: [],
        motivation: "",
      },
    ];
    const input = { actor: instructor, sessionId, decisions, now: DECIDED_AT, appUrl: APP_URL };
    // The evening before its day in Paris, the session has not met: no decision, no letter, no email.
    const early = await refusal(
      recordSessionDecisions(db, storage, { ...input, now: paris("2026-12-14T23:30") }),
    );
    expect([early.status, early.message]).toEqual([
      409,
      "La Commission permanente du 15/12/2026 ne s’est pas encore réunie : ses décisions pourront être enregistrées à partir du 15/12/2026.",
    ]);
    expect(await storedFiles(root)).toBe(0);
    const invalid = await refusal(recordSessionDecisions(db, storage, input));
    expect(invalid.status).toBe(422);
    expect(invalid.fieldErrors).toEqual({
      [`${capAsso.dossier.id}.yearlyAmounts`]:
        "La somme des montants annuels doit être égale au montant voté.",
      [`${scop.dossier.id}.motivation`]: "Indiquez le motif du refus : il est notifié au porteur de projet.",
    });

    decisions[0]!.yearlyAmountsCents = [1_200_000, 1_200_000, 1_200_000];
    decisions[2]!.motivation = "Les apports des salariés associés ne sont pas libérés.";
    const scoped = await refusal(recordSessionDecisions(db, storage, { ...input, actor: narrow }));
    expect(scoped.status).toBe(403);

    // The store fails on the sixth file: the five written before are deleted, nothing is recorded.
    storage.failOn = storage.puts + 6;
    await expect(recordSessionDecisions(db, storage, input)).rejects.toThrow("stockage indisponible");
    storage.failOn = Infinity;
    expect(await storedFiles(root)).toBe(0);
    expect(
      await db.dossier.count({ where: { commissionSessionId: sessionId, status: DossierStatus.PROPOSED } }),
    ).toBe(4);
    expect(await db.generatedDocument.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.scheduleInstalment.count()).toBe(0);
    expect((await db.commissionSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe(
      CommissionSessionStatus.PLANNED,
    );
  });

  it("records the whole session's votes at once, with their documents, schedules and emails", async () => {
    const before = await callEnvelopes(db, [capAsso.callId, advance.callId]);
    const result = await recordSessionDecisions(db, storage, {
      actor: admin,
      sessionId,
      decisions,
      now: DECIDED_AT,
      appUrl: APP_URL,
    });
    expect(result).toEqual({ granted: 3, refused: 1, grantedCents: 12_600_000 });

    const dossiers = await db.dossier.findMany({
      where: { commissionSessionId: sessionId },
      include: { instalments: { orderBy: { position: "asc" } }, documents: true, events: true },
    });
    const byNumber = Object.fromEntries(dossiers.map((dossier) => [dossier.number!, dossier]));
    expect(byNumber["CAPASSO-2026-00001"]).toMatchObject({
      status: "GRANTED",
      grantedAmountCents: 3_600_000,
      decidedAt: DECIDED_AT,
    });
    expect(byNumber["CAPSCOP-2026-00001"]).toMatchObject({ status: "REFUSED", grantedAmountCents: null });

    const sessionDate = paris("2026-12-15T09:30");
    expect(
      byNumber["CAPASSO-2026-00001"]!.instalments.map((row) => [row.kind, row.dueDate, row.amountCents]),
    ).toEqual([
      ["PAYMENT", sessionDate, 1_200_000],
      ["PAYMENT", paris("2027-12-15T09:30"), 1_200_000],
      ["PAYMENT", paris("2028-12-15T09:30"), 1_200_000],
    ]);
    expect(
      byNumber["AVOSID-2026-00001"]!.instalments.map((row) => [row.kind, row.dueDate, row.amountCents]),
    ).toEqual([["PAYMENT", sessionDate, 4_000_000]]);
    const repayments = byNumber["AVANCEFP-2026-00001"]!.instalments;
    expect(repayments).toHaveLength(9);
    expect(repayments.every((row) => row.kind === "REPAYMENT")).toBe(true);
    expect(repayments.reduce((sum, row) => sum + row.amountCents, 0)).toBe(5_000_000);
    expect([repayments[0]!.dueDate, repayments[1]!.dueDate, repayments[8]!.dueDate]).toEqual([
      paris("2027-12-15T09:30"),
      paris("2028-03-15T09:30"),
      paris("2029-12-15T09:30"),
    ]);
    expect(byNumber["CAPSCOP-2026-00001"]!.instalments).toEqual([]);

    const kinds = (number: string) => byNumber[number]!.documents.map((document) => document.kind).sort();
    expect(kinds("CAPASSO-2026-00001")).toEqual(["AGREEMENT", "DECISION_LETTER", "PAYMENT_SCHEDULE"]);
    expect(kinds("AVANCEFP-2026-00001")).toEqual(["AGREEMENT", "DECISION_LETTER", "REPAYMENT_SCHEDULE"]);
    expect(kinds("CAPSCOP-2026-00001")).toEqual(["DECISION_LETTER"]);
    expect(
      byNumber["CAPASSO-2026-00001"]!.events.filter((event) => event.kind === "DOCUMENT_ISSUED"),
    ).toHaveLength(3);
    expect(byNumber["CAPASSO-2026-00001"]!.events.find((event) => event.toStatus === "GRANTED")?.reason).toBe(
      `Aide de ${formatEuros(3_600_000)} votée par la Commission permanente du 15/12/2026`,
    );
    expect(byNumber["CAPSCOP-2026-00001"]!.events.find((event) => event.toStatus === "REFUSED")?.reason).toBe(
      "Les apports des salariés associés ne sont pas libérés.",
    );

    const read = async (number: string, documentKind: DocumentKind) => {
      const document = byNumber[number]!.documents.find((row) => row.kind === documentKind)!;
      return (await pdfText(await buffer(await storage.get(document.storageKey)))).replace(/\n/g, " ");
    };
    const letter = await read("CAPASSO-2026-00001", DocumentKind.DECISION_LETTER);
    expect(letter).toContain(formatEuros(3_600_000));
    expect(letter).toContain("trente-six mille euros");
    expect(letter).toContain("a décidé d’attribuer");
    const refusalLetter = await read("CAPSCOP-2026-00001", DocumentKind.DECISION_LETTER);
    expect(refusalLetter).toContain("Les apports des salariés associés ne sont pas libérés.");
    expect(refusalLetter).toContain("tribunal administratif d’Orléans");
    expect(await read("AVANCEFP-2026-00001", DocumentKind.AGREEMENT)).toContain(formatEuros(5_000_000));
    expect(await read("AVANCEFP-2026-00001", DocumentKind.REPAYMENT_SCHEDULE)).toContain(
      "Échéancier de remboursement",
    );

    const emails = await db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
    // Two active members per organisation; the deactivated one receives nothing.
    expect(emails).toHaveLength(8);
    const toOwner = emails.find((email) => email.to === capAsso.owner.email)!;
    expect(toOwner.subject).toBe("Dossier CAPASSO-2026-00001 : aide accordée");
    expect(toOwner.text).toContain(`Montant voté : ${formatEuros(3_600_000)}.`);
    expect((toOwner.attachments as Array<{ fileName: string }>).map((file) => file.fileName)).toEqual([
      "Décision CAPASSO-2026-00001.pdf",
      "Convention CAPASSO-2026-00001.pdf",
      "Échéancier de versement CAPASSO-2026-00001.pdf",
    ]);
    expect(emails.some((email) => email.to === capAsso.colleague.email)).toBe(true);
    expect(emails.some((email) => email.to === capAsso.former.email)).toBe(false);
    const toScop = emails.find((email) => email.to === scop.owner.email)!;
    expect(toScop.subject).toBe("Dossier CAPSCOP-2026-00001 : aide non accordée");
    expect((toScop.attachments as unknown[]).length).toBe(1);

    const session = await db.commissionSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ status: "HELD", decidedAt: DECIDED_AT, decidedById: admin.id });

    const after = await callEnvelopes(db, [capAsso.callId, advance.callId]);
    const debited = (callId: string) => {
      const [was, now] = [before, after].map((rows) => rows.find((row) => row.callId === callId)!);
      return [was!.remainingCents - now!.remainingCents, was!.proposedCents - now!.proposedCents];
    };
    expect(debited(capAsso.callId)).toEqual([3_600_000, 3_600_000]);
    expect(debited(advance.callId)).toEqual([5_000_000, 5_000_000]);
  });

  it("refuses a second submission and any change to a held session", async () => {
    const again = await refusal(
      recordSessionDecisions(db, storage, {
        actor: instructor,
        sessionId,
        decisions,
        now: DECIDED_AT,
        appUrl: APP_URL,
      }),
    );
    expect([again.status, again.message]).toEqual([
      409,
      "Les décisions de cette séance ont déjà été enregistrées le 15/12/2026 : elle ne peut plus changer.",
    ]);
    const frozen = await refusal(
      removeFromAgenda(db, { actor: instructor, sessionId, dossierIds: [scop.dossier.id], now: DECIDED_AT }),
    );
    expect(frozen.status).toBe(409);
    expect(await db.outboxEmail.count()).toBe(8);
    expect(await db.generatedDocument.count()).toBe(10);
  });

  it("delivers the decision and its documents to the applicant through a real SMTP server", async () => {
    const smtp = await startSmtpServer();
    try {
      const transport = smtp.transport;
      const run = await processOutboxBatch({ db, transport, storage, now: paris("2026-12-15T16:05") });
      expect(run).toEqual({ sent: 8, failed: 0 });
      const messages = await smtp.messages();
      const message = messages.find(
        (parsed) =>
          parsed.subject === "Dossier AVANCEFP-2026-00001 : aide accordée" &&
          JSON.stringify(parsed.to).includes(advance.owner.email),
      )!;
      expect(message.text).toContain(`Montant voté : ${formatEuros(5_000_000)}.`);
      expect(message.attachments.map((file) => [file.filename, file.contentType])).toEqual([
        ["Décision AVANCEFP-2026-00001.pdf", "application/pdf"],
        ["Convention AVANCEFP-2026-00001.pdf", "application/pdf"],
        ["Échéancier de remboursement AVANCEFP-2026-00001.pdf", "application/pdf"],
      ]);
      const schedule = (await pdfText(message.attachments[2]!.content)).replace(/\n/g, " ");
      expect(schedule).toContain(formatEuros(5_000_000));
    } finally {
      await smtp.close();
    }
  });
});
