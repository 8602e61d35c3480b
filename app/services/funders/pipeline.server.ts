// The funders' shared pipeline: the dossiers their holders share that a filter selects, by stage, each with
// its co-financing read from the plan and the positions shared with the community (never a draft).
import {
  dossierCoFinancing,
  needsFunders,
  regionAmount,
  type RegionAmountBasis,
} from "~/domain/co-financing";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import {
  PIPELINE_COLUMN_SIZE,
  PIPELINE_PAGE_SIZE,
  PIPELINE_STAGES,
  stageOf,
  type PipelineFilter,
  type PipelineStageKey,
} from "~/domain/funder-pipeline";
import { CAP_ASSO_SECTOR_LABELS } from "~/domain/schemes/cap-asso";
import { searchText } from "~/domain/search-text";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, PaymentStatus, type CapAssoSector } from "~/generated/prisma/enums";
import { reportLate } from "~/domain/post-grant/report-workflow";

import { isCommunityMember, SHARED_DOSSIERS, visiblePledges, type CommunityMember } from "./access.server";
import { pipelineConditionSql, STAGE_SQL } from "./pipeline-sql.server";
import { shortCache } from "~/services/platform/short-cache.server";
import { forbidden } from "~/domain/user-error";

/**
 * The dossiers a filter selects among those shared with the community. The « besoin » filter depends on the
 * positions, so it is applied once gaps are known (see hasUncoveredNeed).
 */
export function pipelineWhere(filter: PipelineFilter): Prisma.DossierWhereInput {
  const conditions: Prisma.DossierWhereInput[] = [SHARED_DOSSIERS];
  const stage = PIPELINE_STAGES.find((candidate) => candidate.key === filter.stage);
  if (stage) conditions.push({ status: { in: stage.statuses } });
  if (filter.scheme) conditions.push({ schemeCode: filter.scheme });
  if (filter.department) conditions.push({ departmentCode: filter.department });
  if (filter.territory) conditions.push({ territory: { code: filter.territory } });
  if (filter.sector) conditions.push({ capAssoSector: filter.sector });
  if (filter.amountMinCents !== null)
    conditions.push({ requestedAmountCents: { gte: filter.amountMinCents } });
  if (filter.amountMaxCents !== null)
    conditions.push({ requestedAmountCents: { lte: filter.amountMaxCents } });
  if (filter.q) {
    conditions.push({
      OR: [
        // As the instruction queue searches: no case, accents or curly apostrophes (app/domain/search-text.ts).
        { organisation: { searchName: { contains: searchText(filter.q) } } },
        { searchTitle: { contains: searchText(filter.q) } },
        { number: { contains: filter.q.trim(), mode: "insensitive" } },
      ],
    });
  }
  return { AND: conditions };
}

/** What a card needs, positions included: one query for the whole pipeline. */
export function pipelineSelect(user: CommunityMember) {
  return {
    id: true,
    number: true,
    title: true,
    status: true,
    schemeCode: true,
    requestedAmountCents: true,
    proposedAmountCents: true,
    grantedAmountCents: true,
    totalBudgetCents: true,
    departmentCode: true,
    capAssoSector: true,
    filedAt: true,
    sharedAt: true,
    scheme: { select: { name: true } },
    department: { select: { name: true } },
    territory: { select: { name: true } },
    organisation: { select: { name: true } },
    budgetLines: {
      where: { side: "RESOURCE" },
      select: { side: true, category: true, label: true, amountCents: true },
      orderBy: { position: "asc" },
    },
    // After the grant: the amounts paid and the reports' dates, never their content.
    payments: { select: { status: true, paidAmountCents: true } },
    reports: { select: { status: true, dueDate: true, submittedAt: true } },
    pledges: {
      where: visiblePledges(user),
      select: {
        status: true,
        amountCents: true,
        sharedAt: true,
        funderOrganisationId: true,
        funderOrganisation: { select: { name: true, kind: true } },
      },
    },
  } satisfies Prisma.DossierSelect;
}

export interface PipelineCard {
  id: string;
  number: string | null;
  title: string;
  organisation: string;
  scheme: string;
  schemeSlug: string;
  department: string | null;
  territory: string | null;
  sector: string | null;
  status: DossierStatus;
  stage: PipelineStageKey | null;
  requestedAmountCents: number | null;
  totalBudgetCents: number | null;
  regionCents: number;
  regionBasis: RegionAmountBasis;
  /** The share of the budget the holder's plan finances; null without a budget. */
  planShare: number | null;
  confirmedCents: number;
  confirmedShare: number | null;
  toConfirmCents: number;
  /** Still to find or confirm with funders (see needsFunders). */
  openNeedCents: number;
  /** Positions shared with the community. */
  positionsCount: number;
  /** The asker's organisation has a position it has not shared yet. */
  ownDraft: boolean;
  filedAt: string | null;
  /** After the grant (once a payment plan exists): paid beside granted, and reports that missed their date. */
  followUp: PipelineFollowUp | null;
}

export interface PipelineFollowUp {
  grantedCents: number;
  paidCents: number;
  reports: number;
  lateReports: number;
}

function followUpOf(row: PipelineRow, now: Date): PipelineFollowUp | null {
  const granted = row.status === DossierStatus.GRANTED || row.status === DossierStatus.SETTLED;
  // Before both sides accepted the agreement there is no plan, and nothing to follow yet.
  if (!granted || row.payments.length === 0) return null;
  const paid = row.payments.filter((payment) => payment.status === PaymentStatus.PAID);
  return {
    grantedCents: row.grantedAmountCents ?? 0,
    paidCents: paid.reduce((sum, payment) => sum + (payment.paidAmountCents ?? 0), 0),
    reports: row.reports.length,
    lateReports: row.reports.filter((report) => reportLate(report, now)).length,
  };
}

type PipelineRow = Prisma.DossierGetPayload<{ select: ReturnType<typeof pipelineSelect> }>;

export function toPipelineCard(row: PipelineRow, user: CommunityMember, now = new Date()): PipelineCard {
  const shared = row.pledges.filter((pledge) => pledge.sharedAt !== null);
  const region = regionAmount(row);
  const plan = dossierCoFinancing({ ...row, pledges: shared });
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    organisation: row.organisation.name,
    scheme: row.scheme.name,
    schemeSlug: SCHEME_SLUGS[row.schemeCode],
    department: row.department?.name ?? row.departmentCode,
    territory: row.territory?.name ?? null,
    sector: row.capAssoSector ? CAP_ASSO_SECTOR_LABELS[row.capAssoSector] : null,
    status: row.status,
    stage: stageOf(row.status),
    requestedAmountCents: row.requestedAmountCents,
    totalBudgetCents: row.totalBudgetCents,
    regionCents: region.cents,
    regionBasis: region.basis,
    planShare: plan.planShare,
    confirmedCents: plan.confirmedCents,
    confirmedShare: plan.confirmedShare,
    toConfirmCents: plan.toConfirmCents,
    openNeedCents: plan.openNeedCents,
    positionsCount: shared.length,
    ownDraft: row.pledges.some(
      (pledge) => pledge.sharedAt === null && pledge.funderOrganisationId === user.funderOrganisationId,
    ),
    filedAt: row.filedAt?.toISOString() ?? null,
    followUp: followUpOf(row, now),
  };
}

function refuseOutsiders(user: CommunityMember) {
  if (!isCommunityMember(user)) throw forbidden("Accès réservé à la communauté des financeurs.");
}

/** « Besoin non couvert »: the same rule as the dossier's page (see needsFunders). */
export const hasUncoveredNeed = (card: Pick<PipelineCard, "openNeedCents">): boolean => needsFunders(card);

/** The cards a filter selects, the « besoin » filter included; `extra` narrows further (a digest's period). */
export async function pipelineCards(
  db: PrismaClient,
  user: CommunityMember,
  filter: PipelineFilter,
  extra: Prisma.DossierWhereInput = {},
): Promise<PipelineCard[]> {
  refuseOutsiders(user);
  const rows = await db.dossier.findMany({
    where: { AND: [pipelineWhere(filter), extra] },
    select: pipelineSelect(user),
    orderBy: [{ filedAt: "desc" }, { id: "desc" }],
  });
  const cards = rows.map((row) => toPipelineCard(row, user));
  return filter.gapOnly ? cards.filter(hasUncoveredNeed) : cards;
}

/** The filter form's choices: reference data, read at most once a minute (short-cache.server.ts). */
function pipelineOptions(db: PrismaClient) {
  return shortCache(db, "pipeline-options", 60, () => readPipelineOptions(db));
}

async function readPipelineOptions(db: PrismaClient) {
  const [schemes, departments, territories] = await Promise.all([
    db.scheme.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
    db.department.findMany({
      where: { inRegion: true },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.territory.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    schemes: schemes.map((scheme) => ({ slug: SCHEME_SLUGS[scheme.code], name: scheme.name })),
    departments,
    territories,
    sectors: (Object.entries(CAP_ASSO_SECTOR_LABELS) as [CapAssoSector, string][]).map(([value, label]) => ({
      value,
      label,
    })),
  };
}

export type PipelineOptions = Awaited<ReturnType<typeof readPipelineOptions>>;

const sumOf = (counts: Map<PipelineStageKey, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/**
 * The ids of the cards a page shows, and the count of each column, in one statement over the shared dossiers
 * the filter selects: the first cards of each column (board), or a page of the list (of one column when the
 * filter names it); the newest filing first, as everywhere.
 */
async function pageIds(db: PrismaClient, filter: PipelineFilter) {
  const page = (filter.page - 1) * PIPELINE_PAGE_SIZE;
  const shown =
    filter.view === "liste"
      ? Prisma.sql`SELECT stage, id, row_number() OVER (ORDER BY "filedAt" DESC, id DESC) AS position FROM s
          WHERE ${filter.stage ? Prisma.sql`stage = ${filter.stage}` : Prisma.sql`TRUE`}`
      : Prisma.sql`SELECT stage, id,
          row_number() OVER (PARTITION BY stage ORDER BY "filedAt" DESC, id DESC) AS position FROM s`;
  const [from, to] = filter.view === "liste" ? [page, page + PIPELINE_PAGE_SIZE] : [0, PIPELINE_COLUMN_SIZE];
  const rows = await db.$queryRaw<
    Array<{ stage: PipelineStageKey; id: string | null; count: number | null; position: bigint | null }>
  >`
    WITH s AS MATERIALIZED (
      SELECT d.id, d."filedAt", ${STAGE_SQL} AS stage FROM "Dossier" d WHERE ${pipelineConditionSql(filter)})
    SELECT stage, NULL AS id, count(*)::int AS count, NULL::bigint AS position FROM s GROUP BY stage
    UNION ALL
    SELECT stage, id, NULL, position FROM (${shown}) shown WHERE position > ${from} AND position <= ${to}`;
  const counts = new Map<PipelineStageKey, number>();
  const ids: Array<{ id: string; position: number }> = [];
  for (const row of rows) {
    if (row.id === null) counts.set(row.stage, Number(row.count));
    else ids.push({ id: row.id, position: Number(row.position) });
  }
  return { counts, ids: ids.sort((a, b) => a.position - b.position).map((row) => row.id) };
}

/**
 * The pipeline a member of the community sees: the count of each column, and only the cards shown — the
 * first of each column for the board, a page for the list — read with their plans and positions at once.
 */
export async function loadPipeline(db: PrismaClient, user: CommunityMember, filter: PipelineFilter) {
  // Refused before any query starts, so none is left running for a refused request.
  refuseOutsiders(user);
  const [asked, options] = await Promise.all([pageIds(db, filter), pipelineOptions(db)]);
  const { counts } = asked;
  const listed = filter.stage ? (counts.get(filter.stage) ?? 0) : sumOf(counts);
  const pageCount = Math.max(1, Math.ceil(listed / PIPELINE_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  // A page beyond the last (an old link, fewer projects since): the last one.
  const { ids } = page === filter.page ? asked : await pageIds(db, { ...filter, page });
  const read =
    ids.length === 0
      ? []
      : await db.dossier.findMany({ where: { id: { in: ids } }, select: pipelineSelect(user) });
  const byId = new Map(read.map((row) => [row.id, toPipelineCard(row, user)]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const stages = PIPELINE_STAGES.map((stage) => ({
    key: stage.key,
    label: stage.label,
    count: counts.get(stage.key) ?? 0,
    cards: rows.filter((card) => card.stage === stage.key),
  }));
  return { stages, rows, options, total: sumOf(counts), listed, page, pageCount };
}
