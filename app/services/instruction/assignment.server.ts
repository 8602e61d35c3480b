// Entrusting dossiers to an instructor (from the queue, several at once, or from the dossier view): all or
// nothing, each change on the dossier's timeline, and one notification per batch for the new assignee.
import { fullName } from "~/domain/people";
import { DossierEventKind, DossierStatus, UserRole } from "~/generated/prisma/enums";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { dossierAssigned } from "~emails/dossier-assigned";

import { instructorScopeFilter, staffScope } from "./scope.server";
import { lockDossier } from "~/services/dossiers/transitions.server";
import { DossierError } from "~/services/applicant/dossiers.server";
import { notifyStaff } from "./staff-notifications.server";
import { instructorDossierUrl, portalUrl } from "~/services/dossiers/links.server";

/** More than a queue page or two at once is a slip of the hand, not a plan. */
export const MAX_DOSSIERS_PER_ASSIGNMENT = 100;

const plural = (count: number, one: string, many: string) => (count > 1 ? many : one);

export async function assignDossiers(
  db: PrismaClient,
  input: {
    actor: { id: string; role: UserRole };
    dossierIds: string[];
    /** `null` takes the dossiers back from whoever had them. */
    assigneeId: string | null;
    now: Date;
    appUrl: string;
  },
): Promise<{ assigned: number }> {
  const ids = [...new Set(input.dossierIds)].sort();
  if (ids.length === 0) throw new DossierError("Sélectionnez au moins un dossier.", 400);
  if (ids.length > MAX_DOSSIERS_PER_ASSIGNMENT) {
    throw new DossierError(
      `Vous ne pouvez confier que ${MAX_DOSSIERS_PER_ASSIGNMENT} dossiers à la fois.`,
      400,
    );
  }

  const actor = await db.user.findUnique({
    where: { id: input.actor.id },
    select: { firstName: true, lastName: true },
  });
  const actorName = actor ? fullName(actor) : "Le service instructeur";
  const assignee = input.assigneeId
    ? await db.user.findUnique({
        where: { id: input.assigneeId },
        select: { id: true, firstName: true, lastName: true, role: true, deactivatedAt: true },
      })
    : null;
  if (input.assigneeId && (!assignee || assignee.role !== UserRole.INSTRUCTOR || assignee.deactivatedAt)) {
    throw new DossierError("La personne choisie n’est pas un·e instructeur·rice en activité.", 422);
  }
  const assigneeName = assignee ? fullName(assignee) : null;
  const actorScope = await staffScope(db, input.actor);
  const assigneeScope = assignee ? await instructorScopeFilter(db, assignee.id) : null;

  return db.$transaction(async (tx) => {
    const visible: Prisma.DossierWhereInput = {
      AND: [{ id: { in: ids } }, actorScope, { status: { not: DossierStatus.DRAFT } }],
    };
    const found = await tx.dossier.count({ where: visible });
    if (found < ids.length) {
      const missing = ids.length - found;
      throw new DossierError(
        `${missing} ${plural(missing, "dossier sélectionné est", "dossiers sélectionnés sont")} hors de votre périmètre ou ${plural(missing, "introuvable", "introuvables")} : aucun dossier n’a été confié.`,
        403,
      );
    }
    // In id order, so two overlapping batches wait for each other instead of deadlocking.
    for (const id of ids) await lockDossier(tx, id);
    const dossiers = await tx.dossier.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        number: true,
        title: true,
        assigneeId: true,
        organisation: { select: { name: true } },
        assignee: { select: { firstName: true, lastName: true } },
      },
      orderBy: { number: "asc" },
    });
    if (assignee && assigneeScope) {
      const covered = await tx.dossier.findMany({
        where: { AND: [{ id: { in: ids } }, assigneeScope] },
        select: { id: true },
      });
      const outside = dossiers.filter((dossier) => !covered.some((row) => row.id === dossier.id));
      if (outside.length > 0) {
        throw new DossierError(
          `${assigneeName} ne peut pas instruire ${plural(outside.length, "le dossier", "les dossiers")} ${outside
            .map((dossier) => dossier.number ?? dossier.title)
            .join(
              ", ",
            )} : ${plural(outside.length, "il est", "ils sont")} hors de son périmètre. Aucun dossier n’a été confié.`,
          422,
        );
      }
    }

    const changed = dossiers.filter((dossier) => dossier.assigneeId !== input.assigneeId);
    for (const dossier of changed) {
      const previous = dossier.assignee ? fullName(dossier.assignee) : null;
      await tx.dossier.update({
        where: { id: dossier.id },
        data: { assigneeId: input.assigneeId, revision: { increment: 1 } },
      });
      await tx.dossierEvent.create({
        data: {
          dossierId: dossier.id,
          kind: DossierEventKind.ASSIGNMENT,
          actorId: input.actor.id,
          reason: assigneeName
            ? `Dossier confié à ${assigneeName}`
            : `Dossier retiré à ${previous ?? "personne"}`,
          data: { fromId: dossier.assigneeId, toId: input.assigneeId },
          createdAt: input.now,
        },
      });
    }

    if (assignee && assignee.id !== input.actor.id && changed.length > 0) {
      const [single] = changed;
      const url =
        changed.length === 1 && single
          ? instructorDossierUrl(input.appUrl, single.id)
          : portalUrl(input.appUrl, "/instruction?instructeur=moi");
      const list = changed.map((dossier) => ({
        number: dossier.number ?? "sans numéro",
        title: dossier.title,
        organisation: dossier.organisation.name,
      }));
      await notifyStaff(
        tx,
        {
          userId: assignee.id,
          dossierId: changed.length === 1 && single ? single.id : null,
          line:
            changed.length === 1
              ? `${list[0]!.number} : dossier confié par ${actorName}`
              : `${changed.length} dossiers confiés par ${actorName} (${list.map((item) => item.number).join(", ")})`,
          url,
          email: dossierAssigned({ firstName: assignee.firstName, actorName, dossiers: list, url }),
        },
        input.now,
      );
    }
    return { assigned: changed.length };
  });
}
