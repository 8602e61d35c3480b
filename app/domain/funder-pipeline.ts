// The funders' pipeline as a URL: French query parameters parsed into a filter (what cannot be read is
// dropped, never an error: a saved filter or a digest link must always open the pipeline), the links built
// back from it, and the stages its board shows.
import { parseEuros } from "~/domain/format";
import { SCHEME_SLUGS, schemeCodeOfSlug } from "~/domain/schemes/slugs";
import { queryParam } from "~/domain/query-params";
import { CapAssoSector, DossierStatus, type SchemeCode } from "~/generated/prisma/enums";

export type PipelineView = "tableau" | "liste";

export interface PipelineFilter {
  scheme: SchemeCode | null;
  department: string | null;
  /** A territory's code. */
  territory: string | null;
  /** The CAP ASSO sector: the pipeline's « thème ». */
  sector: CapAssoSector | null;
  /** Bounds of the requested amount, in cents, both inclusive. */
  amountMinCents: number | null;
  amountMaxCents: number | null;
  /** Only dossiers whose co-financing is not yet covered by firm commitments. */
  gapOnly: boolean;
  q: string | null;
  view: PipelineView;
  /** One board column only (the list of a column's « voir plus »). */
  stage: PipelineStageKey | null;
  /** The list's page, from 1. */
  page: number;
}

/** Cards shown in each board column; the rest is one « voir plus » away, in the list of that column. */
export const PIPELINE_COLUMN_SIZE = 8;
/** Rows of a list page. */
export const PIPELINE_PAGE_SIZE = 25;

export const EMPTY_PIPELINE_FILTER: PipelineFilter = {
  scheme: null,
  department: null,
  territory: null,
  sector: null,
  amountMinCents: null,
  amountMaxCents: null,
  gapOnly: false,
  q: null,
  view: "tableau",
  stage: null,
  page: 1,
};

export type PipelineStageKey = "depose" | "instruction" | "propose" | "decide";

/** The board's columns. A dossier closed without follow-up has reached its end too: it sits with the decided. */
export const PIPELINE_STAGES: readonly { key: PipelineStageKey; label: string; statuses: DossierStatus[] }[] =
  [
    { key: "depose", label: "Déposé", statuses: [DossierStatus.FILED] },
    {
      key: "instruction",
      label: "En instruction",
      statuses: [DossierStatus.UNDER_INSTRUCTION, DossierStatus.CORRECTION_REQUESTED],
    },
    { key: "propose", label: "Proposé", statuses: [DossierStatus.PROPOSED] },
    {
      key: "decide",
      label: "Décidé",
      statuses: [DossierStatus.GRANTED, DossierStatus.SETTLED, DossierStatus.REFUSED, DossierStatus.CLOSED],
    },
  ];

/** The board column of a status; null for a draft, which the community never sees. */
export function stageOf(status: DossierStatus): PipelineStageKey | null {
  return PIPELINE_STAGES.find((stage) => stage.statuses.includes(status))?.key ?? null;
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** A whole or decimal amount in euros → cents; anything else (negative, text) → null. */
function amountParam(value: string | null): number | null {
  if (!value) return null;
  const parsed = parseEuros(value);
  return parsed.ok ? parsed.cents : null;
}

/** The filter a query string asks for; what it could not read is left out. */
export function parsePipelineFilter(params: URLSearchParams): PipelineFilter {
  // An empty select of the GET form sends `name=`: that means "no filter".
  const single = (name: string) => queryParam(params, name);
  const filter: PipelineFilter = { ...EMPTY_PIPELINE_FILTER };

  const slug = single("dispositif");
  if (slug) filter.scheme = schemeCodeOfSlug(slug);
  const department = single("departement");
  if (department && /^(\d{2,3}|2[AB])$/i.test(department)) filter.department = department.toUpperCase();
  const territory = single("territoire");
  if (territory && CODE.test(territory)) filter.territory = territory;
  const sector = single("secteur")?.toUpperCase();
  if (sector && (Object.values(CapAssoSector) as string[]).includes(sector))
    filter.sector = sector as CapAssoSector;
  filter.amountMinCents = amountParam(single("montant_min"));
  filter.amountMaxCents = amountParam(single("montant_max"));
  if (
    filter.amountMinCents !== null &&
    filter.amountMaxCents !== null &&
    filter.amountMinCents > filter.amountMaxCents
  ) {
    // Inverted bounds select nothing: read as the reader surely meant them.
    [filter.amountMinCents, filter.amountMaxCents] = [filter.amountMaxCents, filter.amountMinCents];
  }
  filter.gapOnly = single("besoin") === "oui";
  const q = single("q");
  if (q) filter.q = q.slice(0, 100);
  if (single("vue") === "liste") filter.view = "liste";
  const stage = single("etape");
  filter.stage = PIPELINE_STAGES.find((candidate) => candidate.key === stage)?.key ?? null;
  const page = Number(single("page"));
  if (Number.isInteger(page) && page > 1 && page <= 100_000) filter.page = page;
  return filter;
}

/** Cents → the euros typed back in the form: whole when round (« 2000 »), else « 2000,50 ». */
export function amountParamValue(cents: number | null): string {
  if (cents === null) return "";
  return cents % 100 === 0
    ? String(cents / 100)
    : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

/** The query parameters of a filter, defaults left out so links stay short. */
export function pipelineParams(filter: PipelineFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.scheme) params.set("dispositif", SCHEME_SLUGS[filter.scheme]);
  if (filter.department) params.set("departement", filter.department);
  if (filter.territory) params.set("territoire", filter.territory);
  if (filter.sector) params.set("secteur", filter.sector);
  if (filter.amountMinCents !== null) params.set("montant_min", amountParamValue(filter.amountMinCents));
  if (filter.amountMaxCents !== null) params.set("montant_max", amountParamValue(filter.amountMaxCents));
  if (filter.gapOnly) params.set("besoin", "oui");
  if (filter.q) params.set("q", filter.q);
  if (filter.view !== "tableau") params.set("vue", filter.view);
  if (filter.stage) params.set("etape", filter.stage);
  if (filter.page > 1) params.set("page", String(filter.page));
  return params;
}

/** `?dispositif=cap-asso&vue=liste`, or "" for the whole pipeline. */
export function pipelineSearch(filter: PipelineFilter, overrides: Partial<PipelineFilter> = {}): string {
  const query = pipelineParams({ ...filter, ...overrides }).toString();
  return query ? `?${query}` : "";
}

/** Whether the filter narrows anything (the view is a way of showing, not a filter). */
export function isPipelineFiltered(filter: PipelineFilter): boolean {
  return pipelineParams({ ...filter, view: "tableau", page: 1 }).toString() !== "";
}
