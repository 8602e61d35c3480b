// CAP SCOP-SCIC: the operation, the cooperative, each employee-associate's contribution, URSCOP support.
import { formatWholeEuros } from "~/domain/format";
import { OPERATION_CODES } from "~/domain/eligibility/evaluate";
import type { CapScopScicParameters } from "~/domain/schemes";

import {
  answerForCode,
  codedOptions,
  fieldDomId,
  YES_NO_OPTIONS,
  type AnswerIssue,
  type RawAnswers,
  type StepDef,
} from "./fields";
import type { SchemeForm } from "./types";

export const COOPERATIVE_STATUS_OPTIONS = [
  { value: "REGISTERED", label: "Immatriculée (elle a un numéro SIRET)" },
  { value: "IN_CREATION", label: "En cours de création" },
] as const;

export const COOPERATIVE_FORM_OPTIONS = [
  { value: "SCOP", label: "SCOP" },
  { value: "SCIC", label: "SCIC" },
] as const;

function steps(p: CapScopScicParameters): StepDef[] {
  return [
    {
      id: "cooperative",
      title: "L’opération et la coopérative",
      items: [
        { name: "title", kind: "text", label: "Intitulé du projet", required: true, maxLength: 160 },
        {
          name: "operationType",
          kind: "radio",
          label: "Type d’opération",
          required: true,
          options: codedOptions(p.operationTypes),
        },
        { name: "cooperativeName", kind: "text", label: "Nom de la coopérative", required: true },
        {
          name: "cooperativeForm",
          kind: "radio",
          label: "Forme de la coopérative",
          required: true,
          options: COOPERATIVE_FORM_OPTIONS,
        },
        {
          name: "cooperativeStatus",
          kind: "radio",
          label: "La coopérative est-elle immatriculée ?",
          required: true,
          options: COOPERATIVE_STATUS_OPTIONS,
        },
        {
          name: "cooperativeSiret",
          kind: "siret",
          label: "Numéro SIRET de la coopérative",
          hint: "14 chiffres.",
          required: true,
          width: "medium",
          showWhen: { field: "cooperativeStatus", values: ["REGISTERED"] },
        },
        {
          name: "registrationDate",
          kind: "date",
          label: "Date d’immatriculation prévue",
          required: true,
          width: "medium",
          showWhen: { field: "cooperativeStatus", values: ["IN_CREATION"] },
        },
        {
          name: "activity",
          kind: "textarea",
          label: "Activité de la coopérative et emplois",
          hint: "Ce qu’elle fait, son chiffre d’affaires, le nombre de salariés.",
          required: true,
        },
      ],
    },
    {
      id: "associes",
      title: "Les salariés associés",
      intro: `La Région double l’apport en capital de chaque salarié associé, jusqu’à ${formatWholeEuros(p.maxSubsidyPerEmployeeAssociateCents)} par personne et ${formatWholeEuros(p.maxSubsidyPerCooperativeCents)} par coopérative.`,
      items: [
        {
          name: "employeeAssociates",
          kind: "list",
          label: "Salariés associés",
          itemLabel: "un salarié associé",
          addLabel: "Ajouter un salarié associé",
          minItems: p.minEmployeeAssociates,
          maxItems: 300,
          fields: [
            { name: "firstName", kind: "text", label: "Prénom", required: true, width: "medium" },
            { name: "lastName", kind: "text", label: "Nom", required: true, width: "medium" },
            {
              name: "contribution",
              kind: "euros",
              label: "Apport en capital",
              hint: "En euros.",
              required: true,
              width: "short",
            },
          ],
        },
      ],
    },
    {
      id: "accompagnement",
      title: "Accompagnement",
      items: [
        {
          name: "urscopSupport",
          kind: "radio",
          label: "Le projet est-il accompagné par l’Union régionale des SCOP et SCIC (URSCOP) ?",
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: "urscopAdvisor",
          kind: "text",
          label: "Chargé·e de mission URSCOP qui vous accompagne",
          required: true,
          showWhen: { field: "urscopSupport", values: ["oui"] },
        },
        {
          name: "support",
          kind: "textarea",
          label: "Autres accompagnements et financements (banques, France Active…)",
          required: false,
        },
      ],
    },
  ];
}

/** The Region's subsidy: each contribution matched at the rule set's rate, within both ceilings. */
export function capScopScicSubsidyCents(
  contributionsCents: readonly number[],
  p: CapScopScicParameters,
): number {
  const total = contributionsCents.reduce(
    (sum, cents) =>
      sum +
      Math.min(
        Math.floor((cents * p.subsidyRateOfContributionPercent) / 100),
        p.maxSubsidyPerEmployeeAssociateCents,
      ),
    0,
  );
  return Math.min(total, p.maxSubsidyPerCooperativeCents);
}

export const capScopScicForm: SchemeForm<"CAP_SCOP_SCIC"> = {
  steps: (context) => steps(context.parameters),
  summarise(values, context) {
    const associates = (values.employeeAssociates as Array<{ contribution?: number }> | undefined) ?? [];
    const contributions = associates.map((associate) => associate.contribution);
    const known = contributions.filter((cents): cents is number => cents !== undefined);
    const issues: AnswerIssue[] = [];
    associates.forEach((associate, index) => {
      if (associate.contribution === 0) {
        issues.push({
          stepId: "associes",
          fieldId: fieldDomId("contribution", index, "employeeAssociates"),
          label: `Salarié associé ${index + 1} — Apport en capital`,
          message: "L’apport doit être supérieur à zéro.",
        });
      }
    });
    const operation = values.operationType as string | undefined;
    return {
      requestedAmountCents: known.length ? capScopScicSubsidyCents(known, context.parameters) : null,
      columns: { employeeAssociatesCount: associates.length || null },
      situation: {
        project: {
          cooperativeOperation: answerForCode(OPERATION_CODES, operation),
          employeeAssociates: associates.length
            ? contributions.map((cents) => ({
                contributionEur: cents === undefined ? undefined : cents / 100,
              }))
            : undefined,
        },
      },
      issues,
    };
  },
  attachmentsNotNeeded: (values) => (values.cooperativeStatus === "IN_CREATION" ? ["KBIS"] : []),
  prefill(answers, _context, organisation): RawAnswers {
    const prefilled: RawAnswers = {};
    // A cooperative applying for itself: its profile is the cooperative's.
    if (organisation.legalForm === "SCOP" || organisation.legalForm === "SCIC") {
      prefilled.cooperativeName = organisation.name;
      prefilled.cooperativeForm = organisation.legalForm;
      if (organisation.siret) {
        prefilled.cooperativeStatus = "REGISTERED";
        prefilled.cooperativeSiret = organisation.siret;
      }
    }
    const operation =
      OPERATION_CODES[answers["project.cooperativeOperation"] as keyof typeof OPERATION_CODES];
    if (operation) prefilled.operationType = operation;
    return prefilled;
  },
};
