// What each questionnaire answer stands for in the rule sets' own codes (legal forms, priorities,
// cooperative operations, EU programmes). The dossier forms use the same maps the other way round.
import type { LegalForm } from "~/generated/prisma/enums";

import type {
  CooperativeOperationAnswer,
  EuProgrammeAnswer,
  LegalFormAnswer,
  PriorityAnswer,
} from "./situation";

/** The organisation's legal form each questionnaire answer stands for. */
export const LEGAL_FORMS: Record<LegalFormAnswer, LegalForm | null> = {
  association: "ASSOCIATION",
  scop: "SCOP",
  scic: "SCIC",
  cae: "CAE",
  entreprise_ess: "ESS_COMPANY",
  // A company outside the social and solidarity economy has no form any scheme lists.
  societe: null,
  collectivite: "LOCAL_AUTHORITY",
  etablissement_public: "PUBLIC_ESTABLISHMENT",
  salaries_repreneurs: "EMPLOYEE_GROUP",
};

export const LEGAL_FORM_NAMES: Record<LegalForm, string> = {
  ASSOCIATION: "association",
  SCOP: "SCOP",
  SCIC: "SCIC",
  CAE: "CAE",
  EMPLOYEE_GROUP: "groupe de salarié·es repreneurs",
  ESS_COMPANY: "entreprise de l’ESS",
  LOCAL_AUTHORITY: "collectivité territoriale",
  PUBLIC_ESTABLISHMENT: "établissement public",
};

export const PRIORITY_CODES: Record<PriorityAnswer, string | null> = {
  transition_ecologique: "ECOLOGICAL_TRANSITION",
  services_proximite: "LOCAL_SERVICES_SOLIDARITY",
  autre: null,
};

export const OPERATION_CODES: Record<CooperativeOperationAnswer, string> = {
  creation: "CREATION",
  reprise: "TAKEOVER",
  transformation: "CONVERSION",
};

export const EU_PROGRAMME_CODES: Record<EuProgrammeAnswer, string> = {
  "FSE+": "FSE_PLUS",
  FEDER: "FEDER",
  LEADER: "LEADER",
  autre: "OTHER",
};
