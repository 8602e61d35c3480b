// The instruction actions of Region staff on a dossier. Each one checks who is asking (scope, 404 outside
// it), then, in one transaction: the row lock and the revision the page showed, the state machine's move
// (recorded with who, when and why), its side rows, and the emails to the applicant organisation (outbox).
import { fullName } from "~/domain/people";
import { COMPLETENESS_ITEMS, readCompleteness } from "~/domain/instruction-opinion";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { CorrectionStatus, DossierEventKind, DossierStatus } from "~/generated/prisma/enums";

import { applyTransition, lockDossier } from "~/services/dossiers/transitions.server";
import { DossierError, PURGED_DOSSIER_MESSAGE } from "~/services/applicant/dossiers.server";
import { getDossierForStaff, InstructionFormError, lockForAction, type StaffActor } from "./access.server";

const TX_OPTIONS = { timeout: 30_000 };

interface ActionInput {
  actor: StaffActor;
  dossierId: string;
  /** Dossier.revision as the instructor's page showed it. */
  revision: number;
  now?: Date;
  appUrl: string;
}

/** FILED → UNDER_INSTRUCTION: the dossier is frozen for the applicant; the actor takes it if nobody has. */
export async function startInstruction(db: PrismaClient, input: ActionInput): Promise<void> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  await db.$transaction(async (tx) => {
    const locked = await lockForAction(tx, dossier.id, input.revision, now);
    const assign = locked.assigneeId === null;
    await applyTransition(tx, {
      dossierId: dossier.id,
      from: locked.status,
      transition: "START_INSTRUCTION",
      actor: input.actor,
      reason: "Instruction commencée",
      changes: assign ? { assignee: { connect: { id: input.actor.id } } } : undefined,
      appUrl: input.appUrl,
      notice: { schemeName: dossier.scheme.name },
      now,
    });
    if (assign) {
      await tx.dossierEvent.create({
        data: {
          dossierId: dossier.id,
          kind: DossierEventKind.ASSIGNMENT,
          actorId: input.actor.id,
          reason: "Attribution du dossier pour instruction",
          data: { assigneeId: input.actor.id },
          createdAt: now,
        },
      });
    }
  }, TX_OPTIONS);
}

/** Any open stage → CLOSED, with the reason sent to the applicant; an open correction request lapses. */
export async function closeDossier(db: PrismaClient, input: ActionInput & { reason: string }): Promise<void> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  await db.$transaction(async (tx) => {
    const locked = await lockForAction(tx, dossier.id, input.revision, now);
    await applyTransition(tx, {
      dossierId: dossier.id,
      from: locked.status,
      transition: "CLOSE",
      actor: input.actor,
      reason,
      changes: { closedAt: now },
      appUrl: input.appUrl,
      now,
    });
    await tx.correctionRequest.updateMany({
      where: { dossierId: dossier.id, status: CorrectionStatus.OPEN },
      data: { status: CorrectionStatus.CANCELLED },
    });
  }, TX_OPTIONS);
}

/** CLOSED → UNDER_INSTRUCTION, an administrator's act: the applicants and the instructor in charge are told. */
export async function reopenDossier(
  db: PrismaClient,
  input: ActionInput & { reason: string },
): Promise<void> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  // Its pieces and answers are gone: there would be nothing left to instruct.
  if (dossier.purgedAt) throw new DossierError(PURGED_DOSSIER_MESSAGE, 409);
  await db.$transaction(async (tx) => {
    const locked = await lockForAction(tx, dossier.id, input.revision, now);
    await applyTransition(tx, {
      dossierId: dossier.id,
      from: locked.status,
      transition: "REOPEN",
      actor: input.actor,
      reason,
      changes: { closedAt: null },
      appUrl: input.appUrl,
      now,
    });
  }, TX_OPTIONS);
}

/** Statuses in which the completeness checklist is still being worked on. */
const CHECKLIST_OPEN: readonly DossierStatus[] = [
  DossierStatus.FILED,
  DossierStatus.UNDER_INSTRUCTION,
  DossierStatus.CORRECTION_REQUESTED,
];

/**
 * Ticks or unticks one item of the completeness checklist. Read and written per item under the row lock,
 * so two instructors ticking different items both keep theirs; the revision is left alone, since a tick
 * must not turn a colleague's open page stale.
 */
export async function setCompleteness(
  db: PrismaClient,
  input: { actor: StaffActor; dossierId: string; key: string; checked: boolean; now?: Date },
): Promise<Record<string, boolean>> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  if (!COMPLETENESS_ITEMS(dossier).some((item) => item.key === input.key)) {
    throw new DossierError("Cet élément ne fait pas partie du contrôle de complétude de ce dossier.", 400);
  }
  const actor = await db.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { firstName: true, lastName: true },
  });
  return db.$transaction(async (tx) => {
    const { status } = await lockDossier(tx, dossier.id);
    if (!CHECKLIST_OPEN.includes(status)) {
      throw new DossierError(
        "Le contrôle de complétude ne peut plus être modifié : l’avis de l’instruction a été rendu.",
        409,
      );
    }
    const current = await tx.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      select: { completeness: true },
    });
    const marks = {
      ...readCompleteness(current.completeness),
      [input.key]: { checked: input.checked, by: fullName(actor), at: now.toISOString() },
    };
    await tx.dossier.update({
      where: { id: dossier.id },
      data: { completeness: marks as unknown as Prisma.InputJsonObject },
    });
    return Object.fromEntries(Object.entries(marks).map(([key, mark]) => [key, mark.checked]));
  });
}

export const MAX_NOTE_LENGTH = 5000;

/** A private note of the instruction service: never shown to applicants nor to funders. */
export async function addNote(
  db: PrismaClient,
  input: { actor: StaffActor; dossierId: string; body: string; now?: Date },
): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  const length = Array.from(body).length;
  if (length === 0) throw new InstructionFormError({ body: "Écrivez la note avant de l’enregistrer." });
  if (length > MAX_NOTE_LENGTH) {
    throw new InstructionFormError({
      body: `La note ne doit pas dépasser ${MAX_NOTE_LENGTH.toLocaleString("fr-FR")} caractères (elle en compte ${length.toLocaleString("fr-FR")}).`,
    });
  }
  return db.instructorNote.create({
    data: { dossierId: dossier.id, authorId: input.actor.id, body, createdAt: now },
    select: { id: true },
  });
}

/** The dossier's private notes, newest first, with their authors. */
export async function listNotes(db: PrismaClient, actor: StaffActor, dossierId: string) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const notes = await db.instructorNote.findMany({
    where: { dossierId: dossier.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { firstName: true, lastName: true } },
    },
  });
  return notes.map((note) => ({
    id: note.id,
    body: note.body,
    createdAt: note.createdAt,
    authorName: fullName(note.author),
  }));
}
