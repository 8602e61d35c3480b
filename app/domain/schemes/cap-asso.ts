// CAP ASSO: a three-year agreement supporting an association’s activity project that creates or
// consolidates jobs on a CDI (since 2005, with Le Mouvement Associatif).
import { z } from "zod";

import { CapAssoSector, LegalForm, SchemeCode } from "~/generated/prisma/enums";

import {
  amountCents,
  commonParametersShape,
  distinctList,
  months,
  oneOf,
  REGION_DEPARTMENT_CODES,
  requireAtLeast,
  type SchemeDefinition,
} from "./common";
import { DEFAULT_CAP_ASSO_PAYMENT_TERMS, capAssoPaymentTermsSchema } from "./payment-terms";

/** French labels of the sectors of a CAP ASSO project. */
export const CAP_ASSO_SECTOR_LABELS: Record<CapAssoSector, string> = {
  SPORT: "Sport",
  CULTURE: "Culture",
  INSERTION: "Insertion",
  YOUTH_POPULAR_EDUCATION: "Jeunesse et éducation populaire",
  HEALTH_SOCIAL: "Santé et social",
  ENVIRONMENT_TOURISM: "Environnement et tourisme",
  OTHER: "Autre secteur",
};

export const capAssoParametersSchema = z
  .strictObject({
    ...commonParametersShape,
    /** How the grant is paid and accounted for after the decision. */
    paymentTerms: capAssoPaymentTermsSchema,
    /** Floor of the yearly subsidy per project. */
    minAnnualAmountCents: amountCents("Montant annuel minimal"),
    /** Ceiling of the yearly subsidy per project. */
    maxAnnualAmountCents: amountCents("Montant annuel maximal"),
    /** Length of the agreement; the subsidy is paid per year of it. */
    agreementLengthMonths: months("Durée de la convention"),
    /**
     * The total FTE of jobs created and consolidated must be strictly greater than this
     * (0 means "at least one job, whatever its working time").
     */
    minTotalJobsFteExclusive: z
      .number({ error: "Seuil d’emplois\u00a0: indiquez un nombre d’ETP (ex. 0 ou 0,5)." })
      .min(0, { error: "Seuil d’emplois\u00a0: le nombre d’ETP ne peut pas être négatif." })
      .max(100, { error: "Seuil d’emplois\u00a0: 100 ETP au plus." }),
    /** The aided jobs must be open-ended contracts (CDI). */
    permanentContractRequired: z.boolean({ error: "CDI obligatoire\u00a0: oui ou non est attendu." }),
    /** How many times an agreement may be renewed once it ends (renewal is its own request). */
    maxRenewals: z
      .int({ error: "Nombre de renouvellements\u00a0: un nombre entier est attendu." })
      .min(0, { error: "Nombre de renouvellements\u00a0: ne peut pas être négatif." })
      .max(10, { error: "Nombre de renouvellements\u00a0: 10 au plus." }),
    eligibleSectors: distinctList("Secteurs éligibles", oneOf("Secteurs éligibles", CapAssoSector)),
  })
  .superRefine((value, ctx) => {
    requireAtLeast(
      value,
      ctx,
      "minAnnualAmountCents",
      "maxAnnualAmountCents",
      "Le montant annuel maximal doit être supérieur ou égal au montant annuel minimal.",
    );
    if (value.agreementLengthMonths % 12 !== 0) {
      ctx.addIssue({
        code: "custom",
        path: ["agreementLengthMonths"],
        message: "Durée de la convention\u00a0: un nombre entier d’années est attendu (36 mois pour 3 ans).",
      });
    }
  });

export type CapAssoParameters = z.output<typeof capAssoParametersSchema>;

export const capAsso: SchemeDefinition<typeof capAssoParametersSchema> = {
  code: SchemeCode.CAP_ASSO,
  name: "CAP ASSO",
  numberPrefix: "CAPASSO",
  summary:
    "Soutien sur trois ans au projet d’activité d’une association qui crée ou consolide un ou plusieurs emplois en CDI.",
  parametersSchema: capAssoParametersSchema,
  defaultParameters: {
    paymentTerms: DEFAULT_CAP_ASSO_PAYMENT_TERMS,
    eligibleDepartmentCodes: [...REGION_DEPARTMENT_CODES],
    eligibleLegalForms: [LegalForm.ASSOCIATION],
    requiredAttachments: [
      { kind: "STATUTES", label: "Statuts à jour de l’association" },
      { kind: "OFFICERS_LIST", label: "Liste des membres du conseil d’administration et du bureau" },
      { kind: "ACTIVITY_REPORT", label: "Dernier rapport d’activité" },
      { kind: "FINANCIAL_STATEMENTS", label: "Derniers comptes annuels approuvés" },
      { kind: "PROJECT_BUDGET", label: "Budget prévisionnel du projet sur trois ans" },
      { kind: "JOB_DESCRIPTION", label: "Fiche de poste de chaque emploi aidé" },
      { kind: "RIB", label: "Relevé d’identité bancaire au nom de l’association" },
    ],
    applicantTexts: {
      introduction:
        "CAP ASSO accompagne pendant trois ans le projet d’activité de votre association lorsqu’il crée ou consolide un ou plusieurs emplois en CDI. Une conseillère ou un conseiller associatif suit votre projet.",
      eligibilityReminder:
        "Votre association (loi 1901) doit avoir son siège ou son activité principale en Centre-Val de Loire, poursuivre un but d’intérêt général ou d’utilité sociale, et porter un projet qui crée ou consolide au moins un emploi en CDI.",
      filingDeclaration:
        "Je certifie sur l’honneur l’exactitude des informations fournies et que l’association est à jour de ses obligations sociales et fiscales.",
    },
    minAnnualAmountCents: 200_000,
    maxAnnualAmountCents: 2_000_000,
    agreementLengthMonths: 36,
    minTotalJobsFteExclusive: 0,
    permanentContractRequired: true,
    maxRenewals: 1,
    eligibleSectors: Object.values(CapAssoSector),
  },
};
