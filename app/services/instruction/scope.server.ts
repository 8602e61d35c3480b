// Which dossiers a member of Region staff may see: admins every one, an instructor those of the schemes,
// departments and territories of their scope (InstructorScope).
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { fullName } from "~/domain/people";

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

/** The dossiers the actor may work: admins every one, instructors their scope. */
export async function staffScope(
  db: PrismaClient,
  actor: { id: string; role: UserRole },
): Promise<Prisma.DossierWhereInput> {
  return actor.role === UserRole.ADMIN ? {} : instructorScopeFilter(db, actor.id);
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
  return { admins: admins.map((admin) => ({ name: fullName(admin), email: admin.email })) };
}
