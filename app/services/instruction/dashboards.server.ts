// What each role sees on its home page. Callers have already checked the role.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";

export async function applicantHome(db: PrismaClient, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { organisation: { select: { id: true, name: true, legalForm: true, departmentCode: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  const dossiers = await db.dossier.findMany({
    where: { organisationId: { in: memberships.map((membership) => membership.organisationId) } },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      requestedAmountCents: true,
      updatedAt: true,
      scheme: { select: { name: true } },
      organisation: { select: { name: true } },
      correctionRequests: {
        where: { status: "OPEN" },
        select: { replyBy: true },
        orderBy: { replyBy: "asc" },
        take: 1,
      },
    },
    // What needs the applicant first: corrections to answer, then drafts, then the rest.
    orderBy: { updatedAt: "desc" },
  });
  return { memberships, dossiers };
}

/** The dossiers an instructor may see: empty scope lists mean "all"; no scope at all means none. */
export async function instructorScopeFilter(
  db: PrismaClient,
  userId: string,
): Promise<Prisma.DossierWhereInput> {
  const scope = await db.instructorScope.findUnique({ where: { userId } });
  if (!scope) return { id: "__aucun__" };
  return {
    ...(scope.schemes.length ? { schemeCode: { in: scope.schemes } } : {}),
    ...(scope.departmentCodes.length ? { departmentCode: { in: scope.departmentCodes } } : {}),
    ...(scope.territoryCodes.length ? { territory: { code: { in: scope.territoryCodes } } } : {}),
  };
}

/**
 * An instructor whose scope nobody has set sees no dossier at all: they are told so, and who sets it (the
 * portal's active admins), rather than « no dossier matches the filter ».
 */
export async function scopeNotSet(db: PrismaClient, user: { id: string; role: UserRole }) {
  if (user.role !== UserRole.INSTRUCTOR) return null;
  if ((await db.instructorScope.count({ where: { userId: user.id } })) > 0) return null;
  const admins = await db.user.findMany({
    where: { role: UserRole.ADMIN, deactivatedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { firstName: true, lastName: true, email: true },
    take: 3,
  });
  return {
    admins: admins.map((admin) => ({ name: `${admin.firstName} ${admin.lastName}`, email: admin.email })),
  };
}
