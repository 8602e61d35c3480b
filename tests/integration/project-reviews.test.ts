// Project reviews among funders and the Region on a real database: a funder plans one, puts shared dossiers
// on it, invites another organisation, whose members are emailed; the printed agenda shows the shared
// positions only; a dossier whose holder stops sharing drops out; minutes wait until the review is held,
// or are written at once for a meeting held outside the portal, and show on the dossier; every act is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { paris } from "~/domain/paris-time";
import {
  DossierStatus,
  LegalForm,
  PledgeInstrument,
  PledgeStatus,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { setFunderSharing } from "~/services/applicant/dossier-sharing.server";
import {
  createReview,
  inviteOrganisations,
  listReviews,
  ProjectReviewError,
  recordMinutes,
  reviewAgendaPdf,
  reviewDetail,
  setReviewItems,
} from "~/services/funders/project-reviews.server";
import { dossierReviews } from "~/services/funders/project-review-minutes.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";

const NOW = paris("2026-11-23T10:00");
const REVIEW_AT = paris("2026-12-15T14:00");
const AFTER = paris("2026-12-15T17:30");
const APP_URL = "https://portail.example.fr";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProjectReviewError);
  return error as ProjectReviewError;
}

describe.each(databaseKinds())("project reviews on %s", (kind) => {
  let database: TestDatabase;
  let counter = 0;
  const orgs: Record<string, string> = {};

  async function user(role: UserRole, funderOrganisationId: string | null = null, deactivated = false) {
    counter += 1;
    const created = await database.db.user.create({
      data: {
        email: `personne${counter}@example.fr`,
        passwordHash: "not-used-here",
        firstName: `Prénom${counter}`,
        lastName: `Nom${counter}`,
        role,
        funderOrganisationId,
        deactivatedAt: deactivated ? NOW : null,
      },
    });
    return { id: created.id, role: created.role, funderOrganisationId, email: created.email };
  }

  async function dossier(title: string, shared: boolean) {
    counter += 1;
    const holder = await user(UserRole.APPLICANT);
    const organisation = await database.db.organisation.create({
      data: { name: `Association ${title}`, legalForm: LegalForm.ASSOCIATION, departmentCode: "45" },
    });
    await database.db.membership.create({ data: { userId: holder.id, organisationId: organisation.id } });
    const scheme = await database.db.scheme.findUniqueOrThrow({
      where: { code: SchemeCode.CAP_ASSO },
      include: { ruleSets: true },
    });
    const created = await database.db.dossier.create({
      data: {
        schemeId: scheme.id,
        schemeCode: SchemeCode.CAP_ASSO,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: holder.id,
        title,
        answers: { activityProject: `Le projet ${title} en quelques mots.` },
        status: DossierStatus.UNDER_INSTRUCTION,
        number: `CAPASSO-2026-${String(counter).padStart(5, "0")}`,
        filedAt: NOW,
        departmentCode: "45",
        requestedAmountCents: 20_000_00,
        totalBudgetCents: 80_000_00,
        budgetLines: {
          create: [
            {
              side: "RESOURCE",
              category: "REGION",
              label: "CAP ASSO (demandé)",
              amountCents: 20_000_00,
              position: 0,
            },
            {
              side: "RESOURCE",
              category: "PRIVATE",
              label: "Prêt d’honneur",
              amountCents: 15_000_00,
              position: 1,
            },
            { side: "RESOURCE", category: "STATE", label: "FDVA", amountCents: 35_000_00, position: 2 },
            {
              side: "RESOURCE",
              category: "OWN_FUNDS",
              label: "Réserves",
              amountCents: 10_000_00,
              position: 3,
            },
          ],
        },
      },
    });
    if (shared)
      await setFunderSharing(database.db, {
        userId: holder.id,
        dossierId: created.id,
        share: true,
        now: NOW,
      });
    return { id: created.id, number: created.number!, holder };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReference(database.db, NOW);
    for (const organisation of await database.db.funderOrganisation.findMany())
      orgs[organisation.slug] = organisation.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it("runs a review from planning to minutes, for the invited only", async () => {
    const db = database.db;
    const franceActive = orgs["france-active-centre-val-de-loire"]!;
    const ademe = orgs["ademe-centre-val-de-loire"]!;
    const bpifrance = orgs["bpifrance"]!;
    const organiser = await user(UserRole.FUNDER, franceActive);
    const ademeMember = await user(UserRole.FUNDER, ademe);
    const ademeColleague = await user(UserRole.FUNDER, ademe);
    const ademeFormer = await user(UserRole.FUNDER, ademe, true);
    const outsider = await user(UserRole.FUNDER, bpifrance);
    const instructor = await user(UserRole.INSTRUCTOR);
    const applicant = await user(UserRole.APPLICANT);

    const epicerie = await dossier("Épicerie solidaire", true);
    const recyclerie = await dossier("Recyclerie", true);
    const hidden = await dossier("Tiers-lieu confidentiel", false);

    // Positions: France Active's shared pledge is printed; Bpifrance's draft never is.
    await db.funderPledge.create({
      data: {
        dossierId: epicerie.id,
        funderOrganisationId: franceActive,
        status: PledgeStatus.COMMITTED,
        instrument: PledgeInstrument.LOAN,
        amountCents: 15_000_00,
        sharedAt: NOW,
        updatedById: organiser.id,
      },
    });
    await db.funderPledge.create({
      data: {
        dossierId: epicerie.id,
        funderOrganisationId: bpifrance,
        status: PledgeStatus.CONSIDERED,
        instrument: PledgeInstrument.EQUITY,
        amountCents: 33_333_00,
        note: "Brouillon interne",
        updatedById: outsider.id,
      },
    });

    expect(
      (
        await refusal(
          createReview(db, organiser, {
            title: "Bien trop tard",
            scheduledAt: paris("2025-10-01T10:00"),
            place: "Orléans",
            now: NOW,
          }),
        )
      ).fieldErrors,
    ).toEqual({
      date: "Une revue déjà tenue peut être enregistrée jusqu’à un an après sa date, pas au-delà.",
    });
    expect(
      (
        await refusal(
          createReview(db, applicant, { title: "x", scheduledAt: REVIEW_AT, place: "x", now: NOW }),
        )
      ).status,
    ).toBe(403);

    const { id: reviewId } = await createReview(db, organiser, {
      title: "Revue des projets du Loiret",
      scheduledAt: REVIEW_AT,
      place: "Hôtel de Région, salle Jean-Zay, Orléans",
      now: NOW,
    });

    const unshared = await refusal(
      setReviewItems(db, organiser, { reviewId, dossierIds: [epicerie.id, hidden.id] }),
    );
    expect(unshared.status).toBe(422);
    expect(unshared.fieldErrors.dossierIds).toMatch(/n’est pas \(ou plus\) partagé/);
    expect(await setReviewItems(db, organiser, { reviewId, dossierIds: [recyclerie.id, epicerie.id] })).toBe(
      2,
    );

    // Another organisation is not invited yet: its member cannot see the review nor guess its address.
    expect((await refusal(reviewDetail(db, ademeMember, reviewId, NOW))).status).toBe(404);
    expect(
      await inviteOrganisations(db, organiser, {
        reviewId,
        funderOrganisationIds: [ademe],
        now: NOW,
        appUrl: APP_URL,
      }),
    ).toEqual({ organisations: 1, recipients: 2 });
    // Inviting again sends nothing more.
    expect(
      await inviteOrganisations(db, organiser, {
        reviewId,
        funderOrganisationIds: [ademe],
        now: NOW,
        appUrl: APP_URL,
      }),
    ).toEqual({ organisations: 0, recipients: 0 });

    const outbox = await db.outboxEmail.findMany({
      where: { template: "project-review-invitation" },
      orderBy: { to: "asc" },
    });
    expect(outbox.map((email) => email.to).sort()).toEqual([ademeMember.email, ademeColleague.email].sort());
    expect(outbox.map((email) => email.to)).not.toContain(ademeFormer.email);
    expect(outbox[0]!.subject).toBe("Revue de projets « Revue des projets du Loiret » le 15/12/2026 à 14:00");
    expect(outbox[0]!.text).toContain("Lieu : Hôtel de Région, salle Jean-Zay, Orléans");
    expect(outbox[0]!.text).toContain(`${APP_URL}/financeurs/revues/${reviewId}`);
    expect(outbox[0]!.text).toContain("invite ADEME Centre-Val de Loire");

    const seen = await reviewDetail(db, ademeMember, reviewId, NOW);
    expect(seen.canEdit).toBe(false);
    expect(seen.items.map((item) => item.number)).toEqual([recyclerie.number, epicerie.number]);
    expect((await listReviews(db, ademeMember, NOW)).map((review) => review.id)).toEqual([reviewId]);
    expect((await refusal(setReviewItems(db, ademeMember, { reviewId, dossierIds: [] }))).status).toBe(403);

    expect((await refusal(reviewDetail(db, outsider, reviewId, NOW))).status).toBe(404);
    expect((await refusal(reviewAgendaPdf(db, outsider, reviewId, NOW))).status).toBe(404);
    expect(await listReviews(db, outsider, NOW)).toEqual([]);
    expect((await listReviews(db, instructor, NOW)).map((review) => review.id)).toContain(reviewId);

    const agenda = await pdfText(new Uint8Array((await reviewAgendaPdf(db, ademeMember, reviewId, NOW)).pdf));
    expect(agenda).toContain("Revue des projets du Loiret");
    expect(agenda).toContain("15/12/2026 à 14:00");
    expect(agenda).toContain("ADEME Centre-Val de Loire");
    expect(agenda).toContain(`1. ${recyclerie.number} — Recyclerie`);
    expect(agenda).toContain(`2. ${epicerie.number} — Épicerie solidaire`);
    expect(agenda).toContain("Le projet Épicerie solidaire en quelques mots.");
    expect(agenda).toContain("80\u202f000,00\u00a0€");
    expect(agenda).toContain("France Active Centre-Val de Loire");
    expect(agenda).toContain("15\u202f000,00\u00a0€");
    // The plan balances at 80 000; France Active's 15 000 confirms the private line, with the 10 000 own funds.
    expect(agenda).toContain("finance 100\u202f% du budget de 80\u202f000,00\u00a0€");
    expect(agenda).toContain("25\u202f000,00\u00a0€ sont confirmés (31\u202f% du budget)");
    expect(agenda).toContain("Total du plan");
    expect(seen.items[1]!.lines.map((line) => line.status)).toEqual([
      "À confirmer : décision de la Région attendue",
      "Confirmé (engagé par France Active Centre-Val de Loire)",
      "À confirmer",
      "Confirmé : ressources propres du porteur",
    ]);
    expect(agenda).not.toContain("Reste à couvrir");
    expect(agenda).not.toContain("Bpifrance");
    expect(agenda).not.toContain("33\u202f333");
    expect(agenda).not.toContain("Tiers-lieu confidentiel");

    // The holder stops sharing: the dossier leaves the page and the agenda at once.
    await setFunderSharing(db, {
      userId: recyclerie.holder.id,
      dossierId: recyclerie.id,
      share: false,
      now: NOW,
    });
    expect((await reviewDetail(db, organiser, reviewId, NOW)).items.map((item) => item.number)).toEqual([
      epicerie.number,
    ]);
    const after = await pdfText(new Uint8Array((await reviewAgendaPdf(db, organiser, reviewId, NOW)).pdf));
    expect(after).not.toContain("Recyclerie");
    expect(after).toContain(`1. ${epicerie.number} — Épicerie solidaire`);
    expect((await listReviews(db, organiser, NOW))[0]!.dossierCount).toBe(1);

    // Minutes wait for the review to be held; then only the organiser (or staff) writes them.
    const early = await refusal(
      recordMinutes(db, organiser, { reviewId, minutes: { [epicerie.id]: "Avis favorable." }, now: NOW }),
    );
    expect(early.status).toBe(409);
    expect(early.message).toBe(
      "Le compte rendu s’écrit une fois la revue tenue, à partir du 15/12/2026 à 14:00.",
    );
    expect(
      (
        await refusal(
          recordMinutes(db, ademeMember, { reviewId, minutes: { [epicerie.id]: "x" }, now: AFTER }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await refusal(
          recordMinutes(db, organiser, { reviewId, minutes: { [recyclerie.id]: "x" }, now: AFTER }),
        )
      ).status,
    ).toBe(422);
    expect(
      await recordMinutes(db, organiser, {
        reviewId,
        minutes: { [epicerie.id]: "Avis favorable, prêt confirmé." },
        now: AFTER,
      }),
    ).toBe(1);
    expect((await reviewDetail(db, ademeMember, reviewId, AFTER)).items[0]!.minutes).toBe(
      "Avis favorable, prêt confirmé.",
    );

    // Sharing again brings the dossier back, its place on the agenda kept.
    await setFunderSharing(db, {
      userId: recyclerie.holder.id,
      dossierId: recyclerie.id,
      share: true,
      now: AFTER,
    });
    expect((await reviewDetail(db, instructor, reviewId, AFTER)).items.map((item) => item.number)).toEqual([
      recyclerie.number,
      epicerie.number,
    ]);
  });

  it("lists the coming reviews first, then the past ones", async () => {
    const db = database.db;
    const staff = await user(UserRole.ADMIN);
    const later = await createReview(db, staff, {
      title: "Plus tard",
      scheduledAt: paris("2027-02-01T10:00"),
      place: "https://visio.example.fr/revue",
      now: NOW,
    });
    const sooner = await createReview(db, staff, {
      title: "Bientôt",
      scheduledAt: paris("2026-12-01T10:00"),
      place: "Tours",
      now: NOW,
    });
    const titles = (await listReviews(db, staff, paris("2026-12-20T10:00"))).map((review) => review.title);
    expect(titles.indexOf("Plus tard")).toBe(0);
    expect(titles.indexOf("Revue des projets du Loiret")).toBeLessThan(titles.indexOf("Bientôt"));
    expect([later.id, sooner.id]).toHaveLength(2);
  });

  it("says who an invitation reaches, records a meeting already held with its minutes, and audits each act", async () => {
    const db = database.db;
    const franceActive = orgs["france-active-centre-val-de-loire"]!;
    const bpifrance = orgs["bpifrance"]!;
    const fondation = orgs["fondation-credit-cooperatif"]!;
    const organiser = await user(UserRole.FUNDER, franceActive);
    await user(UserRole.FUNDER, bpifrance);
    await user(UserRole.FUNDER, fondation, true); // the foundation's only member has left
    const jardin = await dossier("Jardin partagé", true);

    // The offer leaves out the organiser's own organisation and counts who would be emailed.
    const { id: comingId } = await createReview(db, organiser, {
      title: "Revue à venir",
      scheduledAt: REVIEW_AT,
      place: "Tours",
      now: NOW,
    });
    const coming = await reviewDetail(db, organiser, comingId, NOW);
    expect(coming.invitable.map((organisation) => organisation.id)).not.toContain(franceActive);
    expect(coming.invitable.find((organisation) => organisation.id === bpifrance)?.activeMembers).toBe(
      await db.user.count({ where: { funderOrganisationId: bpifrance, deactivatedAt: null } }),
    );
    expect(coming.invitable.find((organisation) => organisation.id === fondation)?.activeMembers).toBe(0);
    expect(
      await inviteOrganisations(db, organiser, {
        reviewId: comingId,
        funderOrganisationIds: [fondation],
        now: NOW,
        appUrl: APP_URL,
      }),
    ).toEqual({ organisations: 1, recipients: 0 });
    expect((await reviewDetail(db, organiser, comingId, NOW)).invited).toEqual([
      { id: fondation, name: "Fondation Crédit Coopératif", activeMembers: 0 },
    ]);

    // A meeting held last week outside the portal: recorded at its date, minutes written at once.
    const { id: heldId } = await createReview(db, organiser, {
      title: "Comité tenu au téléphone",
      scheduledAt: paris("2026-11-16T09:00"),
      place: "Téléphone",
      now: NOW,
    });
    expect((await reviewDetail(db, organiser, heldId, NOW)).held).toBe(true);
    await setReviewItems(db, organiser, { reviewId: heldId, dossierIds: [jardin.id], now: NOW });
    await recordMinutes(db, organiser, {
      reviewId: heldId,
      minutes: { [jardin.id]: "Soutien de principe, montage à revoir." },
      now: NOW,
    });
    expect(await dossierReviews(db, organiser, jardin.id, NOW)).toEqual([
      {
        id: heldId,
        title: "Comité tenu au téléphone",
        when: "16/11/2026 à 09:00",
        held: true,
        minutes: "Soutien de principe, montage à revoir.",
      },
    ]);
    // Someone who may not see the review does not read its minutes on the dossier either.
    const outsider = await user(UserRole.FUNDER, bpifrance);
    expect(await dossierReviews(db, outsider, jardin.id, NOW)).toEqual([]);

    const audit = await db.auditLog.findMany({
      where: { actorId: organiser.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, targetType: true, targetId: true },
    });
    expect(audit).toEqual([
      { action: "funders.review_created", targetType: "ProjectReview", targetId: comingId },
      { action: "funders.review_invited", targetType: "ProjectReview", targetId: comingId },
      { action: "funders.review_created", targetType: "ProjectReview", targetId: heldId },
      { action: "funders.review_agenda_set", targetType: "ProjectReview", targetId: heldId },
      { action: "funders.review_minutes_recorded", targetType: "ProjectReview", targetId: heldId },
    ]);
  });
});
