// An applicant's dossiers: start one, read it, save its steps. Every use case checks first that the caller
// is a member of the dossier's organisation: anyone else learns nothing (404).
import { fullName } from "~/domain/people";
import {
  dossierSteps,
  pickStepAnswers,
  prefillAnswers,
  readDossierAnswers,
  stepSchema,
  type FormContext,
  type RawAnswers,
} from "~/domain/dossier-forms";
import { formatDate, formatDateTime } from "~/domain/format";
import { parseRuleSetParameters, SCHEMES, type RuleSetParametersByScheme } from "~/domain/schemes";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, DossierStatus, type SchemeCode } from "~/generated/prisma/enums";

import { requireMembership } from "./organisations.server";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

/** Said when someone acts on a dossier whose pieces and personal data retention has purged. */
export const PURGED_DOSSIER_MESSAGE =
  "Ce dossier a été purgé au terme de sa durée de conservation : il ne peut plus être rouvert ni recevoir de message.";

/** A refusal the applicant can understand and act on. */
export class DossierError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "DossierError";
  }
}

/** Why an applicant's change is refused once instruction has started. */
export const READ_ONLY_MESSAGE = "Ce dossier est en cours d’instruction : il ne peut plus être modifié.";

/** Statuses in which the applicant may still change the answers. */
export const APPLICANT_EDITABLE: readonly DossierStatus[] = [
  DossierStatus.DRAFT,
  DossierStatus.FILED,
  DossierStatus.CORRECTION_REQUESTED,
];

export function isEditableByApplicant(status: DossierStatus): boolean {
  return APPLICANT_EDITABLE.includes(status);
}

export function answersOf(json: unknown): RawAnswers {
  return json && typeof json === "object" && !Array.isArray(json) ? (json as RawAnswers) : {};
}

/** The latest published rule set of a scheme whose effective date has come. */
export async function ruleSetInForce(db: Db, schemeCode: SchemeCode, now: Date) {
  const ruleSet = await db.ruleSet.findFirst({
    where: {
      scheme: { code: schemeCode },
      status: "PUBLISHED",
      OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }],
    },
    orderBy: { version: "desc" },
  });
  if (!ruleSet) throw new DossierError("Ce dispositif n’est pas ouvert aux demandes pour le moment.", 409);
  return ruleSet;
}

/** The call open now for a scheme, or a French message giving the next opening date. */
export async function openCall(db: Db, schemeId: string, now: Date) {
  const call = await db.call.findFirst({
    where: { schemeId, opensAt: { lte: now }, OR: [{ closesAt: null }, { closesAt: { gte: now } }] },
    orderBy: { opensAt: "desc" },
  });
  if (call) return { call, closedMessage: null };
  const next = await db.call.findFirst({
    where: { schemeId, opensAt: { gt: now } },
    orderBy: { opensAt: "asc" },
  });
  return {
    call: null,
    closedMessage: next
      ? `Aucun appel à projets n’est ouvert pour ce dispositif aujourd’hui. Le prochain ouvre le ${formatDate(next.opensAt)}.`
      : "Aucun appel à projets n’est ouvert pour ce dispositif aujourd’hui, et la date du prochain n’est pas encore connue.",
  };
}

/**
 * A dossier is judged by the rules in force when it is filed, not when its draft was started: before
 * filing, and on the filing step (so the checklist shown is the one that will judge it), a draft moves
 * to the rule set in force and to the call open now. Filed dossiers never change version.
 * Returns whether the draft moved.
 */
export async function moveDraftToRulesInForce(
  db: PrismaClient,
  dossier: {
    id: string;
    status: DossierStatus;
    schemeCode: SchemeCode;
    schemeId: string;
    ruleSetId: string;
    callId: string | null;
  },
  now: Date,
): Promise<boolean> {
  if (dossier.status !== DossierStatus.DRAFT) return false;
  const ruleSet = await ruleSetInForce(db, dossier.schemeCode, now);
  // With no call open, the draft keeps its own: the checklist says when the next one opens.
  const callId = (await openCall(db, dossier.schemeId, now)).call?.id ?? dossier.callId;
  if (ruleSet.id === dossier.ruleSetId && callId === dossier.callId) return false;
  const { count } = await db.dossier.updateMany({
    where: { id: dossier.id, status: DossierStatus.DRAFT },
    data: { ruleSetId: ruleSet.id, callId },
  });
  return count > 0;
}

/**
 * The sentence telling an applicant that their draft will be judged by newer rules than those in force
 * when they started it; null when the rules are the same.
 */
export async function rulesChangedNotice(
  db: Db,
  dossier: {
    status: DossierStatus;
    schemeCode: SchemeCode;
    createdAt: Date;
    scheme: { name: string };
    ruleSet: { id: string; version: number };
  },
): Promise<string | null> {
  if (dossier.status !== DossierStatus.DRAFT) return null;
  const created = dossier.createdAt;
  const atCreation = await db.ruleSet.findFirst({
    where: {
      scheme: { code: dossier.schemeCode },
      status: "PUBLISHED",
      AND: [
        { OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: created } }] },
        { OR: [{ publishedAt: null }, { publishedAt: { lte: created } }] },
      ],
    },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (!atCreation || atCreation.version === dossier.ruleSet.version) return null;
  const { effectiveFrom } = await db.ruleSet.findUniqueOrThrow({
    where: { id: dossier.ruleSet.id },
    select: { effectiveFrom: true },
  });
  const since = effectiveFrom ? `, en vigueur depuis le ${formatDate(effectiveFrom)}` : "";
  return `Les règles de ${dossier.scheme.name} ont changé depuis la création de votre brouillon\u00a0: il sera examiné selon la version ${dossier.ruleSet.version}${since}.`;
}

/**
 * The form context of a dossier: its own rule set (never the one in force today) and the territories.
 * `choicesFor`, the dossier an applicant is filling in, narrows the territories to those still offered
 * (active) and the one it already names, so its choice is validated against them. Without it every
 * territory is there: reading any dossier keeps the territory it named, even one deactivated since.
 */
export async function formContext<C extends SchemeCode>(
  db: Db,
  schemeCode: C,
  ruleSetParameters: unknown,
  choicesFor?: { territoryId: string | null },
): Promise<FormContext<C>> {
  const parsed = parseRuleSetParameters(schemeCode, ruleSetParameters);
  if (!parsed.ok) throw new Error(`Jeu de règles ${schemeCode} invalide : ${parsed.error}`);
  const named = choicesFor?.territoryId ? [{ id: choicesFor.territoryId }] : [];
  const territories =
    schemeCode === "A_VOS_ID"
      ? await db.territory.findMany({
          where: choicesFor ? { OR: [{ active: true }, ...named] } : {},
          orderBy: [{ departmentCode: "asc" }, { name: "asc" }],
        })
      : [];
  return {
    parameters: parsed.parameters as RuleSetParametersByScheme[C],
    territories: territories.map((territory) => ({
      value: territory.code,
      label: `${territory.name} (${territory.departmentCode})`,
    })),
  };
}

/** Drafts an organisation already has for a scheme: offered before a second one is started. */
export async function existingDrafts(db: Db, userId: string, organisationId: string, schemeCode: SchemeCode) {
  await requireMembership(db, userId, organisationId);
  return db.dossier.findMany({
    where: { organisationId, schemeCode, status: DossierStatus.DRAFT },
    select: { id: true, title: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
  });
}

export async function startDossier(
  db: PrismaClient,
  input: {
    userId: string;
    organisationId: string;
    schemeCode: SchemeCode;
    /** Answers of the public questionnaire, by path (`project.jobsFte`). */
    questionnaire?: Record<string, string>;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  await requireMembership(db, input.userId, input.organisationId);
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: input.organisationId } });
  const ruleSet = await ruleSetInForce(db, input.schemeCode, now);
  const { call, closedMessage } = await openCall(db, ruleSet.schemeId, now);
  if (!call) throw new DossierError(closedMessage, 409);
  const context = await formContext(db, input.schemeCode, ruleSet.parameters);
  const answers = prefillAnswers(input.schemeCode, context, input.questionnaire ?? {}, organisation);
  return db.dossier.create({
    data: {
      schemeId: ruleSet.schemeId,
      schemeCode: input.schemeCode,
      ruleSetId: ruleSet.id,
      callId: call.id,
      organisationId: organisation.id,
      createdById: input.userId,
      title: `Nouveau dossier ${SCHEMES[input.schemeCode].name}`,
      answers: answers as Prisma.InputJsonObject,
      departmentCode: organisation.departmentCode,
      lastEditedById: input.userId,
      lastEditedAt: now,
      events: {
        create: {
          kind: DossierEventKind.STATUS_CHANGE,
          toStatus: DossierStatus.DRAFT,
          actorId: input.userId,
          reason: "Création du brouillon",
          createdAt: now,
        },
      },
    },
    select: { id: true },
  });
}

/** The dossier as its organisation's members see it. Not a member, or no such dossier: 404. */
export async function getDossierForMember(db: Db, userId: string, dossierId: string) {
  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    include: {
      scheme: { select: { name: true, numberPrefix: true } },
      ruleSet: { select: { id: true, version: true, parameters: true } },
      call: { select: { title: true, closesAt: true } },
      organisation: true,
      lastEditedBy: { select: { firstName: true, lastName: true } },
    },
  });
  if (!dossier) throw new Response("Dossier introuvable.", { status: 404 });
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId: dossier.organisationId } },
  });
  if (!membership) throw new Response("Dossier introuvable.", { status: 404 });
  return dossier;
}

export type SaveResult =
  | { ok: true; revision: number; savedAt: Date; errors: Record<string, string> }
  | { ok: false; conflict: { by: string; at: string }; revision: number };

/** zod's path (`jobs.0.title`) as the form's error key. */
function errorKey(path: PropertyKey[]) {
  return path.map(String).join(".");
}

/**
 * Saves one step's answers as typed. Whatever is typed is kept, even when it is not valid yet (the errors
 * come back to show beside the fields). `revision` is the version the person started from: if a colleague
 * saved meanwhile, nothing is written and the conflict is reported, unless `force` says to overwrite.
 */
export async function saveStep(
  db: PrismaClient,
  input: {
    userId: string;
    dossierId: string;
    stepId: string;
    values: Record<string, unknown>;
    revision: number;
    force?: boolean;
    now?: Date;
  },
): Promise<SaveResult> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForMember(db, input.userId, input.dossierId);
  if (!isEditableByApplicant(dossier.status)) {
    throw new DossierError(READ_ONLY_MESSAGE, 409);
  }
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters, dossier);
  const step = dossierSteps(dossier.schemeCode, context).find((candidate) => candidate.id === input.stepId);
  if (!step) throw new Response("Étape inconnue.", { status: 404 });

  const picked = pickStepAnswers(step, input.values);
  const checked = stepSchema(step).safeParse(picked);
  const errors: Record<string, string> = {};
  if (!checked.success)
    for (const issue of checked.error.issues) errors[errorKey(issue.path)] ??= issue.message;

  return db.$transaction(async (tx) => {
    // The row is locked while this save reads it and writes it: another step saved at the same instant
    // by a colleague is merged, never lost.
    await tx.$queryRaw`SELECT "id" FROM "Dossier" WHERE "id" = ${dossier.id} FOR UPDATE`;
    const current = await tx.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      select: {
        answers: true,
        revision: true,
        status: true,
        lastEditedById: true,
        lastEditedAt: true,
        lastEditedBy: { select: { firstName: true, lastName: true } },
      },
    });
    if (!isEditableByApplicant(current.status)) {
      throw new DossierError(READ_ONLY_MESSAGE, 409);
    }
    // Someone else saved since this person loaded the step: say so rather than overwrite. A save racing
    // the same person's own autosave is no conflict.
    const stale = current.revision !== input.revision && current.lastEditedById !== input.userId;
    if (stale && !input.force) {
      const by = current.lastEditedBy ? fullName(current.lastEditedBy) : "Une autre personne";
      return {
        ok: false as const,
        conflict: { by, at: current.lastEditedAt ? formatDateTime(current.lastEditedAt) : "" },
        revision: current.revision,
      };
    }

    const answers = { ...answersOf(current.answers), ...picked };
    const reading = readDossierAnswers(dossier.schemeCode, context, answers);
    const territory = reading.summary.columns.territoryCode
      ? await tx.territory.findUnique({ where: { code: reading.summary.columns.territoryCode } })
      : null;
    const saved = await tx.dossier.update({
      where: { id: dossier.id },
      data: {
        answers: answers as Prisma.InputJsonObject,
        title: reading.title ?? dossier.title,
        requestedAmountCents: reading.summary.requestedAmountCents,
        totalBudgetCents: reading.totalBudgetCents,
        jobsCreatedFte: reading.summary.columns.jobsCreatedFte ?? null,
        jobsConsolidatedFte: reading.summary.columns.jobsConsolidatedFte ?? null,
        capAssoSector: reading.summary.columns.capAssoSector ?? null,
        employeeAssociatesCount: reading.summary.columns.employeeAssociatesCount ?? null,
        territoryId: territory?.id ?? null,
        departmentCode: territory?.departmentCode ?? dossier.organisation.departmentCode,
        revision: { increment: 1 },
        lastEditedById: input.userId,
        lastEditedAt: now,
      },
      select: { revision: true },
    });
    if (step.id === "budget") {
      await tx.dossierBudgetLine.deleteMany({ where: { dossierId: dossier.id } });
      await tx.dossierBudgetLine.createMany({
        data: reading.budgetLines.map((line, position) => ({ ...line, dossierId: dossier.id, position })),
      });
    }
    if (current.status !== DossierStatus.DRAFT) {
      await recordChangeAfterFiling(tx, dossier.id, input.userId, step.title, now);
    }
    return { ok: true as const, revision: saved.revision, savedAt: now, errors };
  });
}

/** After filing, changes stay visible to the instructors: one event per person and step and hour. */
async function recordChangeAfterFiling(
  tx: Tx,
  dossierId: string,
  actorId: string,
  stepTitle: string,
  now: Date,
) {
  const reason = `Modification après dépôt : ${stepTitle}`;
  const recent = await tx.dossierEvent.findFirst({
    where: {
      dossierId,
      actorId,
      kind: DossierEventKind.ANSWERS_UPDATED,
      reason,
      createdAt: { gte: new Date(now.getTime() - 3_600_000) },
    },
  });
  if (!recent) {
    await tx.dossierEvent.create({
      data: { dossierId, actorId, kind: DossierEventKind.ANSWERS_UPDATED, reason, createdAt: now },
    });
  }
}
