// The CRST territories as the admin manages them: the list by department with who instructs each one's
// A VOS ID dossiers, creating a territory, editing it, taking it out of (or back into) the choices offered
// to new dossiers. Every change is written to the audit log in the same transaction.
import { fullName } from "~/domain/people";
import { AUDIT_ACTIONS } from "~/domain/audit";
import { scopeCoversTerritory, type NewTerritory, type TerritoryFields } from "~/domain/territories";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { notFound, UserError } from "~/domain/user-error";

export interface AdminActor {
  id: string;
}

/** A refusal the admin can fix; `fieldErrors` are shown next to the fields of the form. */
export class TerritoryError extends UserError {
  constructor(message: string, status: number, fieldErrors: Record<string, string> = {}) {
    super(message, { status, fieldErrors });
    this.name = "TerritoryError";
  }
}

const missing = () => notFound("Ce territoire est introuvable.");

const codeTaken = (code: string) =>
  new TerritoryError("Ce code est déjà pris.", 400, {
    code: `Le code « ${code} » est déjà celui d’un autre territoire\u202f: choisissez-en un autre.`,
  });

const TERRITORY_SELECT = {
  id: true,
  code: true,
  name: true,
  kind: true,
  departmentCode: true,
  leaderGroup: true,
  active: true,
  _count: { select: { dossiers: true } },
} satisfies Prisma.TerritorySelect;

type TerritoryRow = Prisma.TerritoryGetPayload<{ select: typeof TERRITORY_SELECT }>;

/** The active instructors and their scopes: whom a territory's dossiers can reach. */
async function activeInstructors(db: PrismaClient) {
  const users = await db.user.findMany({
    where: { role: UserRole.INSTRUCTOR, deactivatedAt: null, instructorScope: { isNot: null } },
    select: { id: true, firstName: true, lastName: true, email: true, instructorScope: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return users.map(({ instructorScope, ...user }) => ({ ...user, scope: instructorScope! }));
}

type Instructor = Awaited<ReturnType<typeof activeInstructors>>[number];

function withCoverage(territory: TerritoryRow, instructors: readonly Instructor[]) {
  const { _count, ...fields } = territory;
  return {
    ...fields,
    dossierCount: _count.dossiers,
    instructors: instructors
      .filter((instructor) => scopeCoversTerritory(instructor.scope, territory))
      .map((instructor) => ({ id: instructor.id, name: fullName(instructor), email: instructor.email })),
  };
}

export type AdminTerritory = ReturnType<typeof withCoverage>;

/** Every territory, grouped by department of the region (departments in code order). */
export async function listTerritoriesByDepartment(db: PrismaClient) {
  const [departments, territories, instructors] = await Promise.all([
    regionDepartments(db),
    db.territory.findMany({
      select: TERRITORY_SELECT,
      orderBy: [{ departmentCode: "asc" }, { name: "asc" }],
    }),
    activeInstructors(db),
  ]);
  return departments.map((department) => ({
    ...department,
    territories: territories
      .filter((territory) => territory.departmentCode === department.code)
      .map((territory) => withCoverage(territory, instructors)),
  }));
}

export async function getTerritory(db: PrismaClient, id: string): Promise<AdminTerritory> {
  const [territory, instructors] = await Promise.all([
    db.territory.findUnique({ where: { id }, select: TERRITORY_SELECT }),
    activeInstructors(db),
  ]);
  if (!territory) throw missing();
  return withCoverage(territory, instructors);
}

/** The region's departments, for the form's choices. */
export function regionDepartments(db: PrismaClient) {
  return db.department.findMany({
    where: { inRegion: true },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export async function createTerritory(
  db: PrismaClient,
  input: { actor: AdminActor; values: NewTerritory; now: Date },
) {
  const { values, actor, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.territory.findUnique({ where: { code: values.code }, select: { id: true } })) {
        throw codeTaken(values.code);
      }
      const territory = await tx.territory.create({ data: values, select: { id: true, code: true } });
      await tx.auditLog.create({
        data: {
          actorId: actor.id,
          action: AUDIT_ACTIONS.territoryCreated,
          targetType: "Territory",
          targetId: territory.id,
          details: { ...values },
          createdAt: now,
        },
      });
      return territory;
    });
  } catch (error) {
    // Two admins creating the same code at once: the second is told, as if it had been there before.
    if (isUniqueViolation(error)) throw codeTaken(values.code);
    throw error;
  }
}

type Change = { before: unknown; after: unknown };

/** The fields an edit changes, each with its value before and after. */
function changesOf(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, Change> = {};
  for (const [field, value] of Object.entries(after)) {
    if (before[field] !== value) changes[field] = { before: before[field], after: value };
  }
  return changes;
}

async function auditUpdate(
  tx: Prisma.TransactionClient,
  actor: AdminActor,
  territory: { id: string; code: string },
  changes: Record<string, Change>,
  now: Date,
) {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      action: AUDIT_ACTIONS.territoryUpdated,
      targetType: "Territory",
      targetId: territory.id,
      details: { code: territory.code, changes } as Prisma.InputJsonObject,
      createdAt: now,
    },
  });
}

/** Saves the edited fields; returns whether anything changed (nothing is written, nor audited, if not). */
export async function updateTerritory(
  db: PrismaClient,
  input: { actor: AdminActor; id: string; values: TerritoryFields; now: Date },
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const current = await tx.territory.findUnique({ where: { id: input.id } });
    if (!current) throw missing();
    const changes = changesOf(current, input.values);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.territory.update({ where: { id: current.id }, data: input.values });
    await auditUpdate(tx, input.actor, current, changes, input.now);
    return { changed: true };
  });
}

/**
 * Takes a territory out of the choices offered to new dossiers, or puts it back. The dossiers that name it
 * keep it, and so do the scopes: reactivating it restores the routing as it was.
 */
export async function setTerritoryActive(
  db: PrismaClient,
  input: { actor: AdminActor; id: string; active: boolean; now: Date },
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const current = await tx.territory.findUnique({ where: { id: input.id } });
    if (!current) throw missing();
    if (current.active === input.active) return { changed: false };
    await tx.territory.update({ where: { id: current.id }, data: { active: input.active } });
    await auditUpdate(
      tx,
      input.actor,
      current,
      { active: { before: current.active, after: input.active } },
      input.now,
    );
    return { changed: true };
  });
}
