// What the funders' community may see, in one place: a dossier only while its holder shares it (consent is
// checked on every request, so revoking hides it at once), never a draft, never instructors' notes, the
// applicants' messages or bank details. Every funder view of a dossier is written to the audit log.
import { AUDIT_ACTIONS } from "~/domain/audit";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";
import { forbidden, notFound } from "~/domain/user-error";

/** Who asks: a funder member (with their organisation), or Region staff, who see the community's work too. */
export interface CommunityMember {
  id: string;
  role: UserRole;
  funderOrganisationId: string | null;
}

/** The dossiers the funders' community sees: shared by their holder and filed. */
export const SHARED_DOSSIERS: Prisma.DossierWhereInput = {
  sharedWithFunders: true,
  status: { not: DossierStatus.DRAFT },
};

/** Only funder members with an organisation, instructors and admins take part in the community. */
export function isCommunityMember(user: CommunityMember): boolean {
  if (user.role === UserRole.FUNDER) return user.funderOrganisationId !== null;
  return user.role === UserRole.INSTRUCTOR || user.role === UserRole.ADMIN;
}

/**
 * The shared dossier for a member of the community, or a 404 Response: an unshared dossier, a draft and an
 * unknown id are answered alike, so a guessed address tells nothing. Never selects notes, messages or IBAN.
 */
export async function getSharedDossier(db: PrismaClient, user: CommunityMember, dossierId: string) {
  if (!isCommunityMember(user)) throw forbidden("Accès réservé à la communauté des financeurs.");
  const dossier = await db.dossier.findFirst({
    where: { id: dossierId, ...SHARED_DOSSIERS },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      schemeCode: true,
      requestedAmountCents: true,
      proposedAmountCents: true,
      grantedAmountCents: true,
      totalBudgetCents: true,
      departmentCode: true,
      jobsCreatedFte: true,
      jobsConsolidatedFte: true,
      capAssoSector: true,
      employeeAssociatesCount: true,
      filedAt: true,
      decidedAt: true,
      sharedAt: true,
      answers: true,
      scheme: { select: { name: true } },
      territory: { select: { name: true, code: true } },
      department: { select: { name: true } },
      organisation: {
        select: {
          id: true,
          name: true,
          legalForm: true,
          city: true,
          postcode: true,
          departmentCode: true,
          siret: true,
        },
      },
      budgetLines: {
        orderBy: [{ side: "asc" }, { position: "asc" }],
        select: { side: true, category: true, label: true, amountCents: true },
      },
    },
  });
  if (!dossier) throw notFound("Dossier introuvable ou non partagé avec les financeurs.");
  return dossier;
}

/** Records that a funder member opened a shared dossier (Region staff views are not funder views). */
export async function recordFunderView(
  db: PrismaClient,
  user: CommunityMember,
  dossierId: string,
  ip: string | null,
  now = new Date(),
): Promise<void> {
  if (user.role !== UserRole.FUNDER) return;
  await db.auditLog.create({
    data: {
      actorId: user.id,
      action: AUDIT_ACTIONS.funderDossierViewed,
      targetType: "Dossier",
      targetId: dossierId,
      details: { funderOrganisationId: user.funderOrganisationId },
      ip,
      createdAt: now,
    },
  });
}

/**
 * The positions (interest, pledges) a member may read on a dossier: every organisation's shared ones, plus
 * their own organisation's drafts. Another organisation's draft is never returned.
 */
export function visiblePledges(user: CommunityMember): Prisma.FunderPledgeWhereInput {
  return user.funderOrganisationId
    ? { OR: [{ sharedAt: { not: null } }, { funderOrganisationId: user.funderOrganisationId }] }
    : { sharedAt: { not: null } };
}
