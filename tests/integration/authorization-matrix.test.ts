// The authorization matrix (tests/support/authorization-matrix.ts) run for real: every route module's loader
// and action, every intent, called as a browser calls it (a real session cookie per role, the seeded demo
// database), with real ids of another organisation's dossier, piece, invitation and saved filter, and with
// guessed ids. A refused call (sign in, 403, 404) and a refused form (4xx) change nothing in the database;
// a route module without a row fails the test, so every new route says who may call it.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dossierSteps } from "~/domain/dossier-forms";
import type { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierStatus, MembershipRole, UserRole } from "~/generated/prisma/enums";
import { formContext, startDossier } from "~/services/applicant/dossiers.server";
import { saveFilter } from "~/services/funders/saved-filters.server";
import { inviteMember } from "~/services/applicant/organisation-invitations.server";
import { createReview, setReviewItems } from "~/services/funders/project-reviews.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedDemo } from "../../seeds/demo";
import { CAP_ASSO_BALANCE_REQUESTED } from "../../seeds/demo/post-grant-dossiers";
import { seedReference } from "../../seeds/reference";
import {
  MATRIX,
  ROLES,
  type Check,
  type Expected,
  type MatrixWorld,
  type Role,
  urlOf,
} from "../support/authorization-matrix";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { cookieOf, get, outcome, post, type Outcome } from "../support/routes";

type Handler = (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
type RouteModule = { loader?: Handler; action?: Handler };

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const guessedId = () => `c${randomBytes(12).toString("hex").slice(0, 24)}`;

function matches(expected: Expected, answer: Outcome): boolean {
  if (typeof expected === "number") return answer.status === expected;
  const location = answer.location ?? "";
  if (answer.status < 300 || answer.status > 399) return false;
  if (expected === "login") return location.startsWith("/connexion?redirectTo=");
  return location.startsWith(expected.slice(1));
}

const show = (answer: Outcome) =>
  `${answer.status}${answer.location ? ` → ${answer.location}` : ""} ${answer.text.slice(0, 120)}`;

/** Answers that must leave the database as it was: refusals and rejected forms. */
const refuses = (expected: Expected) =>
  expected === "login" || (typeof expected === "number" && expected >= 400);

describe("the authorization matrix: every route × every role", () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;
  let world: MatrixWorld;
  const users = {} as Record<Exclude<Role, "anonymous"> | "otherFunder", string>;
  let tables: string[] = [];

  /** One hash per table (sessions aside: signing in writes them), to tell what a call changed. */
  async function fingerprint(): Promise<Map<string, string>> {
    const sql = tables
      .map(
        (table) =>
          `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`,
      )
      .join(" UNION ALL ");
    const rows = await db.$queryRawUnsafe<Array<{ t: string; h: string }>>(sql);
    return new Map(rows.map((row) => [row.t, row.h]));
  }
  const changed = (before: Map<string, string>, after: Map<string, string>) =>
    tables.filter((table) => before.get(table) !== after.get(table));

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    db = database.db;
    root = await mkdtemp(path.join(tmpdir(), "authorization-matrix-"));
    const storage = new LocalFileStorage(root);
    await seedReference(db);
    await seedDemo(db, storage);
    globalThis.__database = { db, kind: "pglite", close: () => database.close() };
    globalThis.__storage = storage;

    const byEmail = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    const person = (key: string, role: UserRole, extra: object = {}) =>
      db.user.create({
        data: {
          email: `${key}@matrice.example.fr`,
          passwordHash: "-",
          firstName: key,
          lastName: "Matrice",
          role,
          ...extra,
        },
      });
    const organisation = await db.organisation.findFirstOrThrow({
      where: { name: "Collectif des salariés des Menuiseries du Vendômois" },
    });
    const filed = await db.dossier.findFirstOrThrow({
      where: { organisationId: organisation.id, status: DossierStatus.FILED, sharedWithFunders: true },
    });
    users.owner = await byEmail("porteuse@demo.portail-ess.fr");
    users.otherApplicant = await byEmail("porteur@demo.portail-ess.fr");
    users.instructorIn = await byEmail("instructeur@demo.portail-ess.fr");
    users.funder = await byEmail("financeur@demo.portail-ess.fr");
    users.admin = await byEmail("admin@demo.portail-ess.fr");
    users.member = (await person("membre", UserRole.APPLICANT)).id;
    await db.membership.create({
      data: { userId: users.member, organisationId: organisation.id, role: MembershipRole.MEMBER },
    });
    users.instructorOut = (
      await person("instructeur-indre-et-loire", UserRole.INSTRUCTOR, {
        instructorScope: { create: { schemes: [], departmentCodes: ["37"], territoryCodes: [] } },
      })
    ).id;
    const ademe = await db.funderOrganisation.findFirstOrThrow({ where: { slug: { contains: "ademe" } } });
    users.otherFunder = (
      await person("financeur-ademe", UserRole.FUNDER, { funderOrganisationId: ademe.id })
    ).id;

    // After the grant: a demo CAP ASSO dossier whose agreement both sides accepted, first advance paid, year
    // 1's report sent and the balance requested. Its organisation (owned by the same demo applicant) takes
    // the matrix's member too, so the post-grant rows reach real pages for each allowed role.
    const granted = await db.dossier.findFirstOrThrow({
      where: {
        title: CAP_ASSO_BALANCE_REQUESTED.answers.title as string,
        agreementAcceptedAt: { not: null },
      },
    });
    await db.membership.create({
      data: { userId: users.member, organisationId: granted.organisationId, role: MembershipRole.MEMBER },
    });
    // The demo writes the report's answers, not its PDF (a real submission issues one): stored here.
    const reportPdfKey = "2026/11/matricematricematricematrice01";
    await storage.put(reportPdfKey, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
    await db.generatedDocument.create({
      data: {
        dossierId: granted.id,
        kind: DocumentKind.FINANCIAL_REPORT,
        period: 1,
        storageKey: reportPdfKey,
      },
    });

    const { id: draftId } = await startDossier(db, {
      userId: users.owner,
      organisationId: organisation.id,
      schemeCode: filed.schemeCode,
    });
    const draft = await db.dossier.findUniqueOrThrow({ where: { id: draftId }, include: { ruleSet: true } });
    const steps = dossierSteps(
      draft.schemeCode,
      await formContext(db, draft.schemeCode, draft.ruleSet.parameters),
    );
    const foreignDossier = await db.dossier.findFirstOrThrow({
      where: { organisation: { name: "Les Cyclopostiers" }, attachments: { some: {} } },
    });
    const piece = (dossierId: string) =>
      db.attachment.findFirstOrThrow({ where: { dossierId, deletedAt: null, messageId: null } });
    const funderUser = {
      id: users.funder,
      role: UserRole.FUNDER,
      funderOrganisationId: (await db.user.findUniqueOrThrow({ where: { id: users.funder } }))
        .funderOrganisationId,
    };
    const review = await createReview(db, funderUser, {
      title: "Revue de la matrice",
      scheduledAt: new Date(Date.now() + 30 * 86_400_000),
      place: "Orléans",
      now: new Date(),
    });
    await setReviewItems(db, funderUser, { reviewId: review.id, dossierIds: [filed.id] });
    const foreignInvitation = await inviteMember(db, {
      organisationId: foreignDossier.organisationId,
      inviterId: users.otherApplicant,
      email: "invitee-cyclopostiers@example.fr",
      role: MembershipRole.MEMBER,
      appUrl: "http://localhost:3000",
    });
    const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
    world = {
      organisationId: organisation.id,
      dossierId: filed.id,
      grantedId: granted.id,
      draftId,
      firstStepId: steps[0]!.id,
      attachmentId: (await piece(filed.id)).id,
      foreignAttachmentId: (await piece(foreignDossier.id)).id,
      organisationForm: {
        name: organisation.name,
        legalForm: organisation.legalForm,
        siret: text(organisation.siret),
        rnaNumber: text(organisation.rnaNumber),
        esusApproved: organisation.esusApproved ? "on" : "",
        esusApprovalDate: organisation.esusApprovalDate?.toISOString().slice(0, 10) ?? "",
        addressLine: text(organisation.addressLine),
        postcode: text(organisation.postcode),
        city: text(organisation.city),
        legalRepresentativeName: text(organisation.legalRepresentativeName),
        legalRepresentativeRole: text(organisation.legalRepresentativeRole),
        contactEmail: text(organisation.contactEmail),
        contactPhone: text(organisation.contactPhone),
        iban: text(organisation.iban),
        bic: text(organisation.bic),
      },
      outsiderId: users.otherApplicant,
      memberId: users.member,
      adminId: users.admin,
      callId: filed.callId!,
      funderOrganisationId: funderUser.funderOrganisationId!,
      funderOrganisationForm: await db.funderOrganisation
        .findUniqueOrThrow({ where: { id: funderUser.funderOrganisationId! } })
        .then(({ name, kind }) => ({ name, kind })),
      territoryId: (await db.territory.findFirstOrThrow({ orderBy: { code: "asc" } })).id,
      reviewId: review.id,
      commissionSessionId: (await db.commissionSession.findFirstOrThrow({ where: { status: "PLANNED" } })).id,
      filterId: (
        await saveFilter(db, { userId: users.funder, name: "Mes projets", query: "dispositif=cap-asso" })
      ).id,
      foreignFilterId: (await saveFilter(db, { userId: users.otherFunder, name: "ADEME", query: "" })).id,
      foreignInvitationId: foreignInvitation.invitation.id,
    };
    const all = await db.$queryRawUnsafe<Array<{ t: string }>>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    tables = all
      .map(({ t }) => t)
      .filter((t) => t !== "Session" && !t.startsWith("_prisma"))
      .sort();
  });

  afterAll(async () => {
    globalThis.__database = undefined;
    globalThis.__storage = undefined;
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const load = (file: string) =>
    import(/* @vite-ignore */ `~/routes/${file.replace(/\.tsx?$/, "")}`) as Promise<RouteModule>;

  /** Session cookies by user; dropped when a call ends that user's sessions (signing out). */
  const cookies = new Map<string, string>();
  async function cookieFor(userId: string) {
    if (!cookies.has(userId)) cookies.set(userId, await cookieOf(db, userId));
    return cookies.get(userId)!;
  }

  async function call(
    handler: Handler,
    kind: "loader" | "action",
    url: string,
    params: Record<string, string>,
    fields: Record<string, string | string[]>,
    userId: string | null,
  ): Promise<Outcome> {
    const cookie = userId ? await cookieFor(userId) : undefined;
    const args = kind === "loader" ? get(url, cookie, params) : post(url, fields, cookie, params);
    try {
      return await outcome(Promise.resolve(handler(args)));
    } catch (error) {
      return { status: 500, text: `a levé : ${(error as Error).stack ?? String(error)}` };
    } finally {
      if (kind === "action" && (url === "/deconnexion" || fields.intent === "sign-out-everywhere")) {
        if (userId) cookies.delete(userId);
      }
    }
  }

  it("has a row for every route module, and a check for every loader and action it exports", async () => {
    const files = (await readdir(ROUTES_DIR)).filter((file) => /\.tsx?$/.test(file)).sort();
    expect(
      files.filter((file) => !MATRIX[file]),
      "routes sans ligne dans la matrice",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((file) => !files.includes(file)),
      "lignes sans route",
    ).toEqual([]);
    const gaps: string[] = [];
    for (const file of files) {
      const module = await load(file);
      const row = MATRIX[file]!;
      if (Boolean(module.loader) !== Boolean(row.loader)) gaps.push(`${file}: loader`);
      if (Boolean(module.action) !== Boolean(row.action || row.actions)) gaps.push(`${file}: action`);
      if (!row.public && !row.loader && !row.action && !row.actions) gaps.push(`${file}: ni public ni gardé`);
    }
    expect(gaps).toEqual([]);
  });

  // Every route × every role in one test: a minute on a quiet machine is not much margin on a busy one.
  it(
    "answers every role as the matrix says, and a refusal changes nothing",
    { timeout: 240_000 },
    async () => {
      const failures: string[] = [];
      const checks: Array<[string, "loader" | "action", string, Check]> = [];
      for (const [file, row] of Object.entries(MATRIX)) {
        if (row.loader) checks.push([file, "loader", "", row.loader]);
        if (row.action) checks.push([file, "action", "", row.action]);
        for (const [intent, check] of Object.entries(row.actions ?? {}))
          checks.push([file, "action", intent, check]);
      }
      for (const [file, kind, intent, check] of checks) {
        const handler = (await load(file))[kind]!;
        const params = check.params?.(world) ?? {};
        const fields = { ...(intent ? { intent } : {}), ...check.form?.(world) };
        const label = `${file} ${kind}${intent ? ` (${intent})` : ""}`;
        const run = async (role: Role, callParams: Record<string, string>, expected: Expected) => {
          const answer = await call(
            handler,
            kind,
            urlOf(file, callParams),
            callParams,
            fields,
            role === "anonymous" ? null : users[role],
          );
          if (!matches(expected, answer))
            failures.push(`${label} — ${role}: attendu ${expected}, reçu ${show(answer)}`);
        };
        // Refusals first, under one fingerprint; then the roles whose call may write.
        const refused = ROLES.filter((role) => refuses(check.expect[role]));
        const before = await fingerprint();
        for (const role of refused) await run(role, params, check.expect[role]);
        const touched = changed(before, await fingerprint());
        if (touched.length > 0) failures.push(`${label} — un refus a écrit dans : ${touched.join(", ")}`);
        for (const role of ROLES.filter((role) => !refused.includes(role))) {
          await run(role, params, check.expect[role]);
        }
        if (check.guessed !== undefined) {
          const guessed = Object.fromEntries(Object.keys(params).map((key) => [key, guessedId()]));
          const allowed = ROLES.filter((role) => ![403, 404, "login"].includes(check.expect[role]));
          const start = await fingerprint();
          for (const role of allowed) await run(role, guessed, check.guessed);
          const wrote = changed(start, await fingerprint());
          if (wrote.length > 0)
            failures.push(`${label} — un identifiant deviné a écrit dans : ${wrote.join(", ")}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it("never gives away another organisation's piece, review or decision through an id of one's own page", async () => {
    const agenda = await db.dossier.findMany({
      where: { commissionSessionId: world.commissionSessionId },
      select: { id: true },
    });
    expect(agenda.length).toBeGreaterThan(0);
    // Complete decisions for a session whose dossiers are all outside this instructor's scope.
    const decisions = Object.fromEntries(
      agenda.flatMap(({ id }) => [
        [`${id}.outcome`, "REFUSED"],
        [`${id}.motivation`, "Le projet ne répond pas aux priorités de l’appel."],
      ]),
    );
    const cases: Array<
      [string, "loader" | "action", string, Record<string, string>, Record<string, string>, number]
    > = [
      [
        "dossiers.$id.pieces.$attachmentId.ts",
        "loader",
        users.member,
        { id: world.dossierId, attachmentId: world.foreignAttachmentId },
        {},
        404,
      ],
      [
        "instruction.dossiers.$id.pieces.$attachmentId.ts",
        "loader",
        users.instructorIn,
        { id: world.dossierId, attachmentId: world.foreignAttachmentId },
        {},
        404,
      ],
      ["financeurs.revues.$id.tsx", "loader", users.otherFunder, { id: world.reviewId }, {}, 404],
      // A draft belongs to its organisation alone: neither Region staff nor funders see it.
      ["instruction.dossiers.$id.tsx", "loader", users.instructorIn, { id: world.draftId }, {}, 404],
      ["financeurs.dossiers.$id.tsx", "loader", users.funder, { id: world.draftId }, {}, 404],
      [
        "financeurs.revues.$id.ordre-du-jour[.pdf].ts",
        "loader",
        users.otherFunder,
        { id: world.reviewId },
        {},
        404,
      ],
      [
        "financeurs.revues.$id.tsx",
        "action",
        users.otherFunder,
        { id: world.reviewId },
        { intent: "items", dossierId: world.dossierId },
        404,
      ],
      [
        "instruction.commission.$id.tsx",
        "action",
        users.instructorOut,
        { id: world.commissionSessionId },
        { intent: "decide", ...decisions },
        403,
      ],
    ];
    const failures: string[] = [];
    for (const [file, kind, userId, params, fields, status] of cases) {
      const before = await fingerprint();
      const answer = await call((await load(file))[kind]!, kind, urlOf(file, params), params, fields, userId);
      if (answer.status !== status) failures.push(`${file} ${kind}: attendu ${status}, reçu ${show(answer)}`);
      const touched = changed(before, await fingerprint());
      if (touched.length > 0) failures.push(`${file} ${kind}: a écrit dans ${touched.join(", ")}`);
    }
    expect(failures).toEqual([]);
  });
});
