// What every instruction action starts with: who may see the dossier (scope), the row lock with the check
// that the page the instructor acted on is still current, and who in the applicant organisation is told.
import { fullName } from "~/domain/people";
import { eventLabel } from "~/domain/dossier-timeline";
import { formatDate, formatDateTime, formatTime } from "~/domain/format";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, UserRole } from "~/generated/prisma/enums";

import { staffScope } from "./scope.server";
import { lockDossier } from "~/services/dossiers/transitions.server";
import { DossierError } from "~/services/applicant/dossiers.server";
import { notFound, UserError } from "~/domain/user-error";

type Tx = Prisma.TransactionClient;

/** The signed-in member of Region staff acting (INSTRUCTOR or ADMIN). */
export type StaffActor = { id: string; role: UserRole };

/** Refusals of an instruction form the instructor can fix, by field of the form (French messages). */
export class InstructionFormError extends UserError {
  constructor(fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(" "), { status: 422, fieldErrors });
    this.name = "InstructionFormError";
  }
}

const missing = () => notFound("Dossier introuvable.");

/**
 * The dossier for Region staff: a 404 Response when it does not exist, is a draft, or is outside an
 * instructor's scope (admins see all). Its shape is a member's dossier plus the assignee.
 */
export async function getDossierForStaff(db: PrismaClient, actor: StaffActor, dossierId: string) {
  if (actor.role !== UserRole.INSTRUCTOR && actor.role !== UserRole.ADMIN) throw missing();
  const scope = await staffScope(db, actor);
  const dossier = await db.dossier.findFirst({
    where: { AND: [{ id: dossierId }, { status: { not: DossierStatus.DRAFT } }, scope] },
    include: {
      scheme: { select: { name: true, numberPrefix: true } },
      ruleSet: { select: { id: true, version: true, parameters: true } },
      call: { select: { title: true, closesAt: true } },
      organisation: true,
      lastEditedBy: { select: { firstName: true, lastName: true } },
      assignee: { select: { id: true, firstName: true, lastName: true, email: true } },
    },
  });
  if (!dossier) throw missing();
  return dossier;
}

export type StaffDossier = Awaited<ReturnType<typeof getDossierForStaff>>;

/** « à 14:32 » today, « le 21/11/2026 à 14:32 » another day (Paris time). */
function when(at: Date, now: Date): string {
  return formatDate(at) === formatDate(now) ? `à ${formatTime(at)}` : `le ${formatDateTime(at)}`;
}

/** The French refusal when the page an instructor acted on is no longer the dossier's current version. */
async function conflictMessage(tx: Tx, dossierId: string, now: Date): Promise<string> {
  const [event, dossier] = await Promise.all([
    tx.dossierEvent.findFirst({
      where: { dossierId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        kind: true,
        fromStatus: true,
        toStatus: true,
        reason: true,
        createdAt: true,
        actor: { select: { firstName: true, lastName: true } },
      },
    }),
    tx.dossier.findUniqueOrThrow({
      where: { id: dossierId },
      select: { lastEditedAt: true, lastEditedBy: { select: { firstName: true, lastName: true } } },
    }),
  ]);
  // An applicant's saves change the revision without always writing an event: the latest of the two.
  const edit =
    dossier.lastEditedAt && (!event || dossier.lastEditedAt > event.createdAt)
      ? { label: "modification des réponses", by: dossier.lastEditedBy, at: dossier.lastEditedAt }
      : null;
  const last = edit ?? (event ? { label: eventLabel(event), by: event.actor, at: event.createdAt } : null);
  const detail = last
    ? ` (dernière action : ${last.label.charAt(0).toLocaleLowerCase("fr-FR") + last.label.slice(1)}${
        last.by ? ` par ${fullName(last.by)}` : ""
      } ${when(last.at, now)})`
    : "";
  return `Ce dossier a été modifié depuis l’ouverture de la page${detail}. Rechargez la page pour voir la nouvelle version.`;
}

/**
 * Locks the dossier's row for the transaction and checks it is still at the `revision` the instructor's page
 * showed: two instructors acting at once never overwrite each other silently (the second gets a 409).
 */
export async function lockForAction(tx: Tx, dossierId: string, revision: number, now: Date) {
  await lockDossier(tx, dossierId);
  const current = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { status: true, number: true, revision: true, assigneeId: true, answers: true, title: true },
  });
  if (current.revision !== revision) throw new DossierError(await conflictMessage(tx, dossierId, now), 409);
  return current;
}
