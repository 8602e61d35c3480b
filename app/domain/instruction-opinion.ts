// The instructor's opinion and proposed amount, judged by the dossier's OWN rule-set version (a dossier
// filed under version 1 keeps version 1's floors and ceilings), and the completeness checklist of a dossier.
import { z } from "zod";

import { formatEuros, parseEuros } from "~/domain/format";
import type { RuleSetParametersByScheme } from "~/domain/schemes";
import type { SchemeCode } from "~/generated/prisma/enums";

export const MIN_MOTIVATION_LENGTH = 20;
export const MAX_MOTIVATION_LENGTH = 5000;

export interface Opinion {
  favourable: boolean;
  motivation: string;
  proposedAmountCents: number;
  /** CAP ASSO only: one amount per year of the agreement. */
  yearlyAmountsCents: number[];
}

/** What the amounts are checked against: the dossier's rule set and what the applicant asked. */
export type OpinionRules = {
  [C in SchemeCode]: {
    schemeCode: C;
    parameters: RuleSetParametersByScheme[C];
    ruleSetVersion: number;
    requestedAmountCents: number | null;
    /** Equity advance: the EU grant stated in the answers, in cents. */
    euGrantCents?: number | null;
  };
}[SchemeCode];

/** Errors by field of the opinion form: `favourable`, `motivation`, `proposedAmount`, `amountYear1`… */
export type OpinionFieldErrors = Record<string, string>;

/** How many yearly amounts a CAP ASSO agreement has. */
export function agreementYears(parameters: { agreementLengthMonths: number }): number {
  return Math.max(1, Math.round(parameters.agreementLengthMonths / 12));
}

export const yearField = (index: number) => `amountYear${index + 1}`;

function rangeErrors(
  cents: number,
  min: number,
  max: number,
  version: number,
  what = "Le montant proposé",
): string | null {
  if (cents > max) {
    return `${what} dépasse le plafond du dispositif (${formatEuros(max)}, règlement version ${version}).`;
  }
  if (cents < min) {
    return `${what} est inférieur au plancher du dispositif (${formatEuros(min)}, règlement version ${version}).`;
  }
  return null;
}

/** Every problem of an opinion, by field; empty when it can be sent to the Commission permanente. */
export function opinionProblems(rules: OpinionRules, opinion: Opinion): OpinionFieldErrors {
  const errors: OpinionFieldErrors = {};
  const motivation = opinion.motivation.trim();
  if (motivation.length < MIN_MOTIVATION_LENGTH) {
    errors.motivation = `Motivez l’avis en ${MIN_MOTIVATION_LENGTH} caractères au moins : il figure dans le rapport d’instruction.`;
  } else if (motivation.length > MAX_MOTIVATION_LENGTH) {
    errors.motivation = `La motivation ne doit pas dépasser ${MAX_MOTIVATION_LENGTH.toLocaleString("fr-FR")} caractères.`;
  }
  const amount = opinion.proposedAmountCents;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    errors.proposedAmount = "Indiquez un montant en euros, par exemple 12 000.";
    return errors;
  }
  if (!opinion.favourable) {
    if (amount !== 0 || opinion.yearlyAmountsCents.some((cents) => cents !== 0)) {
      errors.proposedAmount = "Un avis défavorable ne propose aucun montant : laissez le montant à 0.";
    }
    return errors;
  }

  const version = rules.ruleSetVersion;
  let range: string | null = null;
  switch (rules.schemeCode) {
    case "CAP_ASSO": {
      const p = rules.parameters;
      const years = agreementYears(p);
      const yearly = opinion.yearlyAmountsCents;
      if (yearly.length !== years) {
        errors.proposedAmount = `Indiquez les ${years} montants annuels de la convention.`;
        break;
      }
      yearly.forEach((cents, index) => {
        const problem = Number.isSafeInteger(cents)
          ? rangeErrors(
              cents,
              p.minAnnualAmountCents,
              p.maxAnnualAmountCents,
              version,
              `Le montant de l’année ${index + 1}`,
            )
          : "Indiquez un montant en euros.";
        if (problem) errors[yearField(index)] = problem;
      });
      const sum = yearly.reduce((total, cents) => total + cents, 0);
      if (sum !== amount) {
        errors.proposedAmount = `Le montant proposé doit être la somme des montants annuels (${formatEuros(sum)}).`;
      }
      break;
    }
    case "A_VOS_ID":
      range = rangeErrors(
        amount,
        rules.parameters.minSubsidyCents,
        rules.parameters.maxSubsidyCents,
        version,
      );
      break;
    case "CAP_SCOP_SCIC":
      range = rangeErrors(amount, 1, rules.parameters.maxSubsidyPerCooperativeCents, version);
      break;
    case "EQUITY_ADVANCE": {
      const p = rules.parameters;
      range = rangeErrors(amount, p.minAmountCents, p.maxAmountCents, version);
      if (!range && rules.euGrantCents != null) {
        const share = Math.floor((rules.euGrantCents * p.maxShareOfEuGrantPercent) / 100);
        if (amount > share) {
          range = `Le montant proposé dépasse ${p.maxShareOfEuGrantPercent}\u00a0% de la subvention européenne (${formatEuros(share)}, règlement version ${version}).`;
        }
      }
      break;
    }
  }
  if (amount === 0) range = "Un avis favorable propose un montant supérieur à zéro.";
  if (range) errors.proposedAmount = range;
  if (!errors.proposedAmount && rules.requestedAmountCents !== null && amount > rules.requestedAmountCents) {
    errors.proposedAmount = `Le montant proposé dépasse le montant demandé par le porteur de projet (${formatEuros(rules.requestedAmountCents)}).`;
  }
  return errors;
}

const optionalEuros = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? "").trim();
      if (text === "") return null;
      const parsed = parseEuros(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.cents;
    });

/**
 * The posted opinion form: `favourable` (« oui » / « non »), `motivation`, `proposedAmount` (euros as
 * typed) and, for CAP ASSO, `amountYear1`…`amountYearN`, whose sum is the proposed amount. An unfavourable
 * opinion proposes 0 whatever was typed. `opinionProblems` then judges the amounts against the rules.
 */
export function opinionFormSchema(years: number) {
  const yearly = Object.fromEntries(
    Array.from({ length: years }, (_, index) => [yearField(index), optionalEuros()]),
  );
  return z
    .object({
      favourable: z.enum(["oui", "non"], { error: "Choisissez un avis favorable ou défavorable." }),
      motivation: z
        .string()
        .optional()
        .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim()),
      proposedAmount: optionalEuros(),
      ...yearly,
    })
    .transform((form): Opinion => {
      const favourable = form.favourable === "oui";
      const values = form as unknown as Record<string, number | null>;
      const yearlyAmountsCents =
        favourable && years > 0
          ? Array.from({ length: years }, (_, index) => values[yearField(index)] ?? 0)
          : [];
      const proposedAmountCents = !favourable
        ? 0
        : years > 0
          ? yearlyAmountsCents.reduce((sum, cents) => sum + cents, 0)
          : (form.proposedAmount ?? 0);
      return { favourable, motivation: form.motivation, proposedAmountCents, yearlyAmountsCents };
    });
}

export interface CompletenessItem {
  key: string;
  label: string;
}

/** What the instructor checks before giving an opinion: each required piece, then the three checks. */
export function COMPLETENESS_ITEMS(dossier: { ruleSet: { parameters: unknown } }): CompletenessItem[] {
  const pieces =
    (dossier.ruleSet.parameters as { requiredAttachments?: Array<{ kind: string; label: string }> })
      .requiredAttachments ?? [];
  return [
    ...pieces.map((piece) => ({ key: `piece:${piece.kind}`, label: piece.label })),
    { key: "budget", label: "Budget équilibré" },
    { key: "identity", label: "Identité de l’organisation vérifiée (SIRET, RNA)" },
    { key: "eligibility", label: "Éligibilité vérifiée" },
  ];
}

/** One ticked item as stored in Dossier.completeness. */
export interface CompletenessMark {
  checked: boolean;
  by: string;
  at: string;
}

/** Dossier.completeness read back; an old `{ key: true }` shape still reads as ticked. */
export function readCompleteness(json: unknown): Record<string, CompletenessMark> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const marks: Record<string, CompletenessMark> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (typeof value === "boolean") marks[key] = { checked: value, by: "", at: "" };
    else if (value && typeof value === "object" && typeof (value as CompletenessMark).checked === "boolean") {
      const mark = value as Partial<CompletenessMark>;
      marks[key] = { checked: mark.checked!, by: mark.by ?? "", at: mark.at ?? "" };
    }
  }
  return marks;
}
