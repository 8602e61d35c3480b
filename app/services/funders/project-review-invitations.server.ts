// Inviting organisations to a project review: the organisations offered (never the organiser's own, which
// takes part already), each with how many active members will receive the email, and the invitation itself,
// whose emails go through the outbox in the transaction that records it. An organisation without an active
// member can be invited, but the page says nobody there will be told.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDateTime } from "~/domain/format";
import { reviewInvitationsSchema } from "~/domain/project-review";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { portalUrl } from "~/services/dossiers/links.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { projectReviewInvitation } from "~emails/project-review-invitation";

import type { CommunityMember } from "./access.server";
import { auditFunderAct } from "./audit.server";
import {
  findEditableReview,
  organiserName,
  ProjectReviewError,
  type ReviewRow,
} from "./project-review-access.server";

/** The members an invitation reaches: active funder accounts of the organisation. */
const ACTIVE_MEMBERS: Prisma.UserWhereInput = { role: UserRole.FUNDER, deactivatedAt: null };

const MEMBER_COUNT = {
  id: true,
  name: true,
  _count: { select: { members: { where: ACTIVE_MEMBERS } } },
} satisfies Prisma.FunderOrganisationSelect;

export interface InvitedOrganisation {
  id: string;
  name: string;
  /** Active members, who receive the invitation's email. */
  activeMembers: number;
}

const withCount = (row: { id: string; name: string; _count: { members: number } }): InvitedOrganisation => ({
  id: row.id,
  name: row.name,
  activeMembers: row._count.members,
});

/** The organisations that may still be invited, the organiser's own left out, with their active members. */
export async function invitableOrganisations(
  db: PrismaClient,
  review: ReviewRow,
): Promise<InvitedOrganisation[]> {
  const invited = review.invitations.map((invitation) => invitation.funderOrganisation.id);
  const organiser = await db.user.findUnique({
    where: { id: review.organiserId },
    select: { funderOrganisationId: true },
  });
  const excluded = [...invited, ...(organiser?.funderOrganisationId ? [organiser.funderOrganisationId] : [])];
  const rows = await db.funderOrganisation.findMany({
    where: { id: { notIn: excluded } },
    select: MEMBER_COUNT,
    orderBy: { name: "asc" },
  });
  return rows.map(withCount);
}

/** The organisations invited, with the members each invitation reached (or would reach now). */
export async function invitedOrganisations(
  db: PrismaClient,
  review: ReviewRow,
): Promise<InvitedOrganisation[]> {
  const ids = review.invitations.map((invitation) => invitation.funderOrganisation.id);
  if (ids.length === 0) return [];
  const rows = await db.funderOrganisation.findMany({
    where: { id: { in: ids } },
    select: MEMBER_COUNT,
    orderBy: { name: "asc" },
  });
  return rows.map(withCount);
}

/**
 * Invites organisations; each active member of a newly invited one gets an email, sent after commit.
 * Returns how many organisations were newly invited and how many people were emailed.
 */
export async function inviteOrganisations(
  db: PrismaClient,
  user: CommunityMember,
  input: { reviewId: string; funderOrganisationIds: string[]; now: Date; appUrl: string },
): Promise<{ organisations: number; recipients: number }> {
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
  if (fresh.length === 0) return { organisations: 0, recipients: 0 };
  const url = portalUrl(input.appUrl, `/financeurs/revues/${review.id}`);
  const when = formatDateTime(review.scheduledAt);
  return db.$transaction(async (tx) => {
    await tx.projectReviewInvitation.createMany({
      data: fresh.map((organisation) => ({ reviewId: review.id, funderOrganisationId: organisation.id })),
      skipDuplicates: true,
    });
    const members = await tx.user.findMany({
      where: {
        ...ACTIVE_MEMBERS,
        funderOrganisationId: { in: fresh.map((organisation) => organisation.id) },
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
    await auditFunderAct(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.projectReviewInvited,
      targetType: "ProjectReview",
      targetId: review.id,
      details: {
        funderOrganisationIds: fresh.map((organisation) => organisation.id),
        organisations: fresh.map((organisation) => organisation.name),
        recipients: members.length,
      },
      now: input.now,
    });
    return { organisations: fresh.length, recipients: members.length };
  });
}
