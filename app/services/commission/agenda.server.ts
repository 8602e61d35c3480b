// What a session's page and its printed agenda show: the dossiers on the agenda with the instructor's
// opinion, the totals per scheme, what the votes would leave in each call's envelope, and the dossiers
// that could still be put on it.
import type { AgendaDossierRule } from "~/domain/commission";
import { envelopesAfterSession, totalsByScheme } from "~/domain/commission-totals";
import { formatDate } from "~/domain/format";
import { parseRuleSetParameters } from "~/domain/schemes";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { CommissionSessionStatus, DossierStatus, SchemeCode } from "~/generated/prisma/enums";
import { renderCommissionAgenda } from "~/pdf/commission-agenda.server";
import { staffScope } from "~/services/instruction/scope.server";

import { callEnvelopes, CommissionError, requireStaff, type StaffActor } from "./sessions.server";

const AGENDA_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  schemeCode: true,
  callId: true,
  departmentCode: true,
  requestedAmountCents: true,
  proposedAmountCents: true,
  grantedAmountCents: true,
  scheme: { select: { name: true } },
  organisation: { select: { name: true } },
  ruleSet: { select: { parameters: true } },
  opinions: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { favourable: true, motivation: true, proposedAmountCents: true, yearlyAmountsCents: true },
  },
} satisfies Prisma.DossierSelect;

type AgendaRow = Prisma.DossierGetPayload<{ select: typeof AGENDA_SELECT }>;

/** Years of a CAP ASSO agreement, by the dossier's own rule set: its yearly amounts are voted too. */
export function agreementYears(schemeCode: SchemeCode, ruleSetParameters: unknown): number {
  if (schemeCode !== SchemeCode.CAP_ASSO) return 0;
  const parsed = parseRuleSetParameters(SchemeCode.CAP_ASSO, ruleSetParameters);
  return parsed.ok ? Math.max(1, Math.round(parsed.parameters.agreementLengthMonths / 12)) : 3;
}

function agendaItem(row: AgendaRow) {
  const opinion = row.opinions[0] ?? null;
  return {
    id: row.id,
    number: row.number ?? "—",
    title: row.title,
    status: row.status,
    schemeCode: row.schemeCode,
    schemeName: row.scheme.name,
    organisationName: row.organisation.name,
    departmentCode: row.departmentCode,
    callId: row.callId,
    requestedAmountCents: row.requestedAmountCents,
    // What the session is asked to vote, as the printed agenda says: nothing on an unfavourable opinion.
    proposedAmountCents: opinion?.favourable === false ? null : row.proposedAmountCents,
    grantedAmountCents: row.grantedAmountCents,
    years: agreementYears(row.schemeCode, row.ruleSet.parameters),
    opinion,
  };
}

export type AgendaItem = ReturnType<typeof agendaItem>;

async function findSession(db: PrismaClient, sessionId: string) {
  const session = await db.commissionSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new CommissionError("Séance introuvable.", 404);
  return session;
}

async function agendaOf(db: PrismaClient, sessionId: string) {
  const rows = await db.dossier.findMany({
    where: { commissionSessionId: sessionId },
    select: AGENDA_SELECT,
    orderBy: [{ schemeCode: "asc" }, { number: "asc" }],
  });
  return rows.map(agendaItem);
}

/** Everything a session's page shows; the candidates are the actor's PROPOSED dossiers on no planned agenda. */
export async function sessionOverview(db: PrismaClient, input: { actor: StaffActor; sessionId: string }) {
  requireStaff(input.actor);
  const session = await findSession(db, input.sessionId);
  const scope = await staffScope(db, input.actor);
  const [agenda, candidateRows, inScope] = await Promise.all([
    agendaOf(db, session.id),
    session.status === CommissionSessionStatus.PLANNED
      ? db.dossier.findMany({
          where: {
            AND: [
              scope,
              { status: DossierStatus.PROPOSED },
              {
                OR: [
                  { commissionSessionId: null },
                  { commissionSession: { status: CommissionSessionStatus.HELD } },
                ],
              },
            ],
          },
          select: AGENDA_SELECT,
          orderBy: [{ schemeCode: "asc" }, { number: "asc" }],
        })
      : Promise.resolve([]),
    db.dossier.findMany({
      where: { AND: [scope, { commissionSessionId: session.id }] },
      select: { id: true },
    }),
  ]);
  const candidates = candidateRows.map(agendaItem);
  const callIds = [...agenda, ...candidates].flatMap((item) => (item.callId ? [item.callId] : []));
  const envelopes = await callEnvelopes(db, callIds);
  const inScopeIds = new Set(inScope.map((row) => row.id));
  return {
    session,
    agenda: agenda.map((item) => ({ ...item, inScope: inScopeIds.has(item.id) })),
    candidates,
    totals: totalsByScheme(agenda),
    // Once the session is held, its amounts are already in « voted »: nothing is to come.
    envelopes: envelopesAfterSession(
      envelopes,
      session.status === CommissionSessionStatus.PLANNED ? agenda : [],
    ),
    /** Recording the decisions decides every dossier on the agenda: the actor must be allowed each one. */
    canDecide:
      session.status === CommissionSessionStatus.PLANNED &&
      agenda.length > 0 &&
      agenda.every((item) => inScopeIds.has(item.id)),
  };
}

/** The printed agenda of a session, for the elected members and the services. */
export async function commissionAgendaPdf(
  db: PrismaClient,
  input: { actor: StaffActor; sessionId: string; now: Date },
): Promise<{ fileName: string; pdf: Buffer }> {
  requireStaff(input.actor);
  const session = await findSession(db, input.sessionId);
  const agenda = await agendaOf(db, session.id);
  const pdf = await renderCommissionAgenda({
    title: session.title,
    sessionDate: session.date,
    items: agenda.map((item) => ({
      number: item.number,
      title: item.title,
      organisationName: item.organisationName,
      schemeName: item.schemeName,
      departmentCode: item.departmentCode,
      requestedAmountCents: item.requestedAmountCents,
      proposedAmountCents: item.proposedAmountCents,
      favourable: item.opinion?.favourable ?? null,
    })),
    createdAt: input.now,
  });
  const day = formatDate(session.date).split("/").reverse().join("-");
  return { fileName: `Ordre du jour CP ${day}.pdf`, pdf };
}

/** The rules a posted decisions form is read against: the agenda as it is now. */
export async function sessionDecisionRules(
  db: PrismaClient,
  sessionId: string,
): Promise<AgendaDossierRule[]> {
  const rows = await db.dossier.findMany({
    where: { commissionSessionId: sessionId },
    select: { id: true, schemeCode: true, ruleSet: { select: { parameters: true } } },
  });
  return rows.map((row) => ({
    dossierId: row.id,
    years: agreementYears(row.schemeCode, row.ruleSet.parameters),
  }));
}
