// Funders save filters of the shared pipeline and, when subscribed, get one email each Monday from 07:00
// (Paris) with the projects newly shared that match them — never an unshared, draft or withdrawn dossier,
// never twice the same week, nothing at all when nothing is new.
import { readUnsubscribeToken, unsubscribeFromDigest } from "~/services/accounts/unsubscribe.server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, FunderKind, MembershipRole, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { setFunderSharing } from "~/services/applicant/dossier-sharing.server";
import { digestWeekStart, sendWeeklyFunderDigests } from "~/services/funders/digest.server";
import {
  deleteFilter,
  listSavedFilters,
  saveFilter,
  setFilterDigest,
} from "~/services/funders/saved-filters.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { errorResponse } from "~/services/platform/http.server";

const APP_URL = "https://portail.example.fr";
/** Paris wall-clock time in November (UTC+1). */
const at = (iso: string) => new Date(`${iso}+01:00`);

describe("digestWeekStart", () => {
  it("starts the week on Monday at 07:00 in Paris, winter and summer alike", () => {
    // Monday 9 November 2026.
    expect(digestWeekStart(at("2026-11-09T07:00:00")).toISOString()).toBe("2026-11-09T06:00:00.000Z");
    expect(digestWeekStart(at("2026-11-15T23:59:00")).toISOString()).toBe("2026-11-09T06:00:00.000Z");
    // Before 07:00 on Monday the week is still last week.
    expect(digestWeekStart(at("2026-11-09T06:59:00")).toISOString()).toBe("2026-11-02T06:00:00.000Z");
    expect(digestWeekStart(new Date("2026-07-08T10:00:00+02:00")).toISOString()).toBe(
      "2026-07-06T05:00:00.000Z",
    );
  });
});

describe.each(databaseKinds())("funders' weekly digest on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let funder: { id: string; email: string };
  let holder: { id: string };
  let organisationId: string;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db);
    const organisation = await db.funderOrganisation.create({
      data: { slug: "france-active-test", name: "France Active Centre", kind: FunderKind.SOLIDARITY_FINANCE },
    });
    organisationId = organisation.id;
    funder = await person("financeuse@example.fr", UserRole.FUNDER, organisation.id);
    holder = await person("porteur@example.fr", UserRole.APPLICANT, null);
  });
  afterAll(async () => database?.close());

  function person(email: string, role: UserRole, funderOrganisationId: string | null) {
    return db.user.create({
      data: { email, passwordHash: "-", firstName: "Léa", lastName: "Roux", role, funderOrganisationId },
    });
  }

  /** A dossier of the holder's association, filed, and shared at `sharedAt` when given. */
  async function dossier(input: {
    scheme: SchemeCode;
    department: string;
    euros: number;
    sharedAt?: Date;
    status?: DossierStatus;
  }) {
    sequence += 1;
    const scheme = await db.scheme.findUniqueOrThrow({
      where: { code: input.scheme },
      include: { ruleSets: { take: 1 } },
    });
    const organisation = await db.organisation.create({
      data: {
        name: `Association n° ${sequence}`,
        legalForm: "ASSOCIATION",
        departmentCode: input.department,
        memberships: { create: { userId: holder.id, role: MembershipRole.OWNER } },
      },
    });
    const status = input.status ?? DossierStatus.FILED;
    return db.dossier.create({
      data: {
        number:
          status === DossierStatus.DRAFT
            ? null
            : `${scheme.numberPrefix}-2026-${String(sequence).padStart(5, "0")}`,
        title: `Projet ${sequence}`,
        schemeId: scheme.id,
        schemeCode: scheme.code,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: holder.id,
        status,
        departmentCode: input.department,
        requestedAmountCents: input.euros * 100,
        filedAt: status === DossierStatus.DRAFT ? null : at("2026-10-01T10:00:00"),
        sharedWithFunders: input.sharedAt !== undefined,
        sharedAt: input.sharedAt ?? null,
      },
    });
  }

  const digestsTo = (to: string) =>
    db.outboxEmail.findMany({
      where: { to, template: "funder-weekly-digest" },
      orderBy: { createdAt: "asc" },
    });

  it("sends one email a Monday with the newly shared projects each filter matches", async () => {
    // Filters saved on Wednesday 4 November, as the pipeline page posts them.
    const created = at("2026-11-04T15:00:00");
    await saveFilter(db, {
      userId: funder.id,
      name: "CAP ASSO en Touraine",
      query: "?departement=37&dispositif=cap-asso",
      digest: true,
      now: created,
    });
    await saveFilter(db, {
      userId: funder.id,
      name: "Gros projets",
      query: "montant_min=30000",
      digest: true,
      now: created,
    });
    const filters = await listSavedFilters(db, funder.id);
    expect(filters.map((filter) => [filter.name, filter.query, filter.description])).toEqual([
      ["CAP ASSO en Touraine", "dispositif=cap-asso&departement=37", "CAP ASSO · Indre-et-Loire"],
      ["Gros projets", "montant_min=30000", "au moins 30\u202f000,00\u00a0€ demandés"],
    ]);

    const touraine = await dossier({
      scheme: "CAP_ASSO",
      department: "37",
      euros: 12_000,
      sharedAt: at("2026-11-05T09:00:00"),
    });
    const big = await dossier({
      scheme: "A_VOS_ID",
      department: "45",
      euros: 50_000,
      sharedAt: at("2026-11-06T09:00:00"),
    });
    const before = await dossier({
      scheme: "CAP_ASSO",
      department: "37",
      euros: 8_000,
      sharedAt: at("2026-11-03T09:00:00"),
    });
    const unshared = await dossier({ scheme: "CAP_ASSO", department: "37", euros: 9_000 });
    const elsewhere = await dossier({
      scheme: "A_VOS_ID",
      department: "18",
      euros: 10_000,
      sharedAt: at("2026-11-05T10:00:00"),
    });
    const draft = await dossier({
      scheme: "CAP_ASSO",
      department: "37",
      euros: 7_000,
      sharedAt: at("2026-11-05T11:00:00"),
      status: DossierStatus.DRAFT,
    });
    const withdrawn = await dossier({
      scheme: "CAP_ASSO",
      department: "37",
      euros: 6_000,
      sharedAt: at("2026-11-05T12:00:00"),
    });
    await setFunderSharing(db, {
      userId: holder.id,
      dossierId: withdrawn.id,
      share: false,
      now: at("2026-11-07T10:00:00"),
    });

    // Not before Monday 07:00.
    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-08T18:00:00"), appUrl: APP_URL })).toBe(0);
    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-09T06:55:00"), appUrl: APP_URL })).toBe(0);
    expect(await digestsTo(funder.email)).toHaveLength(0);

    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-09T07:05:00"), appUrl: APP_URL })).toBe(1);
    const [email] = await digestsTo(funder.email);
    expect(email!.subject).toBe("Projets partagés avec les financeurs : 2 nouveaux projets cette semaine");
    expect(email!.text).toContain(
      "Filtre « CAP ASSO en Touraine » (CAP ASSO · Indre-et-Loire) : 1 nouveau projet",
    );
    expect(email!.text).toContain(
      `• ${touraine.number} — ${touraine.title} (Association n° ${touraine.title.replace("Projet ", "")}, CAP ASSO) : 12\u202f000,00\u00a0€ demandés — ${APP_URL}/financeurs/dossiers/${touraine.id}`,
    );
    expect(email!.text).toContain("Filtre « Gros projets »");
    expect(email!.text).toContain(`${big.number} — ${big.title}`);
    expect(email!.text).toContain("50\u202f000,00\u00a0€ demandés");
    expect(email!.text).toContain(`${APP_URL}/financeurs/filtres`);
    for (const hidden of [before, unshared, elsewhere, draft, withdrawn]) {
      expect(email!.text).not.toContain(hidden.title + " ");
      expect(email!.text).not.toContain(hidden.id);
    }

    // Later the same week: nothing more, even with a newly shared dossier waiting for next Monday.
    const next = await dossier({
      scheme: "CAP_ASSO",
      department: "37",
      euros: 15_000,
      sharedAt: at("2026-11-10T09:00:00"),
    });
    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-09T12:00:00"), appUrl: APP_URL })).toBe(0);
    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-12T07:30:00"), appUrl: APP_URL })).toBe(0);
    expect(await digestsTo(funder.email)).toHaveLength(1);

    // The next Monday, only what is newer; two instances running at once send it once.
    const results = await Promise.all([
      sendWeeklyFunderDigests(db, { now: at("2026-11-16T07:00:00"), appUrl: APP_URL }),
      sendWeeklyFunderDigests(db, { now: at("2026-11-16T07:00:00"), appUrl: APP_URL }),
    ]);
    expect(results[0] + results[1]).toBe(1);
    const emails = await digestsTo(funder.email);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toBe("Projets partagés avec les financeurs : 1 nouveau projet cette semaine");
    expect(emails[1]!.text).toContain(`/financeurs/dossiers/${next.id}`);
    expect(emails[1]!.text).not.toContain(touraine.id);
    expect(emails[1]!.text).not.toContain(big.id);
    expect(emails[1]!.text).not.toContain("Gros projets");

    // A Monday with nothing new sends nothing.
    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-23T08:00:00"), appUrl: APP_URL })).toBe(0);
    expect(await digestsTo(funder.email)).toHaveLength(2);

    // Each digest carries its one-click unsubscribe address; following it stops every filter's digest.
    const token = emails[1]!.unsubscribeUrl!.split("/desabonnement/")[1]!;
    expect(readUnsubscribeToken(token)).toEqual({ digest: "recapitulatif-financeurs", userId: funder.id });
    expect(emails[1]!.text).toContain(
      `Pour ne plus recevoir aucun récapitulatif : ${emails[1]!.unsubscribeUrl}`,
    );
    await unsubscribeFromDigest(db, {
      digest: "recapitulatif-financeurs",
      userId: funder.id,
      ip: "203.0.113.7",
      oneClick: false,
    });
    expect(await db.funderSavedFilter.count({ where: { userId: funder.id, weeklyDigest: true } })).toBe(0);
  });

  it("subscribes a saved filter to the email only when asked, and audits saving, subscribing and deleting", async () => {
    const asker = await person("demande@example.fr", UserRole.FUNDER, organisationId);
    const now = at("2026-11-18T11:00:00");
    const quiet = await saveFilter(db, { userId: asker.id, name: "Sans courriel", query: "", now });
    expect(quiet.weeklyDigest).toBe(false);
    const asked = await saveFilter(db, {
      userId: asker.id,
      name: "Avec courriel",
      query: "",
      digest: true,
      now,
    });
    expect(asked.weeklyDigest).toBe(true);
    await setFilterDigest(db, { userId: asker.id, filterId: quiet.id, weeklyDigest: true, now });
    await deleteFilter(db, { userId: asker.id, filterId: asked.id, now });
    const rows = await db.auditLog.findMany({
      where: { actorId: asker.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, targetId: true },
    });
    expect(rows).toEqual([
      { action: "funders.filter_saved", targetId: quiet.id },
      { action: "funders.filter_saved", targetId: asked.id },
      { action: "funders.filter_digest_changed", targetId: quiet.id },
      { action: "funders.filter_deleted", targetId: asked.id },
    ]); // Out of the way of the Mondays the next test counts.
    await deleteFilter(db, { userId: asker.id, filterId: quiet.id, now });
  });

  it("sends nothing for an unsubscribed filter, and only the owner manages a filter", async () => {
    const other = await person("autre-financeur@example.fr", UserRole.FUNDER, organisationId);
    const colleague = await person("collegue@example.fr", UserRole.FUNDER, organisationId);
    const saved = {
      name: "Tout le Loiret",
      query: "departement=45",
      digest: true,
      now: at("2026-11-18T10:00:00"),
    };
    const { id } = await saveFilter(db, { userId: other.id, ...saved });
    await saveFilter(db, { userId: colleague.id, ...saved });
    await setFilterDigest(db, { userId: other.id, filterId: id, weeklyDigest: false });
    const loiret = await dossier({
      scheme: "A_VOS_ID",
      department: "45",
      euros: 20_000,
      sharedAt: at("2026-11-25T09:00:00"),
    });

    // The colleague, subscribed to the same filter, gets the dossier; the unsubscribed funder nothing.
    expect(await sendWeeklyFunderDigests(db, { now: at("2026-11-30T07:10:00"), appUrl: APP_URL })).toBe(1);
    const [colleagueEmail] = await digestsTo(colleague.email);
    expect(colleagueEmail!.text).toContain(`/financeurs/dossiers/${loiret.id}`);
    expect(await digestsTo(other.email)).toHaveLength(0);
    // The first funder's filters do not match a 20 000 € A VOS ID dossier in the Loiret.
    expect(await digestsTo(funder.email)).toHaveLength(2);

    // Someone else's filter is answered like an unknown one.
    const refused = errorResponse(
      await setFilterDigest(db, { userId: funder.id, filterId: id, weeklyDigest: true }).catch(
        (error: unknown) => error,
      ),
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(404);
    const notDeleted = await deleteFilter(db, { userId: funder.id, filterId: id }).catch(
      (error: unknown) => error,
    );
    expect((notDeleted as Response).status).toBe(404);
    expect(await db.funderSavedFilter.count({ where: { id } })).toBe(1);
    await deleteFilter(db, { userId: other.id, filterId: id });
    expect(await listSavedFilters(db, other.id)).toEqual([]);
  });
});
