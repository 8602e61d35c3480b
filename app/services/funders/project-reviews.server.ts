// Project reviews among funders and the Region: a member of the community plans one, puts shared dossiers
// on it, invites organisations (project-review-invitations.server.ts) and writes its minutes
// (project-review-minutes.server.ts), for a review to come or one already held outside the portal. A review is seen by its organiser's organisation, the invited ones and Region staff;
// anyone else gets the same 404 as for an unknown id. Dossiers whose holder stopped sharing drop out of
// what is shown and printed at once, but their rows are kept, so sharing again brings them back.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { parisDay } from "~/domain/paris-time";
import { REVIEW_PLACE_MAX, REVIEW_TITLE_MAX, reviewItemsSchema } from "~/domain/project-review";
import type { PrismaClient } from "~/generated/prisma/client";
import { renderProjectReviewAgenda } from "~/pdf/project-review-agenda.server";

import { SHARED_DOSSIERS, type CommunityMember } from "./access.server";
import { auditFunderAct } from "./audit.server";
import { invitableOrganisations, invitedOrganisations } from "./project-review-invitations.server";
import {
  canEdit,
  findEditableReview,
  findReview,
  loadReviewItems,
  organiserName,
  ProjectReviewError,
  requireMember,
  REVIEW_SELECT,
  visibleReviews,
} from "./project-review-access.server";

export { ProjectReviewError };
export { inviteOrganisations } from "./project-review-invitations.server";
export { recordMinutes } from "./project-review-minutes.server";

/** A review already held outside the portal may be recorded, up to a year back, to keep its minutes. */
const EARLIEST_REVIEW_DAYS = 366;

export async function createReview(
  db: PrismaClient,
  user: CommunityMember,
  input: { title: string; scheduledAt: Date; place: string; now: Date },
) {
  requireMember(user);
  const title = input.title.trim();
  const place = input.place.trim();
  const fieldErrors: Record<string, string> = {};
  if (!title || title.length > REVIEW_TITLE_MAX)
    fieldErrors.title = `Indiquez un titre de 1 à ${REVIEW_TITLE_MAX} caractères.`;
  if (!place || place.length > REVIEW_PLACE_MAX)
    fieldErrors.place = `Indiquez un lieu ou un lien de 1 à ${REVIEW_PLACE_MAX} caractères.`;
  const earliest = input.now.getTime() - EARLIEST_REVIEW_DAYS * 86_400_000;
  if (Number.isNaN(input.scheduledAt.getTime()) || input.scheduledAt.getTime() < earliest)
    fieldErrors.date = "Une revue déjà tenue peut être enregistrée jusqu’à un an après sa date, pas au-delà.";
  if (Object.keys(fieldErrors).length > 0)
    throw new ProjectReviewError("Le formulaire contient des erreurs.", 422, fieldErrors);
  return db.$transaction(async (tx) => {
    const review = await tx.projectReview.create({
      data: { title, place, scheduledAt: input.scheduledAt, organiserId: user.id },
      select: { id: true },
    });
    await auditFunderAct(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.projectReviewCreated,
      targetType: "ProjectReview",
      targetId: review.id,
      details: { title, place, scheduledAt: input.scheduledAt.toISOString() },
      now: input.now,
    });
    return review;
  });
}

/** The reviews a member sees, the coming ones first (soonest first), then the past ones (latest first). */
export async function listReviews(db: PrismaClient, user: CommunityMember, now = new Date()) {
  requireMember(user);
  const rows = await db.projectReview.findMany({
    where: visibleReviews(user),
    select: {
      ...REVIEW_SELECT,
      _count: { select: { items: { where: { dossier: SHARED_DOSSIERS } } } },
    },
    orderBy: { scheduledAt: "asc" },
  });
  const upcoming = rows.filter((row) => row.scheduledAt > now);
  const past = rows.filter((row) => row.scheduledAt <= now).reverse();
  return [...upcoming, ...past].map((row) => ({
    id: row.id,
    title: row.title,
    scheduledAt: row.scheduledAt,
    place: row.place,
    organiser: organiserName(row),
    invited: row.invitations.map((invitation) => invitation.funderOrganisation.name),
    dossierCount: row._count.items,
    held: row.scheduledAt <= now,
  }));
}

/** Everything a review's page shows; what may be changed only for its organiser and Region staff. */
export async function reviewDetail(
  db: PrismaClient,
  user: CommunityMember,
  reviewId: string,
  now = new Date(),
) {
  const review = await findReview(db, user, reviewId);
  const editable = canEdit(user, review);
  const items = await loadReviewItems(db, review.id);
  const onAgenda = new Set(items.map((item) => item.dossierId));
  const [candidates, invitable, invited] = await Promise.all([
    editable ? agendaCandidates(db) : [],
    editable ? invitableOrganisations(db, review) : [],
    invitedOrganisations(db, review),
  ]);
  return {
    review: {
      id: review.id,
      title: review.title,
      scheduledAt: review.scheduledAt,
      place: review.place,
      organiser: organiserName(review),
    },
    held: review.scheduledAt <= now,
    canEdit: editable,
    invited,
    items,
    // Ticked ones first, in the agenda's order, so that posting the form back keeps that order.
    candidates: [
      ...items.map((item) => ({
        id: item.dossierId,
        number: item.number,
        title: item.title,
        schemeName: item.schemeName,
        organisationName: item.organisationName,
        onAgenda: true,
      })),
      ...candidates
        .filter((dossier) => !onAgenda.has(dossier.id))
        .map((dossier) => ({
          id: dossier.id,
          number: dossier.number ?? "—",
          title: dossier.title,
          schemeName: dossier.scheme.name,
          organisationName: dossier.organisation.name,
          onAgenda: false,
        })),
    ],
    invitable,
  };
}

function agendaCandidates(db: PrismaClient) {
  return db.dossier.findMany({
    where: SHARED_DOSSIERS,
    select: {
      id: true,
      number: true,
      title: true,
      scheme: { select: { name: true } },
      organisation: { select: { name: true } },
    },
    orderBy: [{ number: "asc" }, { id: "asc" }],
  });
}

/**
 * Puts the ticked shared dossiers on the agenda, in the order given, and takes off the shared ones left
 * unticked. Items whose dossier is no longer shared are out of sight, so they are left as they are.
 */
export async function setReviewItems(
  db: PrismaClient,
  user: CommunityMember,
  input: { reviewId: string; dossierIds: string[]; now?: Date },
): Promise<number> {
  const review = await findEditableReview(db, user, input.reviewId);
  const parsed = reviewItemsSchema.safeParse({ dossierIds: input.dossierIds });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Liste de dossiers invalide.";
    throw new ProjectReviewError(message, 422, { dossierIds: message });
  }
  const dossierIds = [...new Set(parsed.data.dossierIds)];
  const shared = await db.dossier.findMany({
    where: { id: { in: dossierIds }, ...SHARED_DOSSIERS },
    select: { id: true },
  });
  if (shared.length !== dossierIds.length) {
    const message =
      "Un des dossiers cochés n’est pas (ou plus) partagé avec les financeurs : rechargez la page.";
    throw new ProjectReviewError(message, 422, { dossierIds: message });
  }
  await db.$transaction(async (tx) => {
    await auditFunderAct(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.projectReviewAgendaSet,
      targetType: "ProjectReview",
      targetId: review.id,
      details: { dossierIds },
      now: input.now ?? new Date(),
    });
    await tx.projectReviewItem.deleteMany({
      where: { reviewId: review.id, dossierId: { notIn: dossierIds }, dossier: SHARED_DOSSIERS },
    });
    const hidden = await tx.projectReviewItem.findMany({
      where: { reviewId: review.id, dossierId: { notIn: dossierIds } },
      select: { id: true },
      orderBy: { position: "asc" },
    });
    for (const [position, dossierId] of dossierIds.entries()) {
      await tx.projectReviewItem.upsert({
        where: { reviewId_dossierId: { reviewId: review.id, dossierId } },
        create: { reviewId: review.id, dossierId, position },
        update: { position },
      });
    }
    for (const [index, item] of hidden.entries()) {
      await tx.projectReviewItem.update({
        where: { id: item.id },
        data: { position: dossierIds.length + index },
      });
    }
  });
  return dossierIds.length;
}

/** The printed agenda, with the shared dossiers only and the positions their funders chose to share. */
export async function reviewAgendaPdf(
  db: PrismaClient,
  user: CommunityMember,
  reviewId: string,
  now: Date,
): Promise<{ fileName: string; pdf: Buffer }> {
  const review = await findReview(db, user, reviewId);
  const items = await loadReviewItems(db, review.id);
  const pdf = await renderProjectReviewAgenda({
    title: review.title,
    scheduledAt: review.scheduledAt,
    place: review.place,
    organiser: organiserName(review),
    invitedOrganisations: review.invitations.map((invitation) => invitation.funderOrganisation.name),
    items,
    createdAt: now,
  });
  return { fileName: `Revue de projets ${parisDay(review.scheduledAt)}.pdf`, pdf };
}
