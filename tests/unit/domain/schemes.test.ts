import { describe, expect, it } from "vitest";

import {
  defaultRuleSetParameters,
  parseRuleSetParameters,
  SCHEME_LIST,
  schemeByNumberPrefix,
  SCHEMES,
} from "~/domain/schemes";
import { SchemeCode } from "~/generated/prisma/enums";

const codes = Object.values(SchemeCode);

function issueAt(result: ReturnType<typeof parseRuleSetParameters>, path: string) {
  if (result.ok) throw new Error("expected the parameters to be refused");
  return result.issues.find((issue) => issue.path === path)?.message;
}

describe("scheme definitions", () => {
  it("describes the four schemes with distinct number prefixes", () => {
    expect(SCHEME_LIST.map((scheme) => scheme.code).sort()).toEqual([...codes].sort());
    expect(SCHEME_LIST.map((scheme) => scheme.numberPrefix)).toEqual([
      "CAPASSO",
      "AVOSID",
      "CAPSCOP",
      "AVANCEFP",
    ]);
    expect(schemeByNumberPrefix("CAPSCOP")?.code).toBe("CAP_SCOP_SCIC");
    expect(schemeByNumberPrefix("NOPE")).toBeUndefined();
  });

  it.each(codes)("%s: the version-1 defaults parse unchanged", (code) => {
    const result = parseRuleSetParameters(code, defaultRuleSetParameters(code));
    expect(result).toEqual({ ok: true, parameters: SCHEMES[code].defaultParameters });
  });

  it.each(codes)("%s: the defaults survive a JSON round trip (as stored in RuleSet.parameters)", (code) => {
    const stored = JSON.parse(JSON.stringify(SCHEMES[code].defaultParameters));
    expect(parseRuleSetParameters(code, stored).ok).toBe(true);
  });

  it("seeds the deliberated figures of version 1", () => {
    expect(defaultRuleSetParameters("CAP_ASSO")).toMatchObject({
      minAnnualAmountCents: 200_000,
      maxAnnualAmountCents: 2_000_000,
      agreementLengthMonths: 36,
      minTotalJobsFteExclusive: 0,
      permanentContractRequired: true,
      eligibleDepartmentCodes: ["18", "28", "36", "37", "41", "45"],
      eligibleLegalForms: ["ASSOCIATION"],
    });
    expect(defaultRuleSetParameters("A_VOS_ID")).toMatchObject({
      maxSubsidyRatePercent: 50,
      minSubsidyCents: 500_000,
      maxSubsidyCents: 8_000_000,
    });
    expect(defaultRuleSetParameters("CAP_SCOP_SCIC")).toMatchObject({
      maxSubsidyPerEmployeeAssociateCents: 500_000,
      maxSubsidyPerCooperativeCents: 10_000_000,
    });
    expect(defaultRuleSetParameters("CAP_SCOP_SCIC").operationTypes.map((type) => type.code)).toEqual([
      "CREATION",
      "TAKEOVER",
      "CONVERSION",
    ]);
    expect(defaultRuleSetParameters("EQUITY_ADVANCE")).toMatchObject({
      minAmountCents: 500_000,
      maxAmountCents: 10_000_000,
      maxShareOfEuGrantPercent: 50,
      maxDurationMonths: 36,
      repaymentDeferralMonths: 12,
      repaymentFrequencyMonths: 3,
    });
    expect(
      defaultRuleSetParameters("EQUITY_ADVANCE").euProgrammes.map((programme) => programme.code),
    ).toEqual(["FSE_PLUS", "FEDER", "LEADER", "OTHER"]);
  });

  it("hands out copies: changing one does not change the defaults", () => {
    const copy = defaultRuleSetParameters("CAP_ASSO");
    copy.eligibleDepartmentCodes.pop();
    expect(SCHEMES.CAP_ASSO.defaultParameters.eligibleDepartmentCodes).toHaveLength(6);
  });
});

describe("parseRuleSetParameters refuses incoherent rules in French", () => {
  it("refuses a CAP ASSO ceiling below its floor, on the ceiling field", () => {
    const result = parseRuleSetParameters("CAP_ASSO", {
      ...defaultRuleSetParameters("CAP_ASSO"),
      minAnnualAmountCents: 2_000_000,
      maxAnnualAmountCents: 200_000,
    });
    expect(result.ok).toBe(false);
    expect(issueAt(result, "maxAnnualAmountCents")).toBe(
      "Le montant annuel maximal doit être supérieur ou égal au montant annuel minimal.",
    );
    if (!result.ok)
      expect(result.error).toMatch(/^Les paramètres du dispositif CAP ASSO ne sont pas valides/);
  });

  it.each([
    [
      "A_VOS_ID",
      { minSubsidyCents: 8_000_000, maxSubsidyCents: 500_000 },
      "maxSubsidyCents",
      /subvention maximale/,
    ],
    [
      "CAP_SCOP_SCIC",
      { maxSubsidyPerEmployeeAssociateCents: 500_000, maxSubsidyPerCooperativeCents: 400_000 },
      "maxSubsidyPerCooperativeCents",
      /par coopérative doit être supérieure ou égale/,
    ],
    [
      "EQUITY_ADVANCE",
      { minAmountCents: 10_000_000, maxAmountCents: 500_000 },
      "maxAmountCents",
      /montant maximal/,
    ],
    ["EQUITY_ADVANCE", { repaymentDeferralMonths: 48 }, "maxDurationMonths", /différé de remboursement/],
  ] as const)("%s: refuses %o", (code, change, path, message) => {
    const result = parseRuleSetParameters(code, { ...defaultRuleSetParameters(code), ...change });
    expect(issueAt(result, path)).toMatch(message);
  });

  it("refuses amounts given in euros with decimals instead of cents", () => {
    const result = parseRuleSetParameters("CAP_ASSO", {
      ...defaultRuleSetParameters("CAP_ASSO"),
      minAnnualAmountCents: 2000.5,
    });
    expect(issueAt(result, "minAnnualAmountCents")).toMatch(/Montant annuel minimal.*centimes d’euro/);
  });

  it("refuses amounts written as text", () => {
    const result = parseRuleSetParameters("EQUITY_ADVANCE", {
      ...defaultRuleSetParameters("EQUITY_ADVANCE"),
      maxAmountCents: "100 000 €",
    });
    expect(issueAt(result, "maxAmountCents")).toMatch(/centimes d’euro/);
  });

  it("refuses a rate given as a fraction instead of a whole percentage", () => {
    const result = parseRuleSetParameters("A_VOS_ID", {
      ...defaultRuleSetParameters("A_VOS_ID"),
      maxSubsidyRatePercent: 0.5,
    });
    expect(issueAt(result, "maxSubsidyRatePercent")).toMatch(/pourcentage entier \(50 pour 50/);
  });

  it("refuses a rate above 100 %", () => {
    const result = parseRuleSetParameters("EQUITY_ADVANCE", {
      ...defaultRuleSetParameters("EQUITY_ADVANCE"),
      maxShareOfEuGrantPercent: 5000,
    });
    expect(issueAt(result, "maxShareOfEuGrantPercent")).toMatch(/ne peut pas dépasser 100/);
  });

  it("refuses a duration in years instead of months for the CAP ASSO agreement", () => {
    const result = parseRuleSetParameters("CAP_ASSO", {
      ...defaultRuleSetParameters("CAP_ASSO"),
      agreementLengthMonths: 3,
    });
    expect(issueAt(result, "agreementLengthMonths")).toMatch(/nombre entier d’années/);
  });

  it("refuses a repayment frequency that is not a usual period", () => {
    const result = parseRuleSetParameters("EQUITY_ADVANCE", {
      ...defaultRuleSetParameters("EQUITY_ADVANCE"),
      repaymentFrequencyMonths: 4,
    });
    expect(issueAt(result, "repaymentFrequencyMonths")).toMatch(/3 \(trimestrielle\)/);
  });

  it("names unknown keys, the usual sign of a wrong unit", () => {
    const { maxSubsidyCents: _removed, ...rest } = defaultRuleSetParameters("A_VOS_ID");
    const result = parseRuleSetParameters("A_VOS_ID", { ...rest, maxSubsidyEuros: 80_000 });
    expect(issueAt(result, "")).toMatch(/Paramètre inconnu\u00a0: «\u00a0maxSubsidyEuros\u00a0».*centimes/);
    expect(issueAt(result, "maxSubsidyCents")).toBeDefined();
  });

  it("refuses a department outside the region and a duplicated legal form", () => {
    const result = parseRuleSetParameters("CAP_SCOP_SCIC", {
      ...defaultRuleSetParameters("CAP_SCOP_SCIC"),
      eligibleDepartmentCodes: ["18", "75"],
      eligibleLegalForms: ["SCOP", "SCOP"],
    });
    expect(issueAt(result, "eligibleDepartmentCodes.1")).toMatch(/hors Centre-Val de Loire/);
    expect(issueAt(result, "eligibleLegalForms")).toMatch(/qu’une fois/);
  });

  it("refuses duplicated attachment kinds and empty applicant texts", () => {
    const defaults = defaultRuleSetParameters("CAP_ASSO");
    const result = parseRuleSetParameters("CAP_ASSO", {
      ...defaults,
      requiredAttachments: [...defaults.requiredAttachments, { kind: "RIB", label: "RIB bis" }],
      applicantTexts: { ...defaults.applicantTexts, introduction: "   " },
    });
    expect(issueAt(result, "requiredAttachments")).toMatch(/chaque code de pièce/);
    expect(issueAt(result, "applicantTexts.introduction")).toMatch(/ne peut pas être vide/);
  });

  it("refuses something that is not an object, in French", () => {
    const result = parseRuleSetParameters("CAP_ASSO", null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/objet attendu/);
  });

  it("refuses an unknown scheme code", () => {
    const result = parseRuleSetParameters("CAP_VELO" as SchemeCode, {});
    expect(result).toMatchObject({ ok: false, error: "Dispositif inconnu." });
  });
});
