// The co-financing of a shared dossier as the funders read it, one definition for every page, filter and
// PDF. Two figures, never mixed: how much of the budget the holder's plan finances (usually all of it), and
// how much of the plan is confirmed — the holder's own money, the Region's line once granted, and any other
// line once a funder of that origin has firmly pledged. The rest of the plan is « à confirmer », line by line.
// A pledge confirms the plan line of its origin up to that line's amount; beyond it, or when the plan has no
// line of its origin, it is money added to the plan, never cover. Only positions already shared count.
import { RESOURCE_ORIGINS, type ResourceOrigin } from "~/domain/budget";
import { formatEuros } from "~/domain/format";
import { FUNDER_KIND_ORIGINS } from "~/domain/funder-kinds";
import type { DossierStatus, FunderKind, PledgeStatus } from "~/generated/prisma/enums";

/** The resource origins that are the holder's own money, not a funder's: confirmed as soon as written. */
export const OWN_RESOURCE_CATEGORIES = ["OWN_FUNDS", "SALES"] as const;

const isOwn = (origin: string) => (OWN_RESOURCE_CATEGORIES as readonly string[]).includes(origin);
const isFirm = (status: PledgeStatus) => status === "COMMITTED" || status === "PAID";

export interface CoFinancingInput {
  /** The project's total budget; null when the dossier does not state one. */
  totalBudgetCents: number | null;
  /** The resource lines of the holder's co-financing plan. */
  resources: readonly { category: string; label: string; amountCents: number }[];
  /** The Region's own word on its line: granted, proposed by the instruction, refused or not yet. */
  region: { cents: number; basis: RegionAmountBasis };
  /** Shared positions, each with the plan origin its organisation's money belongs to. */
  pledges: readonly {
    organisation: string;
    origin: ResourceOrigin | null;
    status: PledgeStatus;
    amountCents: number | null;
  }[];
}

export interface CoFinancingLine {
  origin: string;
  originLabel: string;
  label: string;
  amountCents: number;
  confirmedCents: number;
  /** Part of what is still to confirm that a funder (or the instruction) is considering. */
  consideredCents: number;
  toConfirmCents: number;
  /** Who confirms the line, or what is awaited, in one phrase: « engagé par Bpifrance », « fonds propres ». */
  status: string;
}

/** A pledge, or the part of one, that no line of the plan expects: money on top of the plan. */
export interface CoFinancingAddition {
  organisation: string;
  amountCents: number;
  firm: boolean;
}

export interface CoFinancing {
  totalBudgetCents: number | null;
  lines: CoFinancingLine[];
  /** What the plan's resources add up to. */
  planCents: number;
  /** The share of the budget the plan finances (1 when it balances); null without a budget. */
  planShare: number | null;
  /** The part of the budget no line of the plan finances; null without a budget. */
  unplannedCents: number | null;
  confirmedCents: number;
  toConfirmCents: number;
  /** The confirmed part as a share of the budget (of the plan when there is no budget); null if neither. */
  confirmedShare: number | null;
  /** Still to find or confirm with funders: the unplanned part, the unconfirmed lines, the Region's once decided. */
  openNeedCents: number;
  additions: CoFinancingAddition[];
  /** Committed and paid positions, whatever lines they confirm. */
  firmCents: number;
  consideredCents: number;
  interestedCount: number;
}

type Offer = { organisation: string; origin: string | null; firm: boolean; cents: number; by?: string };

/** Firm offers fill the lines of their origin first, then considered ones; what is left over is an addition. */
function allocate(lines: CoFinancingLine[], offers: Offer[], names: Map<CoFinancingLine, Set<string>>) {
  const additions: CoFinancingAddition[] = [];
  for (const firm of [true, false]) {
    for (const offer of offers.filter((candidate) => candidate.firm === firm)) {
      let left = offer.cents;
      for (const line of lines) {
        if (left === 0) break;
        if (line.origin !== offer.origin) continue;
        const room = line.amountCents - line.confirmedCents - line.consideredCents;
        const taken = Math.min(room, left);
        if (taken <= 0) continue;
        if (firm) line.confirmedCents += taken;
        else line.consideredCents += taken;
        names.get(line)!.add(offer.by ?? `${firm ? "engagé" : "envisagé"} par ${offer.organisation}`);
        left -= taken;
      }
      if (left > 0) additions.push({ organisation: offer.organisation, amountCents: left, firm });
    }
  }
  return additions;
}

export function coFinancing(input: CoFinancingInput): CoFinancing {
  const lines: CoFinancingLine[] = input.resources.map((resource) => ({
    origin: resource.category,
    originLabel: RESOURCE_ORIGINS[resource.category as ResourceOrigin] ?? resource.category,
    label: resource.label,
    amountCents: Math.max(0, resource.amountCents),
    confirmedCents: 0,
    consideredCents: 0,
    toConfirmCents: 0,
    status: "",
  }));
  const names = new Map(lines.map((line) => [line, new Set<string>()]));
  const offers: Offer[] = [];
  let interestedCount = 0;
  let firmCents = 0;
  let consideredCents = 0;
  for (const pledge of input.pledges) {
    const cents = Math.max(0, pledge.amountCents ?? 0);
    if (pledge.status === "INTERESTED" || cents === 0) {
      interestedCount += pledge.status === "INTERESTED" ? 1 : 0;
      continue;
    }
    if (isFirm(pledge.status)) firmCents += cents;
    else consideredCents += cents;
    offers.push({
      organisation: pledge.organisation,
      origin: pledge.origin,
      firm: isFirm(pledge.status),
      cents,
    });
  }
  const region = input.region;
  if (region.basis === "granted" || region.basis === "proposed")
    offers.unshift({
      organisation: "Région Centre-Val de Loire",
      origin: "REGION",
      firm: region.basis === "granted",
      cents: Math.max(0, region.cents),
      by: region.basis === "granted" ? "accordé par la Région" : "proposé par l’instruction",
    });
  for (const line of lines) if (isOwn(line.origin)) line.confirmedCents = line.amountCents;
  const additions = allocate(lines, offers, names);
  for (const line of lines) {
    line.toConfirmCents = line.amountCents - line.confirmedCents;
    line.status = lineStatus(line, [...names.get(line)!], region.basis);
  }
  const regionDecided = region.basis === "granted" || region.basis === "none";
  const planCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const confirmedCents = lines.reduce((sum, line) => sum + line.confirmedCents, 0);
  const total = input.totalBudgetCents;
  const known = total !== null && total > 0;
  const unplannedCents = known ? Math.max(0, total - planCents) : null;
  const base = known ? total : planCents;
  return {
    totalBudgetCents: total,
    lines,
    planCents,
    planShare: known ? planCents / total : null,
    unplannedCents,
    confirmedCents,
    toConfirmCents: planCents - confirmedCents,
    confirmedShare: base > 0 ? Math.min(1, confirmedCents / base) : null,
    // The Region's line awaits the Region, not a funder, until it has decided: then what it did not grant
    // is a need like any other.
    openNeedCents:
      (unplannedCents ?? 0) +
      lines
        .filter((line) => line.origin !== "REGION" || regionDecided)
        .reduce((sum, line) => sum + line.toConfirmCents, 0),
    additions,
    firmCents,
    consideredCents,
    interestedCount,
  };
}

function lineStatus(line: CoFinancingLine, by: string[], regionBasis: RegionAmountBasis): string {
  if (isOwn(line.origin)) return "Confirmé : ressources propres du porteur";
  const who = by.length > 0 ? ` (${by.join(", ")})` : "";
  if (line.amountCents === 0) return "Ligne à 0 €";
  if (line.confirmedCents === line.amountCents) return `Confirmé${who}`;
  if (line.origin === "REGION" && regionBasis === "none" && line.confirmedCents === 0)
    return "Non accordé : dossier refusé ou clos";
  if (line.confirmedCents > 0) return `Confirmé en partie${who}`;
  if (line.origin === "REGION" && regionBasis === "requested")
    return "À confirmer : décision de la Région attendue";
  return `À confirmer${who}`;
}

/** What a dossier row must carry for its co-financing: the plan, the Region's stage, the shared pledges. */
export interface CoFinancingDossier {
  status: DossierStatus;
  totalBudgetCents: number | null;
  requestedAmountCents: number | null;
  proposedAmountCents: number | null;
  grantedAmountCents: number | null;
  budgetLines: readonly { side: string; category: string; label: string; amountCents: number }[];
  /** Shared positions only: a draft is its organisation's business. */
  pledges: readonly {
    status: PledgeStatus;
    amountCents: number | null;
    funderOrganisation: { name: string; kind: FunderKind };
  }[];
}

/** The co-financing of a dossier as read from the database: the one reading every page and PDF uses. */
export function dossierCoFinancing(dossier: CoFinancingDossier): CoFinancing {
  return coFinancing({
    totalBudgetCents: dossier.totalBudgetCents,
    resources: dossier.budgetLines.filter((line) => line.side === "RESOURCE"),
    region: regionAmount(dossier),
    pledges: dossier.pledges.map((pledge) => ({
      organisation: pledge.funderOrganisation.name,
      origin: FUNDER_KIND_ORIGINS[pledge.funderOrganisation.kind],
      status: pledge.status,
      amountCents: pledge.amountCents,
    })),
  });
}

const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** « 53 % » with the narrow no-break space French typography wants. */
export function formatShare(share: number): string {
  return percent.format(share).replace(/\s/g, "\u202f");
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

/** « Besoin non couvert »: part of the budget is in no line, or a line but the Region's awaits a funder. */
export function needsFunders(plan: Pick<CoFinancing, "openNeedCents">): boolean {
  return plan.openNeedCents > 0;
}

/** The first figure in one sentence: how much of the budget the holder's plan finances. */
export function planSentence(
  plan: Pick<CoFinancing, "totalBudgetCents" | "planCents" | "planShare" | "unplannedCents">,
): string {
  if (plan.planShare === null || plan.totalBudgetCents === null)
    return `Le porteur n’a pas indiqué de budget total : son plan de financement réunit ${formatEuros(plan.planCents)}.`;
  const share = formatShare(plan.planShare);
  const budget = formatEuros(plan.totalBudgetCents);
  if (plan.unplannedCents && plan.unplannedCents > 0)
    return `Le plan de financement du porteur finance ${share} du budget de ${budget} : ${formatEuros(plan.unplannedCents)} ne sont prévus sur aucune ligne.`;
  return `Le plan de financement du porteur finance ${share} du budget de ${budget}.`;
}

/** The second figure in one sentence: how much of the plan is confirmed, and what confirming means. */
export function confirmedSentence(
  plan: Pick<CoFinancing, "confirmedCents" | "confirmedShare" | "toConfirmCents" | "totalBudgetCents">,
): string {
  const share =
    plan.confirmedShare === null
      ? ""
      : ` (${formatShare(plan.confirmedShare)} ${plan.totalBudgetCents ? "du budget" : "du plan"})`;
  return `${formatEuros(plan.confirmedCents)} sont confirmés${share} — fonds propres, aide de la Région une fois accordée, lignes dont un financeur de même origine s’est engagé — et ${formatEuros(plan.toConfirmCents)} restent à confirmer.`;
}

/** Pledges beyond the plan, in one sentence, or null when every pledge fits a line. */
export function additionsSentence(plan: Pick<CoFinancing, "additions">): string | null {
  if (plan.additions.length === 0) return null;
  const parts = plan.additions.map(
    (addition) =>
      `${formatEuros(addition.amountCents)} ${addition.firm ? "engagés" : "envisagés"} par ${addition.organisation}`,
  );
  return `En plus du plan (aucune ligne de cette origine ne les attend, ou au-delà de son montant) : ${parts.join(" ; ")}.`;
}
