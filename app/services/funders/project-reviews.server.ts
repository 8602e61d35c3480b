// Project reviews among funders and the Region: a member of the community plans one, puts shared dossiers
// on it, invites organisations (their members are emailed through the outbox) and, once it has been held,
// writes its minutes. A review is seen by its organiser's organisation, the invited ones and Region staff;
// anyone else gets the same 404 as for an unknown id. Dossiers whose holder stopped sharing drop out of
// what is shown and printed at once, but their rows are kept, so sharing again brings them back.
import { formatDateTime } from "~/domain/format";
import { parisDay } from "~/domain/paris-time";
import {
  REVIEW_PLACE_MAX,
  REVIEW_TITLE_MAX,
  reviewInvitationsSchema,
  reviewItemsSchema,
} from "~/domain/project-review";
import type { PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { renderProjectReviewAgenda } from "~/pdf/project-review-agenda.server";
import { projectReviewInvitation } from "~emails/project-review-invitation";

import { SHARED_DOSSIERS, type CommunityMember } from "./access.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
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
import { portalUrl } from "~/services/dossiers/links.server";

export { ProjectReviewError };

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
  if (Number.isNaN(input.scheduledAt.getTime()) || input.scheduledAt <= input.now)
    fieldErrors.date = "La revue doit être prévue à une date et une heure à venir.";
  if (Object.keys(fieldErrors).length > 0)
    throw new ProjectReviewError("Le formulaire contient des erreurs.", 422, fieldErrors);
  return db.projectReview.create({
    data: { title, place, scheduledAt: input.scheduledAt, organiserId: user.id },
    select: { id: true },
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
  const invitedIds = new Set(review.invitations.map((invitation) => invitation.funderOrganisation.id));
  const onAgenda = new Set(items.map((item) => item.dossierId));
  const [candidates, organisations] = editable
    ? await Promise.all([
        db.dossier.findMany({
          where: SHARED_DOSSIERS,
          select: {
            id: true,
            number: true,
            title: true,
            scheme: { select: { name: true } },
            organisation: { select: { name: true } },
          },
          orderBy: [{ number: "asc" }, { id: "asc" }],
        }),
        db.funderOrganisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
      ])
    : [[], []];
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
    invited: review.invitations.map((invitation) => invitation.funderOrganisation),
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
    invitable: organisations.filter((organisation) => !invitedIds.has(organisation.id)),
  };
}

/**
 * Puts the ticked shared dossiers on the agenda, in the order given, and takes off the shared ones left
 * unticked. Items whose dossier is no longer shared are out of sight, so they are left as they are.
 */
export async function setReviewItems(
  db: PrismaClient,
  user: CommunityMember,
  input: { reviewId: string; dossierIds: string[] },
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

/** Invites organisations; each active member of a newly invited one gets an email, sent after commit. */
export async function inviteOrganisations(
  db: PrismaClient,
  user: CommunityMember,
  input: { reviewId: string; funderOrganisationIds: string[]; now: Date; appUrl: string },
): Promise<number> {
  const review = await findEditableReview(db, user, input.reviewId);
  if (review.scheduledAt <= input.now)
    throw new ProjectReviewError("Cette revue a déjà eu lieu : il n’est plus possible d’y inviter.", 409);
  const parsed = reviewInvitationsSchema.safeParse({ funderOrganisationIds: input.funderOrganisationIds });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Liste d’organisations invalide.";
    throw new ProjectReviewError(message, 422, { funderOrganisationIds: message });
  }
  const ids = [...new Set(parsed.data.funderOrganisationIds)];
  const organisations = await db.funderOrganisation.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  if (organisations.length !== ids.length) {
    const message = "Une des organisations cochées n’existe plus : rechargez la page.";
    throw new ProjectReviewError(message, 422, { funderOrganisationIds: message });
  }
  const already = new Set(review.invitations.map((invitation) => invitation.funderOrganisation.id));
  const fresh = organisations.filter((organisation) => !already.has(organisation.id));
  if (fresh.length === 0) return 0;
  const url = portalUrl(input.appUrl, `/financeurs/revues/${review.id}`);
  const when = formatDateTime(review.scheduledAt);
  await db.$transaction(async (tx) => {
    await tx.projectReviewInvitation.createMany({
      data: fresh.map((organisation) => ({ reviewId: review.id, funderOrganisationId: organisation.id })),
      skipDuplicates: true,
    });
    const members = await tx.user.findMany({
      where: {
        funderOrganisationId: { in: fresh.map((organisation) => organisation.id) },
        role: UserRole.FUNDER,
        deactivatedAt: null,
        id: { not: user.id },
      },
      select: { email: true, firstName: true, funderOrganisationId: true },
      orderBy: { email: "asc" },
    });
    for (const member of members) {
      const organisation = fresh.find((candidate) => candidate.id === member.funderOrganisationId)!;
      const email = projectReviewInvitation({
        firstName: member.firstName,
        organiser: organiserName(review),
        title: review.title,
        when,
        place: review.place,
        organisationName: organisation.name,
        url,
      });
      await enqueueEmail(tx, { ...email, to: member.email }, { now: input.now });
    }
  });
  return fresh.length;
}

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
  await db.$transaction(
    entries.map(([dossierId, text]) =>
      db.projectReviewItem.update({
        where: { id: byDossier.get(dossierId)! },
        data: { minutes: text.trim() ? text.trim() : null },
      }),
    ),
  );
  return entries.length;
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
