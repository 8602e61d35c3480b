// CSV injection: a text cell that a spreadsheet would run as a formula is written as text; numbers stay numbers.
import { describe, expect, it } from "vitest";

import { frenchCsv, neutraliseCell } from "~/services/platform/csv.server";

describe("the portal's CSV files", () => {
  it("neutralises cells that start like a formula", () => {
    for (const cell of [
      "=1+1",
      "+33 6 12 34 56 78",
      "-2+3",
      "@SUM(A1:A3)",
      "\t=1",
      "\r=1",
      '=HYPERLINK("x")',
    ]) {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    }
  });

  it("keeps numbers, including negative and grouped French amounts, and ordinary text as they are", () => {
    for (const cell of [
      "-12,00",
      "1234,50",
      "+5",
      "-1 234,50",
      "12\u202f345,00",
      "Association Les Cyclopostiers",
      "",
    ]) {
      expect(neutraliseCell(cell)).toBe(cell);
    }
  });

  it("writes French CSV: BOM, semicolons, CRLF, quotes doubled", () => {
    expect(
      frenchCsv(
        ["Nom", "Montant (€)"],
        [
          ["=cmd|' /C calc'!A0", "-12,00"],
          ['Dit "bonjour"', "3,50"],
        ],
      ),
    ).toBe('\ufeffNom;Montant (€)\r\n\'=cmd|\' /C calc\'!A0;-12,00\r\n"Dit ""bonjour""";3,50\r\n');
  });
});
