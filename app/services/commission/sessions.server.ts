// The Commission Permanente's sessions and their agendas. A session's row is locked while its agenda changes
// or its decisions are recorded, so the two never interleave; a session that has been held never changes.
import { agendaFormSchema, defaultSessionTitle, sessionFormSchema } from "~/domain/commission";
import { formatDate } from "~/domain/format";
import { paris, parisDay } from "~/domain/paris-time";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { CommissionSessionStatus, DossierEventKind, DossierStatus, UserRole } from "~/generated/prisma/enums";

import { envelopesOfCalls, type CallFigures } from "~/services/schemes/call-envelopes.server";
import { staffScope } from "~/services/instruction/scope.server";
import { DossierError } from "~/services/applicant/dossiers.server";
import { fieldErrors } from "~/domain/forms";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

export interface StaffActor {
  id: string;
  role: UserRole;
}

/** A refusal the instructor can act on; `fieldErrors` are shown next to the fields of the form. */
export class CommissionError extends DossierError {
  constructor(message: string, status = 400, fieldErrors: Record<string, string> = {}) {
    super(message, status, fieldErrors);
    this.name = "CommissionError";
  }
}

export function requireStaff(actor: StaffActor): void {
  if (actor.role !== UserRole.INSTRUCTOR && actor.role !== UserRole.ADMIN) {
    throw new CommissionError("Cette action est réservée au service instructeur.", 403);
  }
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + 1)).toISOString().slice(0, 10);
}

/** Sessions sit at 9:30 in Paris, as the Regional Council's do (and as the seeded ones). */
const SESSION_TIME = "09:30";

export async function createSession(
  db: PrismaClient,
  input: { actor: StaffActor; date: string; title?: string | null; now: Date },
) {
  requireStaff(input.actor);
  const parsed = sessionFormSchema.safeParse({ date: input.date, title: input.title ?? undefined });
  if (!parsed.success) {
    throw new CommissionError(
      "Le formulaire contient des erreurs.",
      400,
      fieldErrors(parsed.error, { depth: 1 }),
    );
  }
  const day = parsed.data.date;
  const date = paris(`${day}T${SESSION_TIME}`);
  if (day < parisDay(input.now)) {
    throw new CommissionError("La date de la séance est passée.", 422, {
      date: "La séance ne peut pas être prévue à une date passée.",
    });
  }
  const taken = `Une séance est déjà prévue le ${formatDate(date)}.`;
  const existing = await db.commissionSession.findFirst({
    where: { date: { gte: paris(day), lt: paris(nextDay(day)) } },
    select: { id: true },
  });
  if (existing) throw new CommissionError(taken, 409, { date: taken });
  try {
    return await db.commissionSession.create({
      data: { date, title: parsed.data.title ?? defaultSessionTitle(date), createdAt: input.now },
      select: { id: true, date: true, title: true },
    });
  } catch (error) {
    // Two people creating the same session at once: the unique date answers for the second.
    if ((error as { code?: string }).code === "P2002") throw new CommissionError(taken, 409, { date: taken });
    throw error;
  }
}

/** Every session, the coming ones first (soonest first), then those held (latest first). */
export async function listSessions(db: PrismaClient) {
  const sessions = await db.commissionSession.findMany({
    orderBy: { date: "asc" },
    include: {
      dossiers: { select: { proposedAmountCents: true, grantedAmountCents: true, status: true } },
    },
  });
  const rows = sessions.map((session) => ({
    id: session.id,
    title: session.title,
    date: session.date,
    status: session.status,
    decidedAt: session.decidedAt,
    dossierCount: session.dossiers.length,
    proposedCents: session.dossiers.reduce((sum, dossier) => sum + (dossier.proposedAmountCents ?? 0), 0),
    grantedCents: session.dossiers.reduce(
      (sum, dossier) =>
        sum + (dossier.status === DossierStatus.GRANTED ? (dossier.grantedAmountCents ?? 0) : 0),
      0,
    ),
  }));
  return [
    ...rows.filter((row) => row.status === CommissionSessionStatus.PLANNED),
    ...rows.filter((row) => row.status === CommissionSessionStatus.HELD).reverse(),
  ];
}

/** Locks the session's row for the transaction; throws 404 when it does not exist. */
export async function lockSession(tx: Tx, sessionId: string) {
  const [row] = await tx.$queryRaw<
    Array<{ status: CommissionSessionStatus; date: Date; decidedAt: Date | null }>
  >`
    SELECT "status", "date", "decidedAt" FROM "CommissionSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  if (!row) throw new CommissionError("Séance introuvable.", 404);
  return row;
}

export function heldMessage(decidedAt: Date | null): string {
  return decidedAt
    ? `Les décisions de cette séance ont déjà été enregistrées le ${formatDate(decidedAt)} : elle ne peut plus changer.`
    : "Cette séance s’est déjà tenue : elle ne peut plus changer.";
}

function parseAgendaIds(dossierIds: readonly string[]): string[] {
  const parsed = agendaFormSchema.safeParse({ dossierIds: [...new Set(dossierIds)] });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Cochez au moins un dossier.";
    throw new CommissionError(message, 400, { dossierIds: message });
  }
  return parsed.data.dossierIds;
}

type AgendaChange = { actor: StaffActor; sessionId: string; dossierIds: readonly string[]; now: Date };

/** Puts PROPOSED dossiers of the actor's scope on a planned session's agenda; all or nothing. */
export async function addToAgenda(db: PrismaClient, input: AgendaChange): Promise<number> {
  requireStaff(input.actor);
  const ids = parseAgendaIds(input.dossierIds);
  const scope = await staffScope(db, input.actor);
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (session.status === CommissionSessionStatus.HELD)
      throw new CommissionError(heldMessage(session.decidedAt), 409);
    const dossiers = await agendaDossiers(tx, ids, scope);
    let added = 0;
    for (const dossier of dossiers) {
      if (dossier.commissionSessionId === input.sessionId) continue;
      if (dossier.status !== DossierStatus.PROPOSED) {
        throw new CommissionError(
          `Le dossier ${dossier.number ?? ""} n’est pas proposé à la Commission permanente : il ne peut pas être inscrit.`,
          409,
        );
      }
      if (dossier.commissionSession?.status === CommissionSessionStatus.PLANNED) {
        throw new CommissionError(
          `Le dossier ${dossier.number ?? ""} est déjà inscrit à l’ordre du jour de la séance du ${formatDate(dossier.commissionSession.date)}.`,
          409,
        );
      }
      await moveOnAgenda(
        tx,
        dossier.id,
        input,
        input.sessionId,
        dossier.status,
        `Inscrit à l’ordre du jour de la Commission permanente du ${formatDate(session.date)}`,
      );
      added += 1;
    }
    return added;
  });
}

/** Takes dossiers of the actor's scope off a planned session's agenda. */
export async function removeFromAgenda(db: PrismaClient, input: AgendaChange): Promise<number> {
  requireStaff(input.actor);
  const ids = parseAgendaIds(input.dossierIds);
  const scope = await staffScope(db, input.actor);
  return db.$transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (session.status === CommissionSessionStatus.HELD)
      throw new CommissionError(heldMessage(session.decidedAt), 409);
    const dossiers = await agendaDossiers(tx, ids, scope);
    let removed = 0;
    for (const dossier of dossiers) {
      if (dossier.commissionSessionId !== input.sessionId) continue;
      await moveOnAgenda(
        tx,
        dossier.id,
        input,
        null,
        dossier.status,
        `Retiré de l’ordre du jour de la Commission permanente du ${formatDate(session.date)}`,
      );
      removed += 1;
    }
    return removed;
  });
}

/** The dossiers named, each locked; one outside the actor's scope is as unknown as one that does not exist. */
async function agendaDossiers(tx: Tx, ids: string[], scope: Prisma.DossierWhereInput) {
  const visible = await tx.dossier.findMany({
    where: { AND: [{ id: { in: ids } }, scope] },
    select: { id: true },
  });
  if (visible.length !== ids.length) throw new CommissionError("Dossier introuvable.", 404);
  // In a stable order, so two agenda changes at once never wait on each other's locks in a cycle.
  for (const id of [...ids].sort()) {
    await tx.$queryRaw`SELECT 1 FROM "Dossier" WHERE "id" = ${id} FOR UPDATE`;
  }
  // Read under the locks: what another change wrote before them is seen.
  return tx.dossier.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      number: true,
      status: true,
      commissionSessionId: true,
      commissionSession: { select: { status: true, date: true } },
    },
    orderBy: { number: "asc" },
  });
}

async function moveOnAgenda(
  tx: Tx,
  dossierId: string,
  input: AgendaChange,
  sessionId: string | null,
  status: DossierStatus,
  reason: string,
) {
  await tx.dossier.update({ where: { id: dossierId }, data: { commissionSessionId: sessionId } });
  await tx.dossierEvent.create({
    data: {
      dossierId,
      kind: DossierEventKind.AGENDA,
      fromStatus: status,
      toStatus: status,
      actorId: input.actor.id,
      reason,
      data: { sessionId: input.sessionId, onAgenda: sessionId !== null },
      createdAt: input.now,
    },
  });
}

/** The envelopes of the calls named, by title: what the Commission's pages show. */
export async function callEnvelopes(db: Db, callIds: readonly string[]): Promise<CallFigures[]> {
  const ids = [...new Set(callIds)];
  return ids.length === 0 ? [] : envelopesOfCalls(db, { id: { in: ids } }, [{ title: "asc" }]);
}
