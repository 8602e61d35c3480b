// CAP ASSO: associations of general interest creating or consolidating permanent jobs, a yearly amount.
import type { RuleSetParametersByScheme } from "~/domain/schemes";

import type { Situation } from "../situation";
import {
  amountBetween,
  cents,
  decided,
  legalForm,
  territory,
  unknown,
  yes,
  type Evaluated,
  type SchemeEvaluation,
} from "./shared";

export function capAssoCriteria(
  situation: Situation,
  p: RuleSetParametersByScheme["CAP_ASSO"],
): SchemeEvaluation {
  const project = situation.project ?? {};
  const jobs = project.jobsFte;
  const criteria: Evaluated[] = [
    territory(situation, p.eligibleDepartmentCodes),
    legalForm(situation, p.eligibleLegalForms),
    yes(
      "interet-general",
      "Intérêt général ou utilité sociale",
      "organisation.generalInterest",
      situation.organisation?.generalInterest,
      {
        ask: "L’association doit poursuivre un but d’intérêt général ou d’utilité sociale.",
        yes: "L’association poursuit un but d’intérêt général ou d’utilité sociale.",
        no: "Le dispositif soutient les associations d’intérêt général ou d’utilité sociale.",
      },
    ),
    jobs === undefined
      ? unknown(
          "emploi",
          "Emploi créé ou consolidé",
          ["project.jobsFte"],
          "Le projet doit créer ou consolider au moins un emploi.",
        )
      : jobs > p.minTotalJobsFteExclusive
        ? decided(
            "emploi",
            "Emploi créé ou consolidé",
            true,
            `Le projet crée ou consolide ${String(jobs).replace(".", ",")} ETP.`,
          )
        : decided(
            "emploi",
            "Emploi créé ou consolidé",
            false,
            p.minTotalJobsFteExclusive === 0
              ? "Le projet doit créer ou consolider au moins un emploi."
              : `Le projet doit créer ou consolider plus de ${String(p.minTotalJobsFteExclusive).replace(".", ",")} ETP.`,
          ),
    p.permanentContractRequired
      ? yes("cdi", "Emploi en CDI", "project.cdi", project.cdi, {
          ask: "Les emplois aidés doivent être en contrat à durée indéterminée.",
          yes: "Les emplois aidés sont en CDI.",
          no: "Les emplois aidés doivent être en contrat à durée indéterminée (CDI).",
        })
      : decided("cdi", "Emploi en CDI", true, "Le CDI n’est pas exigé par les règles en vigueur."),
    amountBetween(
      "montant-annuel",
      "Montant annuel demandé",
      "project.annualAmountEur",
      project.annualAmountEur,
      p.minAnnualAmountCents,
      p.maxAnnualAmountCents,
    ),
  ];
  // Per year of the agreement, whatever the answers.
  return {
    criteria,
    maxCents: p.maxAnnualAmountCents,
    asked:
      project.annualAmountEur === undefined
        ? null
        : { path: "project.annualAmountEur", cents: cents(project.annualAmountEur) },
  };
}
