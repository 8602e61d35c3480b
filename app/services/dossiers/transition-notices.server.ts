// Who each transition emails, and with which email: one builder per party that TRANSITIONS[…].notifies
// lists (app/domain/dossier-workflow.ts), checked by the compiler. applyTransition enqueues them in the
// transaction that makes the move, with the documents the move issued attached to the applicants' email.
import type { Transition, TRANSITIONS } from "~/domain/dossier-workflow";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { correctionAnswered } from "~emails/correction-answered";
import { correctionRequested } from "~emails/correction-requested";
import { dossierClosed } from "~emails/dossier-closed";
import { dossierDecided } from "~emails/dossier-decided";
import { dossierFiled } from "~emails/dossier-filed";
import { dossierSettled } from "~emails/dossier-settled";
import { dossierReopened, dossierReopenedForStaff } from "~emails/dossier-reopened";
import { instructionStarted } from "~emails/instruction-started";
import type { RenderedEmail } from "~emails/layout";

/** The active accounts of the applicant organisation's members: whom a dossier's news is emailed to. */
export async function applicantRecipients(
  tx: Prisma.TransactionClient | PrismaClient,
  organisationId: string,
) {
  const memberships = await tx.membership.findMany({
    where: { organisationId, user: { deactivatedAt: null } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true, firstName: true } } },
  });
  return memberships.map((membership) => membership.user);
}

interface Decided {
  schemeName: string;
  amountCents: number | null;
  sessionDate: Date;
  motivation: string | null;
}

/** What each transition's emails say besides the dossier, the reason and the documents. */
export interface NoticeDetails {
  FILE: {
    dossierTitle: string;
    schemeName: string;
    organisationName: string;
    requestedAmountCents: number | null;
  };
  START_INSTRUCTION: { schemeName: string };
  REQUEST_CORRECTION: { items: string[]; replyBy: Date };
  RESUBMIT: { dossierTitle: string; organisationName: string; changeCount: number; note?: string };
  PROPOSE: undefined;
  GRANT: Decided;
  REFUSE: Decided;
  CLOSE: undefined;
  REOPEN: undefined;
  SETTLE: { paidCents: number };
}

export interface NoticeContext<T extends Transition> {
  dossier: { id: string; number: string; title: string };
  reason: string;
  appUrl: string;
  now: Date;
  details: NoticeDetails[T];
}

type Person = { firstName: string };

interface ApplicantNotice<T extends Transition> {
  /** The organisation's members, or only the member who made the move (the filing receipt is theirs). */
  to: "members" | "actor";
  email(context: NoticeContext<T>, person: Person, url: string): RenderedEmail;
}

interface AssigneeNotice<T extends Transition> {
  /** The line of the instructor's daily digest. */
  line(context: NoticeContext<T>): string;
  email(context: NoticeContext<T>, person: Person, url: string): RenderedEmail;
}

type Parties<T extends Transition> = (typeof TRANSITIONS)[T]["notifies"][number];

export type NoticeRegistry = {
  [T in Transition]: {
    [P in Parties<T>]: P extends "APPLICANT" ? ApplicantNotice<T> : AssigneeNotice<T>;
  };
};

const common = <T extends Transition>(context: NoticeContext<T>, person: Person, url: string) => ({
  firstName: person.firstName,
  dossierNumber: context.dossier.number,
  dossierTitle: context.dossier.title,
  url,
});

const decided = (granted: boolean): ApplicantNotice<"GRANT" | "REFUSE"> => ({
  to: "members",
  email: (context, person, url) =>
    dossierDecided({
      ...common(context, person, url),
      schemeName: context.details.schemeName,
      granted,
      amountCents: granted ? context.details.amountCents : null,
      sessionDate: context.details.sessionDate,
      motivation: context.details.motivation,
    }),
});

export const TRANSITION_NOTICES: NoticeRegistry = {
  FILE: {
    APPLICANT: {
      to: "actor",
      email: (context, person, url) =>
        dossierFiled({
          ...common(context, person, url),
          dossierTitle: context.details.dossierTitle,
          schemeName: context.details.schemeName,
          organisationName: context.details.organisationName,
          filedAt: context.now,
          requestedAmountCents: context.details.requestedAmountCents,
        }),
    },
  },
  START_INSTRUCTION: {
    APPLICANT: {
      to: "members",
      email: (context, person, url) =>
        instructionStarted({ ...common(context, person, url), schemeName: context.details.schemeName }),
    },
  },
  REQUEST_CORRECTION: {
    APPLICANT: {
      to: "members",
      email: (context, person, url) =>
        correctionRequested({
          ...common(context, person, url),
          reason: context.reason,
          items: context.details.items,
          replyBy: context.details.replyBy,
        }),
    },
  },
  RESUBMIT: {
    ASSIGNEE: {
      line: (context) => `${context.dossier.number} : correction reçue`,
      email: (context, person, url) =>
        correctionAnswered({
          ...common(context, person, url),
          dossierTitle: context.details.dossierTitle,
          organisationName: context.details.organisationName,
          changeCount: context.details.changeCount,
          note: context.details.note,
        }),
    },
  },
  PROPOSE: {},
  GRANT: { APPLICANT: decided(true) },
  REFUSE: { APPLICANT: decided(false) },
  CLOSE: {
    APPLICANT: {
      to: "members",
      email: (context, person, url) =>
        dossierClosed({ ...common(context, person, url), reason: context.reason }),
    },
  },
  REOPEN: {
    APPLICANT: {
      to: "members",
      email: (context, person, url) =>
        dossierReopened({ ...common(context, person, url), reason: context.reason }),
    },
    ASSIGNEE: {
      line: (context) => `${context.dossier.number} : dossier rouvert`,
      email: (context, person, url) =>
        dossierReopenedForStaff({ ...common(context, person, url), reason: context.reason }),
    },
  },
  SETTLE: {
    APPLICANT: {
      to: "members",
      email: (context, person, url) =>
        dossierSettled({ ...common(context, person, url), paidCents: context.details.paidCents }),
    },
  },
};
