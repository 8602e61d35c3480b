import { describe, expect, it } from "vitest";

import {
  departmentFromPostcode,
  isRegionDepartment,
  isValidIban,
  isValidSiren,
  isValidSiret,
  postcodeSchema,
  rnaSchema,
  siretSchema,
} from "~/domain/identifiers";

describe("SIRET", () => {
  it("accepts a valid SIRET, with or without spaces", () => {
    // Région Centre-Val de Loire's SIRET.
    expect(isValidSiret("23450002300028")).toBe(true);
    expect(siretSchema.parse("234 500 023 00028")).toBe("23450002300028");
  });

  it("refuses a wrong check digit with a French message", () => {
    const result = siretSchema.safeParse("23450002300029");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "Le numéro SIRET n’est pas valide : vérifiez les chiffres saisis.",
    );
  });

  it("refuses a wrong length or letters", () => {
    expect(siretSchema.safeParse("1234").error?.issues[0]?.message).toBe(
      "Le numéro SIRET doit comporter 14 chiffres.",
    );
    expect(isValidSiret("2345000230002A")).toBe(false);
  });

  it("applies La Poste's rule (digit sum multiple of 5) to its establishments", () => {
    expect(isValidSiret("35600000000060")).toBe(true); // digit sum 20
    expect(isValidSiret("35600000000061")).toBe(false); // digit sum 21
  });

  it("checks a SIREN with Luhn", () => {
    expect(isValidSiren("234500023")).toBe(true);
    expect(isValidSiren("234500024")).toBe(false);
  });
});

describe("RNA", () => {
  it("normalises case and refuses other shapes", () => {
    expect(rnaSchema.parse("w452001234")).toBe("W452001234");
    expect(rnaSchema.safeParse("W45200123").error?.issues[0]?.message).toBe(
      "Le numéro RNA commence par W suivi de 9 chiffres.",
    );
  });
});

describe("postcodes and departments", () => {
  it("finds the department, including Corsica and overseas", () => {
    expect(departmentFromPostcode("45000")).toBe("45");
    expect(departmentFromPostcode("20000")).toBe("2A");
    expect(departmentFromPostcode("20200")).toBe("2B");
    expect(departmentFromPostcode("97400")).toBe("974");
    expect(departmentFromPostcode("4500")).toBeNull();
  });

  it("knows the six departments of the region", () => {
    expect(["18", "28", "36", "37", "41", "45"].every(isRegionDepartment)).toBe(true);
    expect(isRegionDepartment("75")).toBe(false);
    expect(postcodeSchema.safeParse("ABCDE").error?.issues[0]?.message).toBe(
      "Le code postal doit comporter 5 chiffres.",
    );
  });
});

describe("IBAN", () => {
  it("checks mod 97 and the French length", () => {
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 189")).toBe(true);
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 188")).toBe(false);
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 18")).toBe(false);
  });
});
