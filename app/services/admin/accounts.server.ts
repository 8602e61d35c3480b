// The accounts an administrator sees: the filtered list, one account in full, and the choices of the
// invitation and scope forms. Changes live beside it (account-invitations, account-access).
import {
  ACCOUNT_PAGE_SIZE,
  isInvitationPending,
  PENDING_PASSWORD_PREFIX,
  type AccountListFilter,
  type ScopeNames,
} from "~/domain/staff-accounts";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";
import { notFound, UserError } from "~/domain/user-error";

/** Refusals an administrator can fix, by field of the form (French messages). */
export class AccountAdminError extends UserError {
  constructor(fieldErrors: Record<string, string>, status = 400) {
    super(Object.values(fieldErrors).join(" "), { status, fieldErrors });
    this.name = "AccountAdminError";
  }
}

export const accountNotFound = () => notFound("Ce compte est introuvable.");

/** The dossiers still being worked: what a deactivated assignee would leave stranded. */
export const OPEN_DOSSIER_STATUSES: DossierStatus[] = [
  DossierStatus.FILED,
  DossierStatus.UNDER_INSTRUCTION,
  DossierStatus.CORRECTION_REQUESTED,
  DossierStatus.PROPOSED,
];

function listWhere(filter: AccountListFilter): Prisma.UserWhereInput {
  const conditions: Prisma.UserWhereInput[] = [];
  if (filter.role) conditions.push({ role: filter.role });
  if (filter.state === "desactives") conditions.push({ deactivatedAt: { not: null } });
  if (filter.state === "actifs") {
    conditions.push({ deactivatedAt: null, NOT: { passwordHash: { startsWith: PENDING_PASSWORD_PREFIX } } });
  }
  if (filter.state === "invitations") {
    conditions.push({ deactivatedAt: null, passwordHash: { startsWith: PENDING_PASSWORD_PREFIX } });
  }
  // « Camille Martin » finds her: every word must be in her first name, last name or address.
  for (const word of filter.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    conditions.push({
      OR: [
        { firstName: { contains: word, mode: "insensitive" } },
        { lastName: { contains: word, mode: "insensitive" } },
        { email: { contains: word, mode: "insensitive" } },
      ],
    });
  }
  return { AND: conditions };
}

export async function listAccounts(db: PrismaClient, filter: AccountListFilter) {
  const where = listWhere(filter);
  const [total, byRole] = await Promise.all([
    db.user.count({ where }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    skip: (page - 1) * ACCOUNT_PAGE_SIZE,
    take: ACCOUNT_PAGE_SIZE,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      role: true,
      deactivatedAt: true,
      passwordHash: true,
      funderOrganisation: { select: { name: true } },
    },
  });
  const roleCounts = Object.fromEntries(
    Object.values(UserRole).map((role) => [role, byRole.find((row) => row.role === role)?._count._all ?? 0]),
  ) as Record<UserRole, number>;
  return {
    total,
    page,
    pageCount,
    roleCounts,
    accounts: users.map(({ passwordHash, funderOrganisation, ...user }) => ({
      ...user,
      invitationPending: isInvitationPending(passwordHash),
      funderOrganisationName: funderOrganisation?.name ?? null,
    })),
  };
}

/** One account in full for its admin page; a 404 Response when the id is unknown. */
export async function getAccount(db: PrismaClient, userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      role: true,
      createdAt: true,
      emailVerifiedAt: true,
      deactivatedAt: true,
      totpEnabledAt: true,
      passwordHash: true,
      funderOrganisation: { select: { id: true, name: true } },
      instructorScope: { select: { schemes: true, departmentCodes: true, territoryCodes: true } },
      memberships: {
        orderBy: { organisation: { name: "asc" } },
        select: { role: true, organisation: { select: { id: true, name: true, city: true } } },
      },
    },
  });
  if (!user) throw accountNotFound();
  const [lastSeen, openAssigned, invitation] = await Promise.all([
    db.session.aggregate({ where: { userId }, _max: { lastSeenAt: true } }),
    db.dossier.count({ where: { assigneeId: userId, status: { in: OPEN_DOSSIER_STATUSES } } }),
    db.userToken.findFirst({
      where: { userId, purpose: "ACCOUNT_INVITATION", usedAt: null },
      orderBy: { createdAt: "desc" },
      select: { expiresAt: true },
    }),
  ]);
  const { passwordHash, ...account } = user;
  const invitationPending = isInvitationPending(passwordHash);
  return {
    ...account,
    lastSeenAt: lastSeen._max.lastSeenAt,
    openAssignedDossiers: openAssigned,
    invitationPending,
    invitationExpiresAt: invitationPending ? (invitation?.expiresAt ?? null) : null,
    invitationExpired: invitationPending && (!invitation || invitation.expiresAt <= now),
  };
}

export type AdminAccount = Awaited<ReturnType<typeof getAccount>>;

/** The choices of the scope form, and the names that describe a scope. */
export async function scopeOptions(db: PrismaClient) {
  const [schemes, departments, territories] = await Promise.all([
    db.scheme.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
    db.department.findMany({
      where: { inRegion: true },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.territory.findMany({
      select: { code: true, name: true, departmentCode: true, active: true },
      orderBy: [{ departmentCode: "asc" }, { name: "asc" }],
    }),
  ]);
  const names: ScopeNames = {
    schemes: Object.fromEntries(schemes.map((row) => [row.code, row.name])),
    departments: Object.fromEntries(departments.map((row) => [row.code, row.name])),
    territories: Object.fromEntries(territories.map((row) => [row.code, row.name])),
  };
  return { schemes, departments, territories, names };
}

export type ScopeOptions = Awaited<ReturnType<typeof scopeOptions>>;

/** The funder organisations an invited funder member may join. */
export async function funderOrganisationChoices(db: PrismaClient) {
  return db.funderOrganisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
