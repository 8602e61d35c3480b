// The admin's audit log as a URL and in words: the filter read from query parameters (a value it cannot
// read is dropped with a French notice, never an error: a hand-edited link still opens the log), links built
// back from it, each entry's action, target and details as a person reads them, and the CSV lines.
import { AUDIT_ACTION_LABELS, type AuditAction } from "~/domain/audit";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { eventLabel, type TimelineEvent } from "~/domain/dossier-timeline";
import { formatDate, formatTime } from "~/domain/format";
import { filedAtRange } from "~/domain/instruction-queue";
import { queryParam } from "~/domain/query-params";
import { ROLE_LABELS } from "~/domain/roles";
import { SCHEMES } from "~/domain/schemes";
import { TERRITORY_KIND_LABELS } from "~/domain/territories";

export const AUDIT_LOG_PAGE_SIZE = 50;
const SEARCH_MAX = 100;

export interface AuditLogFilter {
  /** Part of a person's name or email. */
  person: string | null;
  /** A dossier's number (CAPASSO-2026-00042) or id. */
  dossier: string | null;
  action: AuditAction | null;
  /** Paris calendar days, `yyyy-mm-dd`, both included. */
  from: string | null;
  to: string | null;
  page: number;
}

export const EMPTY_AUDIT_LOG_FILTER: AuditLogFilter = {
  person: null,
  dossier: null,
  action: null,
  from: null,
  to: null,
  page: 1,
};

/** `2026-03-05` from a date input, or `05/03/2026` typed where the browser has no date picker. */
export function readDay(value: string): string | null {
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const frenchDay = (day: string) => day.split("-").reverse().join("/");

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** The filter a query string asks for, and what was ignored in it, in French, to tell the reader. */
export function readAuditLogFilter(params: URLSearchParams): { filter: AuditLogFilter; notices: string[] } {
  const notices: string[] = [];
  const filter: AuditLogFilter = { ...EMPTY_AUDIT_LOG_FILTER };
  // An empty field of the GET form sends `name=`: that means "no filter", not a mistake.
  const single = (name: string) => queryParam(params, name);

  const person = single("personne");
  if (person) filter.person = person.slice(0, SEARCH_MAX);
  const dossier = single("dossier");
  if (dossier) {
    if (/^[A-Za-z0-9_-]{1,64}$/.test(dossier)) filter.dossier = dossier;
    else
      notices.push(
        `« ${dossier.slice(0, SEARCH_MAX)} » n’est ni un numéro ni un identifiant de dossier\u202f: ce filtre est ignoré.`,
      );
  }
  const action = single("action");
  if (action) {
    if (isAuditAction(action)) filter.action = action;
    else
      notices.push(`L’action « ${action.slice(0, SEARCH_MAX)} » n’existe pas\u202f: ce filtre est ignoré.`);
  }
  for (const [name, key, label] of [
    ["du", "from", "Du"],
    ["au", "to", "Au"],
  ] as const) {
    const value = single(name);
    if (!value) continue;
    const day = readDay(value);
    if (day) filter[key] = day;
    else
      notices.push(
        `La date « ${label} » (« ${value.slice(0, 20)} ») n’est pas une date valide\u202f: elle est ignorée.`,
      );
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    notices.push(
      `La période est inversée (du ${frenchDay(filter.from)} au ${frenchDay(filter.to)})\u202f: elle est ignorée.`,
    );
    filter.from = null;
    filter.to = null;
  }
  const page = single("page");
  if (page) {
    const number = /^\d{1,6}$/.test(page) ? Number(page) : 0;
    if (number >= 1) filter.page = number;
    else notices.push(`La page « ${page.slice(0, 20)} » n’existe pas\u202f: la première page est affichée.`);
  }
  return { filter, notices };
}

/** The query parameters of a filter, defaults left out so links stay short. */
export function auditLogParams(filter: AuditLogFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.person) params.set("personne", filter.person);
  if (filter.dossier) params.set("dossier", filter.dossier);
  if (filter.action) params.set("action", filter.action);
  if (filter.from) params.set("du", filter.from);
  if (filter.to) params.set("au", filter.to);
  if (filter.page !== 1) params.set("page", String(filter.page));
  return params;
}

/** `?personne=martin&page=2`, or "" for the whole log. */
export function auditLogSearch(filter: AuditLogFilter, overrides: Partial<AuditLogFilter> = {}): string {
  const query = auditLogParams({ ...filter, ...overrides }).toString();
  return query ? `?${query}` : "";
}

/** The instants a filter's days cover, in Paris time, the last day included up to midnight. */
export function auditLogRange(filter: Pick<AuditLogFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  return filedAtRange({ filedFrom: filter.from, filedTo: filter.to });
}

/** The action in French; one written by an older version of the portal is shown as stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** The actions a person can filter on, in alphabetical order of their labels. */
export function auditActionOptions(): Array<{ value: AuditAction; label: string }> {
  return (Object.entries(AUDIT_ACTION_LABELS) as Array<[AuditAction, string]>)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

/** What the audit log's `targetType` values name, in French. */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  Dossier: "Dossier",
  User: "Compte",
  Territory: "Territoire",
  Organisation: "Organisation",
  FunderOrganisation: "Organisation financeuse",
  Call: "Appel à projets",
  RuleSet: "Version de règles",
  Scheme: "Dispositif",
  PortalSettings: "Paramètres de conservation",
  ProjectReview: "Revue de projets",
  FunderSavedFilter: "Filtre enregistré",
};

const DETAIL_LABELS: Record<string, string> = {
  email: "adresse e-mail",
  count: "nombre de lignes",
  query: "filtre",
  code: "code",
  name: "nom",
  kind: "type",
  departmentCode: "département",
  leaderGroup: "groupe LEADER",
  active: "actif",
  changes: "modifications",
  role: "rôle",
  reason: "motif",
  title: "titre",
  version: "version",
  schemes: "dispositifs",
  departmentCodes: "départements",
  territoryCodes: "territoires",
  retentionMonths: "durée de conservation (mois)",
  purgeNoticeDays: "préavis de purge (jours)",
  digest: "récapitulatif",
  oneClick: "en un clic depuis la messagerie",
};

/** Enum values stored in details (kinds, statuses, roles, schemes), in French. */
const VALUE_LABELS: Record<string, string> = {
  "recapitulatif-quotidien": "quotidien (instruction)",
  "recapitulatif-financeurs": "hebdomadaire (financeurs)",
  ...TERRITORY_KIND_LABELS,
  ...DOSSIER_STATUS_LABELS,
  ...ROLE_LABELS,
  ...Object.fromEntries(Object.entries(SCHEMES).map(([code, scheme]) => [code, scheme.name])),
};

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(vide)";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (Array.isArray(value)) return value.length ? value.map(valueInWords).join(", ") : "(aucun : tous)";
  if (isRecord(value)) {
    if ("before" in value && "after" in value) {
      return `${valueInWords(value.before)} → ${valueInWords(value.after)}`;
    }
    return `(${detailsInWords(value)})`;
  }
  const text = String(value);
  return VALUE_LABELS[text] ?? text;
}

function detailsInWords(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${DETAIL_LABELS[key] ?? key}\u202f: ${valueInWords(value)}`)
    .join("\u202f; ");
}

/** An audit row's details as a sentence: « code : 37-chinonais ; modifications : (nom : A → B) ». */
export function describeAuditDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  const sentence = isRecord(details) ? detailsInWords(details) : valueInWords(details);
  return capitalised(sentence);
}

/** A dossier event's details: the status change and the reason given, when the label does not say them. */
export function describeDossierEvent(event: TimelineEvent): string {
  const parts: string[] = [];
  if (event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus) {
    parts.push(
      `statut\u202f: ${DOSSIER_STATUS_LABELS[event.fromStatus]} → ${DOSSIER_STATUS_LABELS[event.toStatus]}`,
    );
  }
  if (event.reason && event.reason !== eventLabel(event)) parts.push(`motif\u202f: ${event.reason}`);
  const sentence = parts.join("\u202f; ");
  return capitalised(sentence);
}

/** One line of the log, from the audit table or a dossier's own history, as pages and the CSV show it. */
export interface AuditLogEntry {
  id: string;
  source: "audit" | "dossier";
  createdAt: Date;
  actor: { name: string; email: string } | null;
  action: string;
  target: { label: string; dossierId: string | null } | null;
  details: string;
  ip: string | null;
}

export const AUDIT_LOG_CSV_HEADER = [
  "Date",
  "Heure",
  "Personne",
  "E-mail",
  "Action",
  "Cible",
  "Détails",
  "Adresse IP",
  "Source",
] as const;

export const NO_ACTOR_LABEL = "Le portail (aucun compte)";

export function auditLogCsvRecord(entry: AuditLogEntry): string[] {
  return [
    formatDate(entry.createdAt),
    formatTime(entry.createdAt),
    entry.actor?.name ?? NO_ACTOR_LABEL,
    entry.actor?.email ?? "",
    entry.action,
    entry.target?.label ?? "",
    entry.details,
    entry.ip ?? "",
    entry.source === "audit" ? "Journal d’audit" : "Historique du dossier",
  ];
}
