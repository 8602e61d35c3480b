import { describe, expect, it } from "vitest";

import { evaluateEligibility, type RuleSetsInForce } from "~/domain/eligibility/evaluate";
import {
  parseEligibilityForm,
  parseFrenchNumber,
  questionsToAsk,
  type FormValues,
} from "~/domain/eligibility/form";
import { defaultRuleSetParameters } from "~/domain/schemes";

const RULE_SETS: RuleSetsInForce = {
  CAP_ASSO: { version: 1, parameters: defaultRuleSetParameters("CAP_ASSO") },
  A_VOS_ID: { version: 1, parameters: defaultRuleSetParameters("A_VOS_ID") },
  CAP_SCOP_SCIC: { version: 1, parameters: defaultRuleSetParameters("CAP_SCOP_SCIC") },
  EQUITY_ADVANCE: { version: 1, parameters: defaultRuleSetParameters("EQUITY_ADVANCE") },
};

const form = (fields: Record<string, string>) => Object.entries(fields);

function asked(fields: Record<string, string>) {
  const { values, errors, situation } = parseEligibilityForm(form(fields));
  return questionsToAsk(evaluateEligibility(situation, RULE_SETS), values, errors).map((q) => q.path);
}

describe("parseFrenchNumber", () => {
  it.each([
    ["12 345,50", 12_345.5],
    ["12\u202f345,50 €", 12_345.5],
    ["12345.5", 12_345.5],
    ["1,5", 1.5],
    ["0", 0],
  ])("reads « %s » as %s", (input, expected) => {
    expect(parseFrenchNumber(input)).toBe(expected);
  });

  it.each(["", "douze", "-5", "1,2,3", "1e5", "12 345,50 $"])("refuses « %s »", (input) => {
    expect(parseFrenchNumber(input)).toBeNull();
  });
});

describe("parseEligibilityForm", () => {
  it("turns the posted answers into a situation, French formats included", () => {
    const { situation, errors } = parseEligibilityForm(
      form({
        "organisation.legalForm": "association",
        "organisation.department": " 45 ",
        "organisation.generalInterest": "oui",
        "project.jobsFte": "1,5",
        "project.cdi": "non",
        "project.annualAmountEur": "15 000",
        "project.employeeAssociates": "4 000\n\n5 000,50\n",
        "project.euProgramme": "aucun",
      }),
    );
    expect(errors).toEqual({});
    expect(situation).toEqual({
      organisation: { legalForm: "association", department: "45", generalInterest: true },
      project: {
        jobsFte: 1.5,
        cdi: false,
        annualAmountEur: 15_000,
        employeeAssociates: [{ contributionEur: 4_000 }, { contributionEur: 5_000.5 }],
        euProgramme: null,
      },
    });
  });

  it("leaves empty answers unknown", () => {
    const { situation, values } = parseEligibilityForm(form({ "project.jobsFte": "  ", "project.cdi": "" }));
    expect(situation).toEqual({ organisation: {}, project: {} });
    expect(values).toEqual({});
  });

  it("explains each bad answer in French, keeps what was typed and drops only that answer", () => {
    const { situation, errors, values } = parseEligibilityForm(
      form({
        "organisation.legalForm": "sarl",
        "organisation.department": "99",
        "project.jobsFte": "deux",
        "project.cdi": "peut-être",
        "project.annualAmountEur": "15 000",
        "project.employeeAssociates": "4 000\nbeaucoup",
      }),
    );
    expect(errors).toEqual({
      "organisation.legalForm": "Choisissez l’une des réponses proposées.",
      "organisation.department": "Indiquez un code de département français (ex. 45, 2A, 974).",
      "project.jobsFte": "Indiquez un nombre, par exemple 1 ou 1,5.",
      "project.cdi": "Répondez par oui ou par non.",
      "project.employeeAssociates": "Indiquez un montant en euros par ligne, par exemple 4 000.",
    });
    expect(values["project.jobsFte"]).toBe("deux");
    expect(situation).toEqual({ organisation: {}, project: { annualAmountEur: 15_000 } });
  });
});

describe("questionsToAsk", () => {
  it("asks only the legal form and the department first", () => {
    expect(asked({})).toEqual(["organisation.legalForm", "organisation.department"]);
  });

  it("then asks what the schemes still open need, and nothing for the closed ones", () => {
    const scop = asked({ "organisation.legalForm": "scop", "organisation.department": "37" });
    expect(scop).toContain("project.cooperativeOperation");
    expect(scop).toContain("project.newOnTerritory");
    expect(scop).not.toContain("project.jobsFte");
    expect(scop).not.toContain("organisation.generalInterest");
    expect(scop).not.toContain("project.euGrantEur");
  });

  it("asks nothing more once every scheme is ruled out", () => {
    expect(asked({ "organisation.legalForm": "association", "organisation.department": "75" })).toEqual([
      "organisation.legalForm",
      "organisation.department",
    ]);
  });

  it("keeps showing an answered question so it can be changed", () => {
    const values: FormValues = { "organisation.legalForm": "societe", "organisation.department": "45" };
    const paths = asked({ ...values, "project.jobsFte": "2" } as Record<string, string>);
    expect(paths).toEqual(["organisation.legalForm", "organisation.department", "project.jobsFte"]);
  });
});
