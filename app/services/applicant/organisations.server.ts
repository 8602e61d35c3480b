// Applicant organisations and who may act for them. Every use case checks the caller's membership first:
// someone outside the organisation learns nothing (404), a plain member cannot manage it (403).
import { forbidden, notFound, UserError } from "~/domain/user-error";
import type { OrganisationInput } from "~/domain/organisation-schema";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { MembershipRole } from "~/generated/prisma/enums";

export type OrganisationsDb = PrismaClient;
type Tx = Prisma.TransactionClient;

/** A refusal the user can understand and act on; `field` names the form field it belongs to. */
export class OrganisationError extends UserError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, { fieldErrors: field ? { [field]: message } : {} });
    this.name = "OrganisationError";
  }
}

export const DUPLICATE_SIRET_MESSAGE =
  "Une organisation avec ce numéro SIRET existe déjà sur le portail. Demandez à son responsable de vous inviter.";
export const LAST_OWNER_MESSAGE =
  "Impossible de retirer le dernier ou la dernière responsable : nommez d’abord un·e autre responsable.";

/**
 * The caller's membership of the organisation. Not a member (or no such organisation): 404, so the
 * existence of an organisation is never revealed. Member without the required role: 403.
 */
export async function requireMembership(
  db: OrganisationsDb | Tx,
  userId: string,
  organisationId: string,
  role?: MembershipRole,
) {
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
  });
  if (!membership) throw notFound("Organisation introuvable.");
  if (role === MembershipRole.OWNER && membership.role !== MembershipRole.OWNER) {
    throw forbidden("Seul·es les responsables de l’organisation peuvent faire cette action.");
  }
  return membership;
}

function organisationData(input: OrganisationInput) {
  return {
    name: input.name,
    legalForm: input.legalForm,
    siret: input.siret,
    rnaNumber: input.rnaNumber,
    esusApproved: input.esusApproved,
    esusApprovalDate: input.esusApprovalDate,
    addressLine: input.addressLine,
    postcode: input.postcode,
    city: input.city,
    legalRepresentativeName: input.legalRepresentativeName,
    legalRepresentativeRole: input.legalRepresentativeRole,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    iban: input.iban,
    bic: input.bic,
  };
}

/** The department row, when the reference data has it (outside-region departments may not be seeded). */
async function knownDepartmentCode(tx: Tx, code: string | null): Promise<string | null> {
  if (!code) return null;
  const department = await tx.department.findUnique({ where: { code }, select: { code: true } });
  return department?.code ?? null;
}

async function assertSiretFree(tx: Tx, siret: string | null, exceptId?: string) {
  if (!siret) return;
  const existing = await tx.organisation.findUnique({ where: { siret }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new OrganisationError(DUPLICATE_SIRET_MESSAGE, "siret");
}

/** Prisma's unique-constraint error, raised when two people register the same SIRET at the same instant. */
function isSiretConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "P2002")
    return false;
  return JSON.stringify(error).includes("siret");
}

/** Creates the organisation; its creator becomes its first owner. */
export async function createOrganisation(db: OrganisationsDb, userId: string, input: OrganisationInput) {
  try {
    return await db.$transaction(async (tx) => {
      await assertSiretFree(tx, input.siret);
      return tx.organisation.create({
        data: {
          ...organisationData(input),
          departmentCode: await knownDepartmentCode(tx, input.departmentCode),
          memberships: { create: { userId, role: MembershipRole.OWNER } },
        },
      });
    });
  } catch (error) {
    if (isSiretConflict(error)) throw new OrganisationError(DUPLICATE_SIRET_MESSAGE, "siret");
    throw error;
  }
}

/** Updates the profile; owners only. */
export async function updateOrganisation(
  db: OrganisationsDb,
  userId: string,
  organisationId: string,
  input: OrganisationInput,
) {
  try {
    return await db.$transaction(async (tx) => {
      await requireMembership(tx, userId, organisationId, MembershipRole.OWNER);
      await assertSiretFree(tx, input.siret, organisationId);
      return tx.organisation.update({
        where: { id: organisationId },
        data: {
          ...organisationData(input),
          departmentCode: await knownDepartmentCode(tx, input.departmentCode),
        },
      });
    });
  } catch (error) {
    if (isSiretConflict(error)) throw new OrganisationError(DUPLICATE_SIRET_MESSAGE, "siret");
    throw error;
  }
}

/** The organisation and the caller's role in it (404 for a non-member). */
export async function getOrganisationForMember(db: OrganisationsDb, userId: string, organisationId: string) {
  const membership = await requireMembership(db, userId, organisationId);
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    include: { department: true },
  });
  return { organisation, role: membership.role };
}

/** The organisations the user belongs to, with their role, by name. */
export async function listUserOrganisations(db: OrganisationsDb, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { organisation: { select: { id: true, name: true, legalForm: true, city: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return memberships.map(({ organisation, role }) => ({ ...organisation, role }));
}

/** Members of the organisation, owners first; any member may see them. */
export async function listMembers(db: OrganisationsDb, userId: string, organisationId: string) {
  await requireMembership(db, userId, organisationId);
  const members = await db.membership.findMany({
    where: { organisationId },
    include: { user: { select: { id: true, email: true, firstName: true, lastName: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((membership) => ({
    membershipId: membership.id,
    userId: membership.user.id,
    email: membership.user.email,
    firstName: membership.user.firstName,
    lastName: membership.user.lastName,
    role: membership.role,
    since: membership.createdAt,
  }));
}

/**
 * Removes a member; owners only. The organisation row is locked first so that two owners removing each
 * other at the same time cannot leave it without any owner.
 */
export async function removeMember(
  db: OrganisationsDb,
  {
    organisationId,
    actorId,
    memberUserId,
  }: { organisationId: string; actorId: string; memberUserId: string },
) {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
    await requireMembership(tx, actorId, organisationId, MembershipRole.OWNER);
    const target = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: memberUserId, organisationId } },
    });
    if (!target) throw new OrganisationError("Cette personne n’est pas membre de l’organisation.");
    if (target.role === MembershipRole.OWNER) {
      const owners = await tx.membership.count({ where: { organisationId, role: MembershipRole.OWNER } });
      if (owners <= 1) throw new OrganisationError(LAST_OWNER_MESSAGE);
    }
    await tx.membership.delete({ where: { id: target.id } });
  });
}
