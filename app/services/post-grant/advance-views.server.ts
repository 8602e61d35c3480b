// What the pages show of an equity advance after its payment, for the association, the instructor and the
// funders of a shared dossier: where it stands (repaid, outstanding, late and since how long), the schedule
// in force instalment by instalment, the replaced schedules, the repayments and the rescheduling requests.
import { formatDate, formatEuros } from "~/domain/format";
import { parisDay } from "~/domain/paris-time";
import { notFound } from "~/domain/user-error";
import type { InstalmentState } from "~/domain/post-grant/repayments";
import type { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierStatus, ReschedulingStatus } from "~/generated/prisma/enums";

import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";

import {
  advancePath,
  loadAdvance,
  ORIGIN_LABELS,
  staffAdvancePath,
  standingOf,
  type Advance,
} from "./advance.server";

const STATE_LABELS: Record<InstalmentState, string> = {
  PAID: "Remboursée",
  PARTLY_PAID: "Partiellement remboursée",
  DUE: "À venir",
  LATE: "En retard",
};

const RESCHEDULING_LABELS: Record<ReschedulingStatus, string> = {
  REQUESTED: "En attente de décision",
  GRANTED: "Accordé",
  REFUSED: "Refusé",
};

const FREQUENCIES: Record<number, string> = {
  1: "mensuelle",
  3: "trimestrielle",
  6: "semestrielle",
  12: "annuelle",
};

/** The short French summary every audience reads (dossier page, staff page, funders). */
export function standingSummary(advance: Advance, now: Date) {
  const { position, repaidCents } = standingOf(advance, now);
  const upcoming = position.instalments.find(
    (instalment) => instalment.remainingCents > 0 && instalment.state !== "LATE",
  );
  return {
    paid: formatEuros(advance.advanceCents),
    paidOn: formatDate(advance.paidOn),
    repaid: formatEuros(repaidCents),
    outstanding: formatEuros(position.outstandingCents),
    late: position.lateCents > 0 ? formatEuros(position.lateCents) : null,
    daysLate: position.oldestLateDays,
    // The next instalment to come: a late one is already counted under « late ».
    next: upcoming
      ? { on: formatDate(upcoming.dueDate), amount: formatEuros(upcoming.remainingCents) }
      : null,
    repaidInFull: position.outstandingCents === 0,
    lateCents: position.lateCents,
    outstandingCents: position.outstandingCents,
  };
}

const days = (count: number) => `${count}\u00a0jour${count > 1 ? "s" : ""}`;

/** The page's data, the same for every audience; links differ by audience. */
export function advanceView(advance: Advance, now: Date) {
  const { position } = standingOf(advance, now);
  return {
    dossierId: advance.dossier.id,
    number: advance.dossier.number ?? "",
    title: advance.dossier.title,
    open: advance.dossier.status === DossierStatus.GRANTED,
    summary: standingSummary(advance, now),
    version: advance.current.version,
    origin: ORIGIN_LABELS[advance.current.origin],
    instalments: position.instalments.map((instalment) => ({
      position: instalment.position,
      dueOn: formatDate(instalment.dueDate),
      amount: formatEuros(instalment.amountCents),
      paid: formatEuros(instalment.paidCents),
      remaining: formatEuros(instalment.remainingCents),
      state: STATE_LABELS[instalment.state],
      late: instalment.daysLate > 0 ? `depuis ${days(instalment.daysLate)}` : null,
    })),
    history: advance.schedules
      .filter((schedule) => schedule.replacedAt !== null)
      .map((schedule) => ({
        version: schedule.version,
        origin: ORIGIN_LABELS[schedule.origin],
        from: formatDate(schedule.createdAt),
        to: formatDate(schedule.replacedAt!),
        count: schedule.instalments.length,
        total: formatEuros(schedule.instalments.reduce((sum, item) => sum + item.amountCents, 0)),
      })),
    repayments: advance.repayments.map((repayment) => ({
      id: repayment.id,
      on: formatDate(repayment.receivedOn),
      amount: formatEuros(repayment.amountCents),
      reference: repayment.reference,
      early: repayment.early,
    })),
    reschedulings: advance.reschedulings.map((item) => ({
      id: item.id,
      status: item.status,
      statusLabel: RESCHEDULING_LABELS[item.status],
      pending: item.status === ReschedulingStatus.REQUESTED,
      askedOn: formatDate(item.requestedAt),
      reason: item.reason,
      terms: `${item.count} échéance(s), périodicité ${FREQUENCIES[item.frequencyMonths] ?? `${item.frequencyMonths} mois`}, à partir du ${formatDate(item.firstDueDate)}`,
      note: item.decisionNote,
      evidence: item.attachments,
    })),
    pendingRescheduling: advance.reschedulings.some((item) => item.status === ReschedulingStatus.REQUESTED),
    maxRescheduledMonths: advance.rules.maxRescheduledDurationMonths,
  };
}

export type AdvanceView = ReturnType<typeof advanceView>;

async function documentsOf(db: PrismaClient, dossierId: string) {
  const rows = await db.generatedDocument.findMany({
    where: {
      dossierId,
      kind: {
        in: [
          DocumentKind.REPAYMENT_SCHEDULE,
          DocumentKind.ADVANCE_AMENDMENT,
          DocumentKind.ADVANCE_REMINDER_LETTER,
          DocumentKind.REPAYMENT_CERTIFICATE,
        ],
      },
    },
    select: { kind: true },
    distinct: ["kind"],
  });
  const has = new Set(rows.map((row) => row.kind));
  return [
    {
      slug: "echeancier",
      label: "Échéancier de remboursement en vigueur (PDF)",
      kind: DocumentKind.REPAYMENT_SCHEDULE,
    },
    {
      slug: "avenant",
      label: "Dernier avenant de rééchelonnement (PDF)",
      kind: DocumentKind.ADVANCE_AMENDMENT,
    },
    {
      slug: "relance",
      label: "Dernière lettre de relance (PDF)",
      kind: DocumentKind.ADVANCE_REMINDER_LETTER,
    },
    {
      slug: "attestation-remboursement",
      label: "Attestation de remboursement intégral (PDF)",
      kind: DocumentKind.REPAYMENT_CERTIFICATE,
    },
  ]
    .filter((item) => has.has(item.kind))
    .map(({ slug, label }) => ({ slug, label }));
}

const NOTHING = "Aucune avance versée sur ce dossier\u202f: rien à rembourser pour l’instant.";

/** The guard of the association's page and forms: a member, on a dossier whose advance was paid (else 404). */
export async function advanceForMember(db: PrismaClient, userId: string, dossierId: string) {
  const dossier = await getDossierForMember(db, userId, dossierId);
  const advance = await loadAdvance(db, dossier.id);
  if (!advance) throw notFound(NOTHING);
  return advance;
}

/** The guard of the instructor's page and forms: staff in scope, on a dossier whose advance was paid. */
export async function advanceForStaff(db: PrismaClient, actor: StaffActor, dossierId: string) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const advance = await loadAdvance(db, dossier.id);
  if (!advance) throw notFound(NOTHING);
  return advance;
}

/** One page for both audiences: the same view, the documents linked under the audience's own address. */
async function advancePage(
  db: PrismaClient,
  advance: Advance,
  now: Date,
  documentsBase: string,
  here: string,
) {
  return {
    ...advanceView(advance, now),
    documents: (await documentsOf(db, advance.dossier.id)).map((item) => ({
      ...item,
      href: `${documentsBase}/${item.slug}`,
    })),
    here,
    today: parisDay(now),
  };
}

export async function applicantAdvancePage(db: PrismaClient, userId: string, dossierId: string, now: Date) {
  const advance = await advanceForMember(db, userId, dossierId);
  const id = advance.dossier.id;
  return advancePage(db, advance, now, `/dossiers/${id}/documents`, advancePath(id));
}

export async function staffAdvancePage(db: PrismaClient, actor: StaffActor, dossierId: string, now: Date) {
  const advance = await advanceForStaff(db, actor, dossierId);
  const id = advance.dossier.id;
  return advancePage(db, advance, now, `/instruction/dossiers/${id}/documents`, staffAdvancePath(id));
}

/** The short standing the dossier pages and the funders' view show, null when no advance was paid. */
export async function advanceStanding(db: Parameters<typeof loadAdvance>[0], dossierId: string, now: Date) {
  const advance = await loadAdvance(db, dossierId);
  return advance ? standingSummary(advance, now) : null;
}
