// Filing a CAP ASSO dossier built as an applicant builds it: steps saved as typed, pieces uploaded, the
// organisation's profile complete. Filing numbers the dossier once, keeps a snapshot, stores the receipt
// and queues the email, all or nothing; the dossier is judged by the rules it was started under.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatEuros } from "~/domain/format";
import { organisationFormSchema } from "~/domain/organisation-schema";
import { parisYear } from "~/domain/paris-time";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  CorrectionStatus,
  DocumentKind,
  DossierStatus,
  OutboxStatus,
  RuleSetStatus,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { uploadAttachment } from "~/services/applicant/attachments.server";
import {
  DossierError,
  getDossierForMember,
  ruleSetInForce,
  startDossier,
} from "~/services/applicant/dossiers.server";
import { saveStep } from "~/services/applicant/dossier-steps.server";
import { forgetRuleSetsInForce } from "~/services/schemes/eligibility.server";
import { dossierChecklist, fileDossier } from "~/services/applicant/filing.server";
import { createOrganisation } from "~/services/applicant/organisations.server";
import { LocalFileStorage, type FileStorage } from "~/services/platform/storage.server";

import { demoFrenchIban, demoSiret } from "../../seeds/demo/identifiers";
import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { pdfText } from "../support/pdf-text";

const APP_URL = "https://portail.example.fr";
const ORGANISATION_NAME = "L’Échappée belle";

/** What a person types in an amount field: « 12 000 », with an ordinary space. */
const typedEuros = (euros: number) => euros.toLocaleString("fr-FR").replace(/[\u202f\u00a0]/g, " ");

interface World {
  database: TestDatabase;
  db: PrismaClient;
  storage: LocalFileStorage;
  root: string;
  close(): Promise<void>;
}

/** A fresh database with the reference data (schemes, rule sets v1, calls, departments) and a storage folder. */
async function createWorld(kind: DatabaseKind): Promise<World> {
  const database = await createTestDatabase(kind);
  await seedReference(database.db);
  const root = await mkdtemp(path.join(tmpdir(), "portail-filing-"));
  return {
    database,
    db: database.db,
    storage: new LocalFileStorage(root),
    root,
    close: async () => {
      await database.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Every key stored under the storage folder. */
async function storedKeys(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

let people = 0;
let sirens = 0;

async function createUser(db: PrismaClient, firstName = "Camille", lastName = "Martin", role?: UserRole) {
  people += 1;
  return db.user.create({
    data: {
      email: `personne${people}@example.fr`,
      passwordHash: "not-used-here",
      firstName,
      lastName,
      ...(role ? { role } : {}),
    },
  });
}

/** An association of the Loiret with a complete profile, owned by `ownerId`. */
async function createAssociation(db: PrismaClient, ownerId: string) {
  sirens += 1;
  const profile = organisationFormSchema.parse({
    name: ORGANISATION_NAME,
    legalForm: "ASSOCIATION",
    siret: demoSiret(String(84_100_000 + sirens), "0001"),
    rnaNumber: `W45201${String(sirens).padStart(4, "0")}`,
    addressLine: "12 rue de la Tour Neuve",
    postcode: "45000",
    city: "Orléans",
    legalRepresentativeName: "Camille Martin",
    legalRepresentativeRole: "Présidente",
    contactEmail: "contact@echappee-belle.fr",
    contactPhone: "02 61 91 00 01",
    iban: demoFrenchIban("42559", "10000", `080123456${String(sirens).padStart(2, "0")}`),
  });
  return createOrganisation(db, ownerId, profile);
}

/** Each step as a person fills it, for a project asking `annualEuros` a year over three years. */
function capAssoSteps(annualEuros: number): Array<[step: string, values: Record<string, unknown>]> {
  const region = annualEuros * 3;
  return [
    [
      "projet",
      {
        title: "Créer un poste d’éducateur sportif en sport-santé",
        requestKind: "FIRST",
        activityProject: "Des séances d’activité physique adaptée dans six communes rurales.",
        needs: "Aucune séance n’est proposée à moins de quarante kilomètres.",
        publics: "Des patients en affection de longue durée et des personnes âgées isolées.",
        territory: "Saint-Amand-Montrond et cinq communes rurales.",
        partners: "La maison de santé pluriprofessionnelle.",
        generalInterest: "Prévention santé et lutte contre l’isolement en milieu rural.",
        sector: "SPORT",
      },
    ],
    [
      "emplois",
      {
        jobs: [
          {
            title: "Éducateur sportif sport-santé",
            kind: "CREATED",
            contract: "CDI",
            fte: "1",
            startDate: "2027-02-01",
          },
        ],
      },
    ],
    [
      "montants",
      {
        amountYear1: typedEuros(annualEuros),
        amountYear2: typedEuros(annualEuros),
        amountYear3: typedEuros(annualEuros),
      },
    ],
    [
      "budget",
      {
        expenses: [
          {
            category: "PERSONNEL",
            label: "Salaire et charges sur trois ans",
            amount: typedEuros(region + 69_000),
          },
          { category: "OPERATING", label: "Matériel, déplacements, formation", amount: "21 000" },
        ],
        resources: [
          { category: "REGION", label: "Région Centre-Val de Loire — CAP ASSO", amount: typedEuros(region) },
          { category: "STATE", label: "Agence régionale de santé", amount: "30 000" },
          { category: "EPCI", label: "Communauté de communes", amount: "15 000" },
          { category: "SALES", label: "Participation des patients", amount: "27 000" },
          { category: "OWN_FUNDS", label: "Fonds propres", amount: "18 000" },
        ],
      },
    ],
  ];
}

/** A distinct genuine PDF per piece, so that each has its own SHA-256. */
const piece = (kind: string) => Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${kind}\n`)]);

/** An association, its owner and a CAP ASSO draft with every step saved and every required piece uploaded. */
async function completeDraft(world: World, options: { annualEuros?: number } = {}) {
  const { db, storage } = world;
  const user = await createUser(db);
  const organisation = await createAssociation(db, user.id);
  const { id } = await startDossier(db, {
    userId: user.id,
    organisationId: organisation.id,
    schemeCode: SchemeCode.CAP_ASSO,
  });
  let revision = 0;
  for (const [stepId, values] of capAssoSteps(options.annualEuros ?? 12_000)) {
    const saved = await saveStep(db, { userId: user.id, dossierId: id, stepId, values, revision });
    if (!saved.ok) throw new Error(`Conflit inattendu à l’étape ${stepId}`);
    expect(saved.errors).toEqual({});
    revision = saved.revision;
  }
  const dossier = await getDossierForMember(db, user.id, id);
  const required = (dossier.ruleSet.parameters as { requiredAttachments: Array<{ kind: string }> })
    .requiredAttachments;
  const attachments = [];
  for (const { kind } of required) {
    attachments.push(
      await uploadAttachment(db, storage, {
        userId: user.id,
        dossierId: id,
        kind,
        fileName: `${kind.toLowerCase()}.pdf`,
        source: piece(kind),
      }),
    );
  }
  return { user, organisation, dossierId: id, attachments };
}

/** What filing leaves behind for a dossier: its row, its events, its receipts and the emails to `to`. */
async function traces(db: PrismaClient, dossierId: string, to: string) {
  const [dossier, filedEvents, receipts, emails, counters] = await Promise.all([
    db.dossier.findUniqueOrThrow({ where: { id: dossierId } }),
    db.dossierEvent.findMany({ where: { dossierId, toStatus: DossierStatus.FILED } }),
    db.generatedDocument.findMany({ where: { dossierId, kind: DocumentKind.FILING_RECEIPT } }),
    db.outboxEmail.findMany({ where: { to } }),
    db.dossierNumberCounter.findMany(),
  ]);
  return { dossier, filedEvents, receipts, emails, counters };
}

async function refusal(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

describe.each(databaseKinds())("filing a dossier on %s", (kind) => {
  describe("a complete CAP ASSO dossier", () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld(kind);
    });
    afterAll(async () => {
      await world?.close();
    });

    let filed: Awaited<ReturnType<typeof completeDraft>> & { number: string };

    it("is complete and eligible, then filed with a number, a snapshot, a receipt and an email", async () => {
      const { db, storage } = world;
      const draft = await completeDraft(world);
      const { user, dossierId, attachments } = draft;

      const checklist = await dossierChecklist(db, await getDossierForMember(db, user.id, dossierId));
      expect(checklist.sections.flatMap((section) => section.items)).toEqual([]);
      expect(checklist.eligibility.eligible).toBe(true);
      expect(checklist.closedMessage).toBeNull();
      expect(checklist.ready).toBe(true);

      const now = new Date();
      const result = await fileDossier(db, storage, { userId: user.id, dossierId, appUrl: APP_URL, now });
      const number = `CAPASSO-${parisYear(now)}-00001`;
      expect(result).toEqual({ number, alreadyFiled: false });
      filed = { ...draft, number };

      const { dossier, filedEvents, receipts, emails } = await traces(db, dossierId, user.email);
      expect(dossier).toMatchObject({ status: DossierStatus.FILED, number, requestedAmountCents: 3_600_000 });
      expect(dossier.filedAt).not.toBeNull();

      expect(filedEvents).toHaveLength(1);
      const snapshot = filedEvents[0]!.data as {
        answers: Record<string, unknown>;
        attachments: Array<{ kind: string; sha256: string }>;
        ruleSetVersion: number;
      };
      expect(snapshot.answers).toEqual(dossier.answers);
      expect(snapshot.answers).toMatchObject({
        amountYear1: "12 000",
        title: expect.stringContaining("sport"),
      });
      expect(snapshot.ruleSetVersion).toBe(1);
      expect(snapshot.attachments.map((row) => row.sha256).sort()).toEqual(
        attachments.map((row) => row.sha256).sort(),
      );
      expect(new Set(attachments.map((row) => row.sha256)).size).toBe(attachments.length);

      expect(receipts).toHaveLength(1);
      const text = await pdfText(await buffer(await storage.get(receipts[0]!.storageKey)));
      expect(text).toContain(number);
      expect(text).toContain(ORGANISATION_NAME);
      expect(text).toContain(formatEuros(3_600_000));
      for (const attachment of attachments) expect(text).toContain(attachment.sha256);

      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({ status: OutboxStatus.PENDING, to: user.email });
      expect(emails[0]!.subject).toContain(number);
      expect(emails[0]!.attachments).toEqual([
        expect.objectContaining({ storageKey: receipts[0]!.storageKey, contentType: "application/pdf" }),
      ]);
    });

    it("files once when filed twice at the same instant, and says so when filed again", async () => {
      const { db, storage, root } = world;
      const { user, dossierId, attachments } = await completeDraft(world);
      const filing = () => fileDossier(db, storage, { userId: user.id, dossierId, appUrl: APP_URL });

      const results = await Promise.all([filing(), filing()]);
      expect(new Set(results.map((result) => result.number)).size).toBe(1);
      expect(results.filter((result) => !result.alreadyFiled)).toHaveLength(1);
      const [{ number }] = results;
      expect(number).toMatch(/^CAPASSO-\d{4}-00002$/);

      const { dossier, filedEvents, receipts, emails } = await traces(db, dossierId, user.email);
      expect(dossier).toMatchObject({ status: DossierStatus.FILED, number });
      expect(filedEvents).toHaveLength(1);
      expect(receipts).toHaveLength(1);
      expect(emails).toHaveLength(1);
      // The pieces and the one receipt: the filing that lost the race stored nothing.
      const keys = await storedKeys(root);
      for (const key of [...attachments.map((row) => row.storageKey), receipts[0]!.storageKey]) {
        expect(keys).toContain(key);
      }

      expect(await filing()).toEqual({ number, alreadyFiled: true });
      const after = await traces(db, dossierId, user.email);
      expect([after.filedEvents.length, after.receipts.length, after.emails.length]).toEqual([1, 1, 1]);
      expect(await storedKeys(root)).toEqual(keys);
    });

    it("lets the applicant correct a filed dossier when asked, then sends it back keeping its number", async () => {
      const { db, storage } = world;
      const { user, dossierId, number } = filed;
      const instructor = await createUser(db, "Claude", "Instructeur", UserRole.INSTRUCTOR);
      // As the instruction side does: the status changes and the request is opened.
      await db.dossier.update({
        where: { id: dossierId },
        data: { status: DossierStatus.CORRECTION_REQUESTED },
      });
      const request = await db.correctionRequest.create({
        data: {
          dossierId,
          requestedById: instructor.id,
          reason: "Précisez les partenaires du projet.",
          fields: ["partners"],
          attachmentKinds: [],
          replyBy: new Date(Date.now() + 15 * 86_400_000),
        },
      });

      const { revision } = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
      const [, projectValues] = capAssoSteps(12_000)[0]!;
      const saved = await saveStep(db, {
        userId: user.id,
        dossierId,
        stepId: "projet",
        values: { ...projectValues, partners: "La maison de santé et le comité départemental sportif." },
        revision,
      });
      expect(saved).toMatchObject({ ok: true, errors: {} });

      const result = await fileDossier(db, storage, { userId: user.id, dossierId, appUrl: APP_URL });
      expect(result).toEqual({ number, alreadyFiled: false, corrected: true });
      const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
      expect(dossier).toMatchObject({ status: DossierStatus.UNDER_INSTRUCTION, number });
      expect(dossier.answers).toMatchObject({
        partners: "La maison de santé et le comité départemental sportif.",
      });
      const answered = await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(answered.status).toBe(CorrectionStatus.ANSWERED);
      expect(answered.answeredAt).not.toBeNull();
      const sentBack = await db.dossierEvent.findMany({
        where: { dossierId, toStatus: DossierStatus.UNDER_INSTRUCTION },
      });
      expect(sentBack).toHaveLength(1);
      expect(sentBack[0]!.fromStatus).toBe(DossierStatus.CORRECTION_REQUESTED);
    });
  });

  describe("when the receipt cannot be stored", () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld(kind);
    });
    afterAll(async () => {
      await world?.close();
    });

    // A store that fails before writing anything, and one whose answer is lost after the file was written
    // (a connection cut once the object is uploaded).
    const failures: Array<[string, (inner: FileStorage) => FileStorage["put"]]> = [
      [
        "before writing",
        () => async () => {
          throw new Error("Stockage indisponible");
        },
      ],
      [
        "after writing",
        (inner) => async (key, body, options) => {
          await inner.put(key, body, options);
          throw new Error("Stockage indisponible");
        },
      ],
    ];

    it.each(failures)("changes nothing when storage fails %s", async (_when, failingPut) => {
      const { db, storage, root } = world;
      const { user, dossierId } = await completeDraft(world);
      const before = await traces(db, dossierId, user.email);
      const keysBefore = await storedKeys(root);
      const failing: FileStorage = {
        put: failingPut(storage),
        get: (key) => storage.get(key),
        delete: (key) => storage.delete(key),
        exists: (key) => storage.exists(key),
      };

      await expect(fileDossier(db, failing, { userId: user.id, dossierId, appUrl: APP_URL })).rejects.toThrow(
        "Stockage indisponible",
      );

      const after = await traces(db, dossierId, user.email);
      expect(after.dossier).toMatchObject({ status: DossierStatus.DRAFT, number: null, filedAt: null });
      expect(after.dossier.revision).toBe(before.dossier.revision);
      expect(after.filedEvents).toEqual([]);
      expect(after.receipts).toEqual([]);
      expect(after.emails).toEqual([]);
      expect(after.counters).toEqual(before.counters);
      expect(await storedKeys(root)).toEqual(keysBefore);
    });

    it("gives the first number to the next filing that succeeds", async () => {
      const { db, storage } = world;
      const { user, dossierId } = await completeDraft(world);
      const failing: FileStorage = {
        put: async () => {
          throw new Error("Stockage indisponible");
        },
        get: (key) => storage.get(key),
        delete: (key) => storage.delete(key),
        exists: (key) => storage.exists(key),
      };
      await expect(fileDossier(db, failing, { userId: user.id, dossierId, appUrl: APP_URL })).rejects.toThrow(
        "Stockage indisponible",
      );

      const now = new Date();
      const result = await fileDossier(db, storage, { userId: user.id, dossierId, appUrl: APP_URL, now });
      expect(result).toEqual({ number: `CAPASSO-${parisYear(now)}-00001`, alreadyFiled: false });
      const { dossier, filedEvents, receipts, emails } = await traces(db, dossierId, user.email);
      expect(dossier.status).toBe(DossierStatus.FILED);
      expect([filedEvents.length, receipts.length, emails.length]).toEqual([1, 1, 1]);
      expect(await storage.exists(receipts[0]!.storageKey)).toBe(true);
    });
  });

  describe("the rules a dossier is judged by", () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld(kind);
    });
    afterAll(async () => {
      await world?.close();
    });

    it("are those in force when it was filed: a filed dossier keeps its version, a draft takes the new one", async () => {
      const { db, storage } = world;
      // Version 1 allows 2 000 € to 20 000 € a year.
      const filedEarly = await completeDraft(world, { annualEuros: 12_000 });
      const modest = await completeDraft(world, { annualEuros: 12_000 });
      const ambitious = await completeDraft(world, { annualEuros: 25_000 });
      await fileDossier(db, storage, {
        userId: filedEarly.user.id,
        dossierId: filedEarly.dossierId,
        appUrl: APP_URL,
      });

      const v1 = await ruleSetInForce(db, SchemeCode.CAP_ASSO, new Date());
      expect(v1.version).toBe(1);
      const now = new Date();
      // Version 2: 15 000 € to 30 000 € a year.
      await db.ruleSet.create({
        data: {
          schemeId: v1.schemeId,
          version: 2,
          status: RuleSetStatus.PUBLISHED,
          parameters: {
            ...(v1.parameters as object),
            minAnnualAmountCents: 1_500_000,
            maxAnnualAmountCents: 3_000_000,
          },
          effectiveFrom: now,
          publishedAt: now,
        },
      });
      // As publishing does: the eligibility questionnaire forgets the version it had in memory.
      forgetRuleSetsInForce(db);
      expect((await ruleSetInForce(db, SchemeCode.CAP_ASSO, new Date())).version).toBe(2);

      // Filed under version 1, 12 000 € a year is still judged by version 1: eligible.
      const kept = await dossierChecklist(
        db,
        await getDossierForMember(db, filedEarly.user.id, filedEarly.dossierId),
      );
      expect(kept.eligibility).toMatchObject({ eligible: true, ruleSetVersion: 1 });

      // A draft above version 1's ceiling files under version 2, which allows it.
      const result = await fileDossier(db, storage, {
        userId: ambitious.user.id,
        dossierId: ambitious.dossierId,
        appUrl: APP_URL,
      });
      expect(result.alreadyFiled).toBe(false);
      const filed = await traces(db, ambitious.dossierId, ambitious.user.email);
      expect(filed.dossier.status).toBe(DossierStatus.FILED);
      expect((filed.filedEvents[0]!.data as { ruleSetVersion: number }).ruleSetVersion).toBe(2);

      // A draft below version 2's floor is refused, and nothing is filed.
      const before = await traces(db, modest.dossierId, modest.user.email);
      const error = await refusal(
        fileDossier(db, storage, {
          userId: modest.user.id,
          dossierId: modest.dossierId,
          appUrl: APP_URL,
        }),
      );
      expect(error.status).toBe(422);
      expect(error.message).toMatch(/éligibilité|montant/);
      const after = await traces(db, modest.dossierId, modest.user.email);
      expect(after.dossier).toMatchObject({ status: DossierStatus.DRAFT, number: null });
      expect(after.dossier.revision).toBe(before.dossier.revision);
      expect([after.filedEvents.length, after.receipts.length, after.emails.length]).toEqual([0, 0, 0]);
      expect(after.counters).toEqual(before.counters);

      const refused = await dossierChecklist(
        db,
        await getDossierForMember(db, modest.user.id, modest.dossierId),
      );
      expect(refused.eligibility).toMatchObject({ eligible: false, ruleSetVersion: 2 });
      expect(refused.sections[0]!.items).toContainEqual(
        expect.objectContaining({
          href: `/dossiers/${modest.dossierId}/etapes/montants#champ-amountYear1`,
          message: expect.stringContaining("15\u202f000\u00a0€"),
        }),
      );
    });
  });

  describe("a dossier that cannot be filed yet", () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld(kind);
    });
    afterAll(async () => {
      await world?.close();
    });

    it("is refused while incomplete, with each missing answer linked to its field", async () => {
      const { db, storage } = world;
      const user = await createUser(db);
      const organisation = await createAssociation(db, user.id);
      const { id } = await startDossier(db, {
        userId: user.id,
        organisationId: organisation.id,
        schemeCode: SchemeCode.CAP_ASSO,
      });
      const saved = await saveStep(db, {
        userId: user.id,
        dossierId: id,
        stepId: "projet",
        values: { title: "Une ressourcerie solidaire", requestKind: "FIRST", sector: "INSERTION" },
        revision: 0,
      });
      expect(saved.ok).toBe(true);

      const error = await refusal(
        fileDossier(db, storage, { userId: user.id, dossierId: id, appUrl: APP_URL }),
      );
      expect(error.status).toBe(422);
      expect(error.message).toContain("incomplet");

      const checklist = await dossierChecklist(db, await getDossierForMember(db, user.id, id));
      expect(checklist.ready).toBe(false);
      const items = checklist.sections.flatMap((section) => section.items);
      const step = (stepId: string, field: string) => `/dossiers/${id}/etapes/${stepId}#champ-${field}`;
      expect(items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ href: step("projet", "activityProject"), message: "À renseigner." }),
          expect.objectContaining({ href: step("projet", "generalInterest"), message: "À renseigner." }),
          expect.objectContaining({ href: step("montants", "amountYear1"), message: "À renseigner." }),
          expect.objectContaining({ href: step("montants", "amountYear3"), message: "À renseigner." }),
          expect.objectContaining({ href: `/dossiers/${id}/pieces#piece-STATUTES` }),
        ]),
      );
      // What was typed is not reported missing.
      expect(items.map((item) => item.href)).not.toContain(step("projet", "title"));

      const dossier = await db.dossier.findUniqueOrThrow({ where: { id } });
      expect(dossier).toMatchObject({ status: DossierStatus.DRAFT, number: null });
      expect(await db.generatedDocument.count({ where: { dossierId: id } })).toBe(0);
      expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(0);
    });

    it("cannot be started when no call is open, and says when the next one opens", async () => {
      const { db } = world;
      const user = await createUser(db);
      const organisation = await createAssociation(db, user.id);
      const scheme = await db.scheme.findUniqueOrThrow({ where: { code: SchemeCode.CAP_ASSO } });
      const now = paris("2026-06-15T10:00");
      // The 2026 call closed at the start of June; a dated call opens in September.
      const call2026 = await db.call.findFirstOrThrow({ where: { schemeId: scheme.id, year: 2026 } });
      await db.call.update({ where: { id: call2026.id }, data: { closesAt: paris("2026-06-01T00:00") } });
      const autumn = await db.call.create({
        data: {
          schemeId: scheme.id,
          year: 2026,
          kind: "DATED",
          title: "CAP ASSO — appel d’automne 2026",
          opensAt: paris("2026-09-01T00:00"),
          closesAt: paris("2026-10-31T23:59"),
          budgetEnvelopeCents: 100_000_000n,
        },
      });
      try {
        const error = await refusal(
          startDossier(db, {
            userId: user.id,
            organisationId: organisation.id,
            schemeCode: SchemeCode.CAP_ASSO,
            now,
          }),
        );
        expect(error.message).toContain("Le prochain ouvre le 01/09/2026");
        expect(await db.dossier.count({ where: { organisationId: organisation.id } })).toBe(0);
      } finally {
        await db.call.delete({ where: { id: autumn.id } });
        await db.call.update({ where: { id: call2026.id }, data: { closesAt: call2026.closesAt } });
      }
    });
  });
});
