// Everything the instructor's page of a dossier shows, formatted for French readers and serialisable:
// the filed answers and pieces, the eligibility re-checked against the dossier's own rule-set version,
// the completeness checklist, the correction rounds and their diff, private notes, the staff timeline
// (staff named, unlike the applicant's), the messages and what the instructor may do next.
// Authorization comes first: getDossierForStaff answers 404 outside the instructor's scope.
import { fullName } from "~/domain/people";
import { dossierSteps, isList } from "~/domain/dossier-forms";
import { messageEntry, timelineEntry } from "~/domain/dossier-timeline";
import { availableTransitions, type Transition } from "~/domain/dossier-workflow";
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { defaultReplyByInput } from "~/domain/correction-request";
import { agreementYears, COMPLETENESS_ITEMS, readCompleteness } from "~/domain/instruction-opinion";
import { parseQueueFilter } from "~/domain/instruction-queue";
import { formatBytes } from "~/domain/uploads";
import { env } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, SchemeCode, UserRole } from "~/generated/prisma/enums";

import { completeDossierData } from "~/services/dossiers/complete-dossier.server";
import { moneyTimeline } from "~/services/post-grant/money.server";
import { listMessagesForStaff } from "~/services/dossiers/messages.server";
import { dossierTimelineEvents } from "~/services/dossiers/timeline.server";
import { answersOf, formContext } from "~/services/applicant/dossiers.server";
import { dossierChecklist } from "~/services/applicant/filing.server";
import { readCommunityActivity } from "~/services/funders/positions.server";
import { getDossierForStaff, type StaffActor } from "./access.server";
import { listNotes } from "./actions.server";
import { correctionDiffs } from "./corrections.server";
import { queueNeighbours } from "./queue-neighbours.server";
import { isUserError } from "~/domain/user-error";
import { PREVIEWABLE_TYPES, STAFF_DOCUMENTS, type StaffDocumentSlug } from "./dossier-files.server";
import { NOT_POST_GRANT } from "~/services/applicant/attachments.server";

export type { StaffActor };
export type InstructionDossierView = Awaited<ReturnType<typeof instructionDossierView>>;

const actorName = (person: { firstName: string; lastName: string } | null | undefined) =>
  person ? fullName(person) : "Le portail";

/** What the opinion form asks for: CAP ASSO's yearly amounts, an equity advance's repayment rules. */
export function opinionRules(schemeCode: SchemeCode, ruleSetParameters: unknown) {
  const parameters = (ruleSetParameters ?? {}) as Record<string, unknown>;
  return {
    yearCount:
      schemeCode === SchemeCode.CAP_ASSO
        ? agreementYears({ agreementLengthMonths: Number(parameters.agreementLengthMonths ?? 36) })
        : 0,
    repaymentRules:
      schemeCode === SchemeCode.EQUITY_ADVANCE
        ? {
            maxDurationMonths: Number(parameters.maxDurationMonths),
            repaymentDeferralMonths: Number(parameters.repaymentDeferralMonths),
            repaymentFrequencyMonths: Number(parameters.repaymentFrequencyMonths),
          }
        : null,
  };
}

export const dossierPath = (dossierId: string) => `/instruction/dossiers/${dossierId}`;

export async function instructionDossierView(
  db: PrismaClient,
  actor: StaffActor,
  dossierId: string,
  queueQuery: URLSearchParams,
  now = new Date(),
) {
  const dossier = await getDossierForStaff(db, actor, dossierId);
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const steps = dossierSteps(dossier.schemeCode, context);
  // The page's own parameters (a confirmation) are not part of the queue's filter.
  const query = new URLSearchParams(queueQuery);
  query.delete("fait");
  const search = query.size > 0 ? `?${query}` : "";
  const filter = parseQueueFilter(query);

  const [
    complete,
    checklist,
    attachments,
    documents,
    events,
    corrections,
    notes,
    messages,
    instructors,
    neighbours,
    money,
  ] = await Promise.all([
    completeDossierData(db, dossier as Parameters<typeof completeDossierData>[1], now),
    dossierChecklist(db, dossier as Parameters<typeof dossierChecklist>[1], now),
    db.attachment.findMany({
      where: { dossierId: dossier.id, deletedAt: null, messageId: null, ...NOT_POST_GRANT },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
    }),
    db.generatedDocument.findMany({
      where: { dossierId: dossier.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { kind: true, createdAt: true },
    }),
    dossierTimelineEvents(db, dossier.id),
    correctionDiffs(db, dossier.id),
    listNotes(db, actor, dossier.id),
    listMessagesForStaff(db, actor, dossier.id),
    db.user.findMany({
      where: { role: UserRole.INSTRUCTOR, deactivatedAt: null },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, firstName: true, lastName: true },
    }),
    queueNeighbours(db, actor, filter, dossier.id),
    // After the grant: the money's timeline, with the staff's links (null before).
    moneyTimeline(db, dossier.id, "staff", now),
  ]);

  // Only while the holder shares it: withdrawing consent hides the funders' work from this page too.
  const community = dossier.sharedWithFunders
    ? await readCommunityActivity(db, { ...actor, funderOrganisationId: null }, dossier.id).catch(
        (error: unknown) => {
          if (isUserError(error) && error.status === 404) return null;
          throw error;
        },
      )
    : null;
  const pieceLabels = new Map(context.parameters.requiredAttachments.map((item) => [item.kind, item.label]));
  const href = (id: string) => `${dossierPath(id)}${search}`;
  const marks = readCompleteness(dossier.completeness);
  const raw = answersOf(dossier.answers);

  return {
    dossier: {
      id: dossier.id,
      number: dossier.number ?? "Sans numéro",
      title: dossier.title,
      status: dossier.status,
      revision: dossier.revision,
      schemeCode: dossier.schemeCode,
      schemeName: dossier.scheme.name,
      ruleSetVersion: dossier.ruleSet.version,
      callTitle: dossier.call?.title ?? null,
      requestedAmount:
        dossier.requestedAmountCents === null ? null : formatEuros(dossier.requestedAmountCents),
      totalBudget: dossier.totalBudgetCents === null ? null : formatEuros(dossier.totalBudgetCents),
      proposedAmount: dossier.proposedAmountCents === null ? null : formatEuros(dossier.proposedAmountCents),
      grantedAmount: dossier.grantedAmountCents === null ? null : formatEuros(dossier.grantedAmountCents),
      filedOn: dossier.filedAt ? formatDate(dossier.filedAt) : null,
      organisation: {
        name: dossier.organisation.name,
        siret: dossier.organisation.siret,
        rnaNumber: dossier.organisation.rnaNumber,
        departmentCode: dossier.departmentCode ?? dossier.organisation.departmentCode ?? null,
      },
      assignee: dossier.assignee ? { id: dossier.assignee.id, name: fullName(dossier.assignee) } : null,
    },
    actorRole: actor.role,
    navigation: {
      queueHref: `/instruction${search}`,
      previousHref: neighbours.previousId ? href(neighbours.previousId) : null,
      nextHref: neighbours.nextId ? href(neighbours.nextId) : null,
      position: neighbours.position,
      total: neighbours.total,
    },
    assignment: {
      instructors: instructors.map((user) => ({ value: user.id, label: fullName(user) })),
      history: events
        .filter((event) => event.kind === DossierEventKind.ASSIGNMENT)
        .map((event) => ({
          id: event.id,
          at: formatDateTime(event.createdAt),
          iso: event.createdAt.toISOString(),
          actor: actorName(event.actor),
          reason: event.reason ?? "Dossier confié",
        })),
    },
    // Settling is offered by the follow-up of the grant, once nothing is left open (post-grant services).
    transitions: availableTransitions(dossier.status, actor.role).filter(
      (name): name is Transition => name !== "SETTLE",
    ),
    correctionForm: {
      steps: steps.map((step) => ({
        id: step.id,
        title: step.title,
        fields: step.items.map((item) => ({ name: item.name, label: item.label, list: isList(item) })),
      })),
      pieces: [...pieceLabels].map(([kind, label]) => ({ kind, label })),
      defaultReplyBy: defaultReplyByInput(now),
    },
    opinionForm: {
      ...opinionRules(dossier.schemeCode, dossier.ruleSet.parameters),
      yearlyDefaults: [1, 2, 3].map((year) => {
        const typed = raw[`amountYear${year}`];
        return typeof typed === "string" ? typed : "";
      }),
      amountDefault: dossier.requestedAmountCents === null ? "" : formatEuros(dossier.requestedAmountCents),
    },
    answers: {
      organisation: complete.organisation,
      sections: complete.sections,
      budget: {
        expenses: complete.budget.expenses.map((line) => ({ ...line, amount: formatEuros(line.cents) })),
        resources: complete.budget.resources.map((line) => ({ ...line, amount: formatEuros(line.cents) })),
      },
    },
    pieces: attachments.map((file) => ({
      id: file.id,
      label: pieceLabels.get(file.kind) ?? "Autre pièce",
      fileName: file.fileName,
      size: formatBytes(file.sizeBytes),
      uploadedOn: formatDate(file.createdAt),
      href: `${dossierPath(dossier.id)}/pieces/${file.id}`,
      previewHref: PREVIEWABLE_TYPES.has(file.mimeType)
        ? `${dossierPath(dossier.id)}/pieces/${file.id}?apercu=1`
        : null,
    })),
    documents: [
      ...(Object.keys(STAFF_DOCUMENTS) as StaffDocumentSlug[]).flatMap((slug) => {
        const latest = documents.find((document) => document.kind === STAFF_DOCUMENTS[slug].kind);
        return latest
          ? [{ slug, label: STAFF_DOCUMENTS[slug].label, date: formatDate(latest.createdAt) }]
          : [];
      }),
      { slug: "dossier-complet", label: "Dossier complet", date: null },
    ].map((document) => ({ ...document, href: `${dossierPath(dossier.id)}/documents/${document.slug}` })),
    eligibility: {
      eligible: checklist.eligibility.eligible,
      criteria: checklist.eligibility.criteria.map((criterion) => ({
        id: criterion.id,
        label: criterion.label,
        met: criterion.met,
        explanation: criterion.explanation,
      })),
    },
    completeness: COMPLETENESS_ITEMS(dossier).map((item) => {
      const mark = marks[item.key];
      return {
        ...item,
        checked: mark?.checked ?? false,
        by: mark?.by || null,
        at: mark?.at && !Number.isNaN(Date.parse(mark.at)) ? formatDateTime(mark.at) : null,
      };
    }),
    corrections: corrections.map((round) => ({
      id: round.requestId,
      reason: round.reason,
      status: round.status,
      requestedOn: formatDate(round.requestedAt),
      replyBy: formatDate(round.replyBy),
      answeredOn: round.answeredAt ? formatDate(round.answeredAt) : null,
      answerNote: round.answerNote,
      fields: round.fields.map((field) => field.label),
      pieces: round.attachmentKinds.map((piece) => piece.label),
      changes: round.changes,
      pieceChanges: round.attachmentChanges,
    })),
    notes: notes.map((note) => ({
      id: note.id,
      body: note.body,
      at: formatDateTime(note.createdAt),
      iso: new Date(note.createdAt).toISOString(),
      author: note.authorName,
    })),
    timeline: events.map((event) => timelineEntry(event, actorName(event.actor))),
    messages: messages.map((item) => messageEntry(item, `${dossierPath(dossier.id)}/pieces`)),
    uploadLimit: formatBytes(env().uploadMaxBytes),
    community,
    money,
  };
}
