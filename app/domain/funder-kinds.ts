// The kinds of funder organisations, as users read them, and the slug an organisation's name gives.
import type { ResourceOrigin } from "~/domain/budget";
import { FunderKind } from "~/generated/prisma/enums";

export const FUNDER_KIND_LABELS: Record<FunderKind, string> = {
  STATE: "État et services déconcentrés",
  PUBLIC_BANK: "Banque publique",
  PUBLIC_AGENCY: "Agence publique",
  SOLIDARITY_FINANCE: "Finance solidaire",
  FOUNDATION: "Fondation",
  MUTUAL_INSURER: "Mutuelle ou assureur",
  LOCAL_AUTHORITY: "Collectivité territoriale",
};

export const FUNDER_KINDS = Object.values(FunderKind);

/**
 * The line of a co-financing plan an organisation's money belongs to: a pledge confirms the plan's lines of
 * that origin. No kind is the European Union's: EU lines (LEADER, FSE+) are confirmed by no pledge here.
 */
export const FUNDER_KIND_ORIGINS: Record<FunderKind, ResourceOrigin> = {
  STATE: "STATE",
  // ADEME and the like are the State's agencies: applicants write their grants on the State's line.
  PUBLIC_AGENCY: "STATE",
  PUBLIC_BANK: "PUBLIC_BANK",
  SOLIDARITY_FINANCE: "PRIVATE",
  FOUNDATION: "PRIVATE",
  MUTUAL_INSURER: "PRIVATE",
  LOCAL_AUTHORITY: "EPCI",
};

/** « Fondation Crédit Coopératif » → « fondation-credit-cooperatif »: ASCII, lower case, dashes. */
export function funderSlug(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  // A name of symbols only still needs an address.
  return slug || "organisation";
}
