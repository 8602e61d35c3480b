// Writes one demo dossier with its whole history as the portal would have recorded it: a number from the
// real counter, one DossierEvent per transition (who, when, why), and the rows each stage leaves behind,
// the pieces and the filing receipt included (filing-documents.ts).
// Its typed columns and budget lines are read from its answers, as the portal's forms write them.
import type { RawAnswers } from "../../app/domain/dossier-forms";
import { equityAdvanceRepaymentSchedule } from "../../app/domain/schedules";
import type { Prisma } from "../../app/generated/prisma/client";
import {
  DossierEventKind,
  DossierStatus,
  InstalmentKind,
  type CorrectionStatus,
  type PledgeInstrument,
  type PledgeStatus,
  type SchemeCode,
} from "../../app/generated/prisma/enums";
import { nextDossierNumber } from "../../app/services/dossiers/numbers.server";
import { parisYear } from "../paris-time";

import type { DemoAccountKey } from "./accounts";
import { writeDemoDecision } from "./decision-documents";
import { demoDossierColumns } from "./dossier-answers";
import { prepareDemoFiling, type DemoFilingReferences } from "./filing-documents";
import type { DemoOrganisationKey } from "./organisations";

type Tx = Prisma.TransactionClient;

export interface DemoStep {
  at: Date;
  to: DossierStatus;
  by: DemoAccountKey;
  reason: string;
}

export interface DemoDossier {
  scheme: SchemeCode;
  organisation: DemoOrganisationKey;
  createdBy: DemoAccountKey;
  createdAt: Date;
  /**
   * As typed in the scheme's forms (app/domain/dossier-forms), budget rows included. The title, the
   * requested amount, the budget, the jobs, the sector, the territory and the budget lines are read from
   * them; a dossier past the draft must have complete answers.
   */
  answers: RawAnswers;
  proposedAmountCents?: number;
  grantedAmountCents?: number;
  /** Transitions in order, starting from DRAFT; none for a draft. */
  history: DemoStep[];
  assignment?: { at: Date; by: DemoAccountKey; to: DemoAccountKey };
  sharedAt?: Date;
  commissionSessionDate?: Date;
  opinion?: {
    at: Date;
    favourable: boolean;
    motivation: string;
    proposedAmountCents: number;
    yearlyAmountsCents?: number[];
  };
  correction?: {
    at: Date;
    reason: string;
    fields: string[];
    attachmentKinds: string[];
    replyBy: Date;
    status: CorrectionStatus;
    answeredAt?: Date;
    answersBefore?: RawAnswers;
  };
  pledge?: {
    funderSlug: string;
    status: PledgeStatus;
    instrument: PledgeInstrument;
    amountCents: number;
    note: string;
    by: DemoAccountKey;
    at: Date;
  };
  funderComments?: Array<{ at: Date; by: DemoAccountKey; body: string }>;
  instructorNotes?: Array<{ at: Date; by: DemoAccountKey; body: string }>;
  messages?: Array<{ at: Date; by: DemoAccountKey; body: string }>;
  instalments?: Array<{ kind: InstalmentKind; dueDate: Date; amountCents: number; paidAt?: Date }>;
}

export interface DemoReferences {
  users: Record<DemoAccountKey, string>;
  organisations: Record<DemoOrganisationKey, string>;
  schemes: Record<SchemeCode, { id: string; numberPrefix: string; ruleSetId: string }>;
  filing: DemoFilingReferences;
  territories: Map<string, string>;
  funders: Map<string, string>;
  commissionSessions: Map<number, string>;
  calls: Array<{ id: string; schemeId: string; opensAt: Date; closesAt: Date | null }>;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo seed: unknown ${what}`);
  return value;
}

export async function writeDemoDossier(tx: Tx, refs: DemoReferences, dossier: DemoDossier): Promise<void> {
  const scheme = refs.schemes[dossier.scheme];
  const status = dossier.history.at(-1)?.to ?? DossierStatus.DRAFT;
  const filedAt = dossier.history.find((step) => step.to === DossierStatus.FILED)?.at ?? null;
  const decidedAt =
    dossier.history.find((step) => step.to === DossierStatus.GRANTED || step.to === DossierStatus.REFUSED)
      ?.at ?? null;
  const closedAt = dossier.history.find((step) => step.to === DossierStatus.CLOSED)?.at ?? null;
  const reference = filedAt ?? dossier.createdAt;
  const call = refs.calls.find(
    (candidate) =>
      candidate.schemeId === scheme.id &&
      candidate.opensAt <= reference &&
      (candidate.closesAt === null || reference <= candidate.closesAt),
  );
  const user = (key: DemoAccountKey) => refs.users[key];
  const columns = demoDossierColumns(dossier, status !== DossierStatus.DRAFT);
  const filing = filedAt ? await prepareDemoFiling(refs, dossier, filedAt) : null;

  const events: Prisma.DossierEventCreateWithoutDossierInput[] = [];
  let previous: DossierStatus = DossierStatus.DRAFT;
  for (const step of dossier.history) {
    events.push({
      kind: DossierEventKind.STATUS_CHANGE,
      fromStatus: previous,
      toStatus: step.to,
      actor: { connect: { id: user(step.by) } },
      reason: step.reason,
      data: filing?.eventData(step, previous),
      createdAt: step.at,
    });
    previous = step.to;
  }
  if (dossier.assignment) {
    events.push({
      kind: DossierEventKind.ASSIGNMENT,
      actor: { connect: { id: user(dossier.assignment.by) } },
      reason: "Attribution du dossier pour instruction",
      data: { assigneeId: user(dossier.assignment.to) },
      createdAt: dossier.assignment.at,
    });
  }
  if (dossier.sharedAt) {
    events.push({
      kind: DossierEventKind.SHARING,
      actor: { connect: { id: user(dossier.createdBy) } },
      reason: "Partage avec la communauté des financeurs",
      data: { shared: true },
      createdAt: dossier.sharedAt,
    });
  }

  const created = await tx.dossier.create({
    select: { id: true, number: true, title: true },
    data: {
      number: filedAt ? await nextDossierNumber(tx, scheme.numberPrefix, parisYear(filedAt)) : null,
      scheme: { connect: { id: scheme.id } },
      schemeCode: dossier.scheme,
      ruleSet: { connect: { id: scheme.ruleSetId } },
      call: call ? { connect: { id: call.id } } : undefined,
      organisation: { connect: { id: refs.organisations[dossier.organisation] } },
      createdBy: { connect: { id: user(dossier.createdBy) } },
      assignee: dossier.assignment ? { connect: { id: user(dossier.assignment.to) } } : undefined,
      commissionSession: dossier.commissionSessionDate
        ? {
            connect: {
              id: required(refs.commissionSessions.get(dossier.commissionSessionDate.getTime()), "session"),
            },
          }
        : undefined,
      status,
      title: columns.title,
      answers: dossier.answers as Prisma.InputJsonObject,
      requestedAmountCents: columns.requestedAmountCents,
      proposedAmountCents: dossier.proposedAmountCents,
      grantedAmountCents: dossier.grantedAmountCents,
      totalBudgetCents: columns.totalBudgetCents,
      department: { connect: { code: columns.departmentCode } },
      territory: columns.territoryCode
        ? { connect: { id: required(refs.territories.get(columns.territoryCode), columns.territoryCode) } }
        : undefined,
      jobsCreatedFte: columns.jobsCreatedFte,
      jobsConsolidatedFte: columns.jobsConsolidatedFte,
      capAssoSector: columns.capAssoSector,
      employeeAssociatesCount: columns.employeeAssociatesCount,
      lastEditedBy: { connect: { id: user(dossier.createdBy) } },
      lastEditedAt: filedAt ?? dossier.createdAt,
      sharedWithFunders: Boolean(dossier.sharedAt),
      sharedAt: dossier.sharedAt,
      filedAt,
      decidedAt,
      closedAt,
      createdAt: dossier.createdAt,
      events: { create: events },
      budgetLines: { create: columns.budgetLines.map((line, position) => ({ ...line, position })) },
      attachments: filing ? { create: filing.attachments } : undefined,
      opinions: dossier.opinion
        ? {
            create: {
              author: { connect: { id: user("instructor") } },
              favourable: dossier.opinion.favourable,
              motivation: dossier.opinion.motivation,
              proposedAmountCents: dossier.opinion.proposedAmountCents,
              yearlyAmountsCents: dossier.opinion.yearlyAmountsCents ?? [],
              createdAt: dossier.opinion.at,
            },
          }
        : undefined,
      correctionRequests: dossier.correction
        ? {
            create: {
              requestedBy: { connect: { id: user("instructor") } },
              reason: dossier.correction.reason,
              fields: dossier.correction.fields,
              attachmentKinds: dossier.correction.attachmentKinds,
              replyBy: dossier.correction.replyBy,
              status: dossier.correction.status,
              answersBefore: dossier.correction.answersBefore as Prisma.InputJsonObject | undefined,
              answeredAt: dossier.correction.answeredAt,
              createdAt: dossier.correction.at,
            },
          }
        : undefined,
      pledges: dossier.pledge
        ? {
            create: {
              funderOrganisation: {
                connect: {
                  id: required(refs.funders.get(dossier.pledge.funderSlug), dossier.pledge.funderSlug),
                },
              },
              status: dossier.pledge.status,
              instrument: dossier.pledge.instrument,
              amountCents: dossier.pledge.amountCents,
              note: dossier.pledge.note,
              updatedBy: { connect: { id: user(dossier.pledge.by) } },
              // Demo positions are shown to the other funders and the Region.
              sharedAt: dossier.pledge.at,
              createdAt: dossier.pledge.at,
            },
          }
        : undefined,
      funderComments: {
        create: (dossier.funderComments ?? []).map((comment) => ({
          author: { connect: { id: user(comment.by) } },
          body: comment.body,
          createdAt: comment.at,
        })),
      },
      notes: {
        create: (dossier.instructorNotes ?? []).map((note) => ({
          author: { connect: { id: user(note.by) } },
          body: note.body,
          createdAt: note.at,
        })),
      },
      messages: {
        create: (dossier.messages ?? []).map((message) => ({
          author: { connect: { id: user(message.by) } },
          body: message.body,
          createdAt: message.at,
        })),
      },
      instalments: {
        create: (dossier.instalments ?? []).map((instalment, index, all) => ({
          ...instalment,
          // Positions count separately for payments and repayments.
          position: all.slice(0, index).filter((other) => other.kind === instalment.kind).length + 1,
        })),
      },
    },
  });
  await filing?.writeReceipt(tx, created);
  await writeDemoDecision(tx, refs, dossier, created);
}

/** The repayments of an advance paid on `paidAt`, as the portal computes them from the rule set. */
export function advanceRepayments(
  amountCents: number,
  paidAt: Date,
  rules: { repaymentDeferralMonths: number; repaymentFrequencyMonths: number; maxDurationMonths: number },
): Array<{ kind: InstalmentKind; dueDate: Date; amountCents: number }> {
  const { repaymentDeferralMonths, repaymentFrequencyMonths, maxDurationMonths } = rules;
  return equityAdvanceRepaymentSchedule(
    amountCents,
    { repaymentDeferralMonths, repaymentFrequencyMonths, maxDurationMonths },
    paidAt,
  ).instalments.map((instalment) => ({
    kind: InstalmentKind.REPAYMENT,
    dueDate: instalment.dueDate,
    amountCents: instalment.amountCents,
  }));
}

const EUROS = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

/** `euros(2_500_000)` is « 25 000 € » with the narrow no-break spaces French typography wants. */
export function euros(cents: number): string {
  return EUROS.format(cents / 100);
}
