// The administration of calls for projects: their filing windows and budget envelopes. The windows of one
// scheme never overlap — otherwise two calls would be open at once and a new dossier would not know which
// to join — which is checked under a lock on the scheme's row, so two administrators saving at once cannot
// both slip through. Every change is audited in the transaction that makes it.
import { AUDIT_ACTIONS } from "~/domain/audit";
import { type CallInput } from "~/domain/call-form";
import {
  callState,
  openWindowMessage,
  windowLabel,
  windowsOverlap,
  type CallListFilter,
} from "~/domain/calls";
import { DOSSIER_STATUS_ORDER } from "~/domain/dossier-status";
import { parisYear } from "~/domain/paris-time";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { DossierStatus, SchemeCode } from "~/generated/prisma/enums";
import { envelopesOfCalls } from "~/services/schemes/call-envelopes.server";
import { openCall } from "~/services/applicant/dossiers.server";
import { notFound, UserError } from "~/domain/user-error";

type Tx = Prisma.TransactionClient;

/** A refusal the administrator can act on; `fieldErrors` are shown next to the fields. */
export class CallError extends UserError {
  constructor(message: string, status: number, fieldErrors: Record<string, string> = {}) {
    super(message, { status, fieldErrors });
    this.name = "CallError";
  }
}

const callNotFound = () => notFound("Cet appel à projets est introuvable.");

const LIST_ORDER: Prisma.CallOrderByWithRelationInput[] = [
  { year: "desc" },
  { scheme: { name: "asc" } },
  { opensAt: "asc" },
];

/** The calls the filter selects, with their state on `now` and their envelopes' figures. */
export async function listCalls(db: PrismaClient, filter: CallListFilter, now: Date) {
  const where: Prisma.CallWhereInput = {
    ...(filter.year === null ? {} : { year: filter.year }),
    ...(filter.schemeCode ? { scheme: { code: filter.schemeCode } } : {}),
  };
  const calls = await envelopesOfCalls(db, where, LIST_ORDER);
  return calls.map((call) => ({ ...call, state: callState(call, now) }));
}

/** The years offered by the list's selector: every year with a call, and this one and the next. */
export async function callYears(db: PrismaClient, now: Date): Promise<number[]> {
  const rows = await db.call.findMany({ distinct: ["year"], select: { year: true } });
  const current = parisYear(now);
  return [...new Set([...rows.map((row) => row.year), current, current + 1])].sort((a, b) => b - a);
}

export async function schemeOptions(db: PrismaClient) {
  const schemes = await db.scheme.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
  return schemes.map((scheme) => ({ value: scheme.code, label: scheme.name }));
}

/** One call with its figures and its dossiers counted by status (drafts included: they belong to it). */
export async function getCall(db: PrismaClient, callId: string, now: Date) {
  const [call] = await envelopesOfCalls(db, { id: callId }, LIST_ORDER);
  if (!call) throw callNotFound();
  const groups = await db.dossier.groupBy({
    by: ["status"],
    where: { callId },
    _count: { _all: true },
  });
  const count = (status: DossierStatus) => groups.find((group) => group.status === status)?._count._all ?? 0;
  const countsByStatus = DOSSIER_STATUS_ORDER.map((status) => ({ status, count: count(status) })).filter(
    (row) => row.count > 0,
  );
  const dossierCount = countsByStatus.reduce((total, row) => total + row.count, 0);
  return { ...call, state: callState(call, now), countsByStatus, dossierCount };
}

/** A call to start from (« reprendre cet appel »); null when it does not exist. */
export async function findCall(db: PrismaClient, callId: string) {
  const [call] = await envelopesOfCalls(db, { id: callId }, LIST_ORDER);
  return call ?? null;
}

async function schemeOf(tx: Tx, code: SchemeCode) {
  const scheme = await tx.scheme.findUnique({ where: { code }, select: { id: true, name: true } });
  if (!scheme)
    throw new CallError("Ce dispositif n’existe pas.", 400, { scheme: "Ce dispositif n’existe pas." });
  return scheme;
}

/** Locks the schemes' rows in a stable order, so two changes never wait on each other in a cycle. */
async function lockSchemes(tx: Tx, schemeIds: string[]) {
  for (const id of [...new Set(schemeIds)].sort()) {
    await tx.$queryRaw`SELECT 1 FROM "Scheme" WHERE "id" = ${id} FOR UPDATE`;
  }
}

/** Refuses a window that meets another of the scheme's calls; read under the scheme's lock. */
async function refuseOverlap(tx: Tx, schemeId: string, input: CallInput, exceptCallId: string | null) {
  const others = await tx.call.findMany({
    where: { schemeId, ...(exceptCallId ? { id: { not: exceptCallId } } : {}) },
    select: { title: true, opensAt: true, closesAt: true },
    orderBy: { opensAt: "asc" },
  });
  const clash = others.find((other) => windowsOverlap(other, input));
  if (!clash) return;
  const message = `Cette période chevauche celle de l’appel « ${clash.title} » (${windowLabel(clash)}) : deux appels d’un même dispositif ne peuvent pas être ouverts en même temps.`;
  throw new CallError(message, 409, { opensOn: message });
}

/** What the audit log keeps of a call (amounts in cents, instants in ISO). */
function auditedCall(input: CallInput) {
  return {
    schemeCode: input.schemeCode,
    year: input.year,
    title: input.title,
    kind: input.kind,
    opensAt: input.opensAt.toISOString(),
    closesAt: input.closesAt?.toISOString() ?? null,
    budgetEnvelopeCents: input.budgetEnvelopeCents,
  };
}

/** A call's columns as the administrator's form sets them. */
function callColumns(schemeId: string, input: CallInput) {
  return {
    schemeId,
    year: input.year,
    title: input.title,
    kind: input.kind,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    budgetEnvelopeCents: BigInt(input.budgetEnvelopeCents),
  };
}

type Change = { actorId: string; now: Date };

export async function createCall(db: PrismaClient, input: Change & { call: CallInput }) {
  return db.$transaction(async (tx) => {
    const scheme = await schemeOf(tx, input.call.schemeCode);
    await lockSchemes(tx, [scheme.id]);
    await refuseOverlap(tx, scheme.id, input.call, null);
    const call = await tx.call.create({
      data: { ...callColumns(scheme.id, input.call), createdAt: input.now, updatedAt: input.now },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.callCreated,
        targetType: "Call",
        targetId: call.id,
        details: auditedCall(input.call),
        createdAt: input.now,
      },
    });
    return call;
  });
}

/** Locks the call's row (a dossier being attached meanwhile waits) and reads it as stored. */
async function lockCall(tx: Tx, callId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Call" WHERE "id" = ${callId} FOR UPDATE`;
  const call = await tx.call.findUnique({
    where: { id: callId },
    include: { scheme: { select: { code: true } }, _count: { select: { dossiers: true } } },
  });
  if (!call) throw callNotFound();
  return call;
}

/** A stored call, as `auditedCall` writes it in the log. */
function auditedStoredCall(call: Awaited<ReturnType<typeof lockCall>>) {
  return auditedCall({
    ...call,
    schemeCode: call.scheme.code,
    budgetEnvelopeCents: Number(call.budgetEnvelopeCents),
  });
}

/**
 * Changes a call's title, window and envelope. Its scheme and year stay as they are once a dossier is
 * attached: the dossier's number and the envelope it drew on depend on them. Returns whether anything changed.
 */
export async function updateCall(
  db: PrismaClient,
  input: Change & { callId: string; call: CallInput },
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const current = await lockCall(tx, input.callId);
    const before = auditedStoredCall(current);
    const after = auditedCall(input.call);
    const changes = Object.keys(after).filter(
      (key) => before[key as keyof typeof before] !== after[key as keyof typeof after],
    );
    if (changes.length === 0) return { changed: false };
    if (current._count.dossiers > 0) {
      const fixed =
        "Des dossiers sont rattachés à cet appel : son dispositif et son année ne peuvent plus changer.";
      const errors: Record<string, string> = {};
      if (changes.includes("schemeCode")) errors.scheme = fixed;
      if (changes.includes("year")) errors.year = fixed;
      if (Object.keys(errors).length > 0) throw new CallError(fixed, 409, errors);
    }
    const scheme = await schemeOf(tx, input.call.schemeCode);
    await lockSchemes(tx, [current.schemeId, scheme.id]);
    await refuseOverlap(tx, scheme.id, input.call, current.id);
    await tx.call.update({
      where: { id: current.id },
      data: { ...callColumns(scheme.id, input.call), updatedAt: input.now },
    });
    const pick = (values: Record<string, unknown>) =>
      Object.fromEntries(changes.map((key) => [key, values[key]]));
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        action: AUDIT_ACTIONS.callUpdated,
        targetType: "Call",
        targetId: current.id,
        details: { before: pick(before), after: pick(after) } as Prisma.InputJsonObject,
        createdAt: input.now,
      },
    });
    return { changed: true };
  });
}

/** Deletes a call set up by mistake; one with a dossier attached is kept (close its window instead). */
export async function deleteCall(db: PrismaClient, input: Change & { callId: string }) {
  return db.$transaction(async (tx) => {
    const current = await lockCall(tx, input.callId);
    const count = current._count.dossiers;
    if (count > 0) {
      throw new CallError(
        `${count} dossier${count > 1 ? "s sont rattachés" : " est rattaché"} à cet appel : il ne peut pas être supprimé. Pour arrêter les dépôts, avancez son dernier jour de dépôt.`,
        409,
      );
    }
    await tx.call.delete({ where: { id: current.id } });
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        // There is no « call deleted » action: the log says it in the details.
        action: AUDIT_ACTIONS.callUpdated,
        targetType: "Call",
        targetId: current.id,
        details: { deleted: true, ...auditedStoredCall(current) },
        createdAt: input.now,
      },
    });
    return { year: current.year };
  });
}

/** Whether a scheme takes dossiers now, in the words its public page uses (the filing's own rule). */
export async function filingWindow(db: PrismaClient, schemeCode: SchemeCode, now: Date) {
  const scheme = await db.scheme.findUnique({ where: { code: schemeCode }, select: { id: true } });
  if (!scheme) return null;
  const { call, closedMessage } = await openCall(db, scheme.id, now);
  return call ? { open: true, message: openWindowMessage(call) } : { open: false, message: closedMessage };
}
