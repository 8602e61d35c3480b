// The budget envelope of each call for projects: what the dossiers filed on it ask for, what is proposed to
// the Commission permanente, what it voted and what remains. Computed here only, for the instruction queue,
// the Commission's sessions and the administration's calls alike.
import { envelopeFigures, type EnvelopeFigures } from "~/domain/call-envelopes";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, type CallKind, type SchemeCode } from "~/generated/prisma/enums";

type Db = PrismaClient | Prisma.TransactionClient;

export interface CallFigures extends EnvelopeFigures {
  callId: string;
  title: string;
  year: number;
  kind: CallKind;
  schemeCode: SchemeCode;
  /** The scheme's name. */
  scheme: string;
  opensAt: Date;
  closesAt: Date | null;
}

/**
 * The calls `where` selects, each with its envelope's figures. The sums cover the whole call, whoever asks:
 * the envelope is shared. One grouped query over the dossiers, however many calls.
 */
export async function envelopesOfCalls(
  db: Db,
  where: Prisma.CallWhereInput,
  orderBy: Prisma.CallOrderByWithRelationInput[],
): Promise<CallFigures[]> {
  const calls = await db.call.findMany({
    where,
    orderBy,
    select: {
      id: true,
      title: true,
      year: true,
      kind: true,
      opensAt: true,
      closesAt: true,
      budgetEnvelopeCents: true,
      scheme: { select: { code: true, name: true } },
    },
  });
  if (calls.length === 0) return [];
  const groups = await db.dossier.groupBy({
    by: ["callId", "status"],
    where: { callId: { in: calls.map((call) => call.id) }, status: { not: DossierStatus.DRAFT } },
    _sum: { requestedAmountCents: true, proposedAmountCents: true, grantedAmountCents: true },
  });
  return calls.map(({ id, budgetEnvelopeCents, scheme, ...call }) => ({
    callId: id,
    ...call,
    schemeCode: scheme.code,
    scheme: scheme.name,
    ...envelopeFigures(
      Number(budgetEnvelopeCents),
      groups
        .filter((group) => group.callId === id)
        .map((group) => ({
          status: group.status,
          requestedCents: group._sum.requestedAmountCents ?? 0,
          proposedCents: group._sum.proposedAmountCents ?? 0,
          grantedCents: group._sum.grantedAmountCents ?? 0,
        })),
    ),
  }));
}
