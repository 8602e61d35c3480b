// A line of the follow-up queue: what a kind reads of itself (FollowUpLine), completed with its dossier
// (withDossiers: the dossiers of a page's lines read once, together, whatever their kinds).
import { followUpHref, type FollowUpCsvRow, type FollowUpKind } from "~/domain/follow-up-queue";
import { fullName } from "~/domain/people";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import type { SchemeCode } from "~/generated/prisma/enums";

import type { LateAdvance } from "./follow-up-advances.server";

/** A line of the queue: what its export writes (FollowUpCsvRow), with the ids the page links by. */
export interface FollowUpItem extends FollowUpCsvRow {
  /** The row's own id (payment, report, recovery or dossier). */
  id: string;
  dossierId: string;
}

/** What a line needs of its dossier. */
export interface SelectedDossier {
  id: string;
  number: string | null;
  title: string;
  schemeCode: SchemeCode;
  departmentCode: string | null;
  grantedAmountCents: number | null;
  organisation: { name: string };
  scheme: { name: string };
  territory: { name: string } | null;
  assignee: { firstName: string; lastName: string } | null;
}

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

interface DossierRow {
  id: string;
  number: string | null;
  title: string;
  schemeCode: SchemeCode;
  departmentCode: string | null;
  grantedAmountCents: number | null;
  organisationName: string;
  schemeName: string;
  territoryName: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** The lines completed with their dossiers, read in one query (joined, not a query per relation). */
export async function withDossiers(db: PrismaClient, lines: FollowUpLine[]): Promise<FollowUpItem[]> {
  const ids = [...new Set(lines.map((row) => row.dossierId))];
  const byId = new Map<string, SelectedDossier>();
  for (const chunk of chunks(ids)) {
    const rows = await db.$queryRaw<DossierRow[]>`
      SELECT d.id, d.number, d.title, d."schemeCode"::text AS "schemeCode", d."departmentCode",
        d."grantedAmountCents", o.name AS "organisationName", s.name AS "schemeName",
        t.name AS "territoryName", u."firstName", u."lastName"
      FROM "Dossier" d JOIN "Organisation" o ON o.id = d."organisationId" JOIN "Scheme" s ON s.id = d."schemeId"
      LEFT JOIN "Territory" t ON t.id = d."territoryId" LEFT JOIN "User" u ON u.id = d."assigneeId"
      WHERE d.id IN (${Prisma.join(chunk)})`;
    for (const row of rows)
      byId.set(row.id, {
        id: row.id,
        number: row.number,
        title: row.title,
        schemeCode: row.schemeCode,
        departmentCode: row.departmentCode,
        grantedAmountCents: row.grantedAmountCents,
        organisation: { name: row.organisationName },
        scheme: { name: row.schemeName },
        territory: row.territoryName === null ? null : { name: row.territoryName },
        assignee:
          row.firstName === null || row.lastName === null
            ? null
            : { firstName: row.firstName, lastName: row.lastName },
      });
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
