import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, FunderKind, LegalForm, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { setFunderSharing } from "~/services/applicant/dossier-sharing.server";
import type { CommunityMember } from "~/services/funders/access.server";
import {
  handleCommunityIntent,
  postComment,
  readCommunityActivity,
  savePosition,
} from "~/services/funders/positions.server";
import { instructionDossierView } from "~/services/instruction/dossier.server";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { createUser, createWorld, fileDemo, type World } from "../support/instruction-world";
import { asServed } from "../support/routes";

const APP_URL = "https://portail.example.fr";
const MORNING = new Date("2026-11-23T09:30:00Z");
const EVENING = new Date("2026-11-23T17:45:00Z");

const statusOf = (promise: Promise<unknown>) =>
  asServed(promise).then(
    () => "résolu",
    (reason: unknown) => (reason instanceof Response ? reason.status : reason),
  );

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  return data;
}

describe.each(databaseKinds())("funders' positions and discussion on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let counter = 0;
  let sophie: CommunityMember; // France Active
  let sophieColleague: CommunityMember;
  let marc: CommunityMember; // Banque des Territoires
  let loneFunder: CommunityMember; // a FUNDER account not yet attached to an organisation
  let instructor: CommunityMember;
  let applicant: CommunityMember;
  let emails: Record<string, string>;

  async function person(firstName: string, lastName: string, role: UserRole, funderOrganisationId?: string) {
    counter += 1;
    const user = await db.user.create({
      data: {
        email: `${firstName.toLowerCase()}${counter}@example.fr`,
        passwordHash: "-",
        firstName,
        lastName,
        role,
        funderOrganisationId,
      },
    });
    emails[user.id] = user.email;
    return { id: user.id, role: user.role, funderOrganisationId: user.funderOrganisationId };
  }

  /** A filed CAP ASSO dossier whose holder (`applicant`) shares it, unless told otherwise. */
  async function dossier(options: { shared?: boolean; status?: DossierStatus } = {}) {
    counter += 1;
    const organisation = await db.organisation.create({
      data: { name: `Association n° ${counter}`, legalForm: LegalForm.ASSOCIATION, departmentCode: "45" },
    });
    await db.membership.create({ data: { userId: applicant.id, organisationId: organisation.id } });
    const scheme = await db.scheme.findUniqueOrThrow({
      where: { code: SchemeCode.CAP_ASSO },
      include: { ruleSets: true },
    });
    const created = await db.dossier.create({
      data: {
        schemeId: scheme.id,
        schemeCode: SchemeCode.CAP_ASSO,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: applicant.id,
        title: "Épicerie solidaire",
        status: options.status ?? DossierStatus.FILED,
        number: `CAPASSO-2026-${String(counter).padStart(5, "0")}`,
        filedAt: MORNING,
        sharedWithFunders: options.shared ?? true,
        sharedAt: options.shared === false ? null : MORNING,
      },
    });
    return created.id;
  }

  const organisationsSeenBy = async (user: CommunityMember, dossierId: string) =>
    (await readCommunityActivity(db, user, dossierId)).positions.map((position) => [
      position.organisation,
      position.status,
      position.shared,
    ]);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    emails = {};
    await seedReference(db, MORNING);
    const franceActive = await db.funderOrganisation.create({
      data: { slug: "test-france-active", name: "France Active Test", kind: FunderKind.SOLIDARITY_FINANCE },
    });
    const banque = await db.funderOrganisation.create({
      data: { slug: "test-banque", name: "Banque des Territoires Test", kind: FunderKind.PUBLIC_BANK },
    });
    sophie = await person("Sophie", "Lefèvre", UserRole.FUNDER, franceActive.id);
    sophieColleague = await person("Paul", "Roux", UserRole.FUNDER, franceActive.id);
    marc = await person("Marc", "Dupont", UserRole.FUNDER, banque.id);
    loneFunder = await person("Léa", "Sans", UserRole.FUNDER);
    instructor = await person("Inès", "Moreau", UserRole.INSTRUCTOR);
    applicant = await person("Camille", "Martin", UserRole.APPLICANT);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("keeps an organisation's draft within it until it is shown, then shows it to all", async () => {
    const dossierId = await dossier();
    await savePosition(db, sophie, {
      dossierId,
      status: "CONSIDERED",
      instrument: "LOAN",
      amountCents: 1_200_000,
      note: "Comité le 4 décembre",
      shared: false,
      now: MORNING,
    });
    expect(await organisationsSeenBy(sophieColleague, dossierId)).toEqual([
      ["France Active Test", "Envisagé", false],
    ]);
    expect(await organisationsSeenBy(marc, dossierId)).toEqual([]);
    expect(await organisationsSeenBy(instructor, dossierId)).toEqual([]);

    const result = await handleCommunityIntent(
      db,
      sophie,
      dossierId,
      form({ intent: "position", status: "COMMITTED", instrument: "LOAN", amount: "15 000", partager: "1" }),
      { appUrl: APP_URL, now: EVENING },
    );
    expect(result).toEqual({
      ok: true,
      intent: "position",
      message: "Votre position est enregistrée et visible des autres financeurs et de la Région.",
    });
    const seenByMarc = await readCommunityActivity(db, marc, dossierId);
    expect(seenByMarc.positions).toEqual([
      expect.objectContaining({
        organisation: "France Active Test",
        status: "Engagé",
        instrument: "Prêt",
        amount: "15\u202f000,00\u00a0€",
        shared: true,
        updatedAt: "23/11/2026",
        mine: false,
      }),
    ]);
    expect(seenByMarc.myPosition).toBeNull();
    expect((await readCommunityActivity(db, sophieColleague, dossierId)).myPosition).toEqual({
      status: "COMMITTED",
      instrument: "LOAN",
      amount: "15\u202f000,00\u00a0€",
      note: "",
      partager: true,
    });
    expect(await organisationsSeenBy(instructor, dossierId)).toEqual([
      ["France Active Test", "Engagé", true],
    ]);

    // Shown once: updating keeps the first time it was shown; turning it back into a draft hides it.
    await savePosition(db, sophie, {
      dossierId,
      status: "PAID",
      instrument: "LOAN",
      amountCents: 1_500_000,
      note: null,
      shared: true,
      now: new Date("2026-11-30T10:00:00Z"),
    });
    const pledge = await db.funderPledge.findFirstOrThrow({ where: { dossierId } });
    expect(pledge.sharedAt).toEqual(EVENING);
    expect(pledge.updatedById).toBe(sophie.id);
    await savePosition(db, sophieColleague, { dossierId, ...draft("INTERESTED"), now: EVENING });
    expect(await organisationsSeenBy(marc, dossierId)).toEqual([]);
    expect(await db.funderPledge.count({ where: { dossierId } })).toBe(1);
  });

  it("requires the instrument and amount from « Envisagé » on and keeps what was typed", async () => {
    const dossierId = await dossier();
    const result = await handleCommunityIntent(
      db,
      marc,
      dossierId,
      form({ intent: "position", status: "CONSIDERED", instrument: "", amount: "", note: "À voir" }),
      { appUrl: APP_URL },
    );
    expect(result).toEqual({
      ok: false,
      intent: "position",
      errors: {
        instrument:
          "Choisissez l’instrument : subvention, prêt, garantie, fonds propres ou apport en nature.",
        amount: "Saisissez le montant envisagé, en euros, par exemple 12 000.",
      },
      values: { intent: "position", status: "CONSIDERED", instrument: "", amount: "", note: "À voir" },
    });
    expect(await db.funderPledge.count({ where: { dossierId } })).toBe(0);
    const unknown = await handleCommunityIntent(db, marc, dossierId, form({ intent: "vote" }), {
      appUrl: APP_URL,
    });
    expect(unknown).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining("Action inconnue") },
    });
  });

  it("emails the funders and instructors a comment mentions, never an applicant nor the author", async () => {
    const dossierId = await dossier();
    const before = await db.outboxEmail.count();
    const activity = await readCommunityActivity(db, sophie, dossierId);
    const offered = activity.mentionable.map((entry) => entry.id);
    expect(offered).toEqual(expect.arrayContaining([marc.id, sophieColleague.id, instructor.id]));
    expect(offered).not.toContain(applicant.id);
    expect(offered).not.toContain(loneFunder.id);
    expect(offered).not.toContain(sophie.id);
    expect(activity.mentionable).toContainEqual({ id: instructor.id, label: "Inès Moreau (Région)" });

    const result = await handleCommunityIntent(
      db,
      sophie,
      dossierId,
      form({
        intent: "comment",
        body: "Bonjour,\nNous pourrions compléter par un prêt d’honneur. Qu’en pensez-vous ?",
        // The applicant's id, typed by hand, and the author herself are ignored.
        mentions: [marc.id, instructor.id, applicant.id, sophie.id, loneFunder.id],
      }),
      { appUrl: APP_URL, now: MORNING },
    );
    expect(result).toEqual({
      ok: true,
      intent: "comment",
      message: "Votre message est publié ; les 2 personnes mentionnées sont prévenues par e-mail.",
    });
    expect(await db.outboxEmail.count()).toBe(before + 2);
    const sent = await db.outboxEmail.findMany({ where: { template: "funder-mention" } });
    expect(sent.map((email) => email.to).sort()).toEqual([emails[instructor.id], emails[marc.id]].sort());
    const toMarc = sent.find((email) => email.to === emails[marc.id])!;
    const number = (await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).number;
    expect(toMarc.template).toBe("funder-mention");
    expect(toMarc.subject).toBe(`Dossier ${number} : Sophie Lefèvre vous mentionne`);
    expect(toMarc.text).toContain("Sophie Lefèvre (France Active Test) vous mentionne");
    expect(toMarc.text).toContain(
      "« Bonjour, Nous pourrions compléter par un prêt d’honneur. Qu’en pensez-vous ? »",
    );
    expect(toMarc.text).toContain(`${APP_URL}/financeurs/dossiers/${dossierId}#communaute`);

    const seenByInstructor = await readCommunityActivity(db, instructor, dossierId);
    expect(seenByInstructor.comments).toEqual([
      expect.objectContaining({
        author: "Sophie Lefèvre (France Active Test)",
        body: "Bonjour,\nNous pourrions compléter par un prêt d’honneur. Qu’en pensez-vous ?",
        at: "23/11/2026 à 10:30",
      }),
    ]);

    const empty = await handleCommunityIntent(
      db,
      marc,
      dossierId,
      form({ intent: "comment", body: "   ", mentions: [sophie.id] }),
      { appUrl: APP_URL },
    );
    expect(empty).toEqual({
      ok: false,
      intent: "comment",
      errors: { body: "Écrivez votre message." },
      values: { intent: "comment", body: "   ", mentions: sophie.id },
    });
    expect(await db.funderComment.count({ where: { dossierId } })).toBe(1);
  });

  it("answers 404 on a dossier that is not shared, still a draft, or whose consent was withdrawn", async () => {
    const unshared = await dossier({ shared: false });
    const draftDossier = await dossier({ status: DossierStatus.DRAFT });
    const revoked = await dossier();
    await savePosition(db, marc, { dossierId: revoked, ...draft("INTERESTED"), shared: true, now: MORNING });
    await postComment(db, marc, { dossierId: revoked, body: "Intéressant", mentions: [], appUrl: APP_URL });
    await setFunderSharing(db, { userId: applicant.id, dossierId: revoked, share: false, now: EVENING });

    for (const dossierId of [unshared, draftDossier, revoked, "inconnu"]) {
      for (const user of [marc, instructor]) {
        expect(await statusOf(readCommunityActivity(db, user, dossierId))).toBe(404);
        expect(
          await statusOf(
            handleCommunityIntent(db, user, dossierId, form({ intent: "comment", body: "Alors ?" }), {
              appUrl: APP_URL,
            }),
          ),
        ).toBe(404);
      }
      expect(await statusOf(savePosition(db, marc, { dossierId, ...draft("INTERESTED") }))).toBe(404);
      expect(
        await statusOf(postComment(db, marc, { dossierId, body: "Alors ?", mentions: [], appUrl: APP_URL })),
      ).toBe(404);
    }
    expect(await db.funderComment.count({ where: { dossierId: revoked } })).toBe(1);
  });

  it("refuses applicants and funders without an organisation, and lets no instructor take a position", async () => {
    const dossierId = await dossier();
    for (const user of [applicant, loneFunder]) {
      expect(await statusOf(readCommunityActivity(db, user, dossierId))).toBe(403);
      expect(await statusOf(savePosition(db, user, { dossierId, ...draft("INTERESTED") }))).toBe(403);
      expect(
        await statusOf(postComment(db, user, { dossierId, body: "Bonjour", mentions: [], appUrl: APP_URL })),
      ).toBe(403);
    }
    expect((await readCommunityActivity(db, instructor, dossierId)).canTakePosition).toBe(false);
    expect(await statusOf(savePosition(db, instructor, { dossierId, ...draft("INTERESTED") }))).toBe(403);
    expect(
      await handleCommunityIntent(
        db,
        instructor,
        dossierId,
        form({ intent: "position", status: "INTERESTED" }),
        {
          appUrl: APP_URL,
        },
      ),
    ).toMatchObject({
      ok: false,
      errors: { form: "Seuls les membres d’une organisation financeuse prennent position." },
    });
    expect(await db.funderPledge.count({ where: { dossierId } })).toBe(0);
    expect(await db.funderComment.count({ where: { dossierId } })).toBe(0);
    expect(await db.auditLog.count({ where: { targetId: dossierId } })).toBe(0);
  });

  it("writes each position and each message in the audit log, against the dossier", async () => {
    const dossierId = await dossier();
    await savePosition(db, marc, {
      dossierId,
      status: "CONSIDERED",
      instrument: "GRANT",
      amountCents: 800_000,
      note: null,
      shared: true,
      now: MORNING,
    });
    await postComment(db, marc, { dossierId, body: "Dossier solide.", mentions: [], appUrl: APP_URL });
    const rows = await db.auditLog.findMany({
      where: { targetType: "Dossier", targetId: dossierId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { actorId: true, action: true, details: true },
    });
    expect(rows).toEqual([
      {
        actorId: marc.id,
        action: "funders.position_saved",
        details: expect.objectContaining({ status: "CONSIDERED", amountCents: 800_000, shared: true }),
      },
      {
        actorId: marc.id,
        action: "funders.comment_posted",
        details: expect.objectContaining({ mentions: 0 }),
      },
    ]);
  });
});

function draft(status: "INTERESTED" | "CONSIDERED") {
  return { status, instrument: null, amountCents: null, note: null, shared: false } as const;
}

describe.each(databaseKinds())("the funders' work on the instructor's dossier page on %s", (kind) => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld(kind);
  });

  afterAll(async () => {
    await world?.database.close();
    await rm(world?.root ?? "", { recursive: true, force: true });
  });

  it("shows shared positions and comments only while the holder shares the dossier", async () => {
    const { db } = world;
    const filed = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const view = () => instructionDossierView(db, world.instructor, filed.id, new URLSearchParams());
    expect((await view()).community).toBeNull();

    await setFunderSharing(db, { userId: filed.owner.id, dossierId: filed.id, share: true });
    const organisation = await db.funderOrganisation.create({
      data: { slug: "test-ademe", name: "ADEME Test", kind: FunderKind.PUBLIC_AGENCY },
    });
    const funder = await createUser(db, "Sophie", "Lefèvre", UserRole.FUNDER);
    await db.user.update({ where: { id: funder.id }, data: { funderOrganisationId: organisation.id } });
    const member = { id: funder.id, role: funder.role, funderOrganisationId: organisation.id };
    const position = { instrument: "GRANT", amountCents: 500_000, note: null } as const;
    await savePosition(db, member, { dossierId: filed.id, status: "CONSIDERED", ...position, shared: false });
    await postComment(db, member, {
      dossierId: filed.id,
      body: "Cofinancement possible.",
      mentions: [],
      appUrl: APP_URL,
    });
    const shared = (await view()).community;
    expect(shared?.positions).toEqual([]);
    expect(shared?.comments.map((comment) => comment.author)).toEqual(["Sophie Lefèvre (ADEME Test)"]);

    await savePosition(db, member, { dossierId: filed.id, status: "COMMITTED", ...position, shared: true });
    expect((await view()).community?.positions).toEqual([
      expect.objectContaining({
        organisation: "ADEME Test",
        status: "Engagé",
        amount: "5\u202f000,00\u00a0€",
      }),
    ]);

    await setFunderSharing(db, { userId: filed.owner.id, dossierId: filed.id, share: false });
    expect((await view()).community).toBeNull();
  });
});
