// What a Commission Permanente's agenda adds up to per scheme, and what its votes leave in each call's
// budget envelope. Shared by the session page, its agenda PDF and the services.
import { SchemeCode } from "~/generated/prisma/enums";

const SCHEME_ORDER: readonly SchemeCode[] = [
  SchemeCode.CAP_ASSO,
  SchemeCode.A_VOS_ID,
  SchemeCode.CAP_SCOP_SCIC,
  SchemeCode.EQUITY_ADVANCE,
];

export interface AgendaAmounts {
  schemeCode: SchemeCode;
  schemeName: string;
  requestedAmountCents: number | null;
  proposedAmountCents: number | null;
}

export interface SchemeTotal {
  schemeCode: SchemeCode;
  schemeName: string;
  count: number;
  requestedCents: number;
  proposedCents: number;
}

/** The agenda's totals per scheme, in the order schemes are presented, and the grand total. */
export function totalsByScheme(items: readonly AgendaAmounts[]): {
  schemes: SchemeTotal[];
  total: SchemeTotal & { schemeName: string };
} {
  const byScheme = new Map<SchemeCode, SchemeTotal>();
  for (const item of items) {
    const total = byScheme.get(item.schemeCode) ?? {
      schemeCode: item.schemeCode,
      schemeName: item.schemeName,
      count: 0,
      requestedCents: 0,
      proposedCents: 0,
    };
    total.count += 1;
    total.requestedCents += item.requestedAmountCents ?? 0;
    total.proposedCents += item.proposedAmountCents ?? 0;
    byScheme.set(item.schemeCode, total);
  }
  const schemes = SCHEME_ORDER.flatMap((code) => {
    const total = byScheme.get(code);
    return total ? [total] : [];
  });
  return {
    schemes,
    total: {
      schemeCode: SchemeCode.CAP_ASSO,
      schemeName: "Total",
      count: items.length,
      requestedCents: schemes.reduce((sum, total) => sum + total.requestedCents, 0),
      proposedCents: schemes.reduce((sum, total) => sum + total.proposedCents, 0),
    },
  };
}

export interface CallEnvelope {
  callId: string;
  title: string;
  envelopeCents: number;
  /** Granted by the Commission so far. */
  votedCents: number;
  /** Proposed and awaiting a vote, on any agenda or none. */
  proposedCents: number;
  remainingCents: number;
}

export interface EnvelopeAfterSession extends CallEnvelope {
  /** What this session's agenda proposes from the call. */
  sessionProposedCents: number;
  remainingAfterCents: number;
  /** The proposals exceed what remains: a warning, as the Commission is sovereign. */
  exceeded: boolean;
}

/** What each call's envelope keeps once this session's proposals are voted. */
export function envelopesAfterSession(
  envelopes: readonly CallEnvelope[],
  sessionItems: ReadonlyArray<{ callId: string | null; proposedAmountCents: number | null }>,
): EnvelopeAfterSession[] {
  return envelopes.map((envelope) => {
    const sessionProposedCents = sessionItems
      .filter((item) => item.callId === envelope.callId)
      .reduce((sum, item) => sum + (item.proposedAmountCents ?? 0), 0);
    const remainingAfterCents = envelope.remainingCents - sessionProposedCents;
    return { ...envelope, sessionProposedCents, remainingAfterCents, exceeded: remainingAfterCents < 0 };
  });
}
