import type { PrismaClient } from "../../app/generated/prisma/client";
import { FunderKind } from "../../app/generated/prisma/enums";

/** Founding members of the funders' community (Mesure 15). */
export const FUNDER_ORGANISATIONS = [
  { slug: "dreets-centre-val-de-loire", name: "DREETS Centre-Val de Loire", kind: FunderKind.STATE },
  { slug: "banque-des-territoires", name: "Banque des Territoires", kind: FunderKind.PUBLIC_BANK },
  { slug: "ademe-centre-val-de-loire", name: "ADEME Centre-Val de Loire", kind: FunderKind.PUBLIC_AGENCY },
  { slug: "bpifrance", name: "Bpifrance", kind: FunderKind.PUBLIC_BANK },
  {
    slug: "france-active-centre-val-de-loire",
    name: "France Active Centre-Val de Loire",
    kind: FunderKind.SOLIDARITY_FINANCE,
  },
  { slug: "fondation-credit-cooperatif", name: "Fondation Crédit Coopératif", kind: FunderKind.FOUNDATION },
] as const;

export type FunderSlug = (typeof FUNDER_ORGANISATIONS)[number]["slug"];

export async function seedFunderOrganisations(db: PrismaClient): Promise<void> {
  for (const funder of FUNDER_ORGANISATIONS) {
    await db.funderOrganisation.upsert({ where: { slug: funder.slug }, create: funder, update: {} });
  }
}
