// The budget envelope of a call and what its dossiers draw on it: requested, proposed to the Commission
// permanente, voted, and what remains (an overrun is said, the Commission being sovereign).
import { DossierStatus } from "~/generated/prisma/enums";

import { formatEuros } from "./format";

/** One status's sums over a call's dossiers, as a grouped query returns them. */
export interface StatusSums {
  status: DossierStatus;
  requestedCents: number;
  proposedCents: number;
  grantedCents: number;
}

export interface EnvelopeFigures {
  envelopeCents: number;
  /** Asked for by every dossier filed on the call, whatever became of it (drafts are not filed). */
  requestedCents: number;
  /** Proposed to the Commission permanente and not yet voted. */
  proposedCents: number;
  /** Granted by the Commission permanente. */
  votedCents: number;
  /** Envelope − voted; negative when the Commission voted beyond it (it is sovereign). */
  remainingCents: number;
  /** What would remain once the pending proposals are voted as proposed. */
  remainingIfProposalsVotedCents: number;
}

export function envelopeFigures(envelopeCents: number, sums: readonly StatusSums[]): EnvelopeFigures {
  const filed = sums.filter((row) => row.status !== DossierStatus.DRAFT);
  const requestedCents = filed.reduce((total, row) => total + row.requestedCents, 0);
  const of = (status: DossierStatus) => filed.find((row) => row.status === status);
  const proposedCents = of(DossierStatus.PROPOSED)?.proposedCents ?? 0;
  const votedCents = of(DossierStatus.GRANTED)?.grantedCents ?? 0;
  return {
    envelopeCents,
    requestedCents,
    proposedCents,
    votedCents,
    remainingCents: envelopeCents - votedCents,
    remainingIfProposalsVotedCents: envelopeCents - votedCents - proposedCents,
  };
}

/** The figures of several calls added up (a year's total row). */
export function totalFigures(rows: readonly EnvelopeFigures[]): EnvelopeFigures {
  const total = envelopeFigures(0, []);
  const keys = Object.keys(total) as Array<keyof EnvelopeFigures>;
  for (const row of rows) for (const key of keys) total[key] += row[key];
  return total;
}

/** A remainder in words: an overrun is said, not only coloured. */
export function remainderLabel(cents: number): string {
  return cents < 0 ? `Dépassement de ${formatEuros(-cents)}` : formatEuros(cents);
}

/** The figures as the pages show them. */
export interface FiguresView {
  envelope: string;
  requested: string;
  proposed: string;
  voted: string;
  remaining: string;
  remainingIfProposalsVoted: string;
  overrun: boolean;
  overrunIfProposalsVoted: boolean;
}

export function figuresView(figures: EnvelopeFigures): FiguresView {
  return {
    envelope: formatEuros(figures.envelopeCents),
    requested: formatEuros(figures.requestedCents),
    proposed: formatEuros(figures.proposedCents),
    voted: formatEuros(figures.votedCents),
    remaining: remainderLabel(figures.remainingCents),
    remainingIfProposalsVoted: remainderLabel(figures.remainingIfProposalsVotedCents),
    overrun: figures.remainingCents < 0,
    overrunIfProposalsVoted: figures.remainingIfProposalsVotedCents < 0,
  };
}
