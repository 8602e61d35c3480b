// The audit log page and its CSV export, called as a browser calls them, on a seeded log: each filter
// (person, dossier, action, Paris days) returns exactly the matching entries, newest first; a dossier's or a
// person's own history is merged in; pages hold 50 entries and cover the log once; the CSV holds the
// filtered entries and its export is audited; bad filter values are ignored in French; only admins get in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { AuditRowView } from "~/components/admin/audit-table";
import { AUDIT_ACTIONS } from "~/domain/audit";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, DossierStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";

import { demoSiret } from "../../seeds/demo/identifiers";
import { paris } from "../../seeds/paris-time";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { cookieOf, get, outcome } from "../support/routes";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

interface Page {
  notices: string[];
  total: number;
  page: number;
  pageCount: number;
  csvHref: string;
  entries: AuditRowView[];
}

describe.each(databaseKinds())("the audit log on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  const cookies: Record<string, string> = {};
  const people: Record<string, string> = {};
  const dossiers: Record<string, string> = {};
  let page: Loader;
  let csv: Loader;

  const open = async (query = "") => {
    const result = await outcome(page(get(`/admin/journal${query}`, cookies.admin)));
    expect(result.status).toBe(200);
    return result.body as Page;
  };
  /** Each entry as « date — who — what », to compare whole lists at a glance. */
  const lines = (log: Page) =>
    log.entries.map((entry) => `${entry.at} — ${entry.actor?.name ?? "personne"} — ${entry.action}`);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db, paris("2026-01-05T09:00"));
    const person = async (key: string, firstName: string, lastName: string, role: UserRole) => {
      const user = await db.user.create({
        data: { email: `${key}@example.fr`, passwordHash: "-", firstName, lastName, role },
      });
      people[key] = user.id;
    };
    await person("admin", "Alix", "Admin", UserRole.ADMIN);
    await person("camille", "Camille", "Martin", UserRole.APPLICANT);
    await person("ines", "Inès", "Moreau", UserRole.INSTRUCTOR);
    await person("funder", "Sophie", "Lefèvre", UserRole.FUNDER);
    await person("bulk", "Basile", "Robot", UserRole.INSTRUCTOR);

    const organisation = await db.organisation.create({
      data: {
        name: "Échappée belle",
        legalForm: "ASSOCIATION",
        siret: demoSiret("84300001", "0001"),
        departmentCode: "45",
      },
    });
    for (const [key, scheme, number] of [
      ["capasso", SchemeCode.CAP_ASSO, "CAPASSO-2026-00042"],
      ["avosid", SchemeCode.A_VOS_ID, "AVOSID-2026-00007"],
    ] as const) {
      const ruleSet = await db.ruleSet.findFirstOrThrow({ where: { scheme: { code: scheme } } });
      const dossier = await db.dossier.create({
        data: {
          number,
          schemeId: ruleSet.schemeId,
          schemeCode: scheme,
          ruleSetId: ruleSet.id,
          organisationId: organisation.id,
          createdById: people.camille!,
          title: `Projet ${key}`,
          status: DossierStatus.UNDER_INSTRUCTION,
        },
      });
      dossiers[key] = dossier.id;
    }
    const chinonais = await db.territory.findUniqueOrThrow({ where: { code: "37-chinonais" } });

    await db.auditLog.deleteMany();
    await db.auditLog.createMany({
      data: [
        {
          actorId: people.camille,
          action: AUDIT_ACTIONS.signIn,
          ip: "203.0.113.7",
          createdAt: paris("2026-03-01T08:00"),
        },
        // Late in the evening: the last minutes of the Paris day.
        { actorId: people.ines, action: AUDIT_ACTIONS.signIn, createdAt: paris("2026-03-01T23:30") },
        {
          actorId: people.funder,
          action: AUDIT_ACTIONS.funderDossierViewed,
          targetType: "Dossier",
          targetId: dossiers.capasso,
          createdAt: paris("2026-03-02T10:00"),
        },
        {
          actorId: people.admin,
          action: AUDIT_ACTIONS.territoryUpdated,
          targetType: "Territory",
          targetId: chinonais.id,
          details: { code: "37-chinonais", changes: { active: { before: true, after: false } } },
          createdAt: paris("2026-03-03T09:00"),
        },
        // Half past midnight in Paris on 4 March: still 3 March in UTC.
        {
          actorId: people.admin,
          action: AUDIT_ACTIONS.userDeactivated,
          targetType: "User",
          targetId: people.camille,
          createdAt: paris("2026-03-04T00:30"),
        },
        {
          action: AUDIT_ACTIONS.signInFailed,
          details: { email: "inconnu@example.fr" },
          createdAt: paris("2026-03-05T07:15"),
        },
        // A robot's 120 sign-ins in February, for the pages.
        ...Array.from({ length: 120 }, (_, index) => ({
          actorId: people.bulk,
          action: AUDIT_ACTIONS.signIn,
          createdAt: new Date(paris("2026-02-01T08:00").getTime() + index * 3_600_000),
        })),
      ],
    });
    const event = (
      dossier: string,
      actor: string,
      at: string,
      fromStatus: DossierStatus | null,
      toStatus: DossierStatus | null,
      kind: DossierEventKind = DossierEventKind.STATUS_CHANGE,
    ) => ({
      dossierId: dossiers[dossier]!,
      actorId: people[actor],
      kind,
      fromStatus,
      toStatus,
      createdAt: paris(at),
    });
    await db.dossierEvent.createMany({
      data: [
        event("capasso", "camille", "2026-03-01T09:00", DossierStatus.DRAFT, DossierStatus.FILED),
        event("capasso", "ines", "2026-03-02T11:00", DossierStatus.FILED, DossierStatus.UNDER_INSTRUCTION),
        event("avosid", "ines", "2026-03-03T10:00", null, null, DossierEventKind.ASSIGNMENT),
        // The robot's 30 changes, between its sign-ins.
        ...Array.from({ length: 30 }, (_, index) => ({
          dossierId: dossiers.avosid!,
          actorId: people.bulk,
          kind: DossierEventKind.ANSWERS_UPDATED,
          createdAt: new Date(paris("2026-02-01T08:30").getTime() + index * 4 * 3_600_000),
        })),
      ],
    });

    globalThis.__database = { db, kind, close: () => database.close() };
    vi.resetModules();
    for (const key of ["admin", "camille", "ines", "funder"]) {
      cookies[key] = await cookieOf(db, people[key]!);
    }
    page = (await import("~/routes/admin.journal")).loader;
    csv = (await import("~/routes/admin.journal[.csv]")).loader;
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    await database?.close();
  });

  it("lets only an administrator read or export the log; a refused export leaves no trace", async () => {
    const count = await db.auditLog.count();
    for (const [url, loader] of [
      ["/admin/journal?personne=martin", page],
      ["/admin/journal.csv?personne=martin", csv],
    ] as const) {
      const signedOut = await outcome(loader(get(url)));
      expect(signedOut.status, url).toBe(302);
      expect(signedOut.location, url).toMatch(/^\/connexion\?redirectTo=%2Fadmin%2Fjournal/);
      for (const role of ["camille", "ines", "funder"]) {
        expect((await outcome(loader(get(url, cookies[role])))).status, `${url} (${role})`).toBe(403);
      }
    }
    expect(await db.auditLog.count()).toBe(count);
  });

  it("finds a person by name or email: what they did, what was done to their account, and their dossier steps", async () => {
    const log = await open("?personne=MARTIN");
    expect(lines(log)).toEqual([
      "04/03/2026 à 00:30 — Alix Admin — Compte désactivé",
      "01/03/2026 à 09:00 — Camille Martin — Dossier déposé",
      "01/03/2026 à 08:00 — Camille Martin — Connexion",
    ]);
    expect(log.entries[0]!.target).toEqual({
      label: "Compte Camille Martin (camille@example.fr)",
      dossierId: null,
    });
    expect(log.entries[1]).toMatchObject({
      fromDossierHistory: true,
      actor: { name: "Camille Martin", email: "camille@example.fr" },
      target: { label: "Dossier CAPASSO-2026-00042", dossierId: dossiers.capasso },
      details: "Statut\u202f: Brouillon → Déposé",
    });
    expect(lines(await open("?personne=in%C3%A8s+moreau"))).toEqual([
      "03/03/2026 à 10:00 — Inès Moreau — Dossier confié à une instructrice ou un instructeur",
      "02/03/2026 à 11:00 — Inès Moreau — Instruction commencée",
      "01/03/2026 à 23:30 — Inès Moreau — Connexion",
    ]);
    expect(lines(await open("?personne=ines%40example"))).toHaveLength(3);
    const nobody = await open("?personne=zorglub");
    expect(nobody.total).toBe(0);
    expect(nobody.notices).toEqual(["Aucune personne ne correspond à « zorglub »."]);
  });

  it("finds a dossier by number or id, with its own history merged in, newest first", async () => {
    const expected = [
      "02/03/2026 à 11:00 — Inès Moreau — Instruction commencée",
      "02/03/2026 à 10:00 — Sophie Lefèvre — Dossier consulté par un financeur",
      "01/03/2026 à 09:00 — Camille Martin — Dossier déposé",
    ];
    const byNumber = await open("?dossier=capasso-2026-00042");
    expect(lines(byNumber)).toEqual(expected);
    expect(byNumber.entries.map((entry) => entry.fromDossierHistory)).toEqual([true, false, true]);
    expect(byNumber.entries[1]!.target).toEqual({
      label: "Dossier CAPASSO-2026-00042",
      dossierId: dossiers.capasso,
    });
    expect(lines(await open(`?dossier=${dossiers.capasso}`))).toEqual(expected);
    const unknown = await open("?dossier=CAPASSO-2026-99999");
    expect(unknown.total).toBe(0);
    expect(unknown.notices[0]).toContain(
      "Aucun dossier ne porte le numéro ou l’identifiant « CAPASSO-2026-99999 »",
    );
  });

  it("filters by action, alone or with a person, without the dossiers' histories", async () => {
    const log = await open("?action=admin.territory_updated");
    expect(lines(log)).toEqual(["03/03/2026 à 09:00 — Alix Admin — Territoire modifié"]);
    expect(log.entries[0]).toMatchObject({
      target: { label: "Territoire Pays du Chinonais", dossierId: null },
      details: "Code\u202f: 37-chinonais\u202f; modifications\u202f: (actif\u202f: oui → non)",
    });
    expect(lines(await open("?personne=martin&action=auth.sign_in"))).toEqual([
      "01/03/2026 à 08:00 — Camille Martin — Connexion",
    ]);
    expect((await open("?action=auth.sign_in_failed")).entries[0]).toMatchObject({
      actor: null,
      details: "Adresse e-mail\u202f: inconnu@example.fr",
    });
  });

  it("filters by Paris days, both included, whichever way the date is typed", async () => {
    expect(lines(await open("?du=2026-03-04&au=2026-03-04"))).toEqual([
      "04/03/2026 à 00:30 — Alix Admin — Compte désactivé",
    ]);
    expect(lines(await open("?du=01/03/2026&au=01/03/2026"))).toEqual([
      "01/03/2026 à 23:30 — Inès Moreau — Connexion",
      "01/03/2026 à 08:00 — Camille Martin — Connexion",
    ]);
    expect((await open("?du=2026-03-03")).total).toBe(3);
    expect(lines(await open("?dossier=CAPASSO-2026-00042&au=2026-03-01"))).toEqual([
      "01/03/2026 à 09:00 — Camille Martin — Dossier déposé",
    ]);
  });

  it("ignores what it cannot read, says so in French, and shows the whole log", async () => {
    const before = await db.auditLog.count();
    const log = await open("?action=admin.tout_casser&du=32/01/2026&page=abc&dossier=%3Cscript%3E");
    expect(log.total).toBe(126);
    expect(log.notices).toEqual([
      "« <script> » n’est ni un numéro ni un identifiant de dossier\u202f: ce filtre est ignoré.",
      "L’action « admin.tout_casser » n’existe pas\u202f: ce filtre est ignoré.",
      "La date « Du » (« 32/01/2026 ») n’est pas une date valide\u202f: elle est ignorée.",
      "La page « abc » n’existe pas\u202f: la première page est affichée.",
    ]);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("shows 50 entries a page, each entry once, and the last page for one past the end", async () => {
    const first = await open();
    expect(first).toMatchObject({ total: 126, page: 1, pageCount: 3 });
    expect(first.entries).toHaveLength(50);
    expect(lines(first)[0]).toBe("05/03/2026 à 07:15 — personne — Échec de connexion");
    const past = await open("?page=9");
    expect(past.page).toBe(3);
    expect(past.entries).toHaveLength(26);
    expect(past.notices).toEqual(["La page 9 n’existe pas\u202f: la dernière page (3) est affichée."]);

    // The robot's 120 sign-ins and 30 dossier changes, merged across three pages.
    const pages = [
      await open("?personne=robot"),
      await open("?personne=robot&page=2"),
      await open("?personne=robot&page=3"),
    ];
    expect(pages.map((one) => one.entries.length)).toEqual([50, 50, 50]);
    const all = pages.flatMap((one) => one.entries);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(150);
    expect(all.filter((entry) => entry.fromDossierHistory)).toHaveLength(30);
    const instants = all.map((entry) => entry.iso);
    expect(instants).toEqual([...instants].sort().reverse());
    expect(pages[1]!.entries.some((entry) => entry.fromDossierHistory)).toBe(true);
  });

  it("exports the filtered entries as a French CSV and audits the export, which the file never lists", async () => {
    const response = await outcome(csv(get("/admin/journal.csv?personne=martin&page=3", cookies.admin)));
    expect(response.status).toBe(200);
    const text = response.text;
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n").filter(Boolean)).toEqual([
      "Date;Heure;Personne;E-mail;Action;Cible;Détails;Adresse IP;Source",
      "04/03/2026;00:30;Alix Admin;admin@example.fr;Compte désactivé;Compte Camille Martin (camille@example.fr);;;Journal d’audit",
      "01/03/2026;09:00;Camille Martin;camille@example.fr;Dossier déposé;Dossier CAPASSO-2026-00042;Statut\u202f: Brouillon → Déposé;;Historique du dossier",
      "01/03/2026;08:00;Camille Martin;camille@example.fr;Connexion;;;203.0.113.7;Journal d’audit",
    ]);
    const exported = await db.auditLog.findFirstOrThrow({
      where: { action: AUDIT_ACTIONS.auditLogExported },
    });
    expect(exported).toMatchObject({
      actorId: people.admin,
      details: { query: "personne=martin", count: 3 },
    });
    // The next export of the admin's own acts lists the first one.
    const again = await outcome(
      csv(get(`/admin/journal.csv?action=${AUDIT_ACTIONS.auditLogExported}`, cookies.admin)),
    );
    expect(again.text.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(again.text).toContain(
      // jsonb keeps keys in its own order; a field holding the delimiter is quoted.
      'Alix Admin;admin@example.fr;Export du journal d’audit;;"Nombre de lignes\u202f: 3\u202f; filtre\u202f: personne=martin";',
    );
  });
});
