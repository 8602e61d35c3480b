// The minutes of a project review: written once the review has been held (or right away for a meeting
// already held outside the portal and recorded at its past date), and read back on each dossier's page.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDateTime } from "~/domain/format";
import type { PrismaClient } from "~/generated/prisma/client";

import { SHARED_DOSSIERS, type CommunityMember } from "./access.server";
import { auditFunderAct } from "./audit.server";
import { findEditableReview, ProjectReviewError, visibleReviews } from "./project-review-access.server";

/** Writes the minutes of the dossiers examined, once the review has taken place; empty text clears one. */
export async function recordMinutes(
  db: PrismaClient,
  user: CommunityMember,
  input: { reviewId: string; minutes: Record<string, string>; now: Date },
): Promise<number> {
  const review = await findEditableReview(db, user, input.reviewId);
  if (review.scheduledAt > input.now) {
    throw new ProjectReviewError(
      `Le compte rendu s’écrit une fois la revue tenue, à partir du ${formatDateTime(review.scheduledAt)}.`,
      409,
    );
  }
  const items = await db.projectReviewItem.findMany({
    where: { reviewId: review.id, dossier: SHARED_DOSSIERS },
    select: { id: true, dossierId: true },
  });
  const byDossier = new Map(items.map((item) => [item.dossierId, item.id]));
  const entries = Object.entries(input.minutes);
  if (entries.some(([dossierId]) => !byDossier.has(dossierId)))
    throw new ProjectReviewError(
      "Un des dossiers n’est plus inscrit à cette revue : rechargez la page.",
      422,
    );
  await db.$transaction(async (tx) => {
    for (const [dossierId, text] of entries) {
      await tx.projectReviewItem.update({
        where: { id: byDossier.get(dossierId)! },
        data: { minutes: text.trim() ? text.trim() : null },
      });
    }
    await auditFunderAct(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.projectReviewMinutesRecorded,
      targetType: "ProjectReview",
      targetId: review.id,
      details: { dossierIds: entries.map(([dossierId]) => dossierId) },
      now: input.now,
    });
  });
  return entries.length;
}

/** The reviews the reader may see that put a dossier on their agenda, latest first, with their minutes. */
export async function dossierReviews(db: PrismaClient, user: CommunityMember, dossierId: string, now: Date) {
  const items = await db.projectReviewItem.findMany({
    where: { dossierId, review: visibleReviews(user) },
    select: {
      minutes: true,
      review: { select: { id: true, title: true, scheduledAt: true } },
    },
    orderBy: { review: { scheduledAt: "desc" } },
  });
  return items.map((item) => ({
    id: item.review.id,
    title: item.review.title,
    when: formatDateTime(item.review.scheduledAt),
    held: item.review.scheduledAt <= now,
    minutes: item.minutes,
  }));
}
