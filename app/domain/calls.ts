// Calls for projects (appels à projets): the filing windows of a scheme and the budget envelope each one
// draws on. A window is typed as Paris days: it opens at 00:00 on its first day and closes at 23:59:59 on
// its last, so « jusqu’au 31/12/2027 » means what an applicant reads.
import { z } from "zod";

import { CallKind, DossierStatus, SchemeCode } from "~/generated/prisma/enums";

import { schemeCodeOfSlug } from "~/domain/schemes/slugs";
import { formatDate, formatEuros, parseEuros } from "./format";
import { addParisMonths, paris, parisDay } from "./paris-time";

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

// ─── The form ─────────────────────────────────────────────────────────────────

/** What the call form posts, as typed (kept on error). */
export interface CallFormValues {
  scheme: string;
  year: string;
  title: string;
  kind: string;
  opensOn: string;
  closesOn: string;
  envelope: string;
}

export const CALL_FIELD_LABELS: Record<keyof CallFormValues, string> = {
  scheme: "Dispositif",
  year: "Année",
  title: "Titre de l’appel",
  kind: "Type d’appel",
  opensOn: "Premier jour de dépôt",
  closesOn: "Dernier jour de dépôt",
  envelope: "Enveloppe budgétaire",
};

/** `2026-02-30` is no day: read back through Paris, it would come out as another one. */
function isParisDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parisDay(paris(value)) === value;
}

const INVALID_DAY = "Indiquez une date valide, par exemple 31/12/2027.";

export const callFormSchema = z
  .object({
    scheme: z.enum(SchemeCode, { error: "Choisissez le dispositif." }),
    year: z
      .string({ error: "Indiquez l’année de l’appel." })
      .trim()
      .min(1, "Indiquez l’année de l’appel.")
      .regex(/^\d{4}$/, "Indiquez l’année sur quatre chiffres, par exemple 2027.")
      .transform(Number)
      .refine(
        (year) => year >= CALL_YEAR_MIN && year <= CALL_YEAR_MAX,
        `L’année doit être comprise entre ${CALL_YEAR_MIN} et ${CALL_YEAR_MAX}.`,
      ),
    title: z
      .string({ error: "Donnez un titre à l’appel." })
      .trim()
      .min(1, "Donnez un titre à l’appel.")
      .max(CALL_TITLE_MAX, `Le titre ne peut pas dépasser ${CALL_TITLE_MAX} caractères.`),
    kind: z.enum(CallKind, { error: "Choisissez le type d’appel." }),
    opensOn: z
      .string({ error: "Indiquez le premier jour de dépôt." })
      .trim()
      .min(1, "Indiquez le premier jour de dépôt.")
      .refine(isParisDay, INVALID_DAY),
    closesOn: z
      .string()
      .trim()
      .default("")
      .refine((day) => day === "" || isParisDay(day), INVALID_DAY),
    envelope: z.string({ error: "Indiquez l’enveloppe budgétaire." }).transform((value, context) => {
      if (value.trim() === "") {
        context.addIssue({
          code: "custom",
          message: "Indiquez l’enveloppe budgétaire en euros (0 si elle n’est pas encore votée).",
        });
        return z.NEVER;
      }
      const parsed = parseEuros(value);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.cents;
    }),
  })
  .superRefine((form, context) => {
    if (form.kind === CallKind.DATED && form.closesOn === "") {
      context.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "Un appel daté se clôt un jour donné : indiquez son dernier jour de dépôt.",
      });
    }
    if (form.closesOn !== "" && form.closesOn < form.opensOn) {
      context.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "Le dernier jour de dépôt ne peut pas précéder le premier.",
      });
    }
  })
  .transform((form) => ({
    schemeCode: form.scheme,
    year: form.year,
    title: form.title,
    kind: form.kind,
    opensAt: paris(form.opensOn),
    closesAt: form.closesOn ? paris(`${form.closesOn}T23:59:59`) : null,
    budgetEnvelopeCents: form.envelope,
  }));

export type CallInput = z.output<typeof callFormSchema>;

/** The form's fields, read from what was posted (anything missing reads as empty). */
export function readCallForm(form: { get(name: string): unknown }): CallFormValues {
  const value = (name: keyof CallFormValues) => {
    const raw = form.get(name);
    return typeof raw === "string" ? raw : "";
  };
  const names = Object.keys(CALL_FIELD_LABELS) as Array<keyof CallFormValues>;
  return Object.fromEntries(names.map((name) => [name, value(name)])) as unknown as CallFormValues;
}

/** An amount as the form shows it: « 9 000 000,00 », which parseEuros reads back. */
function eurosField(cents: number): string {
  return formatEuros(cents).replace(/\s*€$/u, "");
}

interface StoredCall extends CallWindow {
  schemeCode: SchemeCode;
  year: number;
  title: string;
  kind: CallKind;
  envelopeCents: number;
}

/** A stored call as its edit form shows it. */
export function callFormValues(call: StoredCall): CallFormValues {
  return {
    scheme: call.schemeCode,
    year: String(call.year),
    title: call.title,
    kind: call.kind,
    opensOn: parisDay(call.opensAt),
    closesOn: call.closesAt ? parisDay(call.closesAt) : "",
    envelope: eurosField(call.envelopeCents),
  };
}

/** The same call a year later: what « reprendre cet appel » offers to create. */
export function nextYearCallValues(call: StoredCall): CallFormValues {
  const next = call.year + 1;
  return callFormValues({
    ...call,
    year: next,
    title: call.title.replaceAll(String(call.year), String(next)),
    opensAt: addParisMonths(call.opensAt, 12),
    closesAt: call.closesAt ? addParisMonths(call.closesAt, 12) : null,
  });
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

// ─── Budget envelopes ─────────────────────────────────────────────────────────

/** One status's sums over a call's dossiers, as a grouped query returns them. */
export interface StatusSums {
  status: DossierStatus;
  requestedCents: number;
  proposedCents: number;
  grantedCents: number;
}

export interface EnvelopeFigures {
  envelopeCents: number;
  /** Asked for by every dossier filed on the call, whatever became of it (drafts are not filed). */
  requestedCents: number;
  /** Proposed to the Commission permanente and not yet voted. */
  proposedCents: number;
  /** Granted by the Commission permanente. */
  votedCents: number;
  /** Envelope − voted; negative when the Commission voted beyond it (it is sovereign). */
  remainingCents: number;
  /** What would remain once the pending proposals are voted as proposed. */
  remainingIfProposalsVotedCents: number;
}

export function envelopeFigures(envelopeCents: number, sums: readonly StatusSums[]): EnvelopeFigures {
  const filed = sums.filter((row) => row.status !== DossierStatus.DRAFT);
  const requestedCents = filed.reduce((total, row) => total + row.requestedCents, 0);
  const of = (status: DossierStatus) => filed.find((row) => row.status === status);
  const proposedCents = of(DossierStatus.PROPOSED)?.proposedCents ?? 0;
  const votedCents = of(DossierStatus.GRANTED)?.grantedCents ?? 0;
  return {
    envelopeCents,
    requestedCents,
    proposedCents,
    votedCents,
    remainingCents: envelopeCents - votedCents,
    remainingIfProposalsVotedCents: envelopeCents - votedCents - proposedCents,
  };
}

/** The figures of several calls added up (a year's total row). */
export function totalFigures(rows: readonly EnvelopeFigures[]): EnvelopeFigures {
  const total = envelopeFigures(0, []);
  const keys = Object.keys(total) as Array<keyof EnvelopeFigures>;
  for (const row of rows) for (const key of keys) total[key] += row[key];
  return total;
}

/** A remainder in words: an overrun is said, not only coloured. */
export function remainderLabel(cents: number): string {
  return cents < 0 ? `Dépassement de ${formatEuros(-cents)}` : formatEuros(cents);
}

/** The figures as the pages show them. */
export interface FiguresView {
  envelope: string;
  requested: string;
  proposed: string;
  voted: string;
  remaining: string;
  remainingIfProposalsVoted: string;
  overrun: boolean;
  overrunIfProposalsVoted: boolean;
}

export function figuresView(figures: EnvelopeFigures): FiguresView {
  return {
    envelope: formatEuros(figures.envelopeCents),
    requested: formatEuros(figures.requestedCents),
    proposed: formatEuros(figures.proposedCents),
    voted: formatEuros(figures.votedCents),
    remaining: remainderLabel(figures.remainingCents),
    remainingIfProposalsVoted: remainderLabel(figures.remainingIfProposalsVotedCents),
    overrun: figures.remainingCents < 0,
    overrunIfProposalsVoted: figures.remainingIfProposalsVotedCents < 0,
  };
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
