// What waits for the instructor after the grant, as a URL: the kinds of work of the follow-up queue, its
// filter (the instruction queue's scheme, department, territory, assignee and search, plus the kind), the
// staff page each line links to, and the CSV rows of its export.
import { formatDate } from "~/domain/format";
import { csvAmount, readQueueFilter } from "~/domain/instruction-queue";
import { queryParam } from "~/domain/query-params";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import type { SchemeCode } from "~/generated/prisma/enums";

export const FOLLOW_UP_PAGE_SIZE = 25;

/** The kinds of work, in the order the page lists them; the slug is the query string's `quoi`. */
export const FOLLOW_UP_KINDS = {
  "versements-a-verifier": {
    label: "Demandes de versement à vérifier",
    one: "Demande de versement à vérifier",
  },
  "versements-a-payer": {
    label: "Versements approuvés à mettre en paiement",
    one: "Versement approuvé à mettre en paiement",
  },
  "comptes-rendus-a-verifier": {
    label: "Comptes rendus financiers à vérifier",
    one: "Compte rendu financier à vérifier",
  },
  "comptes-rendus-en-retard": {
    label: "Comptes rendus financiers en retard",
    one: "Compte rendu financier en retard",
  },
  "reversements-a-recouvrer": { label: "Reversements à recouvrer", one: "Reversement à recouvrer" },
  "conventions-a-accepter": {
    label: "Conventions à accepter pour la Région",
    one: "Convention à accepter pour la Région",
  },
  "avances-en-retard": {
    label: "Avances en fonds propres en retard de remboursement",
    one: "Avance en retard de remboursement",
  },
} as const;
export type FollowUpKind = keyof typeof FOLLOW_UP_KINDS;
export const FOLLOW_UP_KIND_SLUGS = Object.keys(FOLLOW_UP_KINDS) as FollowUpKind[];

export interface FollowUpFilter {
  kind: FollowUpKind | null;
  scheme: SchemeCode | null;
  department: string | null;
  territory: string | null;
  /** `moi`, `aucun` (not assigned) or a user id. */
  assignee: string | null;
  q: string | null;
  page: number;
}

export const EMPTY_FOLLOW_UP_FILTER: FollowUpFilter = {
  kind: null,
  scheme: null,
  department: null,
  territory: null,
  assignee: null,
  q: null,
  page: 1,
};

/** The filter a query string asks for, and what was ignored in it, in French (never an error). */
export function readFollowUpFilter(params: URLSearchParams): { filter: FollowUpFilter; notices: string[] } {
  // The parameters the two queues share are read the same way, with the same notices.
  const shared = new URLSearchParams();
  for (const name of ["dispositif", "departement", "territoire", "instructeur", "q", "page"]) {
    for (const value of params.getAll(name)) shared.append(name, value);
  }
  const { filter: queue, notices } = readQueueFilter(shared);
  const filter: FollowUpFilter = {
    kind: null,
    scheme: queue.scheme,
    department: queue.department,
    territory: queue.territory,
    assignee: queue.assignee,
    q: queue.q,
    page: queue.page,
  };
  const kind = queryParam(params, "quoi");
  if (kind) {
    if (kind in FOLLOW_UP_KINDS) filter.kind = kind as FollowUpKind;
    else notices.push(`Le type de suivi « ${kind} » n’existe pas : tout le suivi est affiché.`);
  }
  return { filter, notices };
}

export function followUpParams(filter: FollowUpFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.kind) params.set("quoi", filter.kind);
  if (filter.scheme) params.set("dispositif", SCHEME_SLUGS[filter.scheme]);
  if (filter.department) params.set("departement", filter.department);
  if (filter.territory) params.set("territoire", filter.territory);
  if (filter.assignee) params.set("instructeur", filter.assignee);
  if (filter.q) params.set("q", filter.q);
  if (filter.page !== 1) params.set("page", String(filter.page));
  return params;
}

/** `?quoi=…&page=2`, or "" for the whole follow-up. */
export function followUpSearch(filter: FollowUpFilter, overrides: Partial<FollowUpFilter> = {}): string {
  const query = followUpParams({ ...filter, ...overrides }).toString();
  return query ? `?${query}` : "";
}

/** The staff page of the thing a line is about (the URLs the post-grant pages live at). */
export function followUpHref(item: {
  kind: FollowUpKind;
  dossierId: string;
  position?: number | null;
  period?: number | null;
}): string {
  const base = `/instruction/dossiers/${item.dossierId}`;
  switch (item.kind) {
    case "versements-a-verifier":
    case "versements-a-payer":
      return `${base}/versements/${item.position ?? 1}`;
    case "comptes-rendus-a-verifier":
    case "comptes-rendus-en-retard":
      return `${base}/comptes-rendus/${item.period ?? 1}`;
    case "reversements-a-recouvrer":
      return `${base}/reversements`;
    case "conventions-a-accepter":
      return `${base}/convention`;
    case "avances-en-retard":
      return `${base}/remboursements`;
  }
}

export const FOLLOW_UP_CSV_HEADER = [
  "À faire",
  "Numéro",
  "Organisation",
  "Projet",
  "Dispositif",
  "Département",
  "Territoire",
  "Instructeur",
  "Objet",
  "Montant (€)",
  "Date",
  "Jours de retard",
  "Lien",
] as const;

export interface FollowUpCsvRow {
  kind: FollowUpKind;
  number: string | null;
  organisation: string;
  title: string;
  scheme: string;
  department: string | null;
  territory: string | null;
  assignee: string | null;
  subject: string;
  amountCents: number | null;
  /** « demandé le 12/11/2026 », « dû le 19/03/2026 »: the date that orders the line, with its meaning. */
  dateLabel: string;
  date: Date;
  daysLate: number;
  href: string;
}

/** One line of the export, in the order of FOLLOW_UP_CSV_HEADER; the link is absolute. */
export function followUpCsvRecord(row: FollowUpCsvRow, appUrl: string): string[] {
  return [
    FOLLOW_UP_KINDS[row.kind].one,
    row.number ?? "",
    row.organisation,
    row.title,
    row.scheme,
    row.department ?? "",
    row.territory ?? "",
    row.assignee ?? "",
    row.subject,
    csvAmount(row.amountCents),
    `${row.dateLabel} ${formatDate(row.date)}`,
    row.daysLate > 0 ? String(row.daysLate) : "",
    `${appUrl.replace(/\/$/, "")}${row.href}`,
  ];
}
