// Who may see and edit a project review, and how a review and its dossiers are read: shared by the review's
// use cases (project-reviews.server.ts) and its printed agenda.
import { fullName } from "~/domain/people";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { reviewItem } from "~/domain/project-review";
import { UserRole } from "~/generated/prisma/enums";

import { DossierError } from "~/services/applicant/dossiers.server";
import { isCommunityMember, SHARED_DOSSIERS, type CommunityMember } from "./access.server";

/** A refusal the member can act on; `fieldErrors` are shown next to the fields of the form. */
export class ProjectReviewError extends DossierError {
  constructor(message: string, status = 400, fieldErrors: Record<string, string> = {}) {
    super(message, status, fieldErrors);
    this.name = "ProjectReviewError";
  }
}

export const NOT_FOUND = "Revue de projets introuvable.";
export const EDIT_REFUSED =
  "Seul l’organisateur de la revue ou le service instructeur de la Région peut la modifier.";

export const isStaff = (user: CommunityMember) =>
  user.role === UserRole.INSTRUCTOR || user.role === UserRole.ADMIN;

export function requireMember(user: CommunityMember): void {
  if (!isCommunityMember(user))
    throw new ProjectReviewError("Accès réservé à la communauté des financeurs.", 403);
}

/** The reviews a member may see: staff every one; a funder those of their organisation or inviting it. */
export function visibleReviews(user: CommunityMember): Prisma.ProjectReviewWhereInput {
  if (isStaff(user)) return {};
  const organisationId = user.funderOrganisationId ?? "-";
  return {
    OR: [
      { organiserId: user.id },
      { organiser: { funderOrganisationId: organisationId } },
      { invitations: { some: { funderOrganisationId: organisationId } } },
    ],
  };
}

export const REVIEW_SELECT = {
  id: true,
  title: true,
  scheduledAt: true,
  place: true,
  organiserId: true,
  organiser: {
    select: { firstName: true, lastName: true, funderOrganisation: { select: { name: true } } },
  },
  invitations: {
    select: { funderOrganisation: { select: { id: true, name: true } } },
    orderBy: { funderOrganisation: { name: "asc" } },
  },
} satisfies Prisma.ProjectReviewSelect;

export type ReviewRow = Prisma.ProjectReviewGetPayload<{ select: typeof REVIEW_SELECT }>;

/** « Sophie Lefèvre (France Active) », or « (Région Centre-Val de Loire) » for Region staff. */
export function organiserName(review: ReviewRow): string {
  const { funderOrganisation } = review.organiser;
  return `${fullName(review.organiser)} (${funderOrganisation?.name ?? "Région Centre-Val de Loire"})`;
}

export const ITEM_SELECT = {
  minutes: true,
  dossier: {
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      schemeCode: true,
      answers: true,
      requestedAmountCents: true,
      proposedAmountCents: true,
      grantedAmountCents: true,
      totalBudgetCents: true,
      departmentCode: true,
      department: { select: { name: true } },
      scheme: { select: { name: true } },
      organisation: { select: { name: true } },
      budgetLines: {
        where: { side: "RESOURCE" },
        select: { side: true, category: true, label: true, amountCents: true },
        orderBy: { position: "asc" },
      },
      // Only shared positions, for every reader: the review is the community's, not one organisation's.
      pledges: {
        where: { sharedAt: { not: null } },
        select: {
          status: true,
          instrument: true,
          amountCents: true,
          funderOrganisation: { select: { name: true, kind: true } },
        },
        orderBy: { funderOrganisation: { name: "asc" } },
      },
    },
  },
} satisfies Prisma.ProjectReviewItemSelect;

/** The review's dossiers still shared by their holders, in the agenda's order. */
export async function loadReviewItems(db: PrismaClient, reviewId: string) {
  const rows = await db.projectReviewItem.findMany({
    where: { reviewId, dossier: SHARED_DOSSIERS },
    select: ITEM_SELECT,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map(reviewItem);
}

export async function findReview(db: PrismaClient, user: CommunityMember, reviewId: string) {
  requireMember(user);
  const review = await db.projectReview.findFirst({
    where: { AND: [{ id: reviewId }, visibleReviews(user)] },
    select: REVIEW_SELECT,
  });
  if (!review) throw new ProjectReviewError(NOT_FOUND, 404);
  return review;
}

export const canEdit = (user: CommunityMember, review: { organiserId: string }) =>
  isStaff(user) || review.organiserId === user.id;

export async function findEditableReview(db: PrismaClient, user: CommunityMember, reviewId: string) {
  const review = await findReview(db, user, reviewId);
  if (!canEdit(user, review)) throw new ProjectReviewError(EDIT_REFUSED, 403);
  return review;
}
