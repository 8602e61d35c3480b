// A VOS ID: new, partnership-based initiatives answering a regional priority, a share of the eligible
// expenses up to a ceiling.
import type { RuleSetParametersByScheme } from "~/domain/schemes";

import { PRIORITY_CODES } from "../codes";
import type { Situation } from "../situation";
import {
  amountBetween,
  cents,
  decided,
  legalForm,
  list,
  shareAtMost,
  territory,
  unknown,
  yes,
  type Evaluated,
  type SchemeEvaluation,
  shareWithinBounds,
} from "./shared";

export function aVosIdCriteria(
  situation: Situation,
  p: RuleSetParametersByScheme["A_VOS_ID"],
): SchemeEvaluation {
  const project = situation.project ?? {};
  const priorityCodes = p.priorities.map((priority) => priority.code);
  const priority = project.priority;
  const priorityCode = priority === undefined ? undefined : PRIORITY_CODES[priority];
  const priorityLabels = p.priorities.map((option) => option.label.toLowerCase());
  const criteria: Evaluated[] = [
    territory(situation, p.eligibleDepartmentCodes),
    legalForm(situation, p.eligibleLegalForms),
    yes(
      "nouveaute",
      "Initiative nouvelle sur son territoire",
      "project.newOnTerritory",
      project.newOnTerritory,
      {
        ask: "L’initiative doit être nouvelle sur son territoire.",
        yes: "L’initiative est nouvelle sur son territoire.",
        no: "A VOS ID soutient des initiatives nouvelles sur leur territoire.",
      },
    ),
    yes("partenariat", "Projet partenarial", "project.partnership", project.partnership, {
      ask: "Le projet doit associer des partenaires.",
      yes: "Le projet associe des partenaires.",
      no: "Le projet doit être porté en partenariat.",
    }),
    priorityCode === undefined
      ? unknown(
          "priorite",
          "Priorité régionale",
          ["project.priority"],
          `Le projet doit répondre à une priorité : ${list(priorityLabels)}.`,
        )
      : priorityCode !== null && priorityCodes.includes(priorityCode)
        ? decided(
            "priorite",
            "Priorité régionale",
            true,
            `Le projet répond à la priorité « ${p.priorities.find((option) => option.code === priorityCode)!.label} ».`,
          )
        : decided(
            "priorite",
            "Priorité régionale",
            false,
            `Le projet doit répondre à une priorité régionale : ${list(priorityLabels)}.`,
          ),
    amountBetween(
      "montant",
      "Montant demandé",
      "project.requestedAmountEur",
      project.requestedAmountEur,
      p.minSubsidyCents,
      p.maxSubsidyCents,
    ),
    shareAtMost(
      "taux",
      "Part des dépenses éligibles",
      ["project.requestedAmountEur", "project.eligibleExpensesEur"],
      project.requestedAmountEur,
      project.eligibleExpensesEur,
      p.maxSubsidyRatePercent,
      "des dépenses éligibles",
      p.minSubsidyCents,
    ),
  ];
  return {
    criteria,
    maxCents: shareWithinBounds(project.eligibleExpensesEur, p.maxSubsidyRatePercent, {
      minCents: p.minSubsidyCents,
      maxCents: p.maxSubsidyCents,
    }),
    asked:
      project.requestedAmountEur === undefined
        ? null
        : { path: "project.requestedAmountEur", cents: cents(project.requestedAmountEur) },
  };
}
