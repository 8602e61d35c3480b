// Moving a dossier along its life cycle inside a transaction: the row is locked, the state machine of
// app/domain decides, the status changes and the timeline records who, when and why; the documents the
// transition issues are recorded and the emails its `notifies` lists are enqueued (outbox), in one place.
import { checkTransition, TRANSITIONS, type Notified, type Transition } from "~/domain/dossier-workflow";
import type { Prisma } from "~/generated/prisma/client";
import { DossierEventKind, type DossierStatus, type UserRole } from "~/generated/prisma/enums";

import { DossierError } from "~/services/applicant/dossiers.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { recordIssuedDocuments, type StoredDocument } from "./decision-documents.server";
import { applicantDossierUrl, instructorDossierUrl } from "./links.server";
import {
  applicantRecipients,
  TRANSITION_NOTICES,
  type NoticeContext,
  type NoticeDetails,
} from "./transition-notices.server";
import { notFound } from "~/domain/user-error";

type Tx = Prisma.TransactionClient;

/** Locks the dossier's row until the transaction ends: a second transition waits, then sees the first. */
export async function lockDossier(tx: Tx, dossierId: string) {
  const [row] = await tx.$queryRaw<Array<{ status: DossierStatus; number: string | null }>>`
    SELECT "status", "number" FROM "Dossier" WHERE "id" = ${dossierId} FOR UPDATE`;
  if (!row) throw notFound("Dossier introuvable.");
  return row;
}

export type TransitionInput<T extends Transition> = {
  dossierId: string;
  /** The status read under the lock. */
  from: DossierStatus;
  transition: T;
  /** Who moves it; `id` null when the portal itself makes the move (checked under the role that owns it). */
  actor: { id: string | null; role: UserRole };
  reason: string;
  /** What the timeline keeps beside the reason (a snapshot of the answers…); never shown to applicants. */
  data?: Prisma.InputJsonValue;
  /** Fields changed with the status (number, dates, amounts). */
  changes?: Prisma.DossierUpdateInput;
  /** The PDFs the move issues, already stored: only kinds that TRANSITIONS[transition].documents lists. */
  documents?: readonly StoredDocument[];
  /** The portal's address, for the links of the emails. */
  appUrl: string;
  now: Date;
} & (NoticeDetails[T] extends undefined ? { notice?: undefined } : { notice: NoticeDetails[T] });

export async function applyTransition<T extends Transition>(
  tx: Tx,
  input: TransitionInput<T>,
): Promise<DossierStatus> {
  const move = checkTransition({
    status: input.from,
    transition: input.transition,
    role: input.actor.role,
    reason: input.reason,
  });
  if (!move.ok) throw new DossierError(move.error, 409);
  const transition = TRANSITIONS[input.transition];
  const documents = input.documents ?? [];
  const stray = documents.filter(
    (document) => !(transition.documents as readonly string[]).includes(document.kind),
  );
  if (stray.length > 0) {
    throw new Error(`${input.transition} n’établit pas ${stray.map((document) => document.kind).join(", ")}`);
  }
  const dossier = await tx.dossier.update({
    where: { id: input.dossierId },
    data: { ...input.changes, status: move.to, revision: { increment: 1 } },
    select: { id: true, number: true, title: true, organisationId: true, assigneeId: true },
  });
  await tx.dossierEvent.create({
    data: {
      dossierId: input.dossierId,
      kind: DossierEventKind.STATUS_CHANGE,
      fromStatus: input.from,
      toStatus: move.to,
      actorId: input.actor.id,
      reason: input.reason,
      data: input.data,
      createdAt: input.now,
    },
  });
  await recordIssuedDocuments(tx, {
    dossierId: dossier.id,
    actorId: input.actor.id,
    documents,
    now: input.now,
  });
  const context: NoticeContext<T> = {
    dossier: { id: dossier.id, number: dossier.number ?? "", title: dossier.title },
    reason: input.reason,
    appUrl: input.appUrl,
    now: input.now,
    details: input.notice as NoticeDetails[T],
  };
  for (const party of transition.notifies as readonly Notified[]) {
    await notify(tx, input, party, context, { ...dossier, documents });
  }
  return move.to;
}

async function notify<T extends Transition>(
  tx: Tx,
  input: TransitionInput<T>,
  party: Notified,
  context: NoticeContext<T>,
  dossier: {
    id: string;
    organisationId: string;
    assigneeId: string | null;
    documents: readonly StoredDocument[];
  },
) {
  const notices = TRANSITION_NOTICES[input.transition] as Partial<Record<Notified, unknown>>;
  if (party === "APPLICANT") {
    const notice = notices.APPLICANT as (typeof TRANSITION_NOTICES)["FILE"]["APPLICANT"];
    const people =
      notice.to === "actor"
        ? [
            await tx.user.findUniqueOrThrow({
              where: { id: input.actor.id ?? "" },
              select: { email: true, firstName: true },
            }),
          ]
        : await applicantRecipients(tx, dossier.organisationId);
    const url = applicantDossierUrl(input.appUrl, dossier.id);
    const attachments = dossier.documents.map((document) => ({
      fileName: document.fileName,
      contentType: "application/pdf",
      storageKey: document.storageKey,
    }));
    for (const person of people) {
      const email = notice.email(context as never, person, url);
      await enqueueEmail(tx, { ...email, to: person.email, attachments }, { now: input.now });
    }
    return;
  }
  // The instructor in charge, unless they made the move themselves.
  if (!dossier.assigneeId || dossier.assigneeId === input.actor.id) return;
  const notice = notices.ASSIGNEE as (typeof TRANSITION_NOTICES)["RESUBMIT"]["ASSIGNEE"];
  const assignee = await tx.user.findUniqueOrThrow({
    where: { id: dossier.assigneeId },
    select: { firstName: true },
  });
  const url = instructorDossierUrl(input.appUrl, dossier.id);
  await notifyStaff(
    tx,
    {
      userId: dossier.assigneeId,
      dossierId: dossier.id,
      line: notice.line(context as never),
      url,
      email: notice.email(context as never, assignee, url),
    },
    input.now,
  );
}
