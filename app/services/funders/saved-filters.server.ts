// A funder's saved filters: each is the pipeline's query string under a name, optionally subscribed to the
// weekly digest. A person only ever reads or changes their own: someone else's filter answers 404, like an
// unknown one, so an id tells nothing.
import { pipelineSearch } from "~/domain/funder-pipeline";
import { describeSavedFilter, normalisedQuery, savedFilterOf } from "~/domain/funder-saved-filters";
import { AUDIT_ACTIONS } from "~/domain/audit";
import type { PrismaClient } from "~/generated/prisma/client";
import { notFound, UserError } from "~/domain/user-error";

import { auditFunderAct } from "./audit.server";

/** More filters than anyone reads on one page; the cap keeps a runaway form from filling the table. */
export const MAX_SAVED_FILTERS = 50;

export class SavedFilterError extends UserError {
  constructor(message: string, status: number) {
    super(message, { status });
    this.name = "SavedFilterError";
  }
}

const missing = () => notFound("Ce filtre enregistré est introuvable.");

/** Territory codes → names, for the filters' descriptions. */
export async function territoryNames(db: PrismaClient): Promise<Record<string, string>> {
  const territories = await db.territory.findMany({ select: { code: true, name: true } });
  return Object.fromEntries(territories.map((territory) => [territory.code, territory.name]));
}

export async function listSavedFilters(db: PrismaClient, userId: string) {
  const [filters, names] = await Promise.all([
    db.funderSavedFilter.findMany({
      where: { userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, filters: true, weeklyDigest: true, createdAt: true },
    }),
    territoryNames(db),
  ]);
  return filters.map((row) => {
    const filter = savedFilterOf(row.filters);
    return {
      id: row.id,
      name: row.name,
      query: pipelineSearch(filter).replace(/^\?/, ""),
      description: describeSavedFilter(filter, names),
      weeklyDigest: row.weeklyDigest,
      createdAt: row.createdAt,
    };
  });
}

/**
 * Saves the pipeline's current filter under a name; the query is stored in its one normalised form. It is
 * subscribed to the weekly digest only when the person asked for it.
 */
export async function saveFilter(
  db: PrismaClient,
  input: { userId: string; name: string; query: string; digest?: boolean; now?: Date },
) {
  const count = await db.funderSavedFilter.count({ where: { userId: input.userId } });
  if (count >= MAX_SAVED_FILTERS) {
    throw new SavedFilterError(
      `Vous avez déjà ${MAX_SAVED_FILTERS} filtres enregistrés : supprimez-en un avant d’en ajouter un autre.`,
      409,
    );
  }
  const now = input.now ?? new Date();
  const weeklyDigest = input.digest ?? false;
  return db.$transaction(async (tx) => {
    const saved = await tx.funderSavedFilter.create({
      data: {
        userId: input.userId,
        name: input.name,
        filters: { query: normalisedQuery(input.query) },
        weeklyDigest,
        createdAt: now,
      },
      select: { id: true, name: true, weeklyDigest: true },
    });
    await auditFunderAct(tx, {
      actorId: input.userId,
      action: AUDIT_ACTIONS.funderFilterSaved,
      targetType: "FunderSavedFilter",
      targetId: saved.id,
      details: { name: input.name, query: normalisedQuery(input.query), weeklyDigest },
      now,
    });
    return saved;
  });
}

/**
 * Subscribes or unsubscribes a filter. Subscribing again starts the digest from now: a filter left idle for
 * months should not bring back everything shared meanwhile in one email.
 */
export async function setFilterDigest(
  db: PrismaClient,
  input: { userId: string; filterId: string; weeklyDigest: boolean; now?: Date },
) {
  const now = input.now ?? new Date();
  const filter = await db.funderSavedFilter.findFirst({
    where: { id: input.filterId, userId: input.userId },
    select: { id: true, name: true, weeklyDigest: true },
  });
  if (!filter) throw missing();
  if (filter.weeklyDigest === input.weeklyDigest) return filter;
  await db.$transaction(async (tx) => {
    await tx.funderSavedFilter.updateMany({
      where: { id: filter.id, userId: input.userId },
      data: input.weeklyDigest ? { weeklyDigest: true, lastDigestAt: now } : { weeklyDigest: false },
    });
    await auditFunderAct(tx, {
      actorId: input.userId,
      action: AUDIT_ACTIONS.funderFilterDigestChanged,
      targetType: "FunderSavedFilter",
      targetId: filter.id,
      details: { name: filter.name, weeklyDigest: input.weeklyDigest },
      now,
    });
  });
  return { ...filter, weeklyDigest: input.weeklyDigest };
}

export async function deleteFilter(
  db: PrismaClient,
  input: { userId: string; filterId: string; now?: Date },
) {
  const filter = await db.funderSavedFilter.findFirst({
    where: { id: input.filterId, userId: input.userId },
    select: { id: true, name: true },
  });
  if (!filter) throw missing();
  await db.$transaction(async (tx) => {
    await tx.funderSavedFilter.deleteMany({ where: { id: filter.id, userId: input.userId } });
    await auditFunderAct(tx, {
      actorId: input.userId,
      action: AUDIT_ACTIONS.funderFilterDeleted,
      targetType: "FunderSavedFilter",
      targetId: filter.id,
      details: { name: filter.name },
      now: input.now ?? new Date(),
    });
  });
  return filter;
}
