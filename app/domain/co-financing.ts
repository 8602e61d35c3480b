// The co-financing of a shared dossier as the funders read it: what the project costs, what the Region
// brings, what the holder brings themselves, what the funders have firmly committed or are considering,
// and what is left to cover. Only positions already shared count: a draft is its organisation's business.
import type { DossierStatus, PledgeStatus } from "~/generated/prisma/enums";

/** The resource origins that are the holder's own money, not a funder's (see RESOURCE_ORIGINS). */
export const OWN_RESOURCE_CATEGORIES = ["OWN_FUNDS", "SALES"] as const;

export interface CoFinancingInput {
  /** The project's total budget; null when the dossier does not state one. */
  totalBudgetCents: number | null;
  regionAmountCents: number;
  /** The holder's own funds and activity revenue written in the co-financing plan. */
  ownResourcesCents?: number;
  pledges: readonly { status: PledgeStatus; amountCents: number | null }[];
}

export interface CoFinancing {
  totalBudgetCents: number | null;
  regionCents: number;
  ownResourcesCents: number;
  /** Committed and paid positions. */
  firmCents: number;
  /** Positions under consideration, not yet committed. */
  consideredCents: number;
  interestedCount: number;
  /** Left to cover once the firm positions are counted (null without a total budget); never below 0. */
  gapFirmCents: number | null;
  /** Left to cover if the considered positions are confirmed too; never below 0. */
  gapIfConfirmedCents: number | null;
  /** The share of the budget firmly covered, between 0 and 1; null without a budget. */
  coveredShare: number | null;
}

export function coFinancing(input: CoFinancingInput): CoFinancing {
  let firmCents = 0;
  let consideredCents = 0;
  let interestedCount = 0;
  for (const pledge of input.pledges) {
    const amount = Math.max(0, pledge.amountCents ?? 0);
    if (pledge.status === "COMMITTED" || pledge.status === "PAID") firmCents += amount;
    else if (pledge.status === "CONSIDERED") consideredCents += amount;
    else interestedCount += 1;
  }
  const regionCents = Math.max(0, input.regionAmountCents);
  const ownResourcesCents = Math.max(0, input.ownResourcesCents ?? 0);
  const total = input.totalBudgetCents;
  const covered = regionCents + ownResourcesCents + firmCents;
  const known = total !== null && total > 0;
  return {
    totalBudgetCents: total,
    regionCents,
    ownResourcesCents,
    firmCents,
    consideredCents,
    interestedCount,
    gapFirmCents: known ? Math.max(0, total - covered) : null,
    gapIfConfirmedCents: known ? Math.max(0, total - covered - consideredCents) : null,
    coveredShare: known ? Math.min(1, covered / total) : null,
  };
}

export type RegionAmountBasis = "granted" | "proposed" | "requested" | "none";

export const REGION_AMOUNT_LABELS: Record<RegionAmountBasis, string> = {
  granted: "Montant accordé par la Région",
  proposed: "Montant proposé par l’instruction",
  requested: "Montant demandé à la Région",
  none: "Aucune aide de la Région (dossier refusé ou clos)",
};

/**
 * The Region's part as the funders can count on it: the granted amount once decided, else the amount the
 * instruction proposed, else the amount asked; nothing for a refused or closed dossier.
 */
export function regionAmount(dossier: {
  status: DossierStatus;
  requestedAmountCents: number | null;
  proposedAmountCents: number | null;
  grantedAmountCents: number | null;
}): { cents: number; basis: RegionAmountBasis } {
  if (dossier.status === "REFUSED" || dossier.status === "CLOSED") return { cents: 0, basis: "none" };
  if (dossier.grantedAmountCents !== null) return { cents: dossier.grantedAmountCents, basis: "granted" };
  if (dossier.proposedAmountCents !== null) return { cents: dossier.proposedAmountCents, basis: "proposed" };
  return { cents: dossier.requestedAmountCents ?? 0, basis: "requested" };
}

/** The holder's own resources in a co-financing plan. */
export function ownResources(
  lines: readonly { side: string; category: string; amountCents: number }[],
): number {
  return lines
    .filter(
      (line) =>
        line.side === "RESOURCE" && (OWN_RESOURCE_CATEGORIES as readonly string[]).includes(line.category),
    )
    .reduce((sum, line) => sum + line.amountCents, 0);
}
