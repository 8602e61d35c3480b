// A dossier's budget and co-financing plan: expenses by category, resources by funder. Amounts are
// typed in French (« 12 345,50 ») and kept as integer cents; the plan must balance before filing.
import { z } from "zod";

import { formatEuros, parseEuros } from "~/domain/format";

export const EXPENSE_CATEGORIES = {
  PERSONNEL: "Charges de personnel",
  OPERATING: "Autres dépenses de fonctionnement",
  INVESTMENT: "Investissements",
} as const;

export const RESOURCE_ORIGINS = {
  REGION: "Région Centre-Val de Loire (montant demandé)",
  STATE: "État",
  EPCI: "Intercommunalité (EPCI)",
  EU: "Union européenne (FSE+, FEDER, LEADER…)",
  PUBLIC_BANK: "Banque publique (Bpifrance, Banque des Territoires)",
  PRIVATE: "Financements privés (fondations, mécénat)",
  SALES: "Recettes d’activité",
  OWN_FUNDS: "Fonds propres",
} as const;

export type ExpenseCategory = keyof typeof EXPENSE_CATEGORIES;
export type ResourceOrigin = keyof typeof RESOURCE_ORIGINS;

export interface BudgetLine {
  side: "EXPENSE" | "RESOURCE";
  category: string;
  label: string;
  amountCents: number;
}

/** Largest amount of one line: 20 million euros, within the 32-bit integer columns of amounts. */
const MAX_LINE_CENTS = 2_000_000_000;

/** An amount typed in a form, in French, as integer cents. */
export const eurosInputSchema = z.string({ error: "Saisissez un montant." }).transform((value, ctx) => {
  const parsed = parseEuros(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  if (parsed.cents > MAX_LINE_CENTS) {
    ctx.addIssue({ code: "custom", message: "Le montant dépasse 20 millions d’euros." });
    return z.NEVER;
  }
  return parsed.cents;
});

export const budgetLineInputSchema = z.discriminatedUnion("side", [
  z.object({
    side: z.literal("EXPENSE"),
    category: z.enum(Object.keys(EXPENSE_CATEGORIES) as [ExpenseCategory, ...ExpenseCategory[]], {
      error: "Choisissez la catégorie de la dépense.",
    }),
    label: z
      .string()
      .trim()
      .min(1, { error: "Décrivez la dépense." })
      .max(200, { error: "200 caractères au plus." }),
    amountCents: eurosInputSchema,
  }),
  z.object({
    side: z.literal("RESOURCE"),
    category: z.enum(Object.keys(RESOURCE_ORIGINS) as [ResourceOrigin, ...ResourceOrigin[]], {
      error: "Choisissez l’origine de la ressource.",
    }),
    label: z
      .string()
      .trim()
      .min(1, { error: "Précisez le financeur." })
      .max(200, { error: "200 caractères au plus." }),
    amountCents: eurosInputSchema,
  }),
]);

export interface BudgetTotals {
  expensesCents: number;
  resourcesCents: number;
  /** Resources minus expenses: zero when the plan balances. */
  gapCents: number;
  byCategory: Record<string, number>;
  /** What the dossier asks of the Region, from the REGION resource lines. */
  regionRequestCents: number;
  /** The Region's request as a share of expenses, in percent with one decimal (null without expenses). */
  regionSharePercent: number | null;
}

export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const byCategory: Record<string, number> = {};
  let expensesCents = 0;
  let resourcesCents = 0;
  for (const line of lines) {
    byCategory[`${line.side}:${line.category}`] =
      (byCategory[`${line.side}:${line.category}`] ?? 0) + line.amountCents;
    if (line.side === "EXPENSE") expensesCents += line.amountCents;
    else resourcesCents += line.amountCents;
  }
  const regionRequestCents = byCategory["RESOURCE:REGION"] ?? 0;
  return {
    expensesCents,
    resourcesCents,
    gapCents: resourcesCents - expensesCents,
    byCategory,
    regionRequestCents,
    regionSharePercent:
      expensesCents === 0 ? null : Math.round((regionRequestCents * 1000) / expensesCents) / 10,
  };
}

/** What stops the plan from being filed, in French; empty when it can be filed. */
export function budgetProblems(lines: readonly BudgetLine[]): string[] {
  const totals = budgetTotals(lines);
  const problems: string[] = [];
  if (!lines.some((line) => line.side === "EXPENSE")) problems.push("Indiquez au moins une dépense.");
  if (totals.regionRequestCents === 0) {
    problems.push("Indiquez, dans les ressources, le montant demandé à la Région.");
  }
  if (totals.gapCents > 0) {
    problems.push(
      `Les ressources dépassent les dépenses de ${formatEuros(totals.gapCents)} : le plan de financement doit être équilibré.`,
    );
  } else if (totals.gapCents < 0) {
    problems.push(
      `Il manque ${formatEuros(-totals.gapCents)} de ressources pour couvrir les dépenses : le plan de financement doit être équilibré.`,
    );
  }
  return problems;
}
