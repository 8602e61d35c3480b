// The dossier form of each scheme: its steps (the scheme's own, then the budget), and what the typed
// answers mean once read: values, amounts, eligibility questions and every problem left before filing.
import {
  budgetProblems,
  budgetTotals,
  EXPENSE_CATEGORIES,
  RESOURCE_ORIGINS,
  type BudgetLine,
} from "~/domain/budget";
import { formatEuros } from "~/domain/format";
import type { SchemeCode } from "~/generated/prisma/enums";

import { aVosIdForm } from "./a-vos-id";
import { capAssoForm } from "./cap-asso";
import { capScopScicForm } from "./cap-scop-scic";
import { equityAdvanceForm } from "./equity-advance";
import { readStep, type AnswerIssue, type RawAnswers, type StepDef } from "./fields";
import type { FormContext, OrganisationPrefill, SchemeForm, SchemeSummary } from "./types";

export * from "./fields";
export * from "./posted-answers";
export type { FormContext, OrganisationPrefill, SchemeSummary } from "./types";

export const SCHEME_FORMS: { [C in SchemeCode]: SchemeForm<C> } = {
  CAP_ASSO: capAssoForm,
  A_VOS_ID: aVosIdForm,
  CAP_SCOP_SCIC: capScopScicForm,
  EQUITY_ADVANCE: equityAdvanceForm,
};

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const BUDGET_STEP: StepDef = {
  id: "budget",
  title: "Budget et plan de financement",
  intro:
    "Les dépenses du projet et les ressources qui les financent, dont le montant demandé à la Région. Le plan doit être équilibré pour déposer le dossier. Montants en euros, par exemple 12\u00a0345,50.",
  items: [
    {
      name: "expenses",
      kind: "list",
      label: "Dépenses",
      itemLabel: "une dépense",
      addLabel: "Ajouter une dépense",
      minItems: 1,
      maxItems: 60,
      fields: [
        {
          name: "category",
          kind: "select",
          label: "Catégorie",
          required: true,
          options: options(EXPENSE_CATEGORIES),
        },
        { name: "label", kind: "text", label: "Nature de la dépense", required: true },
        { name: "amount", kind: "euros", label: "Montant", required: true, width: "short" },
      ],
    },
    {
      name: "resources",
      kind: "list",
      label: "Ressources",
      itemLabel: "une ressource",
      addLabel: "Ajouter une ressource",
      minItems: 1,
      maxItems: 60,
      fields: [
        {
          name: "category",
          kind: "select",
          label: "Origine",
          required: true,
          options: options(RESOURCE_ORIGINS),
        },
        { name: "label", kind: "text", label: "Financeur et précision", required: true },
        { name: "amount", kind: "euros", label: "Montant", required: true, width: "short" },
      ],
    },
  ],
};

/** Steps that are pages of their own rather than fields: attachments, then the check and filing. */
export const ATTACHMENTS_STEP = { id: "pieces", title: "Pièces justificatives" } as const;
export const REVIEW_STEP = { id: "depot", title: "Vérification et dépôt" } as const;

export function dossierSteps<C extends SchemeCode>(code: C, context: FormContext<C>): StepDef[] {
  return [...SCHEME_FORMS[code].steps(context), BUDGET_STEP];
}

/** The budget lines that read, as stored in DossierBudgetLine. */
export function budgetLinesOf(values: Record<string, unknown>): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const [name, side] of [
    ["expenses", "EXPENSE"],
    ["resources", "RESOURCE"],
  ] as const) {
    const rows = (values[name] as Array<Record<string, unknown>> | undefined) ?? [];
    for (const row of rows) {
      if (typeof row.amount !== "number" || typeof row.category !== "string") continue;
      lines.push({
        side,
        category: row.category,
        label: typeof row.label === "string" && row.label ? row.label : "",
        amountCents: row.amount,
      });
    }
  }
  return lines;
}

export interface DossierReading {
  title: string | null;
  /** Each step's typed values, merged. */
  values: Record<string, unknown>;
  summary: SchemeSummary;
  budgetLines: BudgetLine[];
  totalBudgetCents: number | null;
  /** Everything that keeps the answers from being filed, with where to fix it. */
  issues: AnswerIssue[];
}

export function readDossierAnswers<C extends SchemeCode>(
  code: C,
  context: FormContext<C>,
  raw: RawAnswers,
): DossierReading {
  const values: Record<string, unknown> = {};
  const issues: AnswerIssue[] = [];
  for (const step of dossierSteps(code, context)) {
    const read = readStep(step, raw);
    Object.assign(values, read.values);
    issues.push(...read.issues);
  }
  const summary = SCHEME_FORMS[code].summarise(values, context);
  issues.push(...summary.issues);

  const budgetLines = budgetLinesOf(values);
  const totals = budgetTotals(budgetLines);
  const budgetIssue = (message: string, list = "resources"): AnswerIssue => ({
    stepId: BUDGET_STEP.id,
    fieldId: `liste-${list}`,
    label: "Plan de financement",
    message,
  });
  if (budgetLines.length > 0) {
    for (const problem of budgetProblems(budgetLines)) {
      if (problem === "Indiquez au moins une dépense.") continue; // already said by the list itself
      issues.push(budgetIssue(problem));
    }
  }
  if (
    summary.requestedAmountCents !== null &&
    totals.regionRequestCents > 0 &&
    totals.regionRequestCents !== summary.requestedAmountCents
  ) {
    issues.push(
      budgetIssue(
        `Le montant demandé à la Région dans le plan de financement (${formatEuros(totals.regionRequestCents)}) doit être égal au montant demandé dans le dossier (${formatEuros(summary.requestedAmountCents)}).`,
      ),
    );
  }
  const title = typeof values.title === "string" && values.title ? values.title : null;
  return {
    title,
    values,
    summary,
    budgetLines,
    totalBudgetCents: budgetLines.some((line) => line.side === "EXPENSE") ? totals.expensesCents : null,
    issues,
  };
}

/** Answers carried over from the public questionnaire, for a new dossier. */
export function prefillAnswers<C extends SchemeCode>(
  code: C,
  context: FormContext<C>,
  questionnaire: Record<string, string>,
  organisation: OrganisationPrefill,
): RawAnswers {
  return SCHEME_FORMS[code].prefill(questionnaire, context, organisation);
}
