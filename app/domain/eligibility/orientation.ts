// Where else to turn (Mesure 13): the schemes still open, a partner suited to the organisation, or, outside
// Centre-Val de Loire, the region of the department given.
import { regionOfDepartment } from "~/domain/french-regions";
import { SCHEMES } from "~/domain/schemes";

import type { Orientation, SchemeResult } from "./evaluate";
import type { Situation } from "./situation";

const PARTNERS = {
  franceActive: {
    scheme: "france-active",
    reason:
      "France Active Centre-Val de Loire finance et accompagne les entreprises de l’ESS et les associations employeuses (garanties, prêts, apports en fonds propres).",
  },
  mouvementAssociatif: {
    scheme: "mouvement-associatif",
    reason:
      "Les conseillers du Mouvement associatif Centre-Val de Loire aident les associations à structurer leur projet d’emploi avant une demande CAP ASSO.",
  },
  capRegion: {
    scheme: "cap-region-pme-pmi",
    reason:
      "Les dispositifs CAP Région (PME-PMI) de la Région Centre-Val de Loire financent les entreprises commerciales pour leur développement.",
  },
} as const;

/** Outside Centre-Val de Loire: the region of the department given, and France Active's national network. */
function outsideRegion(department: string | undefined): Orientation[] {
  const region = department ? regionOfDepartment(department) : null;
  const where = region
    ? `Votre siège est dans le département ${department}, en ${region.name} : adressez-vous au service chargé de l’économie sociale et solidaire ou du développement économique de ${region.institution}.`
    : "Adressez-vous au service chargé de l’économie sociale et solidaire ou du développement économique de la région de votre siège.";
  return [
    {
      scheme: "region-du-siege",
      reason: `Les dispositifs de la Région Centre-Val de Loire exigent un siège ou une activité principale dans la région. ${where}`,
    },
    {
      scheme: "france-active-reseau",
      reason:
        "Le réseau France Active finance et accompagne les entreprises de l’ESS et les associations employeuses dans chaque région : adressez-vous à l’association territoriale France Active de la vôtre.",
    },
  ];
}

export function orientation(situation: Situation, results: SchemeResult[]): Orientation[] {
  const failed = results.filter((result) => result.eligible === false);
  if (failed.length === 0) return [];
  const territoryFailed = results.some((result) =>
    result.criteria.some((criterion) => criterion.id === "territoire" && criterion.met === false),
  );
  if (territoryFailed) return outsideRegion(situation.organisation?.department);

  const open = results.filter((result) => result.eligible !== false);
  const byCode = new Map(results.map((result) => [result.code, result]));
  const suggestions: Orientation[] = open.map((result) => ({
    scheme: result.scheme,
    reason:
      result.eligible === true
        ? `Votre projet remplit les conditions de ${result.name}.`
        : `${result.name} peut convenir : ${SCHEMES[result.code].summary.charAt(0).toLowerCase()}${SCHEMES[result.code].summary.slice(1)}`,
  }));

  const form = situation.organisation?.legalForm;
  const project = situation.project ?? {};
  // The Cycloposteurs path: an association that becomes a cooperative moves on to CAP SCOP-SCIC.
  if (
    form === "association" &&
    project.cooperativeOperation === "transformation" &&
    byCode.get("CAP_SCOP_SCIC")?.eligible === false
  ) {
    suggestions.push({
      scheme: byCode.get("CAP_SCOP_SCIC")!.scheme,
      reason:
        "Une fois l’association transformée en SCOP ou en SCIC, CAP SCOP-SCIC double l’apport en capital des salarié·es qui en deviennent associé·es.",
    });
  }
  if (form === "association" && byCode.get("CAP_ASSO")?.eligible === false)
    suggestions.push(PARTNERS.mouvementAssociatif);
  if (form === "societe" || form === "entreprise_ess") suggestions.push(PARTNERS.capRegion);
  if (open.length === 0 || form === "entreprise_ess" || form === "societe" || form === "association") {
    suggestions.push(PARTNERS.franceActive);
  }
  return suggestions;
}
