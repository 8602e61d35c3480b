import { describe, expect, it } from "vitest";

import { formatDossierNumber, parseDossierNumber } from "~/domain/dossier-number";

describe("formatDossierNumber", () => {
  it("pads the sequence to five digits", () => {
    expect(formatDossierNumber("CAPASSO", 2026, 42)).toBe("CAPASSO-2026-00042");
    expect(formatDossierNumber("AVANCEFP", 2025, 1)).toBe("AVANCEFP-2025-00001");
  });

  it("grows beyond five digits rather than wrapping", () => {
    expect(formatDossierNumber("AVOSID", 2026, 123_456)).toBe("AVOSID-2026-123456");
  });

  it.each([
    ["capasso", 2026, 1],
    ["CAP-ASSO", 2026, 1],
    ["CAPASSO", 26, 1],
    ["CAPASSO", 2026, 0],
    ["CAPASSO", 2026, 1.5],
  ])("refuses %s / %s / %s", (prefix, year, sequence) => {
    expect(() => formatDossierNumber(prefix, year, sequence)).toThrow(RangeError);
  });
});

describe("parseDossierNumber", () => {
  it("reads back what formatDossierNumber writes", () => {
    expect(parseDossierNumber("CAPSCOP-2026-00042")).toEqual({ prefix: "CAPSCOP", year: 2026, sequence: 42 });
    expect(parseDossierNumber("AVOSID-2026-123456")).toEqual({
      prefix: "AVOSID",
      year: 2026,
      sequence: 123_456,
    });
  });

  it("accepts what a user pastes: lower case, surrounding spaces", () => {
    expect(parseDossierNumber("  capasso-2026-00007 ")).toEqual({
      prefix: "CAPASSO",
      year: 2026,
      sequence: 7,
    });
  });

  it.each([
    "",
    "CAPASSO",
    "CAPASSO-2026-42",
    "CAPASSO-2026-00000",
    "CAPASSO-2026-000042",
    "CAPASSO 2026 00042",
  ])("refuses %j", (value) => {
    expect(parseDossierNumber(value)).toBeNull();
  });
});
