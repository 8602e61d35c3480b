// The indicators of the funding pipeline, from plain rows: counts and amounts by scheme, department, stage
// and filing year, jobs, cooperative capital, leverage and EPCI co-financing. The public version, with the
// small cells hidden, is in public-indicators.ts.
import { DOSSIER_STATUS_LABELS, DOSSIER_STATUS_ORDER } from "~/domain/dossier-status";
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import { parisYear } from "~/domain/paris-time";
import { SCHEMES } from "~/domain/schemes";
import type { DossierStatus, SchemeCode } from "~/generated/prisma/enums";

/** Resource origins that are not "other funders" when the leverage is computed. */
export const LEVERAGE_EXCLUDED_ORIGINS = ["REGION", "OWN_FUNDS"] as const;
export const EPCI_ORIGIN = "EPCI";

/** How leverage and intercommunal co-financing are counted, as both indicator pages explain them. */
export const METHOD_NOTES = {
  leverage:
    "Effet levier : pour les dossiers accordés, somme des ressources du plan de financement qui ne viennent ni de la Région ni des fonds propres du porteur, divisée par les montants accordés par la Région.",
  epci: "Cofinancement intercommunal : part des dossiers dont le plan de financement comporte une ressource d’une intercommunalité (EPCI).",
};

export interface IndicatorDossier {
  schemeCode: SchemeCode;
  status: DossierStatus;
  departmentCode: string | null;
  filedAt: Date;
  requestedAmountCents: number | null;
  grantedAmountCents: number | null;
  jobsCreatedFte: number | null;
  jobsConsolidatedFte: number | null;
  employeeAssociatesCount: number | null;
  /** The dossier's RESOURCE lines, summed by origin (REGION, STATE, EPCI...). */
  resourcesByOrigin: Record<string, number>;
}

export const SERIES_IDS = ["dispositifs", "departements", "etapes", "annees"] as const;
export type SeriesId = (typeof SERIES_IDS)[number];

export function isSeriesId(value: string | undefined): value is SeriesId {
  return (SERIES_IDS as readonly string[]).includes(value ?? "");
}

export const SERIES_TITLES: Record<SeriesId, string> = {
  dispositifs: "Dossiers par dispositif",
  departements: "Dossiers par département",
  etapes: "Dossiers par étape de l’instruction",
  annees: "Dossiers par année de dépôt",
};

export interface SeriesRow {
  key: string;
  label: string;
  dossiers: number;
  requestedCents: number;
  /** Granted amounts of the row's granted dossiers. */
  grantedCents: number;
}

export interface Indicators {
  year: number | null;
  /** Filing years present, the latest first: the year filter's choices. */
  years: number[];
  totals: { dossiers: number; requestedCents: number; grantedCents: number; grantedDossiers: number };
  series: Record<SeriesId, SeriesRow[]>;
  /** CAP ASSO granted dossiers: jobs created and consolidated (FTE). */
  jobs: { dossiers: number; createdFte: number; consolidatedFte: number };
  /** CAP SCOP-SCIC granted dossiers: the Region doubles each employee-associate's contribution. */
  cooperatives: { dossiers: number; employeeAssociates: number; capitalDoubledCents: number };
  /** Granted dossiers: euros from other funders per euro granted by the Region. */
  leverage: { dossiers: number; otherFundersCents: number; regionCents: number; ratio: number | null };
  /** Dossiers whose plan has a resource from an intercommunality (EPCI). */
  epci: { dossiers: number; cofinanced: number; share: number | null };
}

/**
 * Filed dossiers alike in everything the indicators look at — scheme, status, department, filing year
 * (Paris) — counted and summed together: what the database returns (GROUP BY), one row per combination,
 * however many dossiers there are. A single dossier is a group of one (groupOf).
 */
export interface IndicatorGroup {
  schemeCode: SchemeCode;
  status: DossierStatus;
  departmentCode: string | null;
  year: number;
  dossiers: number;
  requestedCents: number;
  /** Granted amounts, whatever the status (counted only for the granted and settled groups). */
  grantedCents: number;
  jobsCreatedFte: number;
  jobsConsolidatedFte: number;
  employeeAssociates: number;
  /** Resources from other funders than the Region and the holder (LEVERAGE_EXCLUDED_ORIGINS). */
  otherFundersCents: number;
  /** Dossiers whose EPCI resources add up to more than zero. */
  epciCofinanced: number;
}

/** One dossier as a group of one. */
export function groupOf(row: IndicatorDossier): IndicatorGroup {
  return {
    schemeCode: row.schemeCode,
    status: row.status,
    departmentCode: row.departmentCode,
    year: parisYear(row.filedAt),
    dossiers: 1,
    requestedCents: row.requestedAmountCents ?? 0,
    grantedCents: row.grantedAmountCents ?? 0,
    jobsCreatedFte: row.jobsCreatedFte ?? 0,
    jobsConsolidatedFte: row.jobsConsolidatedFte ?? 0,
    employeeAssociates: row.employeeAssociatesCount ?? 0,
    otherFundersCents: Object.entries(row.resourcesByOrigin)
      .filter(([origin]) => !(LEVERAGE_EXCLUDED_ORIGINS as readonly string[]).includes(origin))
      .reduce((total, [, cents]) => total + cents, 0),
    epciCofinanced: (row.resourcesByOrigin[EPCI_ORIGIN] ?? 0) > 0 ? 1 : 0,
  };
}

const sumOf = (rows: IndicatorGroup[], value: (row: IndicatorGroup) => number) =>
  rows.reduce((total, row) => total + value(row), 0);
/** A settled (« soldé ») dossier was granted first: it stays in the granted figures. */
const isGranted = (row: IndicatorGroup) => row.status === "GRANTED" || row.status === "SETTLED";
const granted = (row: IndicatorGroup) => (isGranted(row) ? row.grantedCents : 0);

function group(
  rows: IndicatorGroup[],
  keyOf: (row: IndicatorGroup) => string,
  keys: { key: string; label: string }[],
): SeriesRow[] {
  const result = new Map(
    keys.map(({ key, label }) => [key, { key, label, dossiers: 0, requestedCents: 0, grantedCents: 0 }]),
  );
  for (const row of rows) {
    const key = keyOf(row);
    let cell = result.get(key);
    if (!cell) {
      cell = { key, label: key, dossiers: 0, requestedCents: 0, grantedCents: 0 };
      result.set(key, cell);
    }
    cell.dossiers += row.dossiers;
    cell.requestedCents += row.requestedCents;
    cell.grantedCents += granted(row);
  }
  return [...result.values()];
}

const OUTSIDE_REGION = "autre";

/** Aggregates the filed dossiers one by one (see computeIndicatorGroups). */
export function computeIndicators(
  all: IndicatorDossier[],
  options: { year?: number | null } = {},
): Indicators {
  return computeIndicatorGroups(all.map(groupOf), options);
}

/** Aggregates the filed dossiers' groups; `year` keeps those filed that year (Paris), except in the by-year series. */
export function computeIndicatorGroups(
  all: IndicatorGroup[],
  options: { year?: number | null } = {},
): Indicators {
  const year = options.year ?? null;
  const rows = year === null ? all : all.filter((row) => row.year === year);
  const years = [...new Set(all.map((row) => row.year))].sort((a, b) => b - a);

  const grantedRows = rows.filter(isGranted);
  const capAsso = grantedRows.filter((row) => row.schemeCode === "CAP_ASSO");
  const scop = grantedRows.filter((row) => row.schemeCode === "CAP_SCOP_SCIC");
  const otherFundersCents = sumOf(grantedRows, (row) => row.otherFundersCents);
  const regionCents = sumOf(grantedRows, granted);
  const cofinanced = sumOf(rows, (row) => row.epciCofinanced);
  const dossiers = sumOf(rows, (row) => row.dossiers);
  const grantedDossiers = sumOf(grantedRows, (row) => row.dossiers);

  return {
    year,
    years,
    totals: {
      dossiers,
      requestedCents: sumOf(rows, (row) => row.requestedCents),
      grantedCents: regionCents,
      grantedDossiers,
    },
    series: {
      dispositifs: group(
        rows,
        (row) => row.schemeCode,
        Object.entries(SCHEMES).map(([key, scheme]) => ({ key, label: scheme.name })),
      ),
      departements: group(
        rows,
        (row) =>
          row.departmentCode && row.departmentCode in REGION_DEPARTMENTS
            ? row.departmentCode
            : OUTSIDE_REGION,
        Object.entries(REGION_DEPARTMENTS).map(([key, name]) => ({ key, label: `${name} (${key})` })),
      ).map((cell) =>
        cell.key === OUTSIDE_REGION ? { ...cell, label: "Non renseigné ou hors région" } : cell,
      ),
      etapes: group(
        rows,
        (row) => row.status,
        DOSSIER_STATUS_ORDER.filter((status) => status !== "DRAFT").map((key) => ({
          key,
          label: DOSSIER_STATUS_LABELS[key],
        })),
      ),
      annees: group(
        all,
        (row) => String(row.year),
        [...years].reverse().map((value) => ({ key: String(value), label: String(value) })),
      ),
    },
    jobs: {
      dossiers: sumOf(capAsso, (row) => row.dossiers),
      createdFte: sumOf(capAsso, (row) => row.jobsCreatedFte),
      consolidatedFte: sumOf(capAsso, (row) => row.jobsConsolidatedFte),
    },
    cooperatives: {
      dossiers: sumOf(scop, (row) => row.dossiers),
      employeeAssociates: sumOf(scop, (row) => row.employeeAssociates),
      capitalDoubledCents: sumOf(scop, granted),
    },
    leverage: {
      dossiers: grantedDossiers,
      otherFundersCents,
      regionCents,
      ratio: regionCents > 0 ? otherFundersCents / regionCents : null,
    },
    epci: { dossiers, cofinanced, share: dossiers > 0 ? cofinanced / dossiers : null },
  };
}

const fte = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const count = new Intl.NumberFormat("fr-FR");

/** 12.5 → « 12,5 » (full-time equivalents). */
export const formatFte = (value: number) => fte.format(value);
/** 1.345 → « 1,35 ». */
export const formatRatio = (value: number) => ratio.format(value);
/** 0.25 → « 25 % » (with the narrow no-break space). */
export const formatShare = (value: number) => percent.format(value).replace(/\u00a0/g, "\u202f");
/** 12345 → « 12 345 ». */
export const formatCount = (value: number) => count.format(value);

/** The `annee` query parameter: a year, or every year (and a notice) when it is not one. */
export function readIndicatorYear(raw: string | null): { year: number | null; notice: string | null } {
  const value = raw?.trim() ?? "";
  if (value === "") return { year: null, notice: null };
  if (/^\d{4}$/.test(value)) return { year: Number(value), notice: null };
  return {
    year: null,
    notice: `« ${value.slice(0, 20)} » n’est pas une année : toutes les années sont affichées.`,
  };
}
