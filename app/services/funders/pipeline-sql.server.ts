// The funders' pipeline in SQL, so that a page reads only the cards it shows: the shared dossiers a filter
// selects as one condition on `d` ("Dossier") — pipelineWhere's conditions word for word (`contains` is
// Prisma's unescaped `LIKE '%' || $1 || '%'`) — the board column of each status, and the « besoin non
// couvert » filter computed in the database with app/domain/co-financing's rule.
import { OWN_RESOURCE_CATEGORIES } from "~/domain/co-financing";
import { FUNDER_KIND_ORIGINS } from "~/domain/funder-kinds";
import { PIPELINE_STAGES, type PipelineFilter } from "~/domain/funder-pipeline";
import { searchText } from "~/domain/search-text";
import { Prisma } from "~/generated/prisma/client";

const list = (values: readonly string[]) => Prisma.join(values.map((value) => Prisma.sql`${value}`));
const contains = (column: Prisma.Sql, value: string) => Prisma.sql`${column} LIKE ('%' || ${value} || '%')`;

/** The board column of `d`'s status (null for a draft, which the community never sees). */
export const STAGE_SQL = Prisma.sql`CASE ${Prisma.join(
  PIPELINE_STAGES.map(
    (stage) => Prisma.sql`WHEN d.status::text IN (${list(stage.statuses)}) THEN ${stage.key}::text`,
  ),
  " ",
)} END`;

/** The plan origin a funder organisation's money belongs to (FUNDER_KIND_ORIGINS). */
const ORIGIN_SQL = Prisma.sql`CASE f.kind::text ${Prisma.join(
  Object.entries(FUNDER_KIND_ORIGINS).map(([kind, origin]) => Prisma.sql`WHEN ${kind} THEN ${origin}::text`),
  " ",
)} END`;

/**
 * coFinancing's openNeedCents for `d`: the part of the budget no resource line finances, plus what each
 * origin's lines still await once the firm offers of that origin (shared committed or paid positions, the
 * Region's grant for its own line) have filled them — the Region's line only once the Region has decided.
 * The own resources are confirmed as written. Firm offers fill lines before considered ones, so what is
 * confirmed of an origin is min(its lines, its firm offers).
 */
const OPEN_NEED_SQL = Prisma.sql`(
  WITH planned AS (
    SELECT l.category, sum(greatest(0, l."amountCents"))::bigint AS cents
    FROM "DossierBudgetLine" l WHERE l."dossierId" = d.id AND l.side = 'RESOURCE' GROUP BY l.category),
  firm AS (
    SELECT ${ORIGIN_SQL} AS origin, sum(greatest(0, coalesce(p."amountCents", 0)))::bigint AS cents
    FROM "FunderPledge" p JOIN "FunderOrganisation" f ON f.id = p."funderOrganisationId"
    WHERE p."dossierId" = d.id AND p."sharedAt" IS NOT NULL AND p.status IN ('COMMITTED', 'PAID')
    GROUP BY 1)
  SELECT
    CASE WHEN d."totalBudgetCents" > 0
      THEN greatest(0, d."totalBudgetCents" - coalesce((SELECT sum(cents) FROM planned), 0)) ELSE 0 END
    + coalesce((SELECT sum(planned.cents - CASE
        WHEN planned.category IN (${list(OWN_RESOURCE_CATEGORIES)}) THEN planned.cents
        ELSE least(planned.cents, coalesce((SELECT firm.cents FROM firm WHERE firm.origin = planned.category), 0)
          + CASE WHEN planned.category = 'REGION' AND d.status NOT IN ('REFUSED', 'CLOSED')
              AND d."grantedAmountCents" IS NOT NULL THEN greatest(0, d."grantedAmountCents") ELSE 0 END)
        END)
      FROM planned
      WHERE planned.category <> 'REGION' OR d.status IN ('REFUSED', 'CLOSED') OR d."grantedAmountCents" IS NOT NULL),
    0))`;

/** The shared, filed dossiers the filter selects (its stage and page aside), as a condition on `d`. */
export function pipelineConditionSql(filter: PipelineFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`d."sharedWithFunders" AND d.status <> 'DRAFT'`];
  if (filter.scheme) conditions.push(Prisma.sql`d."schemeCode" = ${filter.scheme}::"SchemeCode"`);
  if (filter.department) conditions.push(Prisma.sql`d."departmentCode" = ${filter.department}`);
  if (filter.territory)
    conditions.push(
      Prisma.sql`d."territoryId" IN (SELECT t.id FROM "Territory" t WHERE t.code = ${filter.territory})`,
    );
  if (filter.sector) conditions.push(Prisma.sql`d."capAssoSector" = ${filter.sector}::"CapAssoSector"`);
  if (filter.amountMinCents !== null)
    conditions.push(Prisma.sql`d."requestedAmountCents" >= ${filter.amountMinCents}`);
  if (filter.amountMaxCents !== null)
    conditions.push(Prisma.sql`d."requestedAmountCents" <= ${filter.amountMaxCents}`);
  if (filter.q) {
    const text = searchText(filter.q);
    conditions.push(Prisma.sql`(EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = d."organisationId"
        AND ${contains(Prisma.sql`o."searchName"`, text)})
      OR ${contains(Prisma.sql`d."searchTitle"`, text)}
      OR d.number ILIKE ('%' || ${filter.q.trim()} || '%'))`);
  }
  if (filter.gapOnly) conditions.push(Prisma.sql`${OPEN_NEED_SQL} > 0`);
  return Prisma.join(conditions, " AND ");
}
