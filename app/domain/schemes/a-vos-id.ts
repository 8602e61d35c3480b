// A VOS ID: social, ecological and territorial innovation, run in the frame of the territorial
// contracts (CRST) and often co-financed by LEADER (since 2010, formerly « ID en Campagne »).
import { z } from "zod";

import { LegalForm, SchemeCode } from "~/generated/prisma/enums";

import {
  amountCents,
  codedOption,
  codedOptions,
  commonParametersShape,
  percent,
  REGION_DEPARTMENT_CODES,
  requireAtLeast,
  type SchemeDefinition,
} from "./common";
import { DEFAULT_A_VOS_ID_PAYMENT_TERMS, aVosIdPaymentTermsSchema } from "./payment-terms";

const expenseTypeSchema = codedOption("Type de dépense").extend({
  /** Cap of the subsidy on the eligible expenses of this type. */
  maxSubsidyRatePercent: percent("Taux maximal du type de dépense"),
});

export const aVosIdParametersSchema = z
  .strictObject({
    ...commonParametersShape,
    /** How the grant is paid and accounted for after the decision. */
    paymentTerms: aVosIdPaymentTermsSchema,
    /** Cap of the subsidy on the total eligible expenses, whatever their type. */
    maxSubsidyRatePercent: percent("Taux maximal de subvention"),
    /** Per-type caps; the subsidy is at most the sum over types of (eligible expenses × rate of the type). */
    expenseTypes: z
      .array(expenseTypeSchema, { error: "Types de dépense\u00a0: une liste est attendue." })
      .min(1, { error: "Types de dépense\u00a0: au moins un type est requis." })
      .refine((items) => new Set(items.map((item) => item.code)).size === items.length, {
        error: "Types de dépense\u00a0: chaque code ne doit figurer qu’une fois.",
      }),
    minSubsidyCents: amountCents("Subvention minimale"),
    maxSubsidyCents: amountCents("Subvention maximale"),
    /** Regional priorities; a project must meet at least one. */
    priorities: codedOptions("Priorités régionales"),
    /** Stages of an initiative the scheme supports. */
    projectPhases: codedOptions("Phases du projet"),
    /** Each dossier belongs to a CRST territory whose agent may pre-review it. */
    territoryRequired: z.boolean({ error: "Territoire obligatoire\u00a0: oui ou non est attendu." }),
  })
  .superRefine((value, ctx) => {
    requireAtLeast(
      value,
      ctx,
      "minSubsidyCents",
      "maxSubsidyCents",
      "La subvention maximale doit être supérieure ou égale à la subvention minimale.",
    );
  });

export type AVosIdParameters = z.output<typeof aVosIdParametersSchema>;

export const aVosId: SchemeDefinition<typeof aVosIdParametersSchema> = {
  code: SchemeCode.A_VOS_ID,
  name: "A VOS ID",
  numberPrefix: "AVOSID",
  summary:
    "Soutien à l’émergence, à l’expérimentation ou au déploiement d’initiatives d’innovation sociale, écologique et territoriale, coopératives et partenariales.",
  parametersSchema: aVosIdParametersSchema,
  defaultParameters: {
    paymentTerms: DEFAULT_A_VOS_ID_PAYMENT_TERMS,
    eligibleDepartmentCodes: [...REGION_DEPARTMENT_CODES],
    eligibleLegalForms: [
      LegalForm.ASSOCIATION,
      LegalForm.SCOP,
      LegalForm.SCIC,
      LegalForm.CAE,
      LegalForm.LOCAL_AUTHORITY,
      LegalForm.PUBLIC_ESTABLISHMENT,
    ],
    requiredAttachments: [
      { kind: "STATUTES", label: "Statuts à jour ou délibération de la collectivité" },
      {
        kind: "PROJECT_DESCRIPTION",
        label: "Note de présentation de l’initiative et de son caractère innovant",
      },
      { kind: "PROJECT_BUDGET", label: "Budget prévisionnel détaillé par type de dépense" },
      { kind: "PARTNER_LETTERS", label: "Lettres d’engagement des partenaires" },
      { kind: "QUOTES", label: "Devis des dépenses d’investissement" },
      { kind: "RIB", label: "Relevé d’identité bancaire" },
    ],
    applicantTexts: {
      introduction:
        "A VOS ID soutient les initiatives nouvelles sur leur territoire, durables, coopératives et partenariales, qui créent des emplois, des activités ou des services. Votre dossier est examiné avec le territoire de contrat régional (CRST) dont il relève.",
      eligibilityReminder:
        "Associations, coopératives (SCOP, SCIC, CAE), collectivités et établissements publics de Centre-Val de Loire, pour un projet qui répond à une priorité régionale\u00a0: la transition écologique et l’adaptation au changement climatique, ou les services publics de proximité et les solidarités.",
      filingDeclaration:
        "Je certifie sur l’honneur l’exactitude des informations fournies et que le projet n’a pas commencé avant le dépôt de la demande, sauf accord de la Région.",
    },
    maxSubsidyRatePercent: 50,
    expenseTypes: [
      { code: "OPERATING", label: "Dépenses de fonctionnement", maxSubsidyRatePercent: 50 },
      { code: "INVESTMENT", label: "Dépenses d’investissement", maxSubsidyRatePercent: 50 },
    ],
    minSubsidyCents: 500_000,
    maxSubsidyCents: 8_000_000,
    priorities: [
      {
        code: "ECOLOGICAL_TRANSITION",
        label: "Transition écologique et adaptation au changement climatique",
      },
      { code: "LOCAL_SERVICES_SOLIDARITY", label: "Services publics de proximité et solidarités" },
    ],
    projectPhases: [
      { code: "EMERGENCE", label: "Émergence" },
      { code: "EXPERIMENTATION", label: "Expérimentation" },
      { code: "DEPLOYMENT", label: "Déploiement" },
    ],
    territoryRequired: true,
  },
};
