// CAP SCOP-SCIC: the Region doubles the capital contribution of employees who become associate-members
// of a SCOP or SCIC being created, taken over by its employees or converted from an association.
import { z } from "zod";

import { LegalForm, SchemeCode } from "~/generated/prisma/enums";

import {
  amountCents,
  codedOptions,
  commonParametersShape,
  percent,
  REGION_DEPARTMENT_CODES,
  requireAtLeast,
  type SchemeDefinition,
} from "./common";
import { DEFAULT_CAP_SCOP_SCIC_PAYMENT_TERMS, capScopScicPaymentTermsSchema } from "./payment-terms";

export const capScopScicParametersSchema = z
  .strictObject({
    ...commonParametersShape,
    /** How the grant is paid and accounted for after the decision. */
    paymentTerms: capScopScicPaymentTermsSchema,
    /** Subsidy as a share of each employee-associate’s contribution (100 = the Region doubles it). */
    subsidyRateOfContributionPercent: percent("Taux de la subvention sur l’apport"),
    /** Ceiling of the subsidy for one employee-associate. */
    maxSubsidyPerEmployeeAssociateCents: amountCents("Subvention maximale par salarié associé"),
    /** Ceiling of the subsidy for the whole cooperative. */
    maxSubsidyPerCooperativeCents: amountCents("Subvention maximale par coopérative"),
    minEmployeeAssociates: z
      .int({ error: "Nombre minimal de salariés associés\u00a0: un nombre entier est attendu." })
      .min(1, { error: "Nombre minimal de salariés associés\u00a0: au moins 1." })
      .max(1000, { error: "Nombre minimal de salariés associés\u00a0: 1\u202f000 au plus." }),
    /** Creation, takeover by the employees, conversion from an association. */
    operationTypes: codedOptions("Types d’opération"),
  })
  .superRefine((value, ctx) => {
    requireAtLeast(
      value,
      ctx,
      "maxSubsidyPerEmployeeAssociateCents",
      "maxSubsidyPerCooperativeCents",
      "La subvention maximale par coopérative doit être supérieure ou égale à la subvention maximale par salarié associé.",
    );
  });

export type CapScopScicParameters = z.output<typeof capScopScicParametersSchema>;

export const capScopScic: SchemeDefinition<typeof capScopScicParametersSchema> = {
  code: SchemeCode.CAP_SCOP_SCIC,
  name: "CAP SCOP-SCIC",
  numberPrefix: "CAPSCOP",
  summary:
    "La Région double l’apport en capital des salariés qui deviennent associés d’une SCOP ou d’une SCIC en création, reprise par ses salariés ou transformée à partir d’une association.",
  parametersSchema: capScopScicParametersSchema,
  defaultParameters: {
    paymentTerms: DEFAULT_CAP_SCOP_SCIC_PAYMENT_TERMS,
    eligibleDepartmentCodes: [...REGION_DEPARTMENT_CODES],
    eligibleLegalForms: [LegalForm.SCOP, LegalForm.SCIC, LegalForm.EMPLOYEE_GROUP],
    requiredAttachments: [
      { kind: "STATUTES", label: "Statuts de la coopérative ou projet de statuts" },
      { kind: "KBIS", label: "Extrait Kbis de la coopérative, une fois immatriculée" },
      { kind: "ASSOCIATES_LIST", label: "Liste des salariés associés et de leurs apports en capital" },
      { kind: "URSCOP_OPINION", label: "Avis de l’Union régionale des SCOP et SCIC (URSCOP)" },
      { kind: "BUSINESS_PLAN", label: "Plan de financement et prévisionnel d’activité sur trois ans" },
      { kind: "RIB", label: "Relevé d’identité bancaire de la coopérative" },
    ],
    applicantTexts: {
      introduction:
        "CAP SCOP-SCIC double l’apport en capital de chaque salarié qui devient associé de sa coopérative, lors d’une création, d’une reprise par les salariés ou de la transformation d’une association. Le dossier est préparé avec l’URSCOP.",
      eligibilityReminder:
        "La coopérative (SCOP ou SCIC), ou le groupe de salariés qui la fonde, doit avoir son siège ou son activité principale en Centre-Val de Loire. Chaque salarié associé déclare son apport en capital.",
      filingDeclaration:
        "Je certifie sur l’honneur l’exactitude des informations fournies, notamment la liste des salariés associés et le montant de leurs apports.",
    },
    subsidyRateOfContributionPercent: 100,
    maxSubsidyPerEmployeeAssociateCents: 500_000,
    maxSubsidyPerCooperativeCents: 10_000_000,
    minEmployeeAssociates: 1,
    operationTypes: [
      { code: "CREATION", label: "Création d’une coopérative" },
      { code: "TAKEOVER", label: "Reprise d’une entreprise par ses salariés" },
      { code: "CONVERSION", label: "Transformation d’une association en coopérative" },
    ],
  },
};
