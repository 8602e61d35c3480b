// What an account may do: an instructor's scope, and deactivation (every session ends at once) or
// reactivation. Each change is audited in the transaction that makes it.
import { AUDIT_ACTIONS } from "~/domain/audit";
import type { InstructorScopeInput } from "~/domain/staff-accounts";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { formatDateTime } from "~/domain/format";
import { appUrl } from "~/env.server";
import { revokeAllSessions } from "~/services/accounts/sessions.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { secondFactorReset } from "~emails/second-factor-reset";

import { AccountAdminError, accountNotFound, OPEN_DOSSIER_STATUSES } from "./accounts.server";

type Client = PrismaClient | Prisma.TransactionClient;

/** Refuses department and territory codes the portal does not know (a tampered or outdated form). */
export async function checkScopeCodes(db: Client, scope: InstructorScopeInput) {
  const [departments, territories] = await Promise.all([
    db.department.count({ where: { code: { in: scope.departmentCodes }, inRegion: true } }),
    db.territory.count({ where: { code: { in: scope.territoryCodes } } }),
  ]);
  const errors: Record<string, string> = {};
  if (departments !== scope.departmentCodes.length) {
    errors.departmentCodes = "Un des départements choisis n’existe pas\u202f: rechargez la page.";
  }
  if (territories !== scope.territoryCodes.length) {
    errors.territoryCodes = "Un des territoires choisis n’existe pas\u202f: rechargez la page.";
  }
  if (Object.keys(errors).length > 0) throw new AccountAdminError(errors);
}

const scopeOf = (scope: InstructorScopeInput | null) =>
  scope
    ? { schemes: scope.schemes, departmentCodes: scope.departmentCodes, territoryCodes: scope.territoryCodes }
    : null;

export async function setInstructorScope(
  db: PrismaClient,
  input: { actorId: string; userId: string; scope: InstructorScopeInput; now: Date },
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { role: true, instructorScope: true },
  });
  if (!user) throw accountNotFound();
  if (user.role !== UserRole.INSTRUCTOR) {
    throw new AccountAdminError({ form: "Seuls les comptes d’instructeur·rice ont un périmètre." });
  }
  await checkScopeCodes(db, input.scope);
  const after = scopeOf(input.scope)!;
  await db.$transaction(async (tx) => {
    await tx.instructorScope.upsert({
      where: { userId: input.userId },
      create: { userId: input.userId, ...after },
      update: after,
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.userScopeUpdated,
        targetType: "User",
        targetId: input.userId,
        details: { before: scopeOf(user.instructorScope), after },
        createdAt: input.now,
      },
    });
  });
}

export async function deactivateAccount(
  db: PrismaClient,
  input: { actorId: string; userId: string; now: Date },
) {
  if (input.actorId === input.userId) {
    throw new AccountAdminError({
      form: "Vous ne pouvez pas désactiver votre propre compte\u202f: demandez-le à un·e autre administrateur·rice.",
    });
  }
  return db.$transaction(async (tx) => {
    // Only one of two simultaneous clicks deactivates, and audits, the account.
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, deactivatedAt: null },
      data: { deactivatedAt: input.now },
    });
    if (count === 0) {
      if (!(await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) {
        throw accountNotFound();
      }
      throw new AccountAdminError({ form: "Ce compte est déjà désactivé." }, 409);
    }
    const revokedSessions = await revokeAllSessions(tx, input.userId, input.now);
    const openAssignedDossiers = await tx.dossier.count({
      where: { assigneeId: input.userId, status: { in: OPEN_DOSSIER_STATUSES } },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.userDeactivated,
        targetType: "User",
        targetId: input.userId,
        details: { revokedSessions, openAssignedDossiers },
        createdAt: input.now,
      },
    });
    return { revokedSessions, openAssignedDossiers };
  });
}

export async function reactivateAccount(
  db: PrismaClient,
  input: { actorId: string; userId: string; now: Date },
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    });
    if (count === 0) {
      if (!(await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) {
        throw accountNotFound();
      }
      throw new AccountAdminError({ form: "Ce compte est déjà actif." }, 409);
    }
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.userReactivated,
        targetType: "User",
        targetId: input.userId,
        createdAt: input.now,
      },
    });
  });
}

/**
 * A person lost their authenticator: the admin clears it, its recovery codes and every session; the next
 * sign-in asks to enrol again (staff) or none (applicants). Audited, and emailed to the person.
 */
export async function resetSecondFactor(
  db: PrismaClient,
  input: { actorId: string; userId: string; now: Date },
) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw accountNotFound();
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: { not: null } },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (count === 0) {
      throw new AccountAdminError(
        { form: "Ce compte n’a pas de double authentification à réinitialiser." },
        409,
      );
    }
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const revokedSessions = await revokeAllSessions(tx, user.id, input.now);
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.secondFactorReset,
        targetType: "User",
        targetId: user.id,
        details: { revokedSessions },
        createdAt: input.now,
      },
    });
    await enqueueEmail(
      tx,
      {
        to: user.email,
        ...secondFactorReset({
          firstName: user.firstName,
          when: formatDateTime(input.now),
          signInUrl: appUrl("/connexion"),
        }),
      },
      { now: input.now },
    );
  });
}
