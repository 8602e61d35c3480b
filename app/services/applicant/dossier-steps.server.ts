// Saving one step of an applicant's dossier as typed: the step's own checks, the revision that tells a
// colleague's save from one's own, and, after filing, the trace instructors see of what changed.
import { fullName } from "~/domain/people";
import { dossierSteps, pickStepAnswers, readDossierAnswers, stepSchema } from "~/domain/dossier-forms";
import { formatDateTime } from "~/domain/format";
import { fieldErrors } from "~/domain/forms";
import { notFound } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, DossierStatus } from "~/generated/prisma/enums";

import {
  answersOf,
  DossierError,
  formContext,
  getDossierForMember,
  isEditableByApplicant,
  READ_ONLY_MESSAGE,
} from "./dossiers.server";

type Tx = Prisma.TransactionClient;

export type SaveResult =
  | { ok: true; revision: number; savedAt: Date; errors: Record<string, string> }
  | { ok: false; conflict: { by: string; at: string }; revision: number };

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
  if (!step) throw notFound("Étape inconnue.");

  const picked = pickStepAnswers(step, input.values);
  const checked = stepSchema(step).safeParse(picked);
  // zod's path (`jobs.0.title`) is the form's error key.
  const errors = checked.success ? {} : fieldErrors(checked.error);

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
