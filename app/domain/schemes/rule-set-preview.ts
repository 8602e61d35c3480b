// What a draft rule set would change, before it is published: a few typical situations per scheme, near
// the floors and ceilings of version 1, judged by the same evaluateEligibility as the public questionnaire
// under the version in force and under the draft.
import {
  evaluateEligibility,
  type RuleSetsInForce,
  type SchemeResult,
  type Verdict,
} from "~/domain/eligibility/evaluate";
import type { Situation } from "~/domain/eligibility/situation";
import { formatWholeEuros } from "~/domain/format";
import type { SchemeCode } from "~/generated/prisma/enums";

import type { RuleSetParametersByScheme } from "./index";
import type { RequiredAttachment } from "./common";

const eur = (euros: number) => formatWholeEuros(euros * 100);

export interface PreviewSample {
  label: string;
  situation: Situation;
}

const association = (department: string) =>
  ({ legalForm: "association", department, generalInterest: true }) as const;

const capAssoJob = (
  department: string,
  jobsFte: number,
  cdi: boolean,
  annualAmountEur: number,
): Situation => ({
  organisation: association(department),
  project: { jobsFte, cdi, annualAmountEur },
});

const aVosIdProject = (
  legalForm: "association" | "scic" | "collectivite" | "entreprise_ess",
  department: string,
  eligibleExpensesEur: number,
  requestedAmountEur: number,
): Situation => ({
  organisation: { legalForm, department },
  project: {
    newOnTerritory: true,
    partnership: true,
    priority: "transition_ecologique",
    eligibleExpensesEur,
    requestedAmountEur,
  },
});

const cooperative = (
  operation: "creation" | "reprise" | "transformation",
  department: string,
  contributionsEur: number[],
): Situation => ({
  organisation: { legalForm: "salaries_repreneurs", department },
  project: {
    cooperativeOperation: operation,
    employeeAssociates: contributionsEur.map((contributionEur) => ({ contributionEur })),
  },
});

const advance = (
  department: string,
  euProgramme: "FSE+" | "FEDER" | "LEADER",
  euGrantEur: number,
  advanceEur: number,
): Situation => ({ organisation: association(department), project: { euProgramme, euGrantEur, advanceEur } });

/** The typical cases shown for each scheme. */
export const PREVIEW_SAMPLES: Record<SchemeCode, readonly PreviewSample[]> = {
  CAP_ASSO: [
    {
      label: `Association du Loiret (45), 1,5 ETP en CDI, ${eur(25_000)} par an`,
      situation: capAssoJob("45", 1.5, true, 25_000),
    },
    {
      label: `Association du Cher (18), 1 ETP en CDI, ${eur(12_000)} par an`,
      situation: capAssoJob("18", 1, true, 12_000),
    },
    {
      label: `Association de l’Indre (36), 0,5 ETP en CDI, ${eur(2_000)} par an`,
      situation: capAssoJob("36", 0.5, true, 2_000),
    },
    {
      label: `Association d’Indre-et-Loire (37), 1 ETP en CDI, ${eur(1_500)} par an`,
      situation: capAssoJob("37", 1, true, 1_500),
    },
    {
      label: `Association d’Eure-et-Loir (28), 1 ETP en CDD, ${eur(10_000)} par an`,
      situation: capAssoJob("28", 1, false, 10_000),
    },
  ],
  A_VOS_ID: [
    {
      label: `Association du Loir-et-Cher (41), ${eur(60_000)} de dépenses, ${eur(30_000)} demandés`,
      situation: aVosIdProject("association", "41", 60_000, 30_000),
    },
    {
      label: `Collectivité de l’Indre (36), ${eur(200_000)} de dépenses, ${eur(80_000)} demandés`,
      situation: aVosIdProject("collectivite", "36", 200_000, 80_000),
    },
    {
      label: `SCIC du Cher (18), ${eur(16_000)} de dépenses, ${eur(8_000)} demandés`,
      situation: aVosIdProject("scic", "18", 16_000, 8_000),
    },
    {
      label: `Association du Loiret (45), ${eur(8_000)} de dépenses, ${eur(4_000)} demandés`,
      situation: aVosIdProject("association", "45", 8_000, 4_000),
    },
    {
      label: `Entreprise de l’ESS d’Indre-et-Loire (37), ${eur(50_000)} de dépenses, ${eur(20_000)} demandés`,
      situation: aVosIdProject("entreprise_ess", "37", 50_000, 20_000),
    },
  ],
  CAP_SCOP_SCIC: [
    {
      label: `Création d’une SCOP dans le Loiret (45), 4 salariés apportant ${eur(3_000)} chacun`,
      situation: cooperative("creation", "45", [3_000, 3_000, 3_000, 3_000]),
    },
    {
      label: `Reprise dans l’Indre (36) par 25 salariés apportant ${eur(6_000)} chacun`,
      situation: cooperative("reprise", "36", Array<number>(25).fill(6_000)),
    },
    {
      label: `Transformation d’une association en SCIC en Indre-et-Loire (37), 2 salariés apportant ${eur(1_000)}`,
      situation: cooperative("transformation", "37", [1_000, 1_000]),
    },
    {
      label: "Création dans le Loir-et-Cher (41), 3 salariés associés sans apport en capital",
      situation: cooperative("creation", "41", [0, 0, 0]),
    },
  ],
  EQUITY_ADVANCE: [
    {
      label: `Association du Loiret (45), FSE+ de ${eur(180_000)}, avance de ${eur(90_000)}`,
      situation: advance("45", "FSE+", 180_000, 90_000),
    },
    {
      label: `Association du Cher (18), LEADER de ${eur(20_000)}, avance de ${eur(10_000)}`,
      situation: advance("18", "LEADER", 20_000, 10_000),
    },
    {
      label: `Association d’Eure-et-Loir (28), FEDER de ${eur(300_000)}, avance de ${eur(120_000)}`,
      situation: advance("28", "FEDER", 300_000, 120_000),
    },
    {
      label: `Association d’Indre-et-Loire (37), FEDER de ${eur(8_000)}, avance de ${eur(4_000)}`,
      situation: advance("37", "FEDER", 8_000, 4_000),
    },
  ],
};

export interface PreviewOutcome {
  eligible: Verdict;
  /** The most the scheme can bring, in euros (per year for CAP ASSO), when it can be computed. */
  maxAmountEur: number | null;
  /** The first condition not met, in words, when the verdict is negative. */
  reason: string | null;
}

export interface PreviewRow {
  label: string;
  inForce: PreviewOutcome;
  draft: PreviewOutcome;
  verdictChanged: boolean;
  amountChanged: boolean;
}

function outcome(result: SchemeResult): PreviewOutcome {
  return {
    eligible: result.eligible,
    maxAmountEur: result.maxAmountEur,
    reason: result.criteria.find((criterion) => criterion.met === false)?.explanation ?? null,
  };
}

/** Each sample of the scheme judged under the rule sets in force, then with the scheme's draft instead. */
export function previewRuleSet<C extends SchemeCode>(
  code: C,
  inForce: RuleSetsInForce,
  draft: { version: number; parameters: RuleSetParametersByScheme[C] },
): PreviewRow[] {
  const withDraft = { ...inForce, [code]: draft } as RuleSetsInForce;
  const judge = (situation: Situation, ruleSets: RuleSetsInForce) =>
    outcome(evaluateEligibility(situation, ruleSets).results.find((result) => result.code === code)!);
  return PREVIEW_SAMPLES[code].map(({ label, situation }) => {
    const before = judge(situation, inForce);
    const after = judge(situation, withDraft);
    return {
      label,
      inForce: before,
      draft: after,
      verdictChanged: before.eligible !== after.eligible,
      amountChanged: before.maxAmountEur !== after.maxAmountEur,
    };
  });
}

const pct = (value: number) => `${value}\u00a0%`;
const pieceList = (pieces: readonly RequiredAttachment[]) =>
  pieces.length === 0 ? "aucune" : pieces.map((piece) => piece.label).join("\u202f; ");

function reportSentences(
  terms: {
    reportDueMonths: number;
    reportVarianceThresholdPercent: number;
    reportAttachments: readonly RequiredAttachment[];
  },
  period: string,
): string[] {
  return [
    `Compte rendu financier dû ${terms.reportDueMonths}\u00a0mois après la fin ${period}\u202f; toute ligne du budget dont le réalisé s’écarte de plus de ${pct(terms.reportVarianceThresholdPercent)} du prévu doit être expliquée.`,
    `Pièces du compte rendu\u00a0: ${pieceList(terms.reportAttachments)}.`,
  ];
}

/**
 * How a grant under these rules is paid and accounted for, in French sentences: the payment terms of the
 * rule set (app/domain/schemes/payment-terms.ts), shown with the other parameters and in a draft's preview.
 */
export function paymentTermsSentences<C extends SchemeCode>(
  code: C,
  parameters: RuleSetParametersByScheme[C],
): string[] {
  switch (code) {
    case "CAP_ASSO": {
      const { paymentTerms: terms } = parameters as RuleSetParametersByScheme["CAP_ASSO"];
      return [
        terms.advancePercent > 0
          ? `Avance de ${pct(terms.advancePercent)} de chaque année\u00a0: l’année\u00a01 dès l’acceptation de la convention, les années suivantes une fois le compte rendu de l’année précédente approuvé.`
          : "Pas d’avance\u00a0: chaque année est versée en une fois.",
        "Solde de chaque année avec son compte rendu financier, une fois celui-ci approuvé, d’après la subvention qu’il retient.",
        ...reportSentences(terms, "de chaque année"),
      ];
    }
    case "A_VOS_ID": {
      const { paymentTerms: terms } = parameters as RuleSetParametersByScheme["A_VOS_ID"];
      return [
        terms.advancePercent > 0
          ? `Avance de ${pct(terms.advancePercent)} dès l’acceptation de la convention.`
          : "Pas d’avance\u00a0: la subvention est versée en une fois avec le compte rendu final.",
        `Réalisation du projet en ${terms.projectLengthMonths}\u00a0mois à partir de l’acceptation de la convention.`,
        "Solde avec le compte rendu final et l’état récapitulatif des dépenses effectivement payées\u00a0: subvention recalculée = taux × dépenses éligibles payées, au plus le montant accordé\u202f; ce qui a été versé au-delà est à reverser.",
        `Pièces de la demande de solde\u00a0: ${pieceList(terms.balanceAttachments)}.`,
        ...reportSentences(terms, "du projet"),
      ];
    }
    case "CAP_SCOP_SCIC": {
      const p = parameters as RuleSetParametersByScheme["CAP_SCOP_SCIC"];
      return [
        `Versement unique sur justificatifs, recalculé d’après le capital effectivement libéré par chaque salarié associé (${pct(p.subsidyRateOfContributionPercent)} de l’apport, au plus ${formatWholeEuros(p.maxSubsidyPerEmployeeAssociateCents)} par personne et ${formatWholeEuros(p.maxSubsidyPerCooperativeCents)} par coopérative).`,
        `Justificatifs à présenter dans les ${p.paymentTerms.proofDeadlineMonths}\u00a0mois suivant l’acceptation de la convention\u00a0: ${pieceList(p.paymentTerms.paymentAttachments)}.`,
      ];
    }
    default:
      return ["Versement unique dès l’acceptation de la convention."];
  }
}
