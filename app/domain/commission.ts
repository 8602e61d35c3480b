// The Commission Permanente as pure rules: the forms of a session and of its decisions (the totals of an
// agenda and what the votes leave in the envelopes: commission-totals.ts). Shared by pages and services.
import { z } from "zod";

import { formatDate, parseEuros } from "~/domain/format";
import { parisDay } from "~/domain/paris-time";

/** « Commission permanente du 15/12/2026 »: the title a session gets when none is typed. */
export function defaultSessionTitle(date: Date): string {
  return `Commission permanente du ${formatDate(date)}`;
}

/**
 * A session's decisions are recorded once it has met: from its day in Paris on, never before (a letter
 * saying « réunie le 11/12/2026 » cannot leave on the 7th).
 */
export function sessionHasMet(sessionDate: Date, now: Date): boolean {
  return parisDay(sessionDate) <= parisDay(now);
}

export function sessionNotMetMessage(sessionDate: Date): string {
  const day = formatDate(sessionDate);
  return `La Commission permanente du ${day} ne s’est pas encore réunie : ses décisions pourront être enregistrées à partir du ${day}.`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return date.getUTCFullYear() === +match[1]! && date.getUTCMonth() === +match[2]! - 1;
}

/** The form creating a session: a day in Paris (an `<input type="date">` posts `2026-12-15`) and a title. */
export const sessionFormSchema = z.object({
  date: z
    .string({ error: "Indiquez la date de la séance." })
    .trim()
    .min(1, "Indiquez la date de la séance.")
    .refine(isCalendarDay, "Indiquez une date valide, par exemple 15/12/2026."),
  title: z
    .string()
    .trim()
    .max(200, "Le titre ne peut pas dépasser 200 caractères.")
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export type SessionForm = z.output<typeof sessionFormSchema>;

/** The dossiers ticked to be put on, or taken off, an agenda. */
export const agendaFormSchema = z.object({
  dossierIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, "Cochez au moins un dossier.")
    .max(200, "Trop de dossiers à la fois : 200 au plus."),
});

// ─── Decisions ────────────────────────────────────────────────────────────────

export const DECISION_OUTCOMES = ["GRANTED", "REFUSED"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  GRANTED: "Accordé",
  REFUSED: "Refusé",
};

export interface SessionDecision {
  dossierId: string;
  outcome: DecisionOutcome;
  /** The amount voted; null for a refusal. */
  amountCents: number | null;
  /** CAP ASSO: one amount per year of the agreement, summing to the amount voted; empty otherwise. */
  yearlyAmountsCents: number[];
  motivation: string;
}

/** What the decision form needs to know about each dossier on the agenda. */
export interface AgendaDossierRule {
  dossierId: string;
  /** Years of a CAP ASSO agreement (its yearly amounts are voted too); 0 for the other schemes. */
  years: number;
}

export type DecisionField = "outcome" | "amount" | "yearlyAmounts" | "motivation" | `year${number}`;

/** The name of a decision field in the form, which is also the key of its error: `<dossierId>.amount`. */
export function decisionFieldName(dossierId: string, field: DecisionField): string {
  return `${dossierId}.${field}`;
}

/** The id of the control an error links to (the first radio for the outcome, the first year for the sum). */
export function decisionFieldId(key: string): string {
  const [dossierId, field] = splitKey(key);
  if (field === "outcome") return `decision-${dossierId}-GRANTED`;
  if (field === "yearlyAmounts") return `decision-${dossierId}-year1`;
  return `decision-${dossierId}-${field}`;
}

function splitKey(key: string): [string, string] {
  const dot = key.lastIndexOf(".");
  return dot < 0 ? [key, ""] : [key.slice(0, dot), key.slice(dot + 1)];
}

export const MOTIVATION_MAX_LENGTH = 4000;

export type DecisionErrors = Record<string, string>;

/**
 * Checks a whole session's decisions: every dossier on the agenda exactly once, a positive amount for a
 * grant, yearly amounts summing to it for CAP ASSO, a motivation for a refusal. Errors are keyed by field.
 */
export function validateSessionDecisions(
  decisions: readonly SessionDecision[],
  agenda: readonly AgendaDossierRule[],
): DecisionErrors {
  const errors: DecisionErrors = {};
  const onAgenda = new Map(agenda.map((rule) => [rule.dossierId, rule]));
  const seen = new Set<string>();
  for (const decision of decisions) {
    const rule = onAgenda.get(decision.dossierId);
    if (!rule) {
      errors.form = "Une décision porte sur un dossier qui n’est pas à l’ordre du jour de cette séance.";
      continue;
    }
    if (seen.has(decision.dossierId)) {
      errors.form = "Un dossier a reçu deux décisions : rechargez la page et recommencez.";
      continue;
    }
    seen.add(decision.dossierId);
    const key = (field: DecisionField) => decisionFieldName(decision.dossierId, field);
    if (decision.motivation.length > MOTIVATION_MAX_LENGTH) {
      errors[key("motivation")] = `La motivation ne peut pas dépasser ${MOTIVATION_MAX_LENGTH} caractères.`;
    }
    if (decision.outcome === "REFUSED") {
      if (!decision.motivation.trim()) {
        errors[key("motivation")] = "Indiquez le motif du refus : il est notifié au porteur de projet.";
      }
      continue;
    }
    if (decision.amountCents === null || decision.amountCents <= 0) {
      errors[key("amount")] = "Indiquez le montant voté, supérieur à zéro.";
      continue;
    }
    if (rule.years > 0) {
      const yearly = decision.yearlyAmountsCents;
      if (yearly.length !== rule.years || yearly.some((amount) => !Number.isInteger(amount) || amount < 0)) {
        errors[key("yearlyAmounts")] = `Indiquez le montant de chacune des ${rule.years} années.`;
      } else if (yearly.reduce((sum, amount) => sum + amount, 0) !== decision.amountCents) {
        errors[key("yearlyAmounts")] = "La somme des montants annuels doit être égale au montant voté.";
      }
    }
  }
  for (const rule of agenda) {
    if (!seen.has(rule.dossierId)) {
      errors[decisionFieldName(rule.dossierId, "outcome")] ??= "Choisissez « Accordé » ou « Refusé ».";
    }
  }
  return errors;
}

export type ParsedDecisions =
  { ok: true; decisions: SessionDecision[] } | { ok: false; errors: DecisionErrors };

/**
 * Reads the decisions form (`<dossierId>.outcome`, `.amount`, `.year1`…, `.motivation`) into decisions,
 * then validates them; French errors sit under the key of the field to fix.
 */
export function parseSessionDecisions(
  values: Readonly<Record<string, string>>,
  agenda: readonly AgendaDossierRule[],
): ParsedDecisions {
  const errors: DecisionErrors = {};
  const decisions: SessionDecision[] = [];
  for (const rule of agenda) {
    const read = (field: DecisionField) => (values[decisionFieldName(rule.dossierId, field)] ?? "").trim();
    const outcome = read("outcome");
    if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) continue;
    const motivation = read("motivation");
    if (outcome === "REFUSED") {
      decisions.push({
        dossierId: rule.dossierId,
        outcome,
        amountCents: null,
        yearlyAmountsCents: [],
        motivation,
      });
      continue;
    }
    const amount = parseEuros(read("amount"));
    if (!amount.ok) errors[decisionFieldName(rule.dossierId, "amount")] = amount.error;
    const yearly: number[] = [];
    for (let year = 1; year <= rule.years; year += 1) {
      const parsed = parseEuros(read(`year${year}`));
      if (parsed.ok) yearly.push(parsed.cents);
      else errors[decisionFieldName(rule.dossierId, `year${year}`)] = `Année ${year} : ${parsed.error}`;
    }
    decisions.push({
      dossierId: rule.dossierId,
      outcome: "GRANTED",
      amountCents: amount.ok ? amount.cents : null,
      yearlyAmountsCents: yearly.length === rule.years ? yearly : [],
      motivation,
    });
  }
  const checked = validateSessionDecisions(decisions, agenda);
  // A field's own parse error says more than the check of the whole that follows from it.
  const all = { ...checked, ...errors };
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, decisions };
}
