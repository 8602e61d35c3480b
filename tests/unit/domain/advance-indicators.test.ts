// The equity advances' indicators: totals and groups add up, late advances counted once each.
import { describe, expect, it } from "vitest";

import { advanceIndicators } from "~/domain/post-grant/advance-indicators";

describe("equity advance indicators", () => {
  it("sums paid, repaid, outstanding and late by EU programme and by department", () => {
    const row = (programme: string, department: string, paid: number, repaid: number, late: number) => ({
      programme,
      department,
      paidCents: paid,
      repaidCents: repaid,
      outstandingCents: paid - repaid,
      lateCents: late,
    });
    const indicators = advanceIndicators([
      row("FSE+", "Indre-et-Loire", 8_000_000, 2_000_000, 888_889),
      row("LEADER", "Indre", 5_000_000, 5_000_000, 0),
      row("FSE+", "Indre", 1_000_000, 0, 0),
    ]);
    expect(indicators.totals).toEqual({
      label: "Total",
      advances: 3,
      paidCents: 14_000_000,
      repaidCents: 7_000_000,
      outstandingCents: 7_000_000,
      lateCents: 888_889,
      lateAdvances: 1,
    });
    expect(
      indicators.byProgramme.map((group) => [group.label, group.advances, group.outstandingCents]),
    ).toEqual([
      ["FSE+", 2, 7_000_000],
      ["LEADER", 1, 0],
    ]);
    expect(indicators.byDepartment.map((group) => [group.label, group.paidCents])).toEqual([
      ["Indre", 6_000_000],
      ["Indre-et-Loire", 8_000_000],
    ]);
    expect(advanceIndicators([]).totals.advances).toBe(0);
  });
});
