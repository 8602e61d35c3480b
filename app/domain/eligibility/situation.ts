// A situation to judge: what a person (or another tool, through POST /api/eligibility) tells us about
// an organisation and its project. Every answer is optional: an absent answer is "not known yet".
// The field names and values are the public contract of the JSON API: change them only with a new API.
import { z } from "zod";

export const LEGAL_FORM_ANSWERS = [
  "association",
  "scop",
  "scic",
  "cae",
  "entreprise_ess",
  "societe",
  "collectivite",
  "etablissement_public",
  "salaries_repreneurs",
] as const;
export type LegalFormAnswer = (typeof LEGAL_FORM_ANSWERS)[number];

export const LEGAL_FORM_ANSWER_LABELS: Record<LegalFormAnswer, string> = {
  association: "Association (loi 1901)",
  scop: "SCOP (société coopérative et participative)",
  scic: "SCIC (société coopérative d’intérêt collectif)",
  cae: "CAE (coopérative d’activité et d’emploi)",
  entreprise_ess: "Entreprise de l’ESS (agréée ESUS ou à statut commercial de l’ESS)",
  societe: "Société commerciale hors ESS",
  collectivite: "Collectivité territoriale",
  etablissement_public: "Établissement public",
  salaries_repreneurs: "Groupe de salarié·es fondant ou reprenant une coopérative (SCOP ou SCIC en création)",
};

export const PRIORITY_ANSWERS = ["transition_ecologique", "services_proximite", "autre"] as const;
export type PriorityAnswer = (typeof PRIORITY_ANSWERS)[number];

export const COOPERATIVE_OPERATION_ANSWERS = ["creation", "reprise", "transformation"] as const;
export type CooperativeOperationAnswer = (typeof COOPERATIVE_OPERATION_ANSWERS)[number];

export const EU_PROGRAMME_ANSWERS = ["FSE+", "FEDER", "LEADER", "autre"] as const;
export type EuProgrammeAnswer = (typeof EU_PROGRAMME_ANSWERS)[number];

/** The most employee-associates one request may list (a large SCOP has a few hundred). */
export const MAX_EMPLOYEE_ASSOCIATES = 1_000;
/** Amounts above a billion euros are typing mistakes, not projects. */
const MAX_EUROS = 1_000_000_000;

// `null` is accepted as "not answered" for every field but the EU programme, where it means "none".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

const yesNo = (label: string) =>
  optional(z.boolean({ error: `${label} : répondez par true (oui) ou false (non).` }));

const euros = (label: string) =>
  optional(
    z
      .number({ error: `${label} : indiquez un montant en euros (nombre).` })
      .min(0, { error: `${label} : le montant ne peut pas être négatif.` })
      .max(MAX_EUROS, { error: `${label} : le montant dépasse 1 milliard d’euros.` }),
  );

const choice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} : valeur inconnue, choisissez parmi ${values.join(", ")}.` });

export const situationSchema = z.object(
  {
    organisation: optional(
      z.object(
        {
          legalForm: optional(choice("Forme juridique", LEGAL_FORM_ANSWERS)),
          department: optional(
            z
              .string({ error: "Département : indiquez un code de département (ex. 45)." })
              .trim()
              .toUpperCase()
              .regex(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, {
                error: "Département : indiquez un code de département français (ex. 45, 2A, 974).",
              }),
          ),
          generalInterest: yesNo("Intérêt général ou utilité sociale"),
        },
        { error: "Organisation : un objet est attendu." },
      ),
    ),
    project: optional(
      z.object(
        {
          jobsFte: optional(
            z
              .number({ error: "Emplois : indiquez un nombre d’équivalents temps plein (ex. 1,5)." })
              .min(0, { error: "Emplois : le nombre d’ETP ne peut pas être négatif." })
              .max(10_000, { error: "Emplois : 10 000 ETP au plus." }),
          ),
          cdi: yesNo("Emplois en CDI"),
          annualAmountEur: euros("Montant annuel demandé"),
          newOnTerritory: yesNo("Initiative nouvelle sur le territoire"),
          partnership: yesNo("Projet partenarial"),
          priority: optional(choice("Priorité régionale", PRIORITY_ANSWERS)),
          eligibleExpensesEur: euros("Dépenses éligibles"),
          requestedAmountEur: euros("Montant demandé"),
          cooperativeOperation: optional(choice("Opération coopérative", COOPERATIVE_OPERATION_ANSWERS)),
          employeeAssociates: optional(
            z
              .array(
                z.object(
                  { contributionEur: euros("Apport en capital du salarié associé") },
                  { error: "Salarié associé : un objet { contributionEur } est attendu." },
                ),
                { error: "Salariés associés : une liste est attendue." },
              )
              .max(MAX_EMPLOYEE_ASSOCIATES, {
                error: `Salariés associés : ${MAX_EMPLOYEE_ASSOCIATES} au plus.`,
              }),
          ),
          euProgramme: z
            .union([choice("Programme européen", EU_PROGRAMME_ANSWERS), z.null()], {
              error: `Programme européen : valeur inconnue, choisissez parmi ${EU_PROGRAMME_ANSWERS.join(", ")} ou null.`,
            })
            .optional(),
          euGrantEur: euros("Subvention européenne"),
          advanceEur: euros("Avance demandée"),
        },
        { error: "Projet : un objet est attendu." },
      ),
    ),
  },
  { error: "Le corps de la requête doit être un objet JSON." },
);

export type Situation = z.output<typeof situationSchema>;
export type SituationInput = z.input<typeof situationSchema>;

/** Every answer's path, as the API lists missing answers (`project.jobsFte`). */
export type AnswerPath =
  | `organisation.${keyof NonNullable<Situation["organisation"]>}`
  | `project.${keyof NonNullable<Situation["project"]>}`;

/** Field errors keyed by path (`project.jobsFte`, `` for the whole body), first message of each. */
export function situationErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}
