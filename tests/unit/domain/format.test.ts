import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime, formatEuros, parseEuros } from "~/domain/format";

describe("formatEuros", () => {
  it("writes amounts the French way", () => {
    expect(formatEuros(1234500)).toBe("12\u202f345,00\u00a0€");
    expect(formatEuros(0)).toBe("0,00\u00a0€");
  });
});

describe("formatDate", () => {
  it("shows the date in Paris time", () => {
    expect(formatDate(new Date("2026-11-22T10:00:00Z"))).toBe("22/11/2026");
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(formatDateTime(new Date("2026-11-22T13:05:00Z"))).toBe("22/11/2026 à 14:05");
  });
});

describe("parseEuros", () => {
  it("reads French-typed amounts into cents", () => {
    expect(parseEuros("12 345,50")).toEqual({ ok: true, cents: 1234550 });
    expect(parseEuros("12\u202f345,5 €")).toEqual({ ok: true, cents: 1234550 });
    expect(parseEuros("2000")).toEqual({ ok: true, cents: 200000 });
    expect(parseEuros("2000.05")).toEqual({ ok: true, cents: 200005 });
  });

  it("refuses what is not an amount, in French", () => {
    expect(parseEuros("douze")).toEqual({
      ok: false,
      error: "Saisissez un montant en euros, par exemple 12 345,50.",
    });
    expect(parseEuros("-5")).toEqual({ ok: false, error: "Le montant ne peut pas être négatif." });
    expect(parseEuros("1,234")).toMatchObject({ ok: false });
  });
});
