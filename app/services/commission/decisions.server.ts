// Recording a whole session of the Commission Permanente at once: every dossier on the agenda is granted or
// refused, its documents issued and its applicants notified, and the session is held — all or nothing.
import {
  sessionHasMet,
  sessionNotMetMessage,
  validateSessionDecisions,
  type SessionDecision,
} from "~/domain/commission";
import { formatDate, formatEuros } from "~/domain/format";
import type { Schedule } from "~/domain/schedules";
import type { PrismaClient } from "~/generated/prisma/client";
import { CommissionSessionStatus, DossierStatus, InstalmentKind } from "~/generated/prisma/enums";

import { agreementYears } from "./agenda.server";
import { CommissionError, heldMessage, lockSession, requireStaff, type StaffActor } from "./sessions.server";
import {
  renderDecisionDocuments,
  storeDecisionDocuments,
  type DecisionDossier,
  type StoredDocument,
} from "~/services/dossiers/decision-documents.server";
import { applyTransition, lockDossier } from "~/services/dossiers/transitions.server";
import { staffScope } from "~/services/instruction/scope.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

export interface SessionDecisionsInput {
  actor: StaffActor;
  sessionId: string;
  decisions: SessionDecision[];
  now: Date;
  appUrl: string;
}

export interface SessionDecisionsResult {
  granted: number;
  refused: number;
  grantedCents: number;
}

async function readAgenda(db: PrismaClient, sessionId: string) {
  const rows = await db.dossier.findMany({
    where: { commissionSessionId: sessionId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      schemeCode: true,
      scheme: { select: { name: true } },
      ruleSet: { select: { parameters: true } },
      organisation: {
        select: {
          name: true,
          addressLine: true,
          postcode: true,
          city: true,
          siret: true,
          legalRepresentativeName: true,
          legalRepresentativeRole: true,
          iban: true,
        },
      },
    },
  });
  return rows.map((row) => ({
    dossier: {
      id: row.id,
      number: row.number ?? row.id,
      title: row.title,
      schemeCode: row.schemeCode,
      schemeName: row.scheme.name,
      ruleSetParameters: row.ruleSet.parameters,
      organisation: row.organisation,
    } satisfies DecisionDossier,
    status: row.status,
    years: agreementYears(row.schemeCode, row.ruleSet.parameters),
  }));
}

/**
 * Checks everything first (nothing changes if one decision is wrong), renders and stores the documents
 * outside the transaction to keep it short, then in one transaction under the session's lock: each
 * transition, amounts, schedule, documents, emails, and the session held. A second submission finds the
 * session held and is refused. Stored files are deleted if the transaction does not commit.
 */
export async function recordSessionDecisions(
  db: PrismaClient,
  storage: FileStorage,
  input: SessionDecisionsInput,
): Promise<SessionDecisionsResult> {
  requireStaff(input.actor);
  const { now } = input;
  const session = await db.commissionSession.findUnique({ where: { id: input.sessionId } });
  if (!session) throw new CommissionError("Séance introuvable.", 404);
  if (session.status === CommissionSessionStatus.HELD)
    throw new CommissionError(heldMessage(session.decidedAt), 409);
  const agenda = await readAgenda(db, session.id);
  if (agenda.length === 0) {
    throw new CommissionError(
      "L’ordre du jour est vide : inscrivez au moins un dossier avant d’enregistrer les décisions.",
      422,
    );
  }
  const scope = await staffScope(db, input.actor);
  const visible = await db.dossier.count({ where: { AND: [scope, { commissionSessionId: session.id }] } });
  if (visible !== agenda.length) {
    throw new CommissionError(
      "Certains dossiers de cette séance sont hors de votre périmètre : une personne habilitée pour tous doit enregistrer les décisions.",
      403,
    );
  }
  // Only once the caller may decide for every dossier: someone else learns nothing of the session's date.
  if (!sessionHasMet(session.date, now)) throw new CommissionError(sessionNotMetMessage(session.date), 409);
  const notProposed = agenda.find((item) => item.status !== DossierStatus.PROPOSED);
  if (notProposed) {
    throw new CommissionError(
      `Le dossier ${notProposed.dossier.number} n’est plus proposé à la Commission permanente : retirez-le de l’ordre du jour.`,
      409,
    );
  }
  const errors = validateSessionDecisions(
    input.decisions,
    agenda.map((item) => ({ dossierId: item.dossier.id, years: item.years })),
  );
  if (Object.keys(errors).length > 0) {
    throw new CommissionError("Certaines décisions sont incomplètes ou incohérentes.", 422, errors);
  }

  const years = new Map(agenda.map((item) => [item.dossier.id, item.years]));
  // Yearly amounts belong to CAP ASSO agreements only; a refusal votes no amount.
  const decisions = new Map(
    input.decisions.map((decision) => [
      decision.dossierId,
      decision.outcome === "REFUSED"
        ? { ...decision, amountCents: null, yearlyAmountsCents: [] }
        : years.get(decision.dossierId)
          ? decision
          : { ...decision, yearlyAmountsCents: [] },
    ]),
  );
  const written: string[] = [];
  try {
    const prepared: Prepared[] = [];
    for (const item of agenda) {
      const decision = decisions.get(item.dossier.id)!;
      const { schedule, documents } = await renderDecisionDocuments({
        dossier: item.dossier,
        decision,
        sessionDate: session.date,
        decidedAt: now,
      });
      const stored = await storeDecisionDocuments(storage, documents, now, written);
      prepared.push({ ...item, decision, schedule, stored });
    }

    return await db.$transaction(
      async (tx) => {
        const locked = await lockSession(tx, session.id);
        if (locked.status === CommissionSessionStatus.HELD)
          throw new CommissionError(heldMessage(locked.decidedAt), 409);
        const onAgenda = await tx.dossier.findMany({
          where: { commissionSessionId: session.id },
          select: { id: true },
        });
        if (onAgenda.length !== prepared.length || onAgenda.some((row) => !decisions.has(row.id))) {
          throw new CommissionError(
            "L’ordre du jour a changé pendant la saisie : rechargez la page et vérifiez les décisions.",
            409,
          );
        }
        const result: SessionDecisionsResult = { granted: 0, refused: 0, grantedCents: 0 };
        const sessionLabel = `la Commission permanente du ${formatDate(session.date)}`;
        for (const item of prepared) {
          const { dossier, decision } = item;
          const row = await lockDossier(tx, dossier.id);
          const granted = decision.outcome === "GRANTED";
          await applyTransition(tx, {
            dossierId: dossier.id,
            from: row.status,
            transition: granted ? "GRANT" : "REFUSE",
            actor: input.actor,
            reason: granted
              ? `Aide de ${formatEuros(decision.amountCents!)} votée par ${sessionLabel}`
              : decision.motivation,
            data: { sessionId: session.id, yearlyAmountsCents: decision.yearlyAmountsCents },
            changes: { grantedAmountCents: granted ? decision.amountCents : null, decidedAt: now },
            documents: item.stored,
            appUrl: input.appUrl,
            notice: {
              schemeName: dossier.schemeName,
              amountCents: decision.amountCents,
              sessionDate: session.date,
              motivation: decision.motivation || null,
            },
            now,
          });
          if (item.schedule) {
            await tx.scheduleInstalment.createMany({
              data: item.schedule.instalments.map((instalment) => ({
                dossierId: dossier.id,
                kind: item.schedule!.kind === "REPAYMENT" ? InstalmentKind.REPAYMENT : InstalmentKind.PAYMENT,
                position: instalment.position,
                dueDate: instalment.dueDate,
                amountCents: instalment.amountCents,
              })),
            });
          }
          if (granted) {
            result.granted += 1;
            result.grantedCents += decision.amountCents!;
          } else result.refused += 1;
        }
        await tx.commissionSession.update({
          where: { id: session.id },
          data: { status: CommissionSessionStatus.HELD, decidedAt: now, decidedById: input.actor.id },
        });
        return result;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Nothing committed, or the commit's answer was lost: the files no dossier names go.
    await deleteUnreferencedFiles(db, storage, written);
    throw error;
  }
}

type Prepared = Awaited<ReturnType<typeof readAgenda>>[number] & {
  decision: SessionDecision;
  schedule: Schedule | null;
  stored: StoredDocument[];
};
