// Varied, realistic eligibility questions as a client sends them (plain JSON), from a seeded generator so
// two benchmark runs judge the same situations. Mostly organisations of the region with plausible amounts,
// some partial answers, a few outside the region or just past a threshold.
import {
  COOPERATIVE_OPERATION_ANSWERS,
  EU_PROGRAMME_ANSWERS,
  PRIORITY_ANSWERS,
  type SituationInput,
} from "~/domain/eligibility/situation";

/** mulberry32: small, fast, good enough to vary benchmark inputs. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** A whole number of euros, or an amount with cents one time in four. */
    euros: (min: number, max: number) => {
      const value = min + next() * (max - min);
      return next() < 0.25 ? Math.round(value * 100) / 100 : Math.round(value);
    },
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

const LEGAL_FORMS_WEIGHTED = [
  ...Array<"association">(9).fill("association"),
  "scop",
  "scop",
  "scic",
  "cae",
  "entreprise_ess",
  "societe",
  "collectivite",
  "collectivite",
  "etablissement_public",
] as const;
const REGION = ["18", "28", "36", "37", "41", "45"];
const ELSEWHERE = ["75", "86", "2A", "974", "72"];

export function generateSituations(count: number, seed = 20_251_123): SituationInput[] {
  const random = randomSource(seed);
  // Each answer is given most of the time: the questionnaire is often sent half-filled.
  const sometimes = <T>(value: () => T, probability = 0.85): T | undefined =>
    random.chance(probability) ? value() : undefined;

  return Array.from({ length: count }, () => {
    const legalForm = random.pick(LEGAL_FORMS_WEIGHTED);
    const cooperative = legalForm === "scop" || legalForm === "scic";
    const expenses = random.euros(5_000, 250_000);
    const euGrant = random.euros(0, 400_000);
    return {
      organisation: {
        legalForm: sometimes(() => legalForm, 0.95),
        department: sometimes(
          () => (random.chance(0.9) ? random.pick(REGION) : random.pick(ELSEWHERE)),
          0.95,
        ),
        generalInterest: sometimes(() => random.chance(0.85)),
      },
      project: {
        jobsFte: sometimes(() => random.pick([0, 0.5, 1, 1.5, 2, 3, 5])),
        cdi: sometimes(() => random.chance(0.8)),
        annualAmountEur: sometimes(() => random.euros(1_000, 25_000)),
        newOnTerritory: sometimes(() => random.chance(0.75)),
        partnership: sometimes(() => random.chance(0.8)),
        priority: sometimes(() => random.pick(PRIORITY_ANSWERS)),
        eligibleExpensesEur: sometimes(() => expenses),
        requestedAmountEur: sometimes(() => random.euros(2_000, Math.min(100_000, expenses * 0.6))),
        cooperativeOperation: sometimes(
          () => random.pick(COOPERATIVE_OPERATION_ANSWERS),
          cooperative ? 0.9 : 0.1,
        ),
        employeeAssociates: sometimes(
          () =>
            Array.from({ length: random.int(1, 40) }, () => ({
              contributionEur: random.chance(0.1) ? 0 : random.euros(100, 9_000),
            })),
          cooperative ? 0.9 : 0.05,
        ),
        euProgramme: sometimes(() => (random.chance(0.2) ? null : random.pick(EU_PROGRAMME_ANSWERS)), 0.5),
        euGrantEur: sometimes(() => euGrant, 0.5),
        advanceEur: sometimes(() => random.euros(2_000, Math.max(3_000, euGrant * 0.6)), 0.5),
      },
    };
  });
}
