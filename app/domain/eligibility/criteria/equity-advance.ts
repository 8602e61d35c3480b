// The equity advance with a right of recovery: an advance on a European grant, within bounds and a share
// of the grant.
import { formatEuros } from "~/domain/format";
import type { RuleSetParametersByScheme } from "~/domain/schemes";

import { EU_PROGRAMME_CODES } from "../codes";
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
  type Evaluated,
  type SchemeEvaluation,
  shareWithinBounds,
} from "./shared";

export function equityAdvanceCriteria(
  situation: Situation,
  p: RuleSetParametersByScheme["EQUITY_ADVANCE"],
): SchemeEvaluation {
  const project = situation.project ?? {};
  const programmeCodes = p.euProgrammes.map((programme) => programme.code);
  const programme = project.euProgramme;
  // « FSE+ (Fonds social européen plus) » → « FSE+ »; « Autre programme » → « autre programme » mid-sentence.
  const programmeLabels = p.euProgrammes.map((option) =>
    option.label.replace(/ \(.*\)$/, "").replace(/^Autre\b/, "autre"),
  );
  const criteria: Evaluated[] = [
    territory(situation, p.eligibleDepartmentCodes),
    legalForm(situation, p.eligibleLegalForms),
    programme === undefined
      ? unknown(
          "programme-europeen",
          "Projet cofinancé par un programme européen",
          ["project.euProgramme"],
          `Le projet doit être cofinancé par un programme européen : ${list(programmeLabels)}.`,
        )
      : programme !== null && programmeCodes.includes(EU_PROGRAMME_CODES[programme])
        ? decided(
            "programme-europeen",
            "Projet cofinancé par un programme européen",
            true,
            EU_PROGRAMME_CODES[programme] === "OTHER"
              ? "Le projet est cofinancé par un programme européen."
              : `Le projet est cofinancé par le programme ${programmeLabels[programmeCodes.indexOf(EU_PROGRAMME_CODES[programme])]}.`,
          )
        : decided(
            "programme-europeen",
            "Projet cofinancé par un programme européen",
            false,
            `L’avance est réservée aux projets cofinancés par un programme européen : ${list(programmeLabels)}.`,
          ),
    project.euGrantEur === undefined
      ? unknown(
          "subvention-europeenne",
          "Subvention européenne attribuée",
          ["project.euGrantEur"],
          "Indiquez le montant de la subvention européenne.",
        )
      : project.euGrantEur > 0
        ? decided(
            "subvention-europeenne",
            "Subvention européenne attribuée",
            true,
            `Subvention européenne de ${formatEuros(cents(project.euGrantEur))}.`,
          )
        : decided(
            "subvention-europeenne",
            "Subvention européenne attribuée",
            false,
            "L’avance porte sur une subvention européenne : son montant doit être supérieur à zéro.",
          ),
    amountBetween(
      "montant",
      "Montant de l’avance",
      "project.advanceEur",
      project.advanceEur,
      p.minAmountCents,
      p.maxAmountCents,
    ),
    shareAtMost(
      "part-subvention",
      "Part de la subvention européenne",
      ["project.advanceEur", "project.euGrantEur"],
      project.advanceEur,
      project.euGrantEur,
      p.maxShareOfEuGrantPercent,
      "de la subvention européenne",
      p.minAmountCents,
    ),
  ];
  return {
    criteria,
    maxCents: shareWithinBounds(project.euGrantEur, p.maxShareOfEuGrantPercent, {
      minCents: p.minAmountCents,
      maxCents: p.maxAmountCents,
    }),
    asked:
      project.advanceEur === undefined
        ? null
        : { path: "project.advanceEur", cents: cents(project.advanceEur) },
  };
}
