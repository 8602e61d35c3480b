// The follow-up queue's dossier conditions as one SQL condition on `d` ("Dossier"): the person's scope (as
// staffScope: admins every dossier, an instructor their InstructorScope, none without one), never a draft,
// and the filter's scheme, department, territory, assignee and search — word for word what queueWhere asks
// through Prisma (`contains` is Prisma's `LIKE '%' || $1 || '%'`, unescaped), so that every kind of line is
// counted and paged in one grouped query instead of one join of "Dossier" per kind.
import type { FollowUpFilter } from "~/domain/follow-up-queue";
import { siretDigits } from "~/domain/instruction-queue";
import { searchText } from "~/domain/search-text";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import type { QueueUser } from "~/services/instruction/queue.server";

/** `IN (...)` of parameters (an array parameter is not bound as one by every adapter). */
const among = (values: readonly string[], cast = Prisma.empty) =>
  Prisma.sql`IN (${Prisma.join(values.map((value) => Prisma.sql`${value}${cast}`))})`;

const contains = (column: Prisma.Sql, value: string) => Prisma.sql`${column} LIKE ('%' || ${value} || '%')`;

export async function followUpScopeSql(
  db: PrismaClient,
  user: QueueUser,
  filter: Pick<FollowUpFilter, "scheme" | "department" | "territory" | "assignee" | "q">,
): Promise<Prisma.Sql> {
  const conditions: Prisma.Sql[] = [Prisma.sql`d.status <> 'DRAFT'::"DossierStatus"`];
  if (user.role !== UserRole.ADMIN) {
    const scope = await db.instructorScope.findUnique({ where: { userId: user.id } });
    if (!scope) return Prisma.sql`FALSE`;
    if (scope.schemes.length)
      conditions.push(Prisma.sql`d."schemeCode" ${among(scope.schemes, Prisma.sql`::"SchemeCode"`)}`);
    if (scope.departmentCodes.length)
      conditions.push(Prisma.sql`d."departmentCode" ${among(scope.departmentCodes)}`);
    if (scope.territoryCodes.length)
      conditions.push(
        Prisma.sql`d."territoryId" IN (SELECT t.id FROM "Territory" t WHERE t.code ${among(scope.territoryCodes)})`,
      );
  }
  if (filter.scheme) conditions.push(Prisma.sql`d."schemeCode" = ${filter.scheme}::"SchemeCode"`);
  if (filter.department) conditions.push(Prisma.sql`d."departmentCode" = ${filter.department}`);
  if (filter.territory)
    conditions.push(
      Prisma.sql`d."territoryId" IN (SELECT t.id FROM "Territory" t WHERE t.code = ${filter.territory})`,
    );
  if (filter.assignee === "moi") conditions.push(Prisma.sql`d."assigneeId" = ${user.id}`);
  else if (filter.assignee === "aucun") conditions.push(Prisma.sql`d."assigneeId" IS NULL`);
  else if (filter.assignee) conditions.push(Prisma.sql`d."assigneeId" = ${filter.assignee}`);
  if (filter.q) {
    const digits = siretDigits(filter.q);
    const text = searchText(filter.q);
    const organisation = [contains(Prisma.sql`o."searchName"`, text)];
    if (digits) organisation.push(contains(Prisma.sql`o.siret`, digits));
    conditions.push(Prisma.sql`(d.number ILIKE ('%' || ${filter.q.trim()} || '%')
      OR EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = d."organisationId" AND (${Prisma.join(organisation, " OR ")}))
      OR ${contains(Prisma.sql`d."searchTitle"`, text)})`);
  }
  return Prisma.join(conditions, " AND ");
}
