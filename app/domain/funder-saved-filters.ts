// A funder's saved filter as people read it: one short French line naming what it keeps
// (« CAP ASSO · Indre-et-Loire · besoin non couvert »), shown on « Mes filtres » and in the weekly digest.
// The stored form is the pipeline's query string, so the filter always reopens the same pipeline.
import { z } from "zod";

import { formatEuros } from "~/domain/format";
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import { SCHEMES } from "~/domain/schemes";
import { CAP_ASSO_SECTOR_LABELS } from "~/domain/schemes/cap-asso";

import { parsePipelineFilter, pipelineSearch, type PipelineFilter } from "./funder-pipeline";

export const SAVED_FILTER_NAME_MAX = 80;

/** What `FunderSavedFilter.filters` holds: the normalised query string, without its `?`. */
export const savedFilterJsonSchema = z.object({ query: z.string().max(2000) });

/** The filter stored in a row; a row written by hand or by an older version reads as "everything". */
export function savedFilterOf(filters: unknown): PipelineFilter {
  const parsed = savedFilterJsonSchema.safeParse(filters);
  return parsePipelineFilter(new URLSearchParams(parsed.success ? parsed.data.query : ""));
}

/** The query string to store for what the pipeline page posted: read, then written back in its one form. */
export function normalisedQuery(query: string): string {
  return pipelineSearch(parsePipelineFilter(new URLSearchParams(query.replace(/^\?/, "")))).replace(
    /^\?/,
    "",
  );
}

/** The form saving a filter: the name the funder typed and the pipeline's query string. */
export const saveFilterSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Donnez un nom à ce filtre.")
    .max(SAVED_FILTER_NAME_MAX, `Le nom ne peut dépasser ${SAVED_FILTER_NAME_MAX} caractères.`),
  query: z.string().max(2000, "Ce filtre est trop long pour être enregistré.").default(""),
  /** The box « recevoir chaque lundi… », unticked unless the person asks for the email. */
  digest: z
    .string()
    .optional()
    .transform((value) => value === "oui"),
});

/**
 * « CAP ASSO · Indre-et-Loire · besoin non couvert ». Territory names come from the database, so they are
 * passed in; an unknown code is shown as such rather than hidden.
 */
export function describeSavedFilter(
  filter: PipelineFilter,
  territoryNames: Readonly<Record<string, string>> = {},
): string {
  const parts: string[] = [];
  if (filter.scheme) parts.push(SCHEMES[filter.scheme].name);
  if (filter.department) {
    const name = (REGION_DEPARTMENTS as Record<string, string>)[filter.department];
    parts.push(name ?? `département ${filter.department}`);
  }
  if (filter.territory) parts.push(territoryNames[filter.territory] ?? `territoire ${filter.territory}`);
  if (filter.sector) parts.push(CAP_ASSO_SECTOR_LABELS[filter.sector]);
  const { amountMinCents: min, amountMaxCents: max } = filter;
  if (min !== null && max !== null) parts.push(`de ${formatEuros(min)} à ${formatEuros(max)} demandés`);
  else if (min !== null) parts.push(`au moins ${formatEuros(min)} demandés`);
  else if (max !== null) parts.push(`au plus ${formatEuros(max)} demandés`);
  if (filter.gapOnly) parts.push("besoin non couvert");
  if (filter.q) parts.push(`« ${filter.q} »`);
  return parts.length > 0 ? parts.join(" · ") : "Tous les projets partagés";
}
