import { describe, expect, it } from "vitest";

import { defaultRuleSetParameters, SCHEMES } from "~/domain/schemes";
import {
  describeParameters,
  formValuesFromFormData,
  formValuesToParameters,
  parameterFields,
  parametersToFormValues,
  type ParameterFormValues,
} from "~/domain/schemes/parameter-form";
import { SchemeCode } from "~/generated/prisma/enums";

const codes = Object.values(SchemeCode);

const capAssoValues = () => parametersToFormValues("CAP_ASSO", defaultRuleSetParameters("CAP_ASSO"));

function errorsOf(code: SchemeCode, values: ParameterFormValues) {
  const result = formValuesToParameters(code, values);
  if (result.ok) throw new Error("expected the form to be refused");
  return result.errors;
}

describe("the rule-set form", () => {
  it.each(codes)("%s: every parameter has a field, and the defaults survive the round trip", (code) => {
    const defaults = defaultRuleSetParameters(code);
    const fields = parameterFields(code);
    const topKeys = new Set(fields.map((field) => field.path[0]));
    expect([...topKeys].sort()).toEqual(Object.keys(defaults).sort());
    expect(new Set(fields.map((field) => field.name)).size).toBe(fields.length);

    const values = parametersToFormValues(code, defaults);
    expect(formValuesToParameters(code, values)).toEqual({
      ok: true,
      parameters: SCHEMES[code].defaultParameters,
    });
  });

  it("shows amounts in euros the French way and reads them back in cents, commas included", () => {
    const values = capAssoValues();
    expect(values.minAnnualAmount).toBe("2\u202f000");
    expect(values.maxAnnualAmount).toBe("20\u202f000");
    const result = formValuesToParameters("CAP_ASSO", { ...values, maxAnnualAmount: "30 000,50" });
    expect(result.ok && result.parameters.maxAnnualAmountCents).toBe(3_000_050);
  });

  it("puts a ceiling below the floor next to the ceiling, in French", () => {
    const errors = errorsOf("CAP_ASSO", { ...capAssoValues(), maxAnnualAmount: "1 500" });
    expect(errors).toEqual({
      maxAnnualAmount: "Le montant annuel maximal doit être supérieur ou égal au montant annuel minimal.",
    });
  });

  it("refuses a misspelt amount next to its field, and keeps checking the others", () => {
    const errors = errorsOf("CAP_ASSO", {
      ...capAssoValues(),
      minAnnualAmount: "deux mille",
      agreementLengthMonths: "30",
    });
    expect(errors.minAnnualAmount).toBe(
      "Montant annuel minimal par projet\u00a0: saisissez un montant en euros, par exemple 12 345,50.",
    );
    expect(errors.agreementLengthMonths).toContain("un nombre entier d’années");
    expect(Object.keys(errors).sort()).toEqual(["agreementLengthMonths", "minAnnualAmount"]);
  });

  it("refuses a priority whose code the eligibility questionnaire does not know, naming the line", () => {
    const values = parametersToFormValues("A_VOS_ID", defaultRuleSetParameters("A_VOS_ID"));
    const errors = errorsOf("A_VOS_ID", {
      ...values,
      priorities: `${values.priorities}\nCULTURE | Culture pour tous`,
    });
    expect(errors.priorities).toMatch(/^Priorités régionales, ligne 3\u00a0: le code «\u00a0CULTURE\u00a0»/);
    expect(errors.priorities).toContain("ECOLOGICAL_TRANSITION, LOCAL_SERVICES_SOLIDARITY");
  });

  it("reads list lines, ignores blank ones and reports a line without its label", () => {
    const values = parametersToFormValues("A_VOS_ID", defaultRuleSetParameters("A_VOS_ID"));
    const result = formValuesToParameters("A_VOS_ID", {
      ...values,
      expenseTypes: "operating | Fonctionnement | 40 %\n\nINVESTMENT | Investissement | 60",
    });
    expect(result.ok && result.parameters.expenseTypes).toEqual([
      { code: "OPERATING", label: "Fonctionnement", maxSubsidyRatePercent: 40 },
      { code: "INVESTMENT", label: "Investissement", maxSubsidyRatePercent: 60 },
    ]);
    const errors = errorsOf("CAP_ASSO", {
      ...capAssoValues(),
      requiredAttachments: "STATUTES | Statuts\nRIB",
    });
    expect(errors.requiredAttachments).toBe(
      "Pièces justificatives demandées, ligne 2\u00a0: écrivez «\u00a0CODE | Libellé\u00a0».",
    );
  });

  it("maps an item's own problem to its list, with the line number", () => {
    const errors = errorsOf("CAP_ASSO", {
      ...capAssoValues(),
      requiredAttachments: "STATUTES | Statuts\nSTATUTES | Statuts encore",
    });
    expect(errors.requiredAttachments).toContain("chaque code de pièce ne doit figurer qu’une fois");
  });

  it("reads checkbox lists and an unticked box from a posted form", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(capAssoValues())) {
      if (name === "permanentContractRequired") continue;
      for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
    }
    form.delete("eligibleDepartmentCodes");
    form.append("eligibleDepartmentCodes", "45");
    form.append("eligibleDepartmentCodes", "18");
    const result = formValuesToParameters("CAP_ASSO", formValuesFromFormData("CAP_ASSO", form));
    expect(result.ok && result.parameters.eligibleDepartmentCodes).toEqual(["45", "18"]);
    expect(result.ok && result.parameters.permanentContractRequired).toBe(false);

    const none = formValuesFromFormData("CAP_ASSO", new FormData());
    expect(errorsOf("CAP_ASSO", none).eligibleDepartmentCodes).toContain("au moins une valeur");
  });

  it("describes a version's parameters in words", () => {
    const sections = describeParameters("EQUITY_ADVANCE", defaultRuleSetParameters("EQUITY_ADVANCE"));
    const items = Object.fromEntries(
      sections.flatMap((section) => section.items).map((item) => [item.name, item.value]),
    );
    expect(items.maxAmount).toBe("100\u202f000,00\u00a0€");
    expect(items.maxShareOfEuGrantPercent).toBe("50\u00a0%");
    expect(items.repaymentFrequencyMonths).toBe("Trimestrielle");
    expect(items.eligibleDepartmentCodes).toContain("Loiret (45)");
    expect(items.euProgrammes).toContain("FEDER (Fonds européen de développement régional) (FEDER)");
  });
});
