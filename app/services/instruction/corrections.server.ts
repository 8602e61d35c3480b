// Correction requests: the instructor sends the dossier back naming the answers and pieces to correct,
// the applicant is reminded once before the reply date, and the instructor then sees what changed.
import {
  diffAnswers,
  diffAttachments,
  readSnapshot,
  type AnswerChange,
  type AttachmentChangeKind,
} from "~/domain/answers-diff";
import { correctionProblems, type CorrectionFieldErrors } from "~/domain/correction-request";
import { dossierSteps, isList, type FormContext } from "~/domain/dossier-forms";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import {
  CorrectionStatus,
  DossierEventKind,
  DossierStatus,
  type CorrectionStatus as CorrectionStatusType,
  type SchemeCode,
} from "~/generated/prisma/enums";
import { correctionReminder } from "~emails/correction-reminder";

import { OTHER_ATTACHMENT_KIND } from "~/services/applicant/attachments.server";
import { applicantDossierUrl } from "~/services/dossiers/links.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { applyTransition } from "~/services/dossiers/transitions.server";
import { answersOf, formContext } from "~/services/applicant/dossiers.server";
import { getDossierForStaff, InstructionFormError, lockForAction, type StaffActor } from "./access.server";
import { enqueueEmail } from "~/services/platform/outbox.server";

type Tx = Prisma.TransactionClient;

/** A correction request the instructor can fix, by field: `fields`, `attachmentKinds`, `reason`, `replyBy`. */
export class CorrectionError extends InstructionFormError {
  constructor(readonly errors: CorrectionFieldErrors) {
    super(errors as Record<string, string>);
    this.name = "CorrectionError";
  }
}

/** The labels of a dossier's fields (`jobs` and `jobs.title` alike) and pieces, from its own rule set. */
export function correctionLabels<C extends SchemeCode>(code: C, context: FormContext<C>) {
  const fields = new Map<string, string>();
  for (const step of dossierSteps(code, context)) {
    for (const item of step.items) {
      fields.set(item.name, item.label);
      if (isList(item)) {
        for (const field of item.fields)
          fields.set(`${item.name}.${field.name}`, `${item.label} — ${field.label}`);
      }
    }
  }
  const kinds = new Map<string, string>(
    context.parameters.requiredAttachments.map((item) => [item.kind, item.label]),
  );
  kinds.set(OTHER_ATTACHMENT_KIND, "Autre pièce");
  return { fields, kinds };
}

async function currentAttachments(tx: Tx | PrismaClient, dossierId: string) {
  return tx.attachment.findMany({
    where: { dossierId, deletedAt: null, messageId: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, fileName: true, sha256: true },
  });
}

/** UNDER_INSTRUCTION → CORRECTION_REQUESTED, naming what to correct, why and by when. */
export async function requestCorrection(
  db: PrismaClient,
  input: {
    actor: StaffActor;
    dossierId: string;
    revision: number;
    fields: string[];
    attachmentKinds: string[];
    reason: string;
    replyBy: Date;
    now?: Date;
    appUrl: string;
  },
): Promise<void> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const labels = correctionLabels(dossier.schemeCode, context);
  const fields = [...new Set(input.fields)];
  const attachmentKinds = [...new Set(input.attachmentKinds)];
  const reason = input.reason.replace(/\r\n?/g, "\n").trim();
  const errors = correctionProblems(
    { fields, attachmentKinds, reason, replyBy: input.replyBy },
    { knownFields: new Set(labels.fields.keys()), knownKinds: new Set(labels.kinds.keys()), now },
  );
  if (Object.keys(errors).length > 0) throw new CorrectionError(errors);

  await db.$transaction(
    async (tx) => {
      const locked = await lockForAction(tx, dossier.id, input.revision, now);
      await applyTransition(tx, {
        dossierId: dossier.id,
        from: locked.status,
        transition: "REQUEST_CORRECTION",
        actor: input.actor,
        reason,
        appUrl: input.appUrl,
        notice: {
          items: [
            ...fields.map((name) => labels.fields.get(name)!),
            ...attachmentKinds.map((kind) => `Pièce : ${labels.kinds.get(kind)!}`),
          ],
          replyBy: input.replyBy,
        },
        now,
      });
      const attachments = await currentAttachments(tx, dossier.id);
      await tx.correctionRequest.create({
        data: {
          dossierId: dossier.id,
          requestedById: input.actor.id,
          reason,
          fields,
          attachmentKinds,
          replyBy: input.replyBy,
          answersBefore: { answers: answersOf(locked.answers), attachments } as Prisma.InputJsonObject,
          createdAt: now,
        },
      });
    },
    { timeout: 30_000 },
  );
}

/** How long before the reply date the applicant is reminded. */
export const REMINDER_DAYS_BEFORE = 3;

/**
 * Reminds the applicants of each open request whose reply date is within three days, once. Safe to run
 * often and on several instances: a request is claimed by setting `lastReminderAt` only where it is unset.
 */
export async function sendCorrectionReminders(
  db: PrismaClient,
  input: { now?: Date; appUrl: string },
): Promise<number> {
  const now = input.now ?? new Date();
  const due = await db.correctionRequest.findMany({
    where: {
      status: CorrectionStatus.OPEN,
      lastReminderAt: null,
      replyBy: { gt: now, lte: new Date(now.getTime() + REMINDER_DAYS_BEFORE * 86_400_000) },
      dossier: { status: DossierStatus.CORRECTION_REQUESTED },
    },
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) {
    const done = await db.$transaction(async (tx) => {
      const claimed = await tx.correctionRequest.updateMany({
        where: { id, lastReminderAt: null, status: CorrectionStatus.OPEN },
        data: { lastReminderAt: now },
      });
      if (claimed.count === 0) return false;
      const request = await tx.correctionRequest.findUniqueOrThrow({
        where: { id },
        include: {
          dossier: {
            select: {
              id: true,
              number: true,
              title: true,
              schemeCode: true,
              organisationId: true,
              ruleSet: { select: { parameters: true } },
            },
          },
        },
      });
      const { dossier } = request;
      const labels = correctionLabels(
        dossier.schemeCode,
        await formContext(tx, dossier.schemeCode, dossier.ruleSet.parameters),
      );
      const items = [
        ...request.fields.map((name) => labels.fields.get(name) ?? name),
        ...request.attachmentKinds.map((kind) => `Pièce : ${labels.kinds.get(kind) ?? "Autre pièce"}`),
      ];
      for (const member of await applicantRecipients(tx, dossier.organisationId)) {
        const email = correctionReminder({
          firstName: member.firstName,
          dossierNumber: dossier.number ?? "",
          dossierTitle: dossier.title,
          reason: request.reason,
          items,
          replyBy: request.replyBy,
          url: applicantDossierUrl(input.appUrl, dossier.id),
        });
        await enqueueEmail(tx, { ...email, to: member.email }, { now });
      }
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

export interface CorrectionDiff {
  requestId: string;
  reason: string;
  requestedAt: Date;
  replyBy: Date;
  answeredAt: Date | null;
  answerNote: string | null;
  status: CorrectionStatusType;
  fields: Array<{ name: string; label: string }>;
  attachmentKinds: Array<{ kind: string; label: string }>;
  changes: AnswerChange[];
  attachmentChanges: Array<{ kind: string; label: string; change: AttachmentChangeKind; fileName: string }>;
}

/**
 * Each correction round of a dossier, oldest first, with what changed between the request and the answer
 * (the snapshot the resubmission kept); an open request shows the changes made so far. Callers have
 * already checked that the person may see the dossier.
 */
export async function correctionDiffs(db: PrismaClient, dossierId: string): Promise<CorrectionDiff[]> {
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { schemeCode: true, answers: true, ruleSet: { select: { parameters: true } } },
  });
  const [requests, resubmissions, attachments, context] = await Promise.all([
    db.correctionRequest.findMany({ where: { dossierId }, orderBy: { createdAt: "asc" } }),
    db.dossierEvent.findMany({
      where: {
        dossierId,
        kind: DossierEventKind.STATUS_CHANGE,
        fromStatus: DossierStatus.CORRECTION_REQUESTED,
        toStatus: DossierStatus.UNDER_INSTRUCTION,
      },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, data: true },
    }),
    currentAttachments(db, dossierId),
    formContext(db, dossier.schemeCode, dossier.ruleSet.parameters),
  ]);
  const labels = correctionLabels(dossier.schemeCode, context);
  const current = { answers: answersOf(dossier.answers), attachments };
  return requests.map((request) => {
    const before = readSnapshot(request.answersBefore);
    const resubmission =
      request.status === CorrectionStatus.ANSWERED
        ? resubmissions.find((event) => event.createdAt >= request.createdAt)
        : undefined;
    const snapshot = resubmission ? readSnapshot(resubmission.data) : null;
    const after =
      request.status === CorrectionStatus.CANCELLED
        ? { answers: before.answers, attachments: before.attachments }
        : (snapshot ?? current);
    return {
      requestId: request.id,
      reason: request.reason,
      requestedAt: request.createdAt,
      replyBy: request.replyBy,
      answeredAt: request.answeredAt,
      answerNote: request.answerNote,
      status: request.status,
      fields: request.fields.map((name) => ({ name, label: labels.fields.get(name) ?? name })),
      attachmentKinds: request.attachmentKinds.map((kind) => ({
        kind,
        label: labels.kinds.get(kind) ?? "Autre pièce",
      })),
      changes: diffAnswers(dossier.schemeCode, before.answers, after.answers, context),
      attachmentChanges:
        before.attachments && after.attachments
          ? diffAttachments(before.attachments, after.attachments).map((change) => ({
              ...change,
              label: labels.kinds.get(change.kind) ?? "Autre pièce",
            }))
          : [],
    };
  });
}
