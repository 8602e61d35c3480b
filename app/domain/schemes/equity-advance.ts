// Equity advance (« apport en fonds propres avec droit de reprise », Mesure 16, from November 2024):
// an interest-free advance recorded in an association’s equity, repaid once the EU funds arrive.
import { z } from "zod";

import { LegalForm, SchemeCode } from "~/generated/prisma/enums";

import {
  amountCents,
  codedOptions,
  commonParametersShape,
  months,
  percent,
  REGION_DEPARTMENT_CODES,
  requireAtLeast,
  type SchemeDefinition,
} from "./common";

/** Instalment periods a repayment schedule can use: monthly, quarterly, half-yearly, yearly. */
export const REPAYMENT_FREQUENCIES_MONTHS = [1, 3, 6, 12] as const;

/** When the EU payment is late, a rescheduling may take the advance up to this length (from its payment). */
export const DEFAULT_MAX_RESCHEDULED_DURATION_MONTHS = 48;

export const equityAdvanceParametersSchema = z
  .strictObject({
    ...commonParametersShape,
    minAmountCents: amountCents("Montant minimal de l’avance"),
    maxAmountCents: amountCents("Montant maximal de l’avance"),
    /** The advance may cover at most this share of the EU grant agreed or requested. */
    maxShareOfEuGrantPercent: percent("Part maximale de la subvention européenne"),
    /** From the payment of the advance to its last repayment. */
    maxDurationMonths: months("Durée maximale"),
    /** The ceiling of a rescheduled advance (avenant), from its payment; older versions lack it: 48 months. */
    maxRescheduledDurationMonths: months("Durée maximale après rééchelonnement").default(
      DEFAULT_MAX_RESCHEDULED_DURATION_MONTHS,
    ),
    /** Months between the payment of the advance and the first repayment. */
    repaymentDeferralMonths: months("Différé de remboursement", 0),
    repaymentFrequencyMonths: z.union(
      REPAYMENT_FREQUENCIES_MONTHS.map((value) => z.literal(value)),
      {
        error:
          "Périodicité des remboursements\u00a0: indiquez 1 (mensuelle), 3 (trimestrielle), 6 (semestrielle) ou 12 (annuelle) mois.",
      },
    ),
    /** EU programmes whose grants the advance pre-finances. */
    euProgrammes: codedOptions("Programmes européens"),
  })
  .superRefine((value, ctx) => {
    requireAtLeast(
      value,
      ctx,
      "minAmountCents",
      "maxAmountCents",
      "Le montant maximal de l’avance doit être supérieur ou égal au montant minimal.",
    );
    // The first repayment must fall within the advance’s duration.
    requireAtLeast(
      value,
      ctx,
      "repaymentDeferralMonths",
      "maxDurationMonths",
      "La durée maximale doit être supérieure ou égale au différé de remboursement.",
    );
    requireAtLeast(
      value,
      ctx,
      "maxDurationMonths",
      "maxRescheduledDurationMonths",
      "La durée maximale après rééchelonnement doit être supérieure ou égale à la durée maximale.",
    );
  });

export type EquityAdvanceParameters = z.output<typeof equityAdvanceParametersSchema>;

export const equityAdvance: SchemeDefinition<typeof equityAdvanceParametersSchema> = {
  code: SchemeCode.EQUITY_ADVANCE,
  name: "Apport en fonds propres avec droit de reprise",
  numberPrefix: "AVANCEFP",
  summary:
    "Avance sans intérêt inscrite dans les fonds propres d’une association qui doit préfinancer un projet cofinancé par des fonds européens, remboursée à la Région une fois les fonds européens versés.",
  parametersSchema: equityAdvanceParametersSchema,
  defaultParameters: {
    eligibleDepartmentCodes: [...REGION_DEPARTMENT_CODES],
    eligibleLegalForms: [LegalForm.ASSOCIATION],
    requiredAttachments: [
      { kind: "STATUTES", label: "Statuts à jour de l’association" },
      { kind: "EU_GRANT_DECISION", label: "Convention ou demande de subvention européenne et sa référence" },
      { kind: "CASH_FLOW_PLAN", label: "Plan de trésorerie du projet sur sa durée" },
      { kind: "FINANCIAL_STATEMENTS", label: "Derniers comptes annuels approuvés" },
      { kind: "RIB", label: "Relevé d’identité bancaire au nom de l’association" },
    ],
    applicantTexts: {
      introduction:
        "L’apport en fonds propres avec droit de reprise est une avance sans intérêt, versée rapidement, qui permet à votre association de préfinancer les dépenses d’un projet cofinancé par l’Union européenne. Vous la remboursez à la Région selon un échéancier, une fois les fonds européens reçus.",
      eligibilityReminder:
        "Associations de Centre-Val de Loire dont le projet bénéficie ou a demandé une subvention européenne (FSE+, FEDER, LEADER…), avec la référence du dossier européen et les dates de versement attendues.",
      filingDeclaration:
        "Je certifie sur l’honneur l’exactitude des informations fournies et m’engage à rembourser l’avance selon l’échéancier de la convention.",
    },
    minAmountCents: 500_000,
    maxAmountCents: 10_000_000,
    maxShareOfEuGrantPercent: 50,
    maxDurationMonths: 36,
    maxRescheduledDurationMonths: DEFAULT_MAX_RESCHEDULED_DURATION_MONTHS,
    repaymentDeferralMonths: 12,
    repaymentFrequencyMonths: 3,
    euProgrammes: [
      { code: "FSE_PLUS", label: "FSE+ (Fonds social européen plus)" },
      { code: "FEDER", label: "FEDER (Fonds européen de développement régional)" },
      { code: "LEADER", label: "LEADER (développement local mené par les acteurs locaux)" },
      { code: "OTHER", label: "Autre programme européen" },
    ],
  },
};
