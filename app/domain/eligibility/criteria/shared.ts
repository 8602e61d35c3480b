// The criteria the four schemes share (territory, legal form, amounts within bounds or within a share of
// a base, yes/no answers) and how a criterion records what it still needs. Each scheme's own criteria are
// in the file named after it.
import { formatEuros } from "~/domain/format";
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import type { LegalForm } from "~/generated/prisma/enums";

import { LEGAL_FORM_NAMES, LEGAL_FORMS } from "../codes";
import type { AnswerPath, Situation } from "../situation";

/** `true` met, `false` not met, `null` not known yet (an answer is missing). */
export type Verdict = boolean | null;

export interface CriterionResult {
  id: string;
  label: string;
  met: Verdict;
  explanation: string;
}

/** A criterion as a scheme's evaluator returns it, with the answers it still needs. */
export interface Evaluated extends CriterionResult {
  missing: AnswerPath[];
  /** A criterion on the amount asked: failing it still leaves a smaller amount eligible. */
  onAmount?: boolean;
}

/** What a scheme's evaluator answers. */
export interface SchemeEvaluation {
  criteria: Evaluated[];
  /** The most the scheme can bring, when the answers allow computing it (null below its minimum). */
  maxCents: number | null;
  /** The amount asked and the answer it came from, when known. */
  asked: { path: AnswerPath; cents: number } | null;
}

export const cents = (euros: number) => Math.round(euros * 100);
export const euros = (cents: number) => cents / 100;

/**
 * The most a scheme brings as a share of a base amount (expenses, an EU grant), within its ceiling; `null`
 * while the base is unknown or when even that most is below the scheme's floor.
 */
export function shareWithinBounds(
  baseEuros: number | undefined,
  ratePercent: number,
  bounds: { minCents: number; maxCents: number },
): number | null {
  if (baseEuros === undefined) return null;
  const most = Math.min(bounds.maxCents, Math.floor((cents(baseEuros) * ratePercent) / 100));
  return most >= bounds.minCents ? most : null;
}
export const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ou ${items.at(-1)}`;

export function unknown(id: string, label: string, missing: AnswerPath[], explanation: string): Evaluated {
  return { id, label, met: null, explanation, missing };
}

export function decided(id: string, label: string, met: boolean, explanation: string): Evaluated {
  return { id, label, met, explanation, missing: [] };
}

export function territory(situation: Situation, departmentCodes: readonly string[]): Evaluated {
  const label = "Siège ou activité principale en Centre-Val de Loire";
  const department = situation.organisation?.department;
  const names = departmentCodes.map(
    (code) => `${REGION_DEPARTMENTS[code as keyof typeof REGION_DEPARTMENTS] ?? code} (${code})`,
  );
  if (department === undefined) {
    return unknown(
      "territoire",
      label,
      ["organisation.department"],
      `Indiquez le département du siège ou de l’activité principale.`,
    );
  }
  return departmentCodes.includes(department)
    ? decided(
        "territoire",
        label,
        true,
        `Le département ${department} fait partie des départements éligibles.`,
      )
    : decided(
        "territoire",
        label,
        false,
        `Le département ${department} n’est pas éligible : le siège ou l’activité principale doit être dans le ${list(names)}.`,
      );
}

export function legalForm(situation: Situation, eligible: readonly LegalForm[]): Evaluated {
  const label = "Forme juridique";
  const answer = situation.organisation?.legalForm;
  const forms = list(eligible.map((form) => LEGAL_FORM_NAMES[form]));
  if (answer === undefined) {
    return unknown(
      "forme-juridique",
      label,
      ["organisation.legalForm"],
      `Formes juridiques éligibles : ${forms}.`,
    );
  }
  const form = LEGAL_FORMS[answer];
  return form !== null && eligible.includes(form)
    ? decided(
        "forme-juridique",
        label,
        true,
        `La forme juridique « ${LEGAL_FORM_NAMES[form]} » est éligible.`,
      )
    : decided(
        "forme-juridique",
        label,
        false,
        `Le dispositif est réservé aux formes juridiques suivantes : ${forms}.`,
      );
}

/** `low ≤ amount ≤ high`, all in cents. */
export function amountBetween(...args: Parameters<typeof rangeCheck>): Evaluated {
  return { ...rangeCheck(...args), onAmount: true };
}

function rangeCheck(
  id: string,
  label: string,
  path: AnswerPath,
  amountEuros: number | undefined,
  lowCents: number,
  highCents: number,
): Evaluated {
  const range = `entre ${formatEuros(lowCents)} et ${formatEuros(highCents)}`;
  if (amountEuros === undefined) return unknown(id, label, [path], `Le montant doit être compris ${range}.`);
  const amount = cents(amountEuros);
  if (amount < lowCents) {
    return decided(
      id,
      label,
      false,
      `${formatEuros(amount)} est inférieur au minimum de ${formatEuros(lowCents)}.`,
    );
  }
  if (amount > highCents) {
    return decided(
      id,
      label,
      false,
      `${formatEuros(amount)} dépasse le maximum de ${formatEuros(highCents)}.`,
    );
  }
  return decided(id, label, true, `${formatEuros(amount)} est compris ${range}.`);
}

/** `amount ≤ percent % of base`. */
export function shareAtMost(...args: Parameters<typeof shareCheck>): Evaluated {
  return { ...shareCheck(...args), onAmount: true };
}

function shareCheck(
  id: string,
  label: string,
  paths: [AnswerPath, AnswerPath],
  amountEuros: number | undefined,
  baseEuros: number | undefined,
  percent: number,
  baseName: string,
  floorCents: number,
): Evaluated {
  const missing = paths.filter((_, index) => [amountEuros, baseEuros][index] === undefined);
  // Once the base is known, a share below the scheme's minimum leaves no amount that could qualify.
  if (amountEuros === undefined && baseEuros !== undefined) {
    const ceiling = Math.floor((cents(baseEuros) * percent) / 100);
    if (ceiling < floorCents) {
      return decided(
        id,
        label,
        false,
        `${percent} % ${baseName} font ${formatEuros(ceiling)}, sous le minimum de ${formatEuros(floorCents)} : aucun montant ne peut convenir.`,
      );
    }
  }
  if (amountEuros === undefined || baseEuros === undefined) {
    return unknown(id, label, missing, `Le montant ne peut pas dépasser ${percent} % ${baseName}.`);
  }
  const ceiling = Math.floor((cents(baseEuros) * percent) / 100);
  const amount = cents(amountEuros);
  return amount <= ceiling
    ? decided(
        id,
        label,
        true,
        `${formatEuros(amount)} ne dépasse pas ${percent} % ${baseName} (${formatEuros(ceiling)}).`,
      )
    : decided(
        id,
        label,
        false,
        `${formatEuros(amount)} dépasse ${percent} % ${baseName} (${formatEuros(ceiling)}).`,
      );
}

export function yes(
  id: string,
  label: string,
  path: AnswerPath,
  answer: boolean | undefined,
  texts: { ask: string; yes: string; no: string },
): Evaluated {
  if (answer === undefined) return unknown(id, label, [path], texts.ask);
  return answer ? decided(id, label, true, texts.yes) : decided(id, label, false, texts.no);
}
