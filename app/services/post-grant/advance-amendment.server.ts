// A rescheduling of an equity advance granted (avenant), in the caller's transaction: the new schedule within
// the rule set's ceiling and the amendment, both with their PDFs. decideRescheduling makes it and emails the
// association; the demo seed makes it for its rescheduled advance.
import { formatEuros } from "~/domain/format";
import { rescheduledInstalments } from "~/domain/post-grant/repayments";
import { UserError } from "~/domain/user-error";
import type { Prisma } from "~/generated/prisma/client";
import { AdvanceScheduleOrigin, DocumentKind, ReschedulingStatus } from "~/generated/prisma/enums";
import { renderAdvanceAmendment } from "~/pdf/advance-amendment.server";

import { DECISION_SIGNATORY } from "~/services/dossiers/decision-documents.server";
import type { FileStorage } from "~/services/platform/storage.server";

import {
  documentBase,
  standingOf,
  storeAdvanceDocument,
  writeSchedule,
  type Advance,
} from "./advance.server";
import { recordFollowUp } from "./follow-up.server";

/**
 * A rescheduling granted, in the caller's transaction: the new schedule and the amendment (with their PDFs,
 * within the rule set's ceiling), the request marked granted, its line in the timeline. No email.
 */
export async function grantRescheduling(
  tx: Prisma.TransactionClient,
  storage: FileStorage,
  written: string[],
  input: {
    advance: Advance;
    request: Advance["reschedulings"][number];
    actorId: string;
    note: string;
    ip?: string | null;
    now: Date;
  },
) {
  const { advance, request, note, now } = input;
  const standing = standingOf(advance, now);
  const maxDurationMonths = advance.rules.maxRescheduledDurationMonths;
  const result = rescheduledInstalments({
    paidOn: advance.paidOn,
    outstandingCents: standing.outstandingCents,
    firstDueDate: request.firstDueDate,
    frequencyMonths: request.frequencyMonths,
    count: request.count,
    maxDurationMonths,
  });
  if (!result.ok) throw new UserError(result.error, { status: 422, fieldErrors: { note: result.error } });
  const previous = advance.current.instalments[advance.current.instalments.length - 1];
  const { version } = await writeSchedule({
    tx,
    storage,
    written,
    dossierId: advance.dossier.id,
    origin: AdvanceScheduleOrigin.RESCHEDULING,
    instalments: result.instalments,
    actorId: input.actorId,
    now,
  });
  const amendmentNumber =
    advance.reschedulings.filter((item) => item.status === ReschedulingStatus.GRANTED).length + 1;
  const pdf = await renderAdvanceAmendment({
    ...documentBase(advance, now),
    amendmentNumber,
    reason: request.reason,
    outstandingCents: standing.outstandingCents,
    previousLastDueDate: previous?.dueDate ?? null,
    maxDurationMonths,
    instalments: result.instalments,
    signatory: DECISION_SIGNATORY,
  });
  const storageKey = await storeAdvanceDocument({
    tx,
    storage,
    written,
    dossierId: advance.dossier.id,
    kind: DocumentKind.ADVANCE_AMENDMENT,
    pdf,
    period: version,
    actorId: input.actorId,
    reason: `Avenant de rééchelonnement n°\u00a0${amendmentNumber} établi`,
    now,
  });
  await tx.advanceRescheduling.update({
    where: { id: request.id },
    data: {
      status: ReschedulingStatus.GRANTED,
      decidedById: input.actorId,
      decidedAt: now,
      decisionNote: note || null,
      scheduleVersion: version,
    },
  });
  await recordFollowUp(tx, {
    dossierId: advance.dossier.id,
    actorId: input.actorId,
    action: "post_grant.advance_rescheduling_granted",
    reason: `Rééchelonnement accordé (avenant n°\u00a0${amendmentNumber})\u00a0: ${formatEuros(standing.outstandingCents)} en ${request.count} échéance(s)`,
    target: { type: "Dossier", id: advance.dossier.id },
    details: { reschedulingId: request.id, version },
    ip: input.ip,
    now,
  });
  return { version, storageKey, outstandingCents: standing.outstandingCents };
}
