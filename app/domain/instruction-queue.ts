// The instructor's queue as a URL: French query parameters parsed into a filter (bad values are dropped
// with a notice, never an error: a bookmarked or hand-edited link must still open the queue), the links
// built back from it, and the CSV rows of an export.
import { z } from "zod";

import { SCHEME_SLUGS, schemeCodeOfSlug } from "~/domain/schemes/slugs";
import { formatDate } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import { queryParam } from "~/domain/query-params";
import { DossierStatus, type SchemeCode } from "~/generated/prisma/enums";

export const QUEUE_PAGE_SIZE = 25;

export const QUEUE_SORTS = {
  depot_desc: "Dépôt le plus récent d’abord",
  depot_asc: "Dépôt le plus ancien d’abord",
  montant_desc: "Montant demandé décroissant",
  montant_asc: "Montant demandé croissant",
  organisation: "Organisation (A → Z)",
  numero: "Numéro de dossier",
} as const;
export type QueueSort = keyof typeof QUEUE_SORTS;
export const DEFAULT_QUEUE_SORT: QueueSort = "depot_desc";

/** Drafts are the applicant's business: they never reach the queue. */
export const QUEUE_STATUSES = Object.values(DossierStatus).filter((status) => status !== "DRAFT");

export interface QueueFilter {
  scheme: SchemeCode | null;
  statuses: DossierStatus[];
  department: string | null;
  territory: string | null;
  /** `moi`, `aucun` (not assigned) or a user id. */
  assignee: string | null;
  callId: string | null;
  /** Paris calendar days, `yyyy-mm-dd`, both inclusive. */
  filedFrom: string | null;
  filedTo: string | null;
  q: string | null;
  sort: QueueSort;
  page: number;
}

export const EMPTY_QUEUE_FILTER: QueueFilter = {
  scheme: null,
  statuses: [],
  department: null,
  territory: null,
  assignee: null,
  callId: null,
  filedFrom: null,
  filedTo: null,
  q: null,
  sort: DEFAULT_QUEUE_SORT,
  page: 1,
};

const identifier = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });
const frenchDay = (value: string) => value.split("-").reverse().join("/");

/** The filter a query string asks for; what it could not read is left out (see readQueueFilter). */
export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  return readQueueFilter(params).filter;
}

/** The filter a query string asks for, and what was ignored in it, in French, to tell the reader. */
export function readQueueFilter(params: URLSearchParams): { filter: QueueFilter; notices: string[] } {
  const notices: string[] = [];
  const filter: QueueFilter = { ...EMPTY_QUEUE_FILTER, statuses: [] };
  // An empty select of the GET form sends `name=`: that means "no filter", not a mistake.
  const single = (name: string) => queryParam(params, name);

  const slug = single("dispositif");
  if (slug) {
    filter.scheme = schemeCodeOfSlug(slug);
    if (!filter.scheme) notices.push(`Le dispositif « ${slug} » n’existe pas : ce filtre est ignoré.`);
  }
  for (const raw of params.getAll("statut")) {
    const status = raw.trim().toUpperCase();
    if (!status) continue;
    if ((QUEUE_STATUSES as string[]).includes(status)) {
      if (!filter.statuses.includes(status as DossierStatus)) filter.statuses.push(status as DossierStatus);
    } else notices.push(`L’étape « ${raw} » n’existe pas : ce filtre est ignoré.`);
  }
  const department = single("departement");
  if (department) {
    if (/^(\d{2,3}|2[AB])$/i.test(department)) filter.department = department.toUpperCase();
    else notices.push(`Le département « ${department} » n’existe pas : ce filtre est ignoré.`);
  }
  const territory = single("territoire");
  if (territory) {
    if (identifier.safeParse(territory).success) filter.territory = territory;
    else notices.push(`Le territoire « ${territory} » n’existe pas : ce filtre est ignoré.`);
  }
  const assignee = single("instructeur");
  if (assignee) {
    if (identifier.safeParse(assignee).success) filter.assignee = assignee;
    else notices.push(`L’instructeur·rice « ${assignee} » n’existe pas : ce filtre est ignoré.`);
  }
  const call = single("appel");
  if (call) {
    if (identifier.safeParse(call).success) filter.callId = call;
    else notices.push(`L’appel « ${call} » n’existe pas : ce filtre est ignoré.`);
  }
  for (const [name, key, label] of [
    ["depose_du", "filedFrom", "Déposé du"],
    ["depose_au", "filedTo", "Déposé au"],
  ] as const) {
    const value = single(name);
    if (!value) continue;
    if (isoDay.safeParse(value).success) filter[key] = value;
    else notices.push(`La date « ${label} » (« ${value} ») n’est pas une date valide : elle est ignorée.`);
  }
  if (filter.filedFrom && filter.filedTo && filter.filedFrom > filter.filedTo) {
    notices.push(
      `La période de dépôt est inversée (du ${frenchDay(filter.filedFrom)} au ${frenchDay(filter.filedTo)}) : elle est ignorée.`,
    );
    filter.filedFrom = null;
    filter.filedTo = null;
  }
  const q = single("q");
  if (q) filter.q = q.slice(0, 100);
  const sort = single("tri");
  if (sort) {
    if (sort in QUEUE_SORTS) filter.sort = sort as QueueSort;
    else notices.push(`Le tri « ${sort} » n’existe pas : les dossiers sont triés par date de dépôt.`);
  }
  const page = single("page");
  if (page) {
    const number = /^\d{1,6}$/.test(page) ? Number(page) : 0;
    if (number >= 1) filter.page = number;
    else notices.push(`La page « ${page} » n’existe pas : la première page est affichée.`);
  }
  return { filter, notices };
}

/** The query parameters of a filter, defaults left out so links stay short. */
export function queueParams(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.scheme) params.set("dispositif", SCHEME_SLUGS[filter.scheme]);
  for (const status of filter.statuses) params.append("statut", status);
  if (filter.department) params.set("departement", filter.department);
  if (filter.territory) params.set("territoire", filter.territory);
  if (filter.assignee) params.set("instructeur", filter.assignee);
  if (filter.callId) params.set("appel", filter.callId);
  if (filter.filedFrom) params.set("depose_du", filter.filedFrom);
  if (filter.filedTo) params.set("depose_au", filter.filedTo);
  if (filter.q) params.set("q", filter.q);
  if (filter.sort !== DEFAULT_QUEUE_SORT) params.set("tri", filter.sort);
  if (filter.page !== 1) params.set("page", String(filter.page));
  return params;
}

/** `?statut=FILED&page=2`, or "" for the whole queue: the search part of a link to the queue or a dossier. */
export function queueSearch(filter: QueueFilter, overrides: Partial<QueueFilter> = {}): string {
  const query = queueParams({ ...filter, ...overrides }).toString();
  return query ? `?${query}` : "";
}

/** The filing-date bounds of a filter: Paris days, the last one included up to midnight. */
export function filedAtRange(filter: Pick<QueueFilter, "filedFrom" | "filedTo">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.filedFrom) range.gte = paris(filter.filedFrom);
  if (filter.filedTo) {
    const next = new Date(`${filter.filedTo}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    range.lt = paris(next.toISOString().slice(0, 10));
  }
  return range;
}

/** The digits of a search that looks like a SIRET or SIREN (spaces ignored), else null. */
export function siretDigits(q: string): string | null {
  const digits = q.replace(/[\s\u00a0\u202f]/g, "");
  return /^\d{3,14}$/.test(digits) ? digits : null;
}

/** 1234500 → « 12345,00 »: a number a French spreadsheet reads as such (no thousands separator). */
export function csvAmount(cents: number | null): string {
  if (cents === null) return "";
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

export const QUEUE_CSV_HEADER = [
  "Numéro",
  "Organisation",
  "SIRET",
  "Projet",
  "Dispositif",
  "Département",
  "Territoire",
  "Statut",
  "Instructeur",
  "Montant demandé (€)",
  "Montant proposé (€)",
  "Montant accordé (€)",
  "Déposé le",
] as const;

export interface QueueCsvRow {
  number: string | null;
  organisation: string;
  siret: string | null;
  title: string;
  scheme: string;
  department: string | null;
  territory: string | null;
  statusLabel: string;
  assignee: string | null;
  requestedAmountCents: number | null;
  proposedAmountCents: number | null;
  grantedAmountCents: number | null;
  filedAt: Date | null;
}

/** One line of the export, in the order of QUEUE_CSV_HEADER. */
export function queueCsvRecord(row: QueueCsvRow): string[] {
  return [
    row.number ?? "",
    row.organisation,
    row.siret ?? "",
    row.title,
    row.scheme,
    row.department ?? "",
    row.territory ?? "",
    row.statusLabel,
    row.assignee ?? "",
    csvAmount(row.requestedAmountCents),
    csvAmount(row.proposedAmountCents),
    csvAmount(row.grantedAmountCents),
    row.filedAt ? formatDate(row.filedAt) : "",
  ];
}
