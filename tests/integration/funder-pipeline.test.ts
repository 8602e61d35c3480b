// The funders' shared pipeline and the summary of a shared dossier: only what holders share is there (and
// goes away the moment they revoke it), every filter narrows it, co-financing counts shared positions only,
// opening a dossier is audited, and neither an applicant nor a guessed address gets anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { EMPTY_PIPELINE_FILTER, parsePipelineFilter, type PipelineFilter } from "~/domain/funder-pipeline";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  CapAssoSector,
  DossierStatus,
  FunderKind,
  LegalForm,
  PledgeStatus,
  SchemeCode,
  UserRole,
} from "~/generated/prisma/enums";
import { setFunderSharing } from "~/services/applicant/dossier-sharing.server";
import { getSharedDossier, recordFunderView, type CommunityMember } from "~/services/funders/access.server";
import { funderDossierSummary } from "~/services/funders/dossier.server";
import { loadPipeline } from "~/services/funders/pipeline.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { asServed } from "../support/routes";

const MORNING = new Date("2026-11-23T09:30:00Z");

const statusOf = (promise: Promise<unknown>) =>
  asServed(promise).then(
    () => "résolu",
    (reason: unknown) => (reason instanceof Response ? reason.status : reason),
  );

interface DossierSpec {
  title: string;
  organisation?: string;
  scheme?: SchemeCode;
  status?: DossierStatus;
  shared?: boolean;
  department?: string;
  territoryId?: string | null;
  sector?: CapAssoSector | null;
  requestedCents?: number;
  totalBudgetCents?: number | null;
}

describe.each(databaseKinds())("the funders' pipeline on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let counter = 0;
  let sophie: CommunityMember; // France Active
  let marc: CommunityMember; // Banque des Territoires
  let instructor: CommunityMember;
  let applicant: CommunityMember;
  let franceActiveId: string;
  let banqueId: string;
  let territory: { id: string; code: string };
  const ids = {} as Record<"epicerie" | "theatre" | "recyclerie" | "club" | "secret" | "draft", string>;

  async function person(role: UserRole, funderOrganisationId?: string) {
    counter += 1;
    const user = await db.user.create({
      data: {
        email: `p${counter}@example.fr`,
        passwordHash: "-",
        firstName: "A",
        lastName: "B",
        role,
        funderOrganisationId,
      },
    });
    return { id: user.id, role: user.role, funderOrganisationId: user.funderOrganisationId };
  }

  async function dossier(spec: DossierSpec) {
    counter += 1;
    const code = spec.scheme ?? SchemeCode.CAP_ASSO;
    const organisation = await db.organisation.create({
      data: {
        name: spec.organisation ?? `Association n° ${counter}`,
        legalForm: LegalForm.ASSOCIATION,
        departmentCode: spec.department ?? "45",
        city: "Orléans",
        postcode: "45000",
        contactEmail: "tresorerie@secret.example.fr",
        iban: "FR7630006000011234567890189",
        bic: "AGRIFRPPXXX",
      },
    });
    await db.membership.create({ data: { userId: applicant.id, organisationId: organisation.id } });
    const scheme = await db.scheme.findUniqueOrThrow({ where: { code }, include: { ruleSets: true } });
    const shared = spec.shared ?? true;
    const created = await db.dossier.create({
      data: {
        schemeId: scheme.id,
        schemeCode: code,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: applicant.id,
        title: spec.title,
        status: spec.status ?? DossierStatus.FILED,
        number: spec.status === DossierStatus.DRAFT ? null : `T-2026-${String(counter).padStart(5, "0")}`,
        filedAt: spec.status === DossierStatus.DRAFT ? null : MORNING,
        departmentCode: spec.department ?? "45",
        territoryId: spec.territoryId ?? null,
        capAssoSector: spec.sector === undefined ? CapAssoSector.CULTURE : spec.sector,
        requestedAmountCents: spec.requestedCents ?? 1_000_000,
        totalBudgetCents: spec.totalBudgetCents === undefined ? 5_000_000 : spec.totalBudgetCents,
        sharedWithFunders: shared,
        sharedAt: shared ? MORNING : null,
        answers: { activityProject: "Ouvrir une épicerie solidaire au cœur du quartier." },
        budgetLines: {
          create: [
            { side: "EXPENSE", category: "PERSONNEL", label: "Poste d’animateur", amountCents: 5_000_000 },
            { side: "RESOURCE", category: "REGION", label: "CAP ASSO", amountCents: 1_000_000 },
            { side: "RESOURCE", category: "PRIVATE", label: "Prêt d’honneur", amountCents: 2_000_000 },
            {
              side: "RESOURCE",
              category: "PUBLIC_BANK",
              label: "Banque des Territoires",
              amountCents: 1_500_000,
            },
            { side: "RESOURCE", category: "OWN_FUNDS", label: "Réserves", amountCents: 500_000 },
          ],
        },
      },
    });
    return created.id;
  }

  const pledge = (
    dossierId: string,
    organisationId: string,
    status: PledgeStatus,
    amountCents: number | null,
    shared = true,
  ) =>
    db.funderPledge.create({
      data: {
        dossierId,
        funderOrganisationId: organisationId,
        status,
        amountCents,
        instrument: amountCents === null ? null : "GRANT",
        sharedAt: shared ? MORNING : null,
        updatedById: sophie.id,
      },
    });

  const titles = async (filter: Partial<PipelineFilter> | string, user = sophie) => {
    const parsed =
      typeof filter === "string"
        ? parsePipelineFilter(new URLSearchParams(filter))
        : { ...EMPTY_PIPELINE_FILTER, ...filter };
    return (await loadPipeline(db, user, parsed)).rows.map((row) => row.title).sort();
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db, MORNING);
    franceActiveId = (
      await db.funderOrganisation.create({
        data: { slug: "t-france-active", name: "France Active Test", kind: FunderKind.SOLIDARITY_FINANCE },
      })
    ).id;
    banqueId = (
      await db.funderOrganisation.create({
        data: { slug: "t-banque", name: "Banque des Territoires Test", kind: FunderKind.PUBLIC_BANK },
      })
    ).id;
    sophie = await person(UserRole.FUNDER, franceActiveId);
    marc = await person(UserRole.FUNDER, banqueId);
    instructor = await person(UserRole.INSTRUCTOR);
    applicant = await person(UserRole.APPLICANT);
    territory = await db.territory.findFirstOrThrow({ select: { id: true, code: true } });

    ids.epicerie = await dossier({ title: "Épicerie solidaire", organisation: "Les Paniers du Loiret" });
    ids.theatre = await dossier({
      title: "Théâtre itinérant",
      status: DossierStatus.UNDER_INSTRUCTION,
      department: "37",
      requestedCents: 2_000_000,
      territoryId: territory.id,
    });
    ids.recyclerie = await dossier({
      title: "Recyclerie rurale",
      scheme: SchemeCode.A_VOS_ID,
      status: DossierStatus.PROPOSED,
      department: "18",
      sector: null,
      requestedCents: 4_000_000,
      totalBudgetCents: 8_000_000,
    });
    ids.club = await dossier({
      title: "Club de sport inclusif",
      status: DossierStatus.GRANTED,
      sector: CapAssoSector.SPORT,
      requestedCents: 500_000,
    });
    ids.secret = await dossier({ title: "Projet non partagé", shared: false });
    ids.draft = await dossier({ title: "Brouillon partagé", status: DossierStatus.DRAFT });
    await db.dossier.update({ where: { id: ids.club }, data: { grantedAmountCents: 1_000_000 } });

    // Every plan: 50 000 = Region 10 000 + private 20 000 + public bank 15 000 + own funds 5 000.
    // Épicerie: France Active (private) commits 15 000 of its line's 20 000.
    await pledge(ids.epicerie, franceActiveId, PledgeStatus.COMMITTED, 1_500_000);
    await pledge(ids.epicerie, banqueId, PledgeStatus.CONSIDERED, 800_000, false); // Banque's draft
    // Club: Region granted, the bank pays 15 000 and 5 000 more beyond its line, France Active commits.
    await pledge(ids.club, banqueId, PledgeStatus.PAID, 2_000_000);
    await pledge(ids.club, franceActiveId, PledgeStatus.COMMITTED, 2_000_000);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("shows only shared, filed dossiers, each in its stage column", async () => {
    const pipeline = await loadPipeline(db, sophie, EMPTY_PIPELINE_FILTER);
    expect(pipeline.total).toBe(4);
    expect(
      pipeline.stages.map((stage) => [stage.label, stage.count, stage.cards.map((card) => card.title)]),
    ).toEqual([
      ["Déposé", 1, ["Épicerie solidaire"]],
      ["En instruction", 1, ["Théâtre itinérant"]],
      ["Proposé", 1, ["Recyclerie rurale"]],
      ["Décidé", 1, ["Club de sport inclusif"]],
    ]);
    expect(await statusOf(getSharedDossier(db, sophie, ids.secret))).toBe(404);
    expect(await statusOf(getSharedDossier(db, sophie, ids.draft))).toBe(404);
    expect(await statusOf(getSharedDossier(db, sophie, "inconnu"))).toBe(404);
  });

  it("applies every filter", async () => {
    expect(await titles("dispositif=a-vos-id")).toEqual(["Recyclerie rurale"]);
    expect(await titles("departement=37")).toEqual(["Théâtre itinérant"]);
    expect(await titles(`territoire=${territory.code}`)).toEqual(["Théâtre itinérant"]);
    expect(await titles("secteur=SPORT")).toEqual(["Club de sport inclusif"]);
    expect(await titles("montant_min=10000&montant_max=20000")).toEqual([
      "Théâtre itinérant",
      "Épicerie solidaire",
    ]);
    expect(await titles("montant_min=30000")).toEqual(["Recyclerie rurale"]);
    expect(await titles("q=paniers")).toEqual(["Épicerie solidaire"]);
    expect(await titles("q=RECYCLERIE")).toEqual(["Recyclerie rurale"]);
    // The club's plan is all confirmed; every other one still awaits funders.
    expect(await titles("besoin=oui")).toEqual([
      "Recyclerie rurale",
      "Théâtre itinérant",
      "Épicerie solidaire",
    ]);
    expect(await titles("dispositif=cap-asso&departement=45&besoin=oui")).toEqual(["Épicerie solidaire"]);
  });

  it("lists one column's projects, a page beyond the last read as the last", async () => {
    const decided = await loadPipeline(
      db,
      sophie,
      parsePipelineFilter(new URLSearchParams("vue=liste&etape=decide&page=7")),
    );
    expect(decided.rows.map((row) => row.title)).toEqual(["Club de sport inclusif"]);
    expect([decided.listed, decided.total, decided.page, decided.pageCount]).toEqual([1, 4, 1, 1]);
  });

  it("shows a granted dossier's amount paid beside granted and whether its reports came on time", async () => {
    await db.payment.createMany({
      data: [
        {
          dossierId: ids.club,
          position: 1,
          period: 1,
          kind: "ADVANCE",
          status: "PAID",
          plannedAmountCents: 400_000,
          paidAmountCents: 400_000,
        },
        {
          dossierId: ids.club,
          position: 2,
          period: 1,
          kind: "BALANCE",
          status: "REQUESTED",
          plannedAmountCents: 600_000,
          requestedAmountCents: 600_000,
        },
      ],
    });
    const due = new Date("2026-06-30T00:00:00Z");
    await db.financialReport.create({
      data: {
        dossierId: ids.club,
        period: 1,
        periodStart: new Date("2025-01-01T00:00:00Z"),
        periodEnd: new Date("2025-12-31T00:00:00Z"),
        dueDate: due,
        status: "SUBMITTED",
        submittedAt: new Date("2026-07-10T08:00:00Z"),
      },
    });
    const rows = (await loadPipeline(db, sophie, EMPTY_PIPELINE_FILTER)).rows;
    expect(rows.find((row) => row.id === ids.club)!.followUp).toEqual({
      grantedCents: 1_000_000,
      paidCents: 400_000,
      reports: 1,
      lateReports: 1,
    });
    expect(rows.find((row) => row.id === ids.epicerie)!.followUp).toBeNull();
  });

  it("confirms plan lines with shared positions only, never another organisation's draft", async () => {
    const card = async (user: CommunityMember) =>
      (await loadPipeline(db, user, EMPTY_PIPELINE_FILTER)).rows.find((row) => row.id === ids.epicerie)!;
    for (const user of [sophie, marc, instructor]) {
      const seen = await card(user);
      expect(seen.planShare).toBe(1);
      expect(seen.confirmedCents).toBe(2_000_000);
      expect(seen.toConfirmCents).toBe(3_000_000);
      // 5 000 of the private line and the bank's 15 000; the Region has not decided yet.
      expect(seen.openNeedCents).toBe(2_000_000);
      expect(seen.positionsCount).toBe(1);
    }
    expect((await card(marc)).ownDraft).toBe(true);
    expect((await card(sophie)).ownDraft).toBe(false);

    const dossier = await getSharedDossier(db, sophie, ids.epicerie);
    const summary = await funderDossierSummary(db, sophie, dossier);
    expect(summary.coFinancing.positions.map((position) => [position.organisation, position.status])).toEqual(
      [["France Active Test", "Engagé"]],
    );
    expect(summary.coFinancing).toMatchObject({
      totalBudgetCents: 5_000_000,
      regionCents: 1_000_000,
      regionLabel: "Montant demandé à la Région",
      planCents: 5_000_000,
      confirmedCents: 2_000_000,
      firmCents: 1_500_000,
      consideredCents: 0,
    });
    expect(summary.coFinancing.lines[1]).toMatchObject({
      confirmedCents: 1_500_000,
      status: "Confirmé en partie (engagé par France Active Test)",
    });

    // Once Banque shows its position, every reader sees it considered on the bank's line, not confirmed.
    await db.funderPledge.updateMany({
      where: { dossierId: ids.epicerie, funderOrganisationId: banqueId },
      data: { sharedAt: MORNING },
    });
    expect((await card(sophie)).confirmedCents).toBe(2_000_000);
    const after = await funderDossierSummary(db, sophie, await getSharedDossier(db, sophie, ids.epicerie));
    expect(after.coFinancing.lines[2]!.status).toBe("À confirmer (envisagé par Banque des Territoires Test)");
  });

  it("takes the granted amount as the Region's part once decided", async () => {
    const dossier = await getSharedDossier(db, marc, ids.club);
    const summary = await funderDossierSummary(db, marc, dossier);
    expect(summary.coFinancing.regionCents).toBe(1_000_000);
    expect(summary.coFinancing.regionLabel).toBe("Montant accordé par la Région");
    expect(summary.coFinancing.toConfirmCents).toBe(0);
    expect(summary.coFinancing.additions).toEqual([
      { organisation: "Banque des Territoires Test", amountCents: 500_000, firm: true },
    ]);
  });

  it("summarises the project without contacts, bank details or unlisted answers", async () => {
    const dossier = await getSharedDossier(db, sophie, ids.epicerie);
    const summary = await funderDossierSummary(db, sophie, dossier);
    expect(summary.answers).toEqual([
      { label: "Décrivez le projet d’activité", value: "Ouvrir une épicerie solidaire au cœur du quartier." },
    ]);
    expect(summary.organisation).toEqual({
      name: "Les Paniers du Loiret",
      legalForm: expect.any(String),
      town: "45000 Orléans",
      department: "45",
    });
    expect(summary.budget.resources.map((line) => line.category)).toEqual([
      "Région Centre-Val de Loire (montant demandé)",
      "Financements privés (fondations, mécénat)",
      "Banque publique (Bpifrance, Banque des Territoires)",
      "Fonds propres",
    ]);
    const everything = JSON.stringify(summary);
    for (const secret of ["FR76", "AGRIFRPP", "tresorerie@secret"]) expect(everything).not.toContain(secret);
  });

  it("records each funder's view in the audit log, not the Region's", async () => {
    await recordFunderView(db, sophie, ids.theatre, "203.0.113.7", MORNING);
    await recordFunderView(db, instructor, ids.theatre, "203.0.113.8", MORNING);
    const logs = await db.auditLog.findMany({ where: { targetId: ids.theatre } });
    expect(logs.map((log) => [log.actorId, log.action, log.ip])).toEqual([
      [sophie.id, "funders.dossier_viewed", "203.0.113.7"],
    ]);
  });

  it("hides a dossier at once when its holder revokes consent", async () => {
    await setFunderSharing(db, { userId: applicant.id, dossierId: ids.theatre, share: false, now: MORNING });
    expect(await titles({})).not.toContain("Théâtre itinérant");
    expect(await statusOf(getSharedDossier(db, sophie, ids.theatre))).toBe(404);
    await setFunderSharing(db, { userId: applicant.id, dossierId: ids.theatre, share: true, now: MORNING });
    expect(await titles({})).toContain("Théâtre itinérant");
  });

  it("refuses applicants and funders without an organisation", async () => {
    const lone = await person(UserRole.FUNDER);
    for (const user of [applicant, lone]) {
      expect(await statusOf(loadPipeline(db, user, EMPTY_PIPELINE_FILTER))).toBe(403);
      expect(await statusOf(getSharedDossier(db, user, ids.epicerie))).toBe(403);
    }
  });
});
