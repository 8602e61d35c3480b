// Where a dossier stands in the instructor's queue, for the dossier view's « précédent / suivant »: the ids
// on either side, its position and the total, found around the dossier's own sort key by a few indexed
// queries rather than by reading the ids of the whole queue (tens of thousands of dossiers).
import type { QueueFilter, QueueSort } from "~/domain/instruction-queue";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

import { queueOrderBy, queueWhere, type QueueUser } from "./queue.server";

type Neighbours = {
  previousId: string | null;
  nextId: string | null;
  position: number | null;
  total: number;
};

/** The sorts on a column every queued dossier has (filed date, number): their neighbours are found by keyset. */
const KEYSET_SORTS: Partial<Record<QueueSort, { column: "filedAt" | "number"; direction: "asc" | "desc" }>> =
  {
    depot_desc: { column: "filedAt", direction: "desc" },
    depot_asc: { column: "filedAt", direction: "asc" },
    numero: { column: "number", direction: "asc" },
  };

/**
 * Where a dossier stands in the queue's order: the ids on either side, its 1-based position, the total.
 * For the usual sorts, a few indexed queries around the dossier's own key, whatever the queue's length;
 * the others read the selection's ids (no cheaper way to place a dossier by amount or organisation name).
 */
export async function queueNeighbours(
  db: PrismaClient,
  user: QueueUser,
  filter: QueueFilter,
  dossierId: string,
): Promise<Neighbours> {
  const where = await queueWhere(db, user, filter);
  const keyset = KEYSET_SORTS[filter.sort];
  const current = keyset
    ? await db.dossier.findFirst({
        where: { AND: [where, { id: dossierId }] },
        select: { filedAt: true, number: true },
      })
    : null;
  if (keyset && !current) {
    return { previousId: null, nextId: null, position: null, total: await db.dossier.count({ where }) };
  }
  const key = keyset && current ? current[keyset.column] : null;
  if (!keyset || key === null) return neighboursFromIds(db, where, filter.sort, dossierId);
  const { column, direction } = keyset;
  // Shown before the dossier: a key earlier in the order, or the same key and an id earlier in the order.
  const earlier = direction === "asc" ? "lt" : "gt";
  const later = direction === "asc" ? "gt" : "lt";
  const before: Prisma.DossierWhereInput = {
    OR: [{ [column]: { [earlier]: key } }, { [column]: key, id: { [earlier]: dossierId } }],
  };
  const after: Prisma.DossierWhereInput = {
    OR: [{ [column]: { [later]: key } }, { [column]: key, id: { [later]: dossierId } }],
  };
  const order = queueOrderBy(filter.sort);
  const reversed = order.map((part) =>
    Object.fromEntries(Object.entries(part).map(([name, way]) => [name, way === "asc" ? "desc" : "asc"])),
  );
  const [previous, next, shownBefore, total] = await Promise.all([
    db.dossier.findFirst({ where: { AND: [where, before] }, orderBy: reversed, select: { id: true } }),
    db.dossier.findFirst({ where: { AND: [where, after] }, orderBy: order, select: { id: true } }),
    db.dossier.count({ where: { AND: [where, before] } }),
    db.dossier.count({ where }),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null, position: shownBefore + 1, total };
}

async function neighboursFromIds(
  db: PrismaClient,
  where: Prisma.DossierWhereInput,
  sort: QueueSort,
  dossierId: string,
): Promise<Neighbours> {
  const ids = await db.dossier.findMany({ where, orderBy: queueOrderBy(sort), select: { id: true } });
  const index = ids.findIndex((row) => row.id === dossierId);
  if (index === -1) return { previousId: null, nextId: null, position: null, total: ids.length };
  return {
    previousId: ids[index - 1]?.id ?? null,
    nextId: ids[index + 1]?.id ?? null,
    position: index + 1,
    total: ids.length,
  };
}
