// A VOS ID: the initiative, its partners, its eligible expenses by type and the co-financing (LEADER).
import { formatEuros } from "~/domain/format";
import { PRIORITY_CODES } from "~/domain/eligibility/evaluate";
import type { AVosIdParameters } from "~/domain/schemes";

import {
  answerForCode,
  codedOptions,
  fieldDomId,
  YES_NO_OPTIONS,
  type AnswerIssue,
  type Option,
  type RawAnswers,
  type StepDef,
} from "./fields";
import type { SchemeForm } from "./types";

function steps(p: AVosIdParameters, territories: readonly Option[]): StepDef[] {
  return [
    {
      id: "initiative",
      title: "L’initiative",
      items: [
        { name: "title", kind: "text", label: "Intitulé de l’initiative", required: true, maxLength: 160 },
        {
          name: "summary",
          kind: "textarea",
          label: "Présentez l’initiative en quelques lignes",
          required: true,
        },
        {
          name: "innovation",
          kind: "textarea",
          label: "Qu’a-t-elle de nouveau sur son territoire ?",
          hint: "Ce qui n’existait pas encore, ou pas sous cette forme, sur le territoire.",
          required: true,
        },
        {
          name: "phase",
          kind: "radio",
          label: "Étape du projet",
          required: true,
          options: codedOptions(p.projectPhases),
        },
        {
          name: "priority",
          kind: "radio",
          label: "Priorité régionale à laquelle il répond",
          required: true,
          options: codedOptions(p.priorities),
        },
        {
          name: "territoryCode",
          kind: "select",
          label: "Territoire de contrat régional (CRST)",
          hint: "Le pays, le PETR ou l’agglomération où se déroule l’initiative.",
          required: p.territoryRequired,
          options: territories,
        },
        {
          name: "expectedImpact",
          kind: "textarea",
          label: "Impact attendu",
          hint: "Emplois, activités, services créés ; publics et communes touchés.",
          required: true,
        },
      ],
    },
    {
      id: "partenaires",
      title: "Les partenaires",
      intro: "A VOS ID soutient des projets coopératifs : indiquez chaque partenaire et son rôle.",
      items: [
        {
          name: "partners",
          kind: "list",
          label: "Partenaires",
          itemLabel: "un partenaire",
          addLabel: "Ajouter un partenaire",
          minItems: 1,
          maxItems: 30,
          fields: [
            { name: "name", kind: "text", label: "Nom du partenaire", required: true },
            { name: "role", kind: "text", label: "Rôle dans le projet", required: true, maxLength: 300 },
          ],
        },
      ],
    },
    {
      id: "depenses",
      title: "Dépenses et cofinancements",
      intro: `La subvention couvre au plus ${p.maxSubsidyRatePercent}\u202f% des dépenses éligibles.`,
      items: [
        ...p.expenseTypes.map((type) => ({
          name: `expense_${type.code}`,
          kind: "euros" as const,
          label: `${type.label} éligibles`,
          hint: `En euros ; subvention au plus ${type.maxSubsidyRatePercent}\u202f% de ces dépenses.`,
          required: false,
          width: "short" as const,
        })),
        {
          name: "requestedAmount",
          kind: "euros",
          label: "Subvention demandée à la Région",
          required: true,
          width: "short",
        },
        {
          name: "leaderCofinancing",
          kind: "radio",
          label: "Le projet est-il cofinancé par le programme européen LEADER ?",
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: "leaderGroup",
          kind: "text",
          label: "Groupe d’action locale (GAL) LEADER",
          required: true,
          showWhen: { field: "leaderCofinancing", values: ["oui"] },
        },
        {
          name: "leaderAmount",
          kind: "euros",
          label: "Montant LEADER demandé ou obtenu",
          required: true,
          width: "short",
          showWhen: { field: "leaderCofinancing", values: ["oui"] },
        },
      ],
    },
  ];
}

export const aVosIdForm: SchemeForm<"A_VOS_ID"> = {
  steps: (context) => steps(context.parameters, context.territories),
  summarise(values, context) {
    const p = context.parameters;
    const issues: AnswerIssue[] = [];
    const byType = p.expenseTypes.map((type) => ({
      type,
      cents: values[`expense_${type.code}`] as number | undefined,
    }));
    const anyExpense = byType.some((entry) => entry.cents !== undefined);
    const eligibleCents = byType.reduce((sum, entry) => sum + (entry.cents ?? 0), 0);
    if (!anyExpense || eligibleCents === 0) {
      issues.push({
        stepId: "depenses",
        fieldId: fieldDomId(`expense_${p.expenseTypes[0]!.code}`),
        label: "Dépenses éligibles",
        message: "Indiquez les dépenses éligibles du projet.",
      });
    }
    const requested = values.requestedAmount as number | undefined;
    // Each type of expense has its own ceiling rate, on top of the global one.
    const capByType = byType.reduce(
      (sum, entry) => sum + Math.floor(((entry.cents ?? 0) * entry.type.maxSubsidyRatePercent) / 100),
      0,
    );
    if (requested !== undefined && anyExpense && requested > capByType) {
      issues.push({
        stepId: "depenses",
        fieldId: fieldDomId("requestedAmount"),
        label: "Subvention demandée à la Région",
        message: `La subvention demandée dépasse le plafond par type de dépense (${formatEuros(capByType)}).`,
      });
    }
    const partners = (values.partners as unknown[] | undefined) ?? [];
    const priority = values.priority as string | undefined;
    return {
      requestedAmountCents: requested ?? null,
      columns: { territoryCode: (values.territoryCode as string | undefined) ?? null },
      situation: {
        project: {
          newOnTerritory: values.innovation ? true : undefined,
          partnership: partners.length > 0 ? true : undefined,
          // A priority the evaluator does not know is « autre »: it fails the criterion, as it should.
          priority: priority ? (answerForCode(PRIORITY_CODES, priority) ?? "autre") : undefined,
          eligibleExpensesEur: anyExpense ? eligibleCents / 100 : undefined,
          requestedAmountEur: requested === undefined ? undefined : requested / 100,
        },
      },
      issues,
    };
  },
  prefill(answers, context): RawAnswers {
    const prefilled: RawAnswers = {};
    const priority = PRIORITY_CODES[answers["project.priority"] as keyof typeof PRIORITY_CODES];
    if (priority) prefilled.priority = priority;
    if (answers["project.requestedAmountEur"])
      prefilled.requestedAmount = answers["project.requestedAmountEur"];
    const firstType = context.parameters.expenseTypes[0];
    if (answers["project.eligibleExpensesEur"] && firstType) {
      prefilled[`expense_${firstType.code}`] = answers["project.eligibleExpensesEur"];
    }
    return prefilled;
  },
};
