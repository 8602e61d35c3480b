// Eligibility of a situation for the four schemes, criterion by criterion, from the rule sets in force.
// Pure: the same function answers the public questionnaire and the API, checks a dossier when it is filed,
// and lets an instructor re-check it against the rule-set version the dossier was filed under.
//
// Every threshold, list and rate comes from the rule-set parameters (versioned data edited by admins);
// this file only says which answers each criterion looks at and how, and words the verdicts in French.
import { formatEuros } from "~/domain/format";
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import { SCHEMES, type RuleSetParametersByScheme } from "~/domain/schemes";
import { SCHEME_SLUGS, type SchemeSlug } from "~/domain/schemes/slugs";
import type { LegalForm, SchemeCode } from "~/generated/prisma/enums";

import type {
  AnswerPath,
  CooperativeOperationAnswer,
  EuProgrammeAnswer,
  LegalFormAnswer,
  PriorityAnswer,
  Situation,
} from "./situation";

/** `true` met, `false` not met, `null` not known yet (an answer is missing). */
export type Verdict = boolean | null;

export interface CriterionResult {
  id: string;
  label: string;
  met: Verdict;
  explanation: string;
}

export interface SchemeResult {
  scheme: SchemeSlug;
  code: SchemeCode;
  name: string;
  ruleSetVersion: number;
  eligible: Verdict;
  criteria: CriterionResult[];
  /** Answers still needed to decide; empty once a criterion has failed. */
  missing: AnswerPath[];
  /** The most the scheme can bring to this project, in euros, when the answers allow computing it. */
  maxAmountEur: number | null;
}

/** Somewhere else to turn: another of the four schemes, a general regional scheme or a partner. */
export interface Orientation {
  scheme: string;
  reason: string;
}

export interface EligibilityReport {
  results: SchemeResult[];
  orientation: Orientation[];
}

export type RuleSetsInForce = {
  [C in SchemeCode]: { version: number; parameters: RuleSetParametersByScheme[C] };
};

/** The order in which the schemes are always presented. */
const ORDER: SchemeCode[] = ["CAP_ASSO", "A_VOS_ID", "CAP_SCOP_SCIC", "EQUITY_ADVANCE"];

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

const LEGAL_FORM_NAMES: Record<LegalForm, string> = {
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

const cents = (euros: number) => Math.round(euros * 100);
const euros = (cents: number) => cents / 100;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ou ${items.at(-1)}`;

/** A criterion whose answers are not all known: `met` is null and the answers are listed as missing. */
interface Evaluated extends CriterionResult {
  missing: AnswerPath[];
}

function unknown(id: string, label: string, missing: AnswerPath[], explanation: string): Evaluated {
  return { id, label, met: null, explanation, missing };
}

function decided(id: string, label: string, met: boolean, explanation: string): Evaluated {
  return { id, label, met, explanation, missing: [] };
}

// ---- Criteria shared by the four schemes --------------------------------------------------------

function territory(situation: Situation, departmentCodes: readonly string[]): Evaluated {
  const label = "Siège ou activité principale en Centre-Val de Loire";
  const department = situation.organisation?.department;
  const names = departmentCodes.map(
    (code) => `${REGION_DEPARTMENTS[code as keyof typeof REGION_DEPARTMENTS] ?? code} (${code})`,
  );
  if (department === undefined) {
    return unknown(
      "territoire",
      label,
      ["organisation.department"],
      `Indiquez le département du siège ou de l’activité principale.`,
    );
  }
  return departmentCodes.includes(department)
    ? decided(
        "territoire",
        label,
        true,
        `Le département ${department} fait partie des départements éligibles.`,
      )
    : decided(
        "territoire",
        label,
        false,
        `Le département ${department} n’est pas éligible : le siège ou l’activité principale doit être dans le ${list(names)}.`,
      );
}

function legalForm(situation: Situation, eligible: readonly LegalForm[]): Evaluated {
  const label = "Forme juridique";
  const answer = situation.organisation?.legalForm;
  const forms = list(eligible.map((form) => LEGAL_FORM_NAMES[form]));
  if (answer === undefined) {
    return unknown(
      "forme-juridique",
      label,
      ["organisation.legalForm"],
      `Formes juridiques éligibles : ${forms}.`,
    );
  }
  const form = LEGAL_FORMS[answer];
  return form !== null && eligible.includes(form)
    ? decided(
        "forme-juridique",
        label,
        true,
        `La forme juridique « ${LEGAL_FORM_NAMES[form]} » est éligible.`,
      )
    : decided(
        "forme-juridique",
        label,
        false,
        `Le dispositif est réservé aux formes juridiques suivantes : ${forms}.`,
      );
}

/** `low ≤ amount ≤ high`, all in cents. */
function amountBetween(
  id: string,
  label: string,
  path: AnswerPath,
  amountEuros: number | undefined,
  lowCents: number,
  highCents: number,
): Evaluated {
  const range = `entre ${formatEuros(lowCents)} et ${formatEuros(highCents)}`;
  if (amountEuros === undefined) return unknown(id, label, [path], `Le montant doit être compris ${range}.`);
  const amount = cents(amountEuros);
  if (amount < lowCents) {
    return decided(
      id,
      label,
      false,
      `${formatEuros(amount)} est inférieur au minimum de ${formatEuros(lowCents)}.`,
    );
  }
  if (amount > highCents) {
    return decided(
      id,
      label,
      false,
      `${formatEuros(amount)} dépasse le maximum de ${formatEuros(highCents)}.`,
    );
  }
  return decided(id, label, true, `${formatEuros(amount)} est compris ${range}.`);
}

/** `amount ≤ percent % of base`. */
function shareAtMost(
  id: string,
  label: string,
  paths: [AnswerPath, AnswerPath],
  amountEuros: number | undefined,
  baseEuros: number | undefined,
  percent: number,
  baseName: string,
  floorCents: number,
): Evaluated {
  const missing = paths.filter((_, index) => [amountEuros, baseEuros][index] === undefined);
  // Once the base is known, a share below the scheme's minimum leaves no amount that could qualify.
  if (amountEuros === undefined && baseEuros !== undefined) {
    const ceiling = Math.floor((cents(baseEuros) * percent) / 100);
    if (ceiling < floorCents) {
      return decided(
        id,
        label,
        false,
        `${percent} % ${baseName} font ${formatEuros(ceiling)}, sous le minimum de ${formatEuros(floorCents)} : aucun montant ne peut convenir.`,
      );
    }
  }
  if (amountEuros === undefined || baseEuros === undefined) {
    return unknown(id, label, missing, `Le montant ne peut pas dépasser ${percent} % ${baseName}.`);
  }
  const ceiling = Math.floor((cents(baseEuros) * percent) / 100);
  const amount = cents(amountEuros);
  return amount <= ceiling
    ? decided(
        id,
        label,
        true,
        `${formatEuros(amount)} ne dépasse pas ${percent} % ${baseName} (${formatEuros(ceiling)}).`,
      )
    : decided(
        id,
        label,
        false,
        `${formatEuros(amount)} dépasse ${percent} % ${baseName} (${formatEuros(ceiling)}).`,
      );
}

function yes(
  id: string,
  label: string,
  path: AnswerPath,
  answer: boolean | undefined,
  texts: { ask: string; yes: string; no: string },
): Evaluated {
  if (answer === undefined) return unknown(id, label, [path], texts.ask);
  return answer ? decided(id, label, true, texts.yes) : decided(id, label, false, texts.no);
}

// ---- The four schemes ---------------------------------------------------------------------------

function capAsso(situation: Situation, p: RuleSetParametersByScheme["CAP_ASSO"]) {
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
  return { criteria, maxCents: p.maxAnnualAmountCents };
}

function aVosId(situation: Situation, p: RuleSetParametersByScheme["A_VOS_ID"]) {
  const project = situation.project ?? {};
  const priorityCodes = p.priorities.map((priority) => priority.code);
  const priority = project.priority;
  const priorityCode = priority === undefined ? undefined : PRIORITY_CODES[priority];
  const priorityLabels = p.priorities.map((option) => option.label.toLowerCase());
  const criteria: Evaluated[] = [
    territory(situation, p.eligibleDepartmentCodes),
    legalForm(situation, p.eligibleLegalForms),
    yes(
      "nouveaute",
      "Initiative nouvelle sur son territoire",
      "project.newOnTerritory",
      project.newOnTerritory,
      {
        ask: "L’initiative doit être nouvelle sur son territoire.",
        yes: "L’initiative est nouvelle sur son territoire.",
        no: "A VOS ID soutient des initiatives nouvelles sur leur territoire.",
      },
    ),
    yes("partenariat", "Projet partenarial", "project.partnership", project.partnership, {
      ask: "Le projet doit associer des partenaires.",
      yes: "Le projet associe des partenaires.",
      no: "Le projet doit être porté en partenariat.",
    }),
    priorityCode === undefined
      ? unknown(
          "priorite",
          "Priorité régionale",
          ["project.priority"],
          `Le projet doit répondre à une priorité : ${list(priorityLabels)}.`,
        )
      : priorityCode !== null && priorityCodes.includes(priorityCode)
        ? decided(
            "priorite",
            "Priorité régionale",
            true,
            `Le projet répond à la priorité « ${p.priorities.find((option) => option.code === priorityCode)!.label} ».`,
          )
        : decided(
            "priorite",
            "Priorité régionale",
            false,
            `Le projet doit répondre à une priorité régionale : ${list(priorityLabels)}.`,
          ),
    amountBetween(
      "montant",
      "Montant demandé",
      "project.requestedAmountEur",
      project.requestedAmountEur,
      p.minSubsidyCents,
      p.maxSubsidyCents,
    ),
    shareAtMost(
      "taux",
      "Part des dépenses éligibles",
      ["project.requestedAmountEur", "project.eligibleExpensesEur"],
      project.requestedAmountEur,
      project.eligibleExpensesEur,
      p.maxSubsidyRatePercent,
      "des dépenses éligibles",
      p.minSubsidyCents,
    ),
  ];
  const maxCents =
    project.eligibleExpensesEur === undefined
      ? null
      : Math.min(
          p.maxSubsidyCents,
          Math.floor((cents(project.eligibleExpensesEur) * p.maxSubsidyRatePercent) / 100),
        );
  return { criteria, maxCents };
}

function capScopScic(situation: Situation, p: RuleSetParametersByScheme["CAP_SCOP_SCIC"]) {
  const project = situation.project ?? {};
  const operationCodes = p.operationTypes.map((operation) => operation.code);
  const operation = project.cooperativeOperation;
  const associates = project.employeeAssociates;
  const contributors = associates?.filter((associate) => (associate.contributionEur ?? 0) > 0) ?? [];
  const unknownContributions =
    associates?.some((associate) => associate.contributionEur === undefined) ?? false;
  const operationLabels = p.operationTypes.map((option) => option.label.toLowerCase());
  const criteria: Evaluated[] = [
    territory(situation, p.eligibleDepartmentCodes),
    legalForm(situation, p.eligibleLegalForms),
    operation === undefined
      ? unknown(
          "operation",
          "Type d’opération",
          ["project.cooperativeOperation"],
          `L’opération doit être : ${list(operationLabels)}.`,
        )
      : operationCodes.includes(OPERATION_CODES[operation])
        ? decided(
            "operation",
            "Type d’opération",
            true,
            `Opération retenue : ${p.operationTypes.find((option) => option.code === OPERATION_CODES[operation])!.label.toLowerCase()}.`,
          )
        : decided(
            "operation",
            "Type d’opération",
            false,
            `L’opération doit être : ${list(operationLabels)}.`,
          ),
    associates === undefined || (contributors.length === 0 && unknownContributions)
      ? unknown(
          "salaries-associes",
          "Salarié·es associé·es apportant du capital",
          ["project.employeeAssociates"],
          "Au moins un·e salarié·e doit devenir associé·e en apportant du capital.",
        )
      : contributors.length > 0
        ? decided(
            "salaries-associes",
            "Salarié·es associé·es apportant du capital",
            true,
            contributors.length === 1
              ? "1 salarié·e associé·e apporte du capital."
              : `${contributors.length} salarié·es associé·es apportent du capital.`,
          )
        : decided(
            "salaries-associes",
            "Salarié·es associé·es apportant du capital",
            false,
            "Au moins un·e salarié·e doit devenir associé·e en apportant du capital.",
          ),
  ];
  // The subsidy doubles each contribution up to the per-person ceiling; the total has its own ceiling.
  const maxCents =
    associates === undefined || unknownContributions
      ? null
      : Math.min(
          p.maxSubsidyPerCooperativeCents,
          contributors.reduce(
            (total, associate) =>
              total +
              Math.min(
                Math.floor((cents(associate.contributionEur!) * p.subsidyRateOfContributionPercent) / 100),
                p.maxSubsidyPerEmployeeAssociateCents,
              ),
            0,
          ),
        );
  return { criteria, maxCents };
}

function equityAdvance(situation: Situation, p: RuleSetParametersByScheme["EQUITY_ADVANCE"]) {
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
  const maxCents =
    project.euGrantEur === undefined
      ? null
      : Math.min(
          p.maxAmountCents,
          Math.floor((cents(project.euGrantEur) * p.maxShareOfEuGrantPercent) / 100),
        );
  return { criteria, maxCents };
}

const EVALUATORS: {
  [C in SchemeCode]: (
    situation: Situation,
    parameters: RuleSetParametersByScheme[C],
  ) => { criteria: Evaluated[]; maxCents: number | null };
} = {
  CAP_ASSO: capAsso,
  A_VOS_ID: aVosId,
  CAP_SCOP_SCIC: capScopScic,
  EQUITY_ADVANCE: equityAdvance,
};

function evaluateScheme<C extends SchemeCode>(
  code: C,
  situation: Situation,
  ruleSet: RuleSetsInForce[C],
): SchemeResult {
  const { criteria, maxCents } = EVALUATORS[code](situation, ruleSet.parameters);
  // One failed criterion is enough, whatever is still unknown; otherwise any unknown keeps it open.
  const eligible: Verdict = criteria.some((criterion) => criterion.met === false)
    ? false
    : criteria.some((criterion) => criterion.met === null)
      ? null
      : true;
  const missing = eligible === null ? [...new Set(criteria.flatMap((criterion) => criterion.missing))] : [];
  return {
    scheme: SCHEME_SLUGS[code],
    code,
    name: SCHEMES[code].name,
    ruleSetVersion: ruleSet.version,
    eligible,
    criteria: criteria.map(({ id, label, met, explanation }) => ({ id, label, met, explanation })),
    missing,
    maxAmountEur: eligible === false || maxCents === null ? null : euros(maxCents),
  };
}

// ---- Orientation (Mesure 13) ----------------------------------------------------------------------

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
  otherRegion: {
    scheme: "region-du-siege",
    reason:
      "Les dispositifs de la Région Centre-Val de Loire exigent un siège ou une activité principale dans la région : adressez-vous à la région de votre siège.",
  },
} as const;

function orientation(situation: Situation, results: SchemeResult[]): Orientation[] {
  const failed = results.filter((result) => result.eligible === false);
  if (failed.length === 0) return [];
  const territoryFailed = results.some((result) =>
    result.criteria.some((criterion) => criterion.id === "territoire" && criterion.met === false),
  );
  if (territoryFailed) return [PARTNERS.otherRegion, PARTNERS.franceActive];

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
      scheme: SCHEME_SLUGS.CAP_SCOP_SCIC,
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

/** The verdict of each of the four schemes, always in the same order, and where else to turn. */
export function evaluateEligibility(situation: Situation, ruleSets: RuleSetsInForce): EligibilityReport {
  const results = ORDER.map((code) => evaluateScheme(code, situation, ruleSets[code]));
  return { results, orientation: orientation(situation, results) };
}
