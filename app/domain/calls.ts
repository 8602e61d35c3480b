// Calls for projects (appels à projets): the filing windows of a scheme. A window is typed as Paris days:
// it opens at 00:00 on its first day and closes at 23:59:59 on its last, so « jusqu’au 31/12/2027 » means
// what an applicant reads. The call form is in call-form.ts, the budget envelopes in call-envelopes.ts.
import { schemeCodeOfSlug } from "~/domain/schemes/slugs";
import type { CallKind, SchemeCode } from "~/generated/prisma/enums";

import { formatDate } from "./format";

export const CALL_YEAR_MIN = 2000;
export const CALL_YEAR_MAX = 2100;
export const CALL_TITLE_MAX = 200;

export const CALL_KIND_LABELS: Record<CallKind, string> = {
  CONTINUOUS: "Dépôt en continu",
  DATED: "Appel daté",
};

export type CallState = "UPCOMING" | "OPEN" | "CLOSED";

export const CALL_STATE_LABELS: Record<CallState, string> = {
  UPCOMING: "À venir",
  OPEN: "Ouvert",
  CLOSED: "Clos",
};

export interface CallWindow {
  opensAt: Date;
  /** None: a continuous call open until an administrator closes it. */
  closesAt: Date | null;
}

// ─── Windows ──────────────────────────────────────────────────────────────────

/** Open from its first instant to its last, both included (as `openCall` reads it). */
export function callState(window: CallWindow, now: Date): CallState {
  if (now < window.opensAt) return "UPCOMING";
  if (window.closesAt && now > window.closesAt) return "CLOSED";
  return "OPEN";
}

/** Two windows share at least one instant: two calls of one scheme would be open at once. */
export function windowsOverlap(a: CallWindow, b: CallWindow): boolean {
  const end = (window: CallWindow) => window.closesAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.opensAt.getTime() <= end(b) && b.opensAt.getTime() <= end(a);
}

/** « du 01/01/2027 au 31/12/2027 », or « à partir du 01/01/2027 » with no closing date. */
export function windowLabel(window: CallWindow): string {
  return window.closesAt
    ? `du ${formatDate(window.opensAt)} au ${formatDate(window.closesAt)}`
    : `à partir du ${formatDate(window.opensAt)}`;
}

/** What an applicant reads on a scheme's page while a call is open. */
export function openWindowMessage(window: CallWindow): string {
  return window.closesAt
    ? `Dépôt des dossiers ouvert jusqu’au ${formatDate(window.closesAt)}.`
    : "Dépôt des dossiers ouvert, sans date de clôture annoncée.";
}

// ─── The list's filter ────────────────────────────────────────────────────────

export interface CallListFilter {
  /** Null: every year. */
  year: number | null;
  schemeCode: SchemeCode | null;
}

/**
 * `?annee=2027&dispositif=cap-asso`. No `annee` means the current year; an empty one, every year. A value
 * that names nothing is dropped with a notice rather than refused: it comes from a link or a hand-typed URL.
 */
export function parseCallListFilter(
  params: URLSearchParams,
  currentYear: number,
): { filter: CallListFilter; notices: string[] } {
  const notices: string[] = [];
  const filter: CallListFilter = { year: currentYear, schemeCode: null };
  const year = params.get("annee");
  if (year === "") filter.year = null;
  else if (year !== null) {
    const parsed = /^\d{4}$/.test(year) ? Number(year) : NaN;
    if (parsed >= CALL_YEAR_MIN && parsed <= CALL_YEAR_MAX) filter.year = parsed;
    else notices.push(`L’année « ${year} » n’est pas valide : l’année ${currentYear} est affichée.`);
  }
  const slug = params.get("dispositif");
  if (slug) {
    filter.schemeCode = schemeCodeOfSlug(slug);
    if (!filter.schemeCode) notices.push(`Le dispositif « ${slug} » n’existe pas : ce filtre est ignoré.`);
  }
  return { filter, notices };
}
