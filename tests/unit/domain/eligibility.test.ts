import { describe, expect, it } from "vitest";

import { evaluateEligibility, type RuleSetsInForce, type SchemeResult } from "~/domain/eligibility/evaluate";
import { situationErrors, situationSchema, type Situation } from "~/domain/eligibility/situation";
import { defaultRuleSetParameters, parseRuleSetParameters } from "~/domain/schemes";
import type { SchemeSlug } from "~/domain/schemes/slugs";

const RULE_SETS_V1: RuleSetsInForce = {
  CAP_ASSO: { version: 1, parameters: defaultRuleSetParameters("CAP_ASSO") },
  A_VOS_ID: { version: 1, parameters: defaultRuleSetParameters("A_VOS_ID") },
  CAP_SCOP_SCIC: { version: 1, parameters: defaultRuleSetParameters("CAP_SCOP_SCIC") },
  EQUITY_ADVANCE: { version: 1, parameters: defaultRuleSetParameters("EQUITY_ADVANCE") },
};

const ORDER: SchemeSlug[] = ["cap-asso", "a-vos-id", "cap-scop-scic", "avance-fonds-propres"];
const REGION = ["18", "28", "36", "37", "41", "45"];

// Answers as a client writes them: the contract's fields, each optional (null is tested separately).
type Organisation = Partial<NonNullable<Situation["organisation"]>>;
type Project = Partial<NonNullable<Situation["project"]>>;
interface Answers {
  organisation: Organisation;
  project: Project;
}

function evaluate(input: unknown, ruleSets: RuleSetsInForce = RULE_SETS_V1) {
  return evaluateEligibility(situationSchema.parse(input), ruleSets);
}

function resultFor(input: unknown, scheme: SchemeSlug, ruleSets: RuleSetsInForce = RULE_SETS_V1) {
  const result = evaluate(input, ruleSets).results.find((candidate) => candidate.scheme === scheme);
  if (!result) throw new Error(`no result for ${scheme}`);
  return result;
}

function criterion(result: SchemeResult, id: string) {
  const found = result.criteria.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no criterion ${id} in ${result.scheme}`);
  return found;
}

function errorsOf(input: unknown): Record<string, string> {
  const parsed = situationSchema.safeParse(input);
  if (parsed.success) throw new Error("expected the situation to be refused");
  return situationErrors(parsed.error);
}

// One situation per scheme that meets every criterion of version 1; each case changes one answer.
const CAP_ASSO_OK = {
  organisation: { legalForm: "association", department: "45", generalInterest: true },
  project: { jobsFte: 1, cdi: true, annualAmountEur: 12_000 },
} satisfies Answers;
const A_VOS_ID_OK = {
  organisation: { legalForm: "scic", department: "37" },
  project: {
    newOnTerritory: true,
    partnership: true,
    priority: "transition_ecologique",
    eligibleExpensesEur: 60_000,
    requestedAmountEur: 30_000,
  },
} satisfies Answers;
const CAP_SCOP_SCIC_OK = {
  organisation: { legalForm: "scop", department: "18" },
  project: { cooperativeOperation: "reprise", employeeAssociates: [{ contributionEur: 3_000 }] },
} satisfies Answers;
const ADVANCE_OK = {
  organisation: { legalForm: "association", department: "41" },
  project: { euProgramme: "FSE+", euGrantEur: 120_000, advanceEur: 50_000 },
} satisfies Answers;

function withAnswers(base: Answers, project: Project, organisation: Organisation = {}): Answers {
  return {
    organisation: { ...base.organisation, ...organisation },
    project: { ...base.project, ...project },
  };
}

describe("evaluateEligibility, rule set version 1", () => {
  it("meets every criterion of each scheme for the reference situations", () => {
    expect(resultFor(CAP_ASSO_OK, "cap-asso")).toMatchObject({
      eligible: true,
      missing: [],
      maxAmountEur: 20_000,
    });
    expect(resultFor(A_VOS_ID_OK, "a-vos-id")).toMatchObject({
      eligible: true,
      missing: [],
      maxAmountEur: 30_000,
    });
    expect(resultFor(CAP_SCOP_SCIC_OK, "cap-scop-scic")).toMatchObject({
      eligible: true,
      missing: [],
      maxAmountEur: 3_000,
    });
    expect(resultFor(ADVANCE_OK, "avance-fonds-propres")).toMatchObject({
      eligible: true,
      missing: [],
      maxAmountEur: 60_000,
    });
    for (const [input, scheme] of [
      [CAP_ASSO_OK, "cap-asso"],
      [A_VOS_ID_OK, "a-vos-id"],
      [CAP_SCOP_SCIC_OK, "cap-scop-scic"],
      [ADVANCE_OK, "avance-fonds-propres"],
    ] as const) {
      expect(resultFor(input, scheme).criteria.every((c) => c.met === true)).toBe(true);
    }
  });

  describe("CAP ASSO", () => {
    it.each([
      [1_999.99, false],
      [2_000, true],
      [20_000, true],
      [20_000.01, false],
    ])("annual amount %s € → eligible %s", (annualAmountEur, eligible) => {
      const result = resultFor(withAnswers(CAP_ASSO_OK, { annualAmountEur }), "cap-asso");
      expect(result.eligible).toBe(eligible);
      expect(criterion(result, "montant-annuel").met).toBe(eligible);
      // Too little or too much, the person is still told the most they may ask.
      expect(result.maxAmountEur).toBe(20_000);
    });

    it.each([
      [0, false],
      [0.5, true],
      [3, true],
    ])("jobs %s FTE → eligible %s", (jobsFte, eligible) => {
      const result = resultFor(withAnswers(CAP_ASSO_OK, { jobsFte }), "cap-asso");
      expect(result.eligible).toBe(eligible);
      expect(criterion(result, "emploi").met).toBe(eligible);
    });

    it.each([
      ["a company", {}, { legalForm: "societe" }, "forme-juridique"],
      ["a SCOP", {}, { legalForm: "scop" }, "forme-juridique"],
      ["no general interest", {}, { generalInterest: false }, "interet-general"],
      ["jobs not on a CDI", { cdi: false }, {}, "cdi"],
    ] as const)("refuses %s", (_case, project, organisation, failing) => {
      const result = resultFor(withAnswers(CAP_ASSO_OK, project, organisation), "cap-asso");
      expect(result.eligible).toBe(false);
      expect(result.criteria.filter((c) => c.met === false).map((c) => c.id)).toEqual([failing]);
      expect(result.missing).toEqual([]);
    });
  });

  describe("A VOS ID", () => {
    it.each([
      [4_999, 200_000, false, "montant"],
      [5_000, 200_000, true, null],
      [80_000, 200_000, true, null],
      [80_001, 200_000, false, "montant"],
      // exactly 50 % of the eligible expenses, then one cent more
      [10_000, 20_000, true, null],
      [10_000.01, 20_000, false, "taux"],
      [5_000, 10_000, true, null],
      [5_000.01, 10_000, false, "taux"],
    ])("requests %s € of %s € eligible expenses → eligible %s", (requested, expenses, eligible, failing) => {
      const result = resultFor(
        withAnswers(A_VOS_ID_OK, { requestedAmountEur: requested, eligibleExpensesEur: expenses }),
        "a-vos-id",
      );
      expect(result.eligible).toBe(eligible);
      expect(result.criteria.filter((c) => c.met === false).map((c) => c.id)).toEqual(
        failing ? [failing] : [],
      );
    });

    it.each([
      [20_000, 10_000],
      [60_000, 30_000],
      [160_000, 80_000],
      // the ceiling of 80,000 € applies whatever the expenses
      [500_000, 80_000],
      [20_000.01, 10_000],
    ])("eligible expenses of %s € → at most %s €", (expenses, max) => {
      const result = resultFor(
        withAnswers(A_VOS_ID_OK, { eligibleExpensesEur: expenses, requestedAmountEur: 10_000 }),
        "a-vos-id",
      );
      expect(result.eligible).toBe(true);
      expect(result.maxAmountEur).toBe(max);
    });

    it.each(["association", "scop", "scic", "cae", "collectivite", "etablissement_public"] as const)(
      "accepts the legal form %s",
      (legalForm) => {
        expect(resultFor(withAnswers(A_VOS_ID_OK, {}, { legalForm }), "a-vos-id").eligible).toBe(true);
      },
    );

    it.each([
      ["an ESS company", {}, { legalForm: "entreprise_ess" }, "forme-juridique"],
      ["a commercial company", {}, { legalForm: "societe" }, "forme-juridique"],
      ["an initiative that is not new", { newOnTerritory: false }, {}, "nouveaute"],
      ["a project without partners", { partnership: false }, {}, "partenariat"],
      ["another priority", { priority: "autre" }, {}, "priorite"],
    ] as const)("refuses %s", (_case, project, organisation, failing) => {
      const result = resultFor(withAnswers(A_VOS_ID_OK, project, organisation), "a-vos-id");
      expect(result.eligible).toBe(false);
      expect(result.criteria.filter((c) => c.met === false).map((c) => c.id)).toEqual([failing]);
    });

    it("accepts the local-services priority", () => {
      const result = resultFor(withAnswers(A_VOS_ID_OK, { priority: "services_proximite" }), "a-vos-id");
      expect(result.eligible).toBe(true);
    });
  });

  describe("CAP SCOP-SCIC", () => {
    const associates = (...contributions: number[]) =>
      contributions.map((contributionEur) => ({ contributionEur }));

    it.each([
      ["one associate at 4,999 €", 4_999, associates(4_999)],
      ["one associate at 5,000 €", 5_000, associates(5_000)],
      ["one associate at 5,001 €", 5_000, associates(5_001)],
      ["4,999 + 5,000 + 5,001 €", 14_999, associates(4_999, 5_000, 5_001)],
      ["cents are kept", 1_234.57, associates(1_234.56, 0.01)],
      ["an associate without capital counts for nothing", 2_500, associates(0, 2_500)],
      ["19 × 5,000 € + 4,999 €", 99_999, associates(...Array<number>(19).fill(5_000), 4_999)],
      ["20 × 5,000 €", 100_000, associates(...Array<number>(20).fill(5_000))],
      ["21 × 5,000 € (total ceiling)", 100_000, associates(...Array<number>(21).fill(5_000))],
      ["30 × 8,000 € (both ceilings)", 100_000, associates(...Array<number>(30).fill(8_000))],
    ])("%s → at most %s €", (_case, max, employeeAssociates) => {
      const result = resultFor(withAnswers(CAP_SCOP_SCIC_OK, { employeeAssociates }), "cap-scop-scic");
      expect(result.eligible).toBe(true);
      expect(result.maxAmountEur).toBe(max);
    });

    it.each([
      ["no associate", []],
      ["associates without capital", associates(0, 0)],
    ])("refuses %s", (_case, employeeAssociates) => {
      const result = resultFor(withAnswers(CAP_SCOP_SCIC_OK, { employeeAssociates }), "cap-scop-scic");
      expect(result.eligible).toBe(false);
      expect(criterion(result, "salaries-associes").met).toBe(false);
      expect(result.maxAmountEur).toBeNull();
    });

    it("waits for the contributions when none is known yet", () => {
      const result = resultFor(
        {
          ...CAP_SCOP_SCIC_OK,
          project: { ...CAP_SCOP_SCIC_OK.project, employeeAssociates: [{}, { contributionEur: null }] },
        },
        "cap-scop-scic",
      );
      expect(result).toMatchObject({ eligible: null, missing: ["project.employeeAssociates"] });
      expect(result.maxAmountEur).toBeNull();
    });

    it.each(["creation", "reprise", "transformation"] as const)(
      "accepts the operation %s",
      (cooperativeOperation) => {
        const input = withAnswers(CAP_SCOP_SCIC_OK, { cooperativeOperation });
        expect(resultFor(input, "cap-scop-scic").eligible).toBe(true);
      },
    );

    it.each(["association", "cae", "entreprise_ess", "societe", "collectivite"] as const)(
      "refuses the legal form %s",
      (legalForm) => {
        const result = resultFor(withAnswers(CAP_SCOP_SCIC_OK, {}, { legalForm }), "cap-scop-scic");
        expect(result.eligible).toBe(false);
        expect(criterion(result, "forme-juridique").met).toBe(false);
      },
    );
  });

  describe("equity advance", () => {
    it.each([
      [4_999.99, 300_000, false, "montant"],
      [5_000, 300_000, true, null],
      [100_000, 300_000, true, null],
      [100_000.01, 300_000, false, "montant"],
      // at most 50 % of the EU grant
      [10_000, 20_000, true, null],
      [10_000.01, 20_000, false, "part-subvention"],
      [100_000, 200_000, true, null],
      [100_000, 199_999.98, false, "part-subvention"],
    ])(
      "advance of %s € on an EU grant of %s € → eligible %s",
      (advanceEur, euGrantEur, eligible, failing) => {
        const result = resultFor(withAnswers(ADVANCE_OK, { advanceEur, euGrantEur }), "avance-fonds-propres");
        expect(result.eligible).toBe(eligible);
        expect(result.criteria.filter((c) => c.met === false).map((c) => c.id)).toEqual(
          failing ? [failing] : [],
        );
      },
    );

    it.each([
      [20_000, 10_000],
      [120_000, 60_000],
      [250_000, 100_000],
    ])("an EU grant of %s € allows at most %s €", (euGrantEur, max) => {
      const input = withAnswers(ADVANCE_OK, { euGrantEur, advanceEur: 5_000 });
      expect(resultFor(input, "avance-fonds-propres").maxAmountEur).toBe(max);
    });

    it.each(["FSE+", "FEDER", "LEADER", "autre"] as const)("accepts the programme %s", (euProgramme) => {
      const input = withAnswers(ADVANCE_OK, { euProgramme });
      expect(resultFor(input, "avance-fonds-propres").eligible).toBe(true);
    });

    it.each([
      ["no EU programme (null)", { euProgramme: null }, {}, "programme-europeen"],
      ["an EU grant of 0 €", { euGrantEur: 0 }, {}, "subvention-europeenne"],
      ["a SCOP", {}, { legalForm: "scop" }, "forme-juridique"],
    ] as const)("refuses %s", (_case, project, organisation, failing) => {
      const result = resultFor(withAnswers(ADVANCE_OK, project, organisation), "avance-fonds-propres");
      expect(result.eligible).toBe(false);
      expect(criterion(result, failing).met).toBe(false);
      expect(result.missing).toEqual([]);
    });
  });

  describe("territory", () => {
    const everyScheme: Array<[Answers, SchemeSlug]> = [
      [CAP_ASSO_OK, "cap-asso"],
      [A_VOS_ID_OK, "a-vos-id"],
      [CAP_SCOP_SCIC_OK, "cap-scop-scic"],
      [ADVANCE_OK, "avance-fonds-propres"],
    ];

    it.each(REGION)("department %s is in the region for the four schemes", (department) => {
      for (const [input, scheme] of everyScheme) {
        const result = resultFor(withAnswers(input, {}, { department }), scheme);
        expect(result.eligible).toBe(true);
        expect(criterion(result, "territoire").met).toBe(true);
      }
    });

    it.each(["75", "2A", "974"])("department %s is outside the region for the four schemes", (department) => {
      for (const [input, scheme] of everyScheme) {
        const result = resultFor(withAnswers(input, {}, { department }), scheme);
        expect(result).toMatchObject({ eligible: false, missing: [], maxAmountEur: null });
        expect(criterion(result, "territoire")).toMatchObject({
          met: false,
          explanation: expect.stringContaining(`Le département ${department} n’est pas éligible`),
        });
      }
    });

    it("reads a department code written in lower case or with spaces", () => {
      expect(
        criterion(resultFor({ organisation: { department: " 2a " } }, "cap-asso"), "territoire"),
      ).toMatchObject({ met: false, explanation: expect.stringContaining("2A") });
      expect(
        criterion(resultFor({ organisation: { department: " 45" } }, "cap-asso"), "territoire").met,
      ).toBe(true);
    });
  });

  describe("unknown answers", () => {
    it("answers null for every scheme with every answer missing when nothing is known", () => {
      const report = evaluate({});
      expect(report.results.map((r) => [r.scheme, r.eligible, r.missing])).toEqual([
        [
          "cap-asso",
          null,
          [
            "organisation.department",
            "organisation.legalForm",
            "organisation.generalInterest",
            "project.jobsFte",
            "project.cdi",
            "project.annualAmountEur",
          ],
        ],
        [
          "a-vos-id",
          null,
          [
            "organisation.department",
            "organisation.legalForm",
            "project.newOnTerritory",
            "project.partnership",
            "project.priority",
            "project.requestedAmountEur",
            "project.eligibleExpensesEur",
          ],
        ],
        [
          "cap-scop-scic",
          null,
          [
            "organisation.department",
            "organisation.legalForm",
            "project.cooperativeOperation",
            "project.employeeAssociates",
          ],
        ],
        [
          "avance-fonds-propres",
          null,
          [
            "organisation.department",
            "organisation.legalForm",
            "project.euProgramme",
            "project.euGrantEur",
            "project.advanceEur",
          ],
        ],
      ]);
      expect(report.orientation).toEqual([]);
    });

    it("lists only the answers still missing, null and absent alike", () => {
      const input = {
        organisation: { legalForm: "association", department: "45", generalInterest: null },
        project: { jobsFte: 1, requestedAmountEur: 10_000, euProgramme: "LEADER" },
      };
      const report = evaluate(input);
      expect(report.results.map((r) => [r.scheme, r.eligible, r.missing])).toEqual([
        ["cap-asso", null, ["organisation.generalInterest", "project.cdi", "project.annualAmountEur"]],
        [
          "a-vos-id",
          null,
          [
            "project.newOnTerritory",
            "project.partnership",
            "project.priority",
            "project.eligibleExpensesEur",
          ],
        ],
        ["cap-scop-scic", false, []],
        ["avance-fonds-propres", null, ["project.euGrantEur", "project.advanceEur"]],
      ]);
      expect(criterion(report.results[0]!, "emploi").met).toBe(true);
      expect(criterion(report.results[0]!, "interet-general").met).toBeNull();
    });

    it("answers false with nothing missing as soon as one criterion fails, whatever else is unknown", () => {
      const report = evaluate({ organisation: { department: "75" } });
      for (const result of report.results) {
        expect(result).toMatchObject({ eligible: false, missing: [], maxAmountEur: null });
        expect(result.criteria.filter((c) => c.met === null).length).toBeGreaterThan(0);
      }
      const jobless = resultFor({ project: { jobsFte: 0 } }, "cap-asso");
      expect(jobless).toMatchObject({ eligible: false, missing: [] });
    });

    it("rules a scheme out once the base leaves no amount above its minimum, before the amount is asked", () => {
      // 50 % of 9,999.98 € is 4,999.99 €, under A VOS ID's 5,000 €; 50 % of 10,000 € is exactly 5,000 €.
      const tooSmall = resultFor({ project: { eligibleExpensesEur: 9_999.98 } }, "a-vos-id");
      expect(tooSmall).toMatchObject({ eligible: false, missing: [], maxAmountEur: null });
      expect(criterion(tooSmall, "taux")).toMatchObject({ met: false });
      expect(criterion(tooSmall, "taux").explanation).toMatch(/4\s999,99\s€/);
      expect(
        criterion(resultFor({ project: { eligibleExpensesEur: 10_000 } }, "a-vos-id"), "taux").met,
      ).toBeNull();

      const smallGrant = resultFor({ project: { euGrantEur: 9_000 } }, "avance-fonds-propres");
      expect(smallGrant).toMatchObject({ eligible: false, missing: [] });
      expect(criterion(smallGrant, "part-subvention").met).toBe(false);
    });

    it("computes the ceiling as soon as the answers it depends on are known", () => {
      const report = evaluate({ project: { eligibleExpensesEur: 30_000, euGrantEur: 40_000 } });
      expect(report.results.map((r) => [r.eligible, r.maxAmountEur])).toEqual([
        [null, 20_000],
        [null, 15_000],
        [null, null],
        [null, 20_000],
      ]);
    });
  });

  it.each([
    ["an empty situation", {}],
    ["an association", CAP_ASSO_OK],
    ["a cooperative", CAP_SCOP_SCIC_OK],
    ["a company outside the region", { organisation: { legalForm: "societe", department: "75" } }],
  ])("always presents the four schemes in the same order (%s)", (_case, input) => {
    const report = evaluate(input);
    expect(report.results.map((r) => r.scheme)).toEqual(ORDER);
    for (const result of report.results) {
      expect(result.ruleSetVersion).toBe(1);
      for (const c of result.criteria) {
        expect(Object.keys(c).sort()).toEqual(["explanation", "id", "label", "met"]);
        expect(c.explanation).not.toBe("");
      }
    }
  });
});

describe("a new rule-set version changes the verdict without any code change", () => {
  function version2(): RuleSetsInForce {
    const capAsso = parseRuleSetParameters("CAP_ASSO", {
      ...defaultRuleSetParameters("CAP_ASSO"),
      maxAnnualAmountCents: 2_500_000,
    });
    const aVosId = parseRuleSetParameters("A_VOS_ID", {
      ...defaultRuleSetParameters("A_VOS_ID"),
      maxSubsidyRatePercent: 40,
    });
    if (!capAsso.ok || !aVosId.ok) throw new Error("version 2 should be valid");
    return {
      ...RULE_SETS_V1,
      CAP_ASSO: { version: 2, parameters: capAsso.parameters },
      A_VOS_ID: { version: 2, parameters: aVosId.parameters },
    };
  }

  it("raises the CAP ASSO ceiling to 25,000 €", () => {
    const input = withAnswers(CAP_ASSO_OK, { annualAmountEur: 22_000 });
    expect(resultFor(input, "cap-asso")).toMatchObject({ eligible: false, ruleSetVersion: 1 });
    expect(resultFor(input, "cap-asso", version2())).toMatchObject({
      eligible: true,
      ruleSetVersion: 2,
      maxAmountEur: 25_000,
    });
    const above = withAnswers(CAP_ASSO_OK, { annualAmountEur: 25_000.01 });
    expect(resultFor(above, "cap-asso", version2()).eligible).toBe(false);
  });

  it("lowers the A VOS ID rate to 40 % of the eligible expenses", () => {
    const input = withAnswers(A_VOS_ID_OK, { eligibleExpensesEur: 50_000, requestedAmountEur: 22_000 });
    expect(resultFor(input, "a-vos-id")).toMatchObject({ eligible: true, maxAmountEur: 25_000 });
    const judged = resultFor(input, "a-vos-id", version2());
    expect(judged).toMatchObject({ eligible: false, ruleSetVersion: 2 });
    expect(criterion(judged, "taux")).toMatchObject({
      met: false,
      explanation: expect.stringContaining("40 %"),
    });
    const within = withAnswers(A_VOS_ID_OK, { eligibleExpensesEur: 50_000, requestedAmountEur: 20_000 });
    expect(resultFor(within, "a-vos-id", version2())).toMatchObject({ eligible: true, maxAmountEur: 20_000 });
  });

  it("leaves the schemes without a new version on version 1", () => {
    const report = evaluate(CAP_ASSO_OK, version2());
    expect(report.results.map((r) => r.ruleSetVersion)).toEqual([2, 2, 1, 1]);
  });
});

describe("orientation", () => {
  const schemesOf = (input: unknown) => evaluate(input).orientation.map((o) => o.scheme);

  it("points an association that fails CAP ASSO to the other schemes and to Le Mouvement associatif", () => {
    const orientation = evaluate(withAnswers(CAP_ASSO_OK, { jobsFte: 0 })).orientation;
    expect(orientation.map((o) => o.scheme)).toEqual([
      "a-vos-id",
      "avance-fonds-propres",
      "mouvement-associatif",
      "france-active",
    ]);
    for (const { reason } of orientation) expect(reason).toMatch(/\S{3,}.*\.$/);
  });

  it("points an association turning into a cooperative to CAP SCOP-SCIC", () => {
    const input = withAnswers(CAP_ASSO_OK, { cooperativeOperation: "transformation" });
    expect(schemesOf(input)).toEqual([
      "cap-asso",
      "a-vos-id",
      "avance-fonds-propres",
      "cap-scop-scic",
      "france-active",
    ]);
  });

  it("points a commercial company to CAP Région and France Active", () => {
    expect(schemesOf({ organisation: { legalForm: "societe", department: "45" } })).toEqual([
      "cap-region-pme-pmi",
      "france-active",
    ]);
  });

  it.each([
    ["75", "en Île-de-France", "de la Région Île-de-France"],
    ["2A", "en Corse", "de la Collectivité de Corse"],
    ["974", "en La Réunion", "de la Région Réunion"],
    ["44", "en Pays de la Loire", "de la Région Pays de la Loire"],
  ])("points an organisation of department %s to its own region's services", (department, where, whom) => {
    const orientation = evaluate(withAnswers(CAP_ASSO_OK, {}, { department })).orientation;
    expect(orientation.map((o) => o.scheme)).toEqual(["region-du-siege", "france-active-reseau"]);
    expect(orientation[0]!.reason).toContain(`département ${department}, ${where}`);
    expect(orientation[0]!.reason).toContain(whom);
    expect(orientation[0]!.reason).not.toContain("la région de votre siège");
    // No Centre-Val de Loire branch of a partner for someone outside the region.
    for (const item of orientation) expect(item.reason).not.toMatch(/France Active Centre-Val de Loire/);
  });

  it("has nothing to add while no scheme is ruled out", () => {
    expect(schemesOf({ organisation: { department: "45" }, project: { jobsFte: 1 } })).toEqual([]);
  });
});

describe("situationSchema", () => {
  it("accepts plain JSON numbers, booleans and null as “not answered”", () => {
    const body = JSON.parse(
      '{"organisation":{"legalForm":"scop","department":"28","generalInterest":null},' +
        '"project":{"jobsFte":0.5,"annualAmountEur":2000.5,"eligibleExpensesEur":1e4,"cdi":false,' +
        '"employeeAssociates":[{"contributionEur":5000}],"euProgramme":null,"advanceEur":null}}',
    );
    const parsed = situationSchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      organisation: { legalForm: "scop", department: "28", generalInterest: undefined },
      project: {
        jobsFte: 0.5,
        annualAmountEur: 2000.5,
        eligibleExpensesEur: 10_000,
        cdi: false,
        employeeAssociates: [{ contributionEur: 5000 }],
        euProgramme: null,
        advanceEur: undefined,
      },
    });
    expect(situationSchema.safeParse({}).success).toBe(true);
    expect(situationSchema.safeParse({ organisation: null, project: null }).success).toBe(true);
  });

  it("refuses French-formatted strings and other wrong types, with French messages keyed by path", () => {
    expect(
      errorsOf({
        organisation: { department: 45, generalInterest: "oui" },
        project: {
          annualAmountEur: "2 000,50",
          jobsFte: "1",
          cdi: 1,
          employeeAssociates: { contributionEur: 1 },
        },
      }),
    ).toEqual({
      "organisation.department": "Département : indiquez un code de département (ex. 45).",
      "organisation.generalInterest":
        "Intérêt général ou utilité sociale : répondez par true (oui) ou false (non).",
      "project.annualAmountEur": "Montant annuel demandé : indiquez un montant en euros (nombre).",
      "project.jobsFte": "Emplois : indiquez un nombre d’équivalents temps plein (ex. 1,5).",
      "project.cdi": "Emplois en CDI : répondez par true (oui) ou false (non).",
      "project.employeeAssociates": "Salariés associés : une liste est attendue.",
    });
    expect(errorsOf({ organisation: "association" })).toEqual({
      organisation: "Organisation : un objet est attendu.",
    });
    expect(errorsOf({ project: { employeeAssociates: [3000] } })).toEqual({
      "project.employeeAssociates.0": "Salarié associé : un objet { contributionEur } est attendu.",
    });
  });

  it.each([[[]], [[{ organisation: {} }]], ["texte"], [42], [true], [null]])(
    "refuses a body that is not an object: %j",
    (body) => {
      expect(errorsOf(body)).toEqual({ "": "Le corps de la requête doit être un objet JSON." });
    },
  );

  it("refuses unknown values of the lists", () => {
    expect(
      errorsOf({
        organisation: { legalForm: "sarl", department: "99" },
        project: { priority: "culture", cooperativeOperation: "fusion", euProgramme: "FSE" },
      }),
    ).toEqual({
      "organisation.legalForm":
        "Forme juridique : valeur inconnue, choisissez parmi association, scop, scic, cae, entreprise_ess, societe, collectivite, etablissement_public, salaries_repreneurs.",
      "organisation.department": "Département : indiquez un code de département français (ex. 45, 2A, 974).",
      "project.priority":
        "Priorité régionale : valeur inconnue, choisissez parmi transition_ecologique, services_proximite, autre.",
      "project.cooperativeOperation":
        "Opération coopérative : valeur inconnue, choisissez parmi creation, reprise, transformation.",
      "project.euProgramme":
        "Programme européen : valeur inconnue, choisissez parmi FSE+, FEDER, LEADER, autre ou null.",
    });
  });

  it("refuses negative amounts and negative jobs", () => {
    expect(
      errorsOf({
        project: {
          jobsFte: -0.5,
          annualAmountEur: -1,
          eligibleExpensesEur: -0.01,
          requestedAmountEur: -5_000,
          employeeAssociates: [{ contributionEur: 100 }, { contributionEur: -100 }],
          euGrantEur: -1,
          advanceEur: -1,
        },
      }),
    ).toEqual({
      "project.jobsFte": "Emplois : le nombre d’ETP ne peut pas être négatif.",
      "project.annualAmountEur": "Montant annuel demandé : le montant ne peut pas être négatif.",
      "project.eligibleExpensesEur": "Dépenses éligibles : le montant ne peut pas être négatif.",
      "project.requestedAmountEur": "Montant demandé : le montant ne peut pas être négatif.",
      "project.employeeAssociates.1.contributionEur":
        "Apport en capital du salarié associé : le montant ne peut pas être négatif.",
      "project.euGrantEur": "Subvention européenne : le montant ne peut pas être négatif.",
      "project.advanceEur": "Avance demandée : le montant ne peut pas être négatif.",
    });
  });

  it("refuses absurd sizes", () => {
    expect(errorsOf({ project: { annualAmountEur: 1_000_000_001, jobsFte: 10_001 } })).toEqual({
      "project.annualAmountEur": "Montant annuel demandé : le montant dépasse 1 milliard d’euros.",
      "project.jobsFte": "Emplois : 10 000 ETP au plus.",
    });
    const employeeAssociates = Array.from({ length: 1_001 }, () => ({ contributionEur: 1 }));
    expect(errorsOf({ project: { employeeAssociates } })).toEqual({
      "project.employeeAssociates": "Salariés associés : 1000 au plus.",
    });
  });
});

describe("an amount above what a scheme allows: not eligible for it, eligible up to the maximum", () => {
  it("gives the equity advance's maximum when 70,000 € are asked on a 120,000 € EU grant", () => {
    const result = resultFor(
      withAnswers(ADVANCE_OK, { euGrantEur: 120_000, advanceEur: 70_000 }),
      "avance-fonds-propres",
    );
    expect(result).toMatchObject({
      eligible: false,
      maxAmountEur: 60_000,
      amountAsked: { path: "project.advanceEur", eur: 70_000 },
    });
    expect(result.criteria.filter((c) => c.met === false).map((c) => c.id)).toEqual(["part-subvention"]);
    // At the maximum, the same project is eligible.
    const atMost = resultFor(
      withAnswers(ADVANCE_OK, { euGrantEur: 120_000, advanceEur: 60_000 }),
      "avance-fonds-propres",
    );
    expect(atMost.eligible).toBe(true);
  });

  it("gives CAP ASSO's yearly ceiling when more is asked", () => {
    const result = resultFor(withAnswers(CAP_ASSO_OK, { annualAmountEur: 25_000 }), "cap-asso");
    expect(result).toMatchObject({
      eligible: false,
      maxAmountEur: 20_000,
      amountAsked: { path: "project.annualAmountEur", eur: 25_000 },
    });
  });

  it.each([
    ["above the rate", { eligibleExpensesEur: 60_000, requestedAmountEur: 40_000 }, 30_000],
    ["above the ceiling", { eligibleExpensesEur: 400_000, requestedAmountEur: 90_000 }, 80_000],
  ])("gives A VOS ID's maximum for a request %s", (_case, project, max) => {
    const result = resultFor(withAnswers(A_VOS_ID_OK, project), "a-vos-id");
    expect(result).toMatchObject({ eligible: false, maxAmountEur: max });
    expect(result.amountAsked?.path).toBe("project.requestedAmountEur");
  });

  it("gives no maximum once something other than the amount fails", () => {
    const result = resultFor(
      withAnswers(ADVANCE_OK, { euGrantEur: 120_000, advanceEur: 70_000 }, { department: "75" }),
      "avance-fonds-propres",
    );
    expect(result).toMatchObject({ eligible: false, maxAmountEur: null });
  });
});

describe("CAP SCOP-SCIC: how the aid is worked out", () => {
  it("shows each associate's contribution, what it brings and the ceiling applied", () => {
    const result = resultFor(
      withAnswers(CAP_SCOP_SCIC_OK, {
        employeeAssociates: [{ contributionEur: 4_000 }, { contributionEur: 6_000 }],
      }),
      "cap-scop-scic",
    );
    const explanation = criterion(result, "salaries-associes").explanation.replace(/[\u202f\u00a0]/g, " ");
    expect(explanation).toContain("salarié·e 1 : apport de 4 000,00 €, aide de 4 000,00 €");
    expect(explanation).toContain(
      "salarié·e 2 : apport de 6 000,00 €, aide de 5 000,00 € (plafond de 5 000,00 € par personne)",
    );
    expect(explanation).toContain("total de 9 000,00 €");
    expect(result.maxAmountEur).toBe(9_000);
  });

  it("says when the cooperative's ceiling cuts the total", () => {
    const result = resultFor(
      withAnswers(CAP_SCOP_SCIC_OK, {
        employeeAssociates: Array.from({ length: 21 }, () => ({ contributionEur: 5_000 })),
      }),
      "cap-scop-scic",
    );
    const explanation = criterion(result, "salaries-associes").explanation.replace(/[\u202f\u00a0]/g, " ");
    expect(explanation).toContain("total de 105 000,00 € ramené au plafond de 100 000,00 € par coopérative");
    expect(explanation).toContain("et 9 autres salarié·es associé·es");
  });
});
