// A deliberation raises CAP ASSO's annual ceiling to 30 000 €: the administrator prepares version 2,
// checks its effect, publishes it. New dossiers are filed under it, drafts started before move to it when
// they are filed, and a dossier filed under version 1 keeps version 1 for its re-check and its proposal.
// Published versions never change; every act is audited. Route by route, only administrators get in.
import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDate, formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import { defaultRuleSetParameters } from "~/domain/schemes";
import { parametersToFormValues } from "~/domain/schemes/parameter-form";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, DossierStatus, RuleSetStatus, type SchemeCode } from "~/generated/prisma/enums";
import {
  createDraft,
  deleteDraft,
  getRuleSetVersion,
  listSchemeRuleSets,
  publishDraft,
  PUBLISHED_IS_IMMUTABLE,
  RuleSetError,
  saveDraft,
} from "~/services/admin/rule-sets.server";
import { getDossierForMember, startDossier } from "~/services/applicant/dossiers.server";
import { loadRuleSetsInForce } from "~/services/schemes/eligibility.server";
import { scheduledRuleSet } from "~/services/schemes/scheduled-rule-set.server";
import { dossierChecklist, fileDossier } from "~/services/applicant/filing.server";
import { OpinionError, proposeDossier } from "~/services/instruction/proposal.server";
import { startInstruction } from "~/services/instruction/actions.server";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { databaseKinds } from "../support/database";
import { APP_URL, createWorld, fileDemo, saveAll, type World } from "../support/instruction-world";
import {
  ASKING_25K,
  CAP_ASSO_SITUATION,
  dayFromToday,
  draftAsking25k,
  eligibilityOf,
  refusal,
} from "../support/rule-sets";

const ruleSetRows = (db: PrismaClient) =>
  db.ruleSet.findMany({ orderBy: [{ schemeId: "asc" }, { version: "asc" }] });

describe.each(databaseKinds())("rule-set versions on %s", (kind) => {
  let world: World;
  let db: PrismaClient;
  let adminId: string;
  let filedV1: Awaited<ReturnType<typeof fileDemo>>;
  let draft: { id: string; ownerId: string };
  const now = () => new Date();

  const auditRows = (action: string) =>
    db.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    world = await createWorld(kind);
    db = world.db;
    adminId = world.admin.id;
    filedV1 = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    draft = await draftAsking25k(world);
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("prepares one draft per scheme at a time, as a copy of the latest version", async () => {
    const { version } = await createDraft(db, { actorId: adminId, schemeCode: "CAP_ASSO", now: now() });
    expect(version).toBe(2);
    const [v1, v2] = await db.ruleSet.findMany({
      where: { scheme: { code: "CAP_ASSO" } },
      orderBy: { version: "asc" },
    });
    expect(v2).toMatchObject({ status: RuleSetStatus.DRAFT, createdById: adminId, effectiveFrom: null });
    expect(v2!.parameters).toEqual(v1!.parameters);

    const before = await ruleSetRows(db);
    const second = await refusal(createDraft(db, { actorId: adminId, schemeCode: "CAP_ASSO", now: now() }));
    expect(second.status).toBe(409);
    expect(second.message).toBe(
      "La version 2 de CAP ASSO est déjà en préparation\u00a0: terminez-la ou supprimez-la avant d’en préparer une autre.",
    );
    // Two administrators at the same instant: the scheme's row lock lets one through.
    const race = await Promise.allSettled([
      createDraft(db, { actorId: adminId, schemeCode: "A_VOS_ID", now: now() }),
      createDraft(db, { actorId: adminId, schemeCode: "A_VOS_ID", now: now() }),
    ]);
    expect(race.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const lost = race.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(RuleSetError);
    expect((lost.reason as RuleSetError).status).toBe(409);
    expect(await ruleSetRows(db)).toHaveLength(before.length + 1);

    const created = await auditRows(AUDIT_ACTIONS.ruleSetDraftCreated);
    expect(created.map((row) => row.details)).toEqual([
      { schemeCode: "CAP_ASSO", version: 2, copiedFrom: 1 },
      { schemeCode: "A_VOS_ID", version: 2, copiedFrom: 1 },
    ]);
    expect(created.every((row) => row.actorId === adminId && row.targetType === "RuleSet")).toBe(true);
  });

  it("saves a draft only when every parameter is valid, and shows what it would change", async () => {
    const values = parametersToFormValues("CAP_ASSO", defaultRuleSetParameters("CAP_ASSO"));
    const before = await ruleSetRows(db);
    const wrong = await refusal(
      saveDraft(db, {
        actorId: adminId,
        schemeCode: "CAP_ASSO",
        version: 2,
        values: { ...values, maxAnnualAmount: "1 500" },
        now: now(),
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.fieldErrors).toEqual({
      maxAnnualAmount: "Le montant annuel maximal doit être supérieur ou égal au montant annuel minimal.",
    });
    expect(await ruleSetRows(db)).toEqual(before);

    const saved = await saveDraft(db, {
      actorId: adminId,
      schemeCode: "CAP_ASSO",
      version: 2,
      values: { ...values, maxAnnualAmount: "30 000" },
      now: now(),
    });
    expect(saved.changed).toEqual(["maxAnnualAmountCents"]);
    const [updated] = await auditRows(AUDIT_ACTIONS.ruleSetDraftUpdated);
    expect(updated).toMatchObject({
      actorId: adminId,
      details: { schemeCode: "CAP_ASSO", version: 2, changed: ["maxAnnualAmountCents"] },
    });

    const page = await getRuleSetVersion(db, "CAP_ASSO", 2, now());
    expect(page.summary.state).toBe("DRAFT");
    expect(page.preview![0]).toMatchObject({
      inForce: { eligible: false },
      draft: { eligible: true, maxAmountEur: 30_000 },
      verdictChanged: true,
    });
    // Unpublished, it changes nothing for anyone.
    expect(await eligibilityOf(db, "cap-asso", CAP_ASSO_SITUATION)).toMatchObject({
      ruleSetVersion: 1,
      eligible: false,
    });
  });

  it("publishes only with a deliberation and an effective date from today on", async () => {
    const before = await ruleSetRows(db);
    const publish = (effectiveDate: string, deliberation: string) =>
      publishDraft(db, {
        actorId: adminId,
        schemeCode: "CAP_ASSO",
        version: 2,
        effectiveDate,
        deliberation,
        confirmed: true,
        now: now(),
      });
    const unconfirmed = await refusal(
      publishDraft(db, {
        actorId: adminId,
        schemeCode: "CAP_ASSO",
        version: 2,
        effectiveDate: dayFromToday(0),
        deliberation: "CP n° 26.11.05 du 20/11/2026",
        confirmed: false,
        now: now(),
      }),
    );
    expect(unconfirmed.fieldErrors).toEqual({
      confirm:
        "Cochez la case pour confirmer la publication\u00a0: une version publiée ne peut plus être modifiée.",
    });
    const past = await refusal(publish(dayFromToday(-1), "CP n° 26.11.05 du 20/11/2026"));
    expect(past.fieldErrors).toEqual({
      effectiveDate: "La date d’entrée en vigueur ne peut pas être passée.",
    });
    const empty = await refusal(publish("2026-02-30", " "));
    expect(Object.keys(empty.fieldErrors).sort()).toEqual(["deliberation", "effectiveDate"]);
    expect(empty.status).toBe(400);
    expect(await ruleSetRows(db)).toEqual(before);
    expect(await auditRows(AUDIT_ACTIONS.ruleSetPublished)).toHaveLength(0);
  });

  it("puts version 2 in force from today: new dossiers and the eligibility API use it", async () => {
    const published = await publishDraft(db, {
      actorId: adminId,
      schemeCode: "CAP_ASSO",
      version: 2,
      effectiveDate: dayFromToday(0),
      deliberation: "CP n° 26.11.05 du 20/11/2026",
      confirmed: true,
      now: now(),
    });
    expect(published.effectiveFrom).toEqual(paris(dayFromToday(0)));
    const v2 = await db.ruleSet.findFirstOrThrow({ where: { scheme: { code: "CAP_ASSO" }, version: 2 } });
    expect(v2).toMatchObject({
      status: RuleSetStatus.PUBLISHED,
      publishedById: adminId,
      deliberation: "CP n° 26.11.05 du 20/11/2026",
    });
    expect(v2.publishedAt).not.toBeNull();
    const [audit] = await auditRows(AUDIT_ACTIONS.ruleSetPublished);
    expect(audit).toMatchObject({
      actorId: adminId,
      targetId: v2.id,
      details: { schemeCode: "CAP_ASSO", version: 2, effectiveDate: dayFromToday(0) },
    });

    expect(await eligibilityOf(db, "cap-asso", CAP_ASSO_SITUATION)).toMatchObject({
      ruleSetVersion: 2,
      eligible: true,
      maxAmountEur: 30_000,
    });
    const scheme = (await listSchemeRuleSets(db, now())).find((row) => row.code === "CAP_ASSO")!;
    expect(scheme.inForce).toMatchObject({ version: 2, publishedBy: "Alix Bernard", dossierCount: 0 });
    expect(scheme.versions.map((row) => row.state)).toEqual(["IN_FORCE", "SUPERSEDED"]);
  });

  it("never changes a published version", async () => {
    const before = await ruleSetRows(db);
    const audits = await db.auditLog.count();
    const values = parametersToFormValues("CAP_ASSO", defaultRuleSetParameters("CAP_ASSO"));
    for (const version of [1, 2]) {
      const target = { actorId: adminId, schemeCode: "CAP_ASSO" as SchemeCode, version };
      // One at a time: each attempt waits for the previous refusal.
      for (const attempt of [
        () => saveDraft(db, { ...target, values, now: now() }),
        () => deleteDraft(db, target),
        () =>
          publishDraft(db, {
            ...target,
            effectiveDate: dayFromToday(5),
            deliberation: "CP n° 1",
            confirmed: true,
            now: now(),
          }),
      ]) {
        const refused = await refusal(attempt());
        expect(refused.status).toBe(409);
        expect(refused.message).toBe(PUBLISHED_IS_IMMUTABLE);
      }
    }
    expect(await ruleSetRows(db)).toEqual(before);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("files the draft asking 25 000 € a year under version 2, and a new dossier starts under it", async () => {
    const { number } = await fileDossier(db, world.storage, {
      userId: draft.ownerId,
      dossierId: draft.id,
      appUrl: APP_URL,
    });
    expect(number).toMatch(/^CAPASSO-\d{4}-\d{5}$/);
    const filed = await db.dossier.findUniqueOrThrow({ where: { id: draft.id }, include: { ruleSet: true } });
    expect(filed).toMatchObject({ status: DossierStatus.FILED, ruleSet: { version: 2 } });
    const event = await db.dossierEvent.findFirstOrThrow({
      where: { dossierId: draft.id, kind: DossierEventKind.STATUS_CHANGE, toStatus: DossierStatus.FILED },
    });
    expect(event.data).toMatchObject({ ruleSetVersion: 2 });

    const organisation = await db.membership.findFirstOrThrow({ where: { userId: draft.ownerId } });
    const { id } = await startDossier(db, {
      userId: draft.ownerId,
      organisationId: organisation.organisationId,
      schemeCode: "CAP_ASSO",
    });
    expect(
      (await db.dossier.findUniqueOrThrow({ where: { id }, include: { ruleSet: true } })).ruleSet.version,
    ).toBe(2);
  });

  it("keeps version 1 for the dossier filed under it: its re-check and the proposal's limits", async () => {
    const { db, storage, instructor } = world;
    // The applicant raises the amounts after filing (still allowed): version 1's ceiling judges them.
    await saveAll(world, filedV1.owner.id, filedV1.id, ASKING_25K.answers);
    const dossier = await getDossierForMember(db, filedV1.owner.id, filedV1.id);
    expect(dossier.ruleSet.version).toBe(1);
    const checklist = await dossierChecklist(db, dossier);
    expect(checklist.eligibility).toMatchObject({ ruleSetVersion: 1, eligible: false });
    expect(
      checklist.eligibility.criteria.find((criterion) => criterion.id === "montant-annuel")!.explanation,
    ).toBe(`${formatEuros(2_500_000)} dépasse le maximum de ${formatEuros(2_000_000)}.`);

    const revision = async (id: string) =>
      (await db.dossier.findUniqueOrThrow({ where: { id }, select: { revision: true } })).revision;
    const propose = async (id: string) => {
      await startInstruction(db, {
        actor: instructor,
        dossierId: id,
        revision: await revision(id),
        appUrl: APP_URL,
      });
      return proposeDossier(db, storage, {
        actor: instructor,
        dossierId: id,
        revision: await revision(id),
        favourable: true,
        motivation: "Projet solide, deux emplois en CDI, plan de financement équilibré.",
        proposedAmountCents: 7_500_000,
        yearlyAmountsCents: [2_500_000, 2_500_000, 2_500_000],
        appUrl: APP_URL,
      });
    };
    const error = await propose(filedV1.id).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(OpinionError);
    expect((error as OpinionError).fieldErrors.amountYear1).toBe(
      `Le montant de l’année 1 dépasse le plafond du dispositif (${formatEuros(2_000_000)}, règlement version 1).`,
    );
    expect((await db.dossier.findUniqueOrThrow({ where: { id: filedV1.id } })).status).toBe(
      DossierStatus.UNDER_INSTRUCTION,
    );
    // The same amounts are within version 2's ceiling for the dossier filed under it.
    await propose(draft.id);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      DossierStatus.PROPOSED,
    );
  });

  it("does not apply a version scheduled for a later date before that date, and announces it", async () => {
    const later = dayFromToday(10);
    // Version 2 raises the maximum subsidy.
    const draft = await db.ruleSet.findFirstOrThrow({ where: { scheme: { code: "A_VOS_ID" }, version: 2 } });
    const raised = { ...(draft.parameters as Record<string, unknown>), maxSubsidyCents: 4_000_000 };
    await db.ruleSet.update({ where: { id: draft.id }, data: { parameters: raised } });
    await publishDraft(db, {
      actorId: adminId,
      schemeCode: "A_VOS_ID",
      version: 2,
      effectiveDate: later,
      deliberation: "CP n° 26.12.01 du 11/12/2026",
      confirmed: true,
      now: now(),
    });
    expect((await loadRuleSetsInForce(db, now())).A_VOS_ID.version).toBe(1);
    expect((await loadRuleSetsInForce(db, new Date(paris(later).getTime() + 60_000))).A_VOS_ID.version).toBe(
      2,
    );
    expect((await eligibilityOf(db, "a-vos-id", {})).ruleSetVersion).toBe(1);
    const inForce = await loadRuleSetsInForce(db, now());
    const coming = await scheduledRuleSet(db, "A_VOS_ID", inForce.A_VOS_ID, now());
    expect(coming).toMatchObject({
      version: 2,
      effectiveFrom: formatDate(paris(later)),
      deliberation: "CP n° 26.12.01 du 11/12/2026",
    });
    expect(coming!.changes).toEqual([
      {
        label: "Subvention maximale",
        before: formatEuros(inForce.A_VOS_ID.parameters.maxSubsidyCents),
        after: formatEuros(4_000_000),
      },
    ]);
    expect(await scheduledRuleSet(db, "CAP_ASSO", inForce.CAP_ASSO, now())).toBeNull();
    const scheme = (await listSchemeRuleSets(db, now())).find((row) => row.code === "A_VOS_ID")!;
    expect(scheme.inForce?.version).toBe(1);
    expect(scheme.scheduled.map((row) => row.version)).toEqual([2]);

    // The next version cannot come into force before the scheduled one.
    await createDraft(db, { actorId: adminId, schemeCode: "A_VOS_ID", now: now() });
    const early = await refusal(
      publishDraft(db, {
        actorId: adminId,
        schemeCode: "A_VOS_ID",
        version: 3,
        effectiveDate: dayFromToday(1),
        deliberation: "CP n° 26.12.02",
        confirmed: true,
        now: now(),
      }),
    );
    expect(early.fieldErrors.effectiveDate).toMatch(
      /ne peut pas précéder celle de la version 2 \(\d{2}\/\d{2}\/\d{4}\)/,
    );
    await deleteDraft(db, { actorId: adminId, schemeCode: "A_VOS_ID", version: 3 });
    expect(await db.ruleSet.count({ where: { scheme: { code: "A_VOS_ID" } } })).toBe(2);
    const [deleted] = await auditRows(AUDIT_ACTIONS.ruleSetDraftDeleted);
    expect(deleted).toMatchObject({ actorId: adminId, details: { schemeCode: "A_VOS_ID", version: 3 } });
  });
});
