// Equity advance: the EU-funded project, the EU grant and when it is paid, the advance requested.
import { formatWholeEuros } from "~/domain/format";
import { EU_PROGRAMME_CODES } from "~/domain/eligibility/evaluate";
import type { EquityAdvanceParameters } from "~/domain/schemes";

import { answerForCode, codedOptions, type AnswerIssue, type RawAnswers, type StepDef } from "./fields";
import type { SchemeForm } from "./types";

export const EU_GRANT_STATUS_OPTIONS = [
  { value: "REQUESTED", label: "Demandée, en attente de décision" },
  { value: "AGREED", label: "Accordée (convention signée ou décision notifiée)" },
] as const;

function steps(p: EquityAdvanceParameters): StepDef[] {
  return [
    {
      id: "projet-europeen",
      title: "Le projet européen",
      items: [
        { name: "title", kind: "text", label: "Intitulé du projet", required: true, maxLength: 160 },
        { name: "projectSummary", kind: "textarea", label: "Présentez le projet cofinancé", required: true },
        {
          name: "euProgramme",
          kind: "radio",
          label: "Programme européen",
          required: true,
          options: codedOptions(p.euProgrammes),
        },
        {
          name: "euGrantReference",
          kind: "text",
          label: "Référence du dossier européen",
          hint: "Par exemple le numéro Synergie.",
          required: true,
          width: "medium",
        },
        {
          name: "euGrantStatus",
          kind: "radio",
          label: "Où en est la subvention européenne ?",
          required: true,
          options: EU_GRANT_STATUS_OPTIONS,
        },
        {
          name: "euGrantAmount",
          kind: "euros",
          label: "Montant de la subvention européenne",
          required: true,
          width: "short",
        },
      ],
    },
    {
      id: "versements",
      title: "Versements européens attendus",
      intro:
        "Les dates auxquelles vous attendez les fonds européens : l’échéancier de remboursement de l’avance en tient compte.",
      items: [
        {
          name: "expectedEuPayments",
          kind: "list",
          label: "Versements attendus",
          itemLabel: "un versement",
          addLabel: "Ajouter un versement",
          minItems: 1,
          maxItems: 20,
          fields: [
            { name: "date", kind: "date", label: "Date attendue", required: true, width: "medium" },
            { name: "amount", kind: "euros", label: "Montant", required: true, width: "short" },
          ],
        },
      ],
    },
    {
      id: "avance",
      title: "L’avance demandée",
      intro: `Entre ${formatWholeEuros(p.minAmountCents)} et ${formatWholeEuros(p.maxAmountCents)}, et au plus ${p.maxShareOfEuGrantPercent}\u202f% de la subvention européenne ; remboursement sur ${p.maxDurationMonths} mois au plus, après un différé de ${p.repaymentDeferralMonths} mois.`,
      items: [
        {
          name: "advanceAmount",
          kind: "euros",
          label: "Montant de l’avance demandée",
          required: true,
          width: "short",
        },
        {
          name: "durationMonths",
          kind: "integer",
          label: "Durée souhaitée, en mois",
          required: true,
          min: 1,
          max: p.maxDurationMonths,
          width: "short",
        },
        {
          name: "neededBy",
          kind: "date",
          label: "Date à laquelle vous avez besoin de l’avance",
          required: false,
          width: "medium",
        },
      ],
    },
  ];
}

export const equityAdvanceForm: SchemeForm<"EQUITY_ADVANCE"> = {
  steps: (context) => steps(context.parameters),
  summarise(values) {
    const issues: AnswerIssue[] = [];
    const grant = values.euGrantAmount as number | undefined;
    const payments = (values.expectedEuPayments as Array<{ amount?: number }> | undefined) ?? [];
    const paymentsTotal = payments.reduce((sum, payment) => sum + (payment.amount ?? 0), 0);
    if (grant !== undefined && paymentsTotal > grant) {
      issues.push({
        stepId: "versements",
        fieldId: "liste-expectedEuPayments",
        label: "Versements attendus",
        message: "Le total des versements attendus dépasse la subvention européenne.",
      });
    }
    const advance = values.advanceAmount as number | undefined;
    const programme = values.euProgramme as string | undefined;
    return {
      requestedAmountCents: advance ?? null,
      columns: {},
      situation: {
        project: {
          euProgramme: answerForCode(EU_PROGRAMME_CODES, programme),
          euGrantEur: grant === undefined ? undefined : grant / 100,
          advanceEur: advance === undefined ? undefined : advance / 100,
        },
      },
      issues,
    };
  },
  prefill(answers): RawAnswers {
    const prefilled: RawAnswers = {};
    const programme = EU_PROGRAMME_CODES[answers["project.euProgramme"] as keyof typeof EU_PROGRAMME_CODES];
    if (programme) prefilled.euProgramme = programme;
    if (answers["project.euGrantEur"]) prefilled.euGrantAmount = answers["project.euGrantEur"];
    if (answers["project.advanceEur"]) prefilled.advanceAmount = answers["project.advanceEur"];
    return prefilled;
  },
};
