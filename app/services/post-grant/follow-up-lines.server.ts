// A line of the follow-up queue: what a kind reads of itself (FollowUpLine), completed with its dossier
// (withDossiers: the dossiers of a page's lines read once, together, whatever their kinds).
import { followUpHref, type FollowUpKind } from "~/domain/follow-up-queue";
import { fullName } from "~/domain/people";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

import type { LateAdvance } from "./follow-up-advances.server";

export interface FollowUpItem {
  kind: FollowUpKind;
  /** The row's own id (payment, report, recovery or dossier). */
  id: string;
  dossierId: string;
  number: string | null;
  title: string;
  organisation: string;
  scheme: string;
  department: string | null;
  territory: string | null;
  assignee: string | null;
  /** « Avance de l’année 1 », « Compte rendu financier final »… */
  subject: string;
  amountCents: number | null;
  /** What the date says: « demandé le », « dû le »… */
  dateLabel: string;
  date: Date;
  daysLate: number;
  href: string;
}

const DOSSIER_SELECT = {
  id: true,
  number: true,
  title: true,
  schemeCode: true,
  departmentCode: true,
  grantedAmountCents: true,
  organisation: { select: { name: true } },
  scheme: { select: { name: true } },
  territory: { select: { name: true } },
  assignee: { select: { firstName: true, lastName: true } },
} satisfies Prisma.DossierSelect;

export type SelectedDossier = Prisma.DossierGetPayload<{ select: typeof DOSSIER_SELECT }>;

/** What the line says of itself; the rest comes from its dossier. */
type OwnFields = Pick<FollowUpItem, "id" | "subject" | "amountCents" | "dateLabel" | "date" | "daysLate">;

/** A line as its kind reads it: enough to order and page it; `fill` completes it with its dossier. */
export interface FollowUpLine {
  id: string;
  dossierId: string;
  date: Date;
  fill: (dossier: SelectedDossier) => FollowUpItem;
}

export function line(
  kind: FollowUpKind,
  own: Omit<OwnFields, "subject" | "amountCents"> & { dossierId: string },
  byDossier: (dossier: SelectedDossier) => Pick<FollowUpItem, "subject" | "amountCents">,
  where: { position?: number; period?: number } = {},
): FollowUpLine {
  const { dossierId, ...fields } = own;
  return {
    id: own.id,
    dossierId,
    date: own.date,
    fill: (dossier) => ({
      kind,
      dossierId: dossier.id,
      number: dossier.number,
      title: dossier.title,
      organisation: dossier.organisation.name,
      scheme: dossier.scheme.name,
      department: dossier.departmentCode,
      territory: dossier.territory?.name ?? null,
      assignee: dossier.assignee ? fullName(dossier.assignee) : null,
      href: followUpHref({ kind, dossierId: dossier.id, ...where }),
      ...fields,
      ...byDossier(dossier),
    }),
  };
}

/** Ids per statement: the CSV export may hold thousands of lines, more than a statement's parameters. */
const ID_CHUNK = 5_000;

export function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += ID_CHUNK)
    result.push(values.slice(start, start + ID_CHUNK));
  return result;
}

/** The lines completed with their dossiers, read in one query whatever their kinds. */
export async function withDossiers(db: PrismaClient, lines: FollowUpLine[]): Promise<FollowUpItem[]> {
  const ids = [...new Set(lines.map((row) => row.dossierId))];
  const byId = new Map<string, SelectedDossier>();
  for (const chunk of chunks(ids)) {
    for (const dossier of await db.dossier.findMany({ where: { id: { in: chunk } }, select: DOSSIER_SELECT }))
      byId.set(dossier.id, dossier);
  }
  return lines.flatMap((row) => {
    const dossier = byId.get(row.dossierId);
    return dossier ? [row.fill(dossier)] : [];
  });
}

/** A late equity advance as a line of the queue. */
export function lateLine(late: LateAdvance): FollowUpLine {
  return line(
    "avances-en-retard",
    { ...late, id: late.dossierId, dateLabel: "échéance impayée depuis le" },
    () => ({
      subject: `Arriéré de remboursement (échéance n°\u00a0${late.position})`,
      amountCents: late.lateCents,
    }),
  );
}
