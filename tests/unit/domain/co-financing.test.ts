import { describe, expect, it } from "vitest";

import { coFinancing, ownResources, regionAmount } from "~/domain/co-financing";

describe("coFinancing", () => {
  it("subtracts the Region, the holder's own resources and the firm positions from the budget", () => {
    const plan = coFinancing({
      totalBudgetCents: 10_000_000,
      regionAmountCents: 2_000_000,
      ownResourcesCents: 1_000_000,
      pledges: [
        { status: "COMMITTED", amountCents: 3_000_000 },
        { status: "PAID", amountCents: 500_000 },
        { status: "CONSIDERED", amountCents: 1_500_000 },
        { status: "INTERESTED", amountCents: null },
        { status: "INTERESTED", amountCents: null },
      ],
    });
    expect(plan).toEqual({
      totalBudgetCents: 10_000_000,
      regionCents: 2_000_000,
      ownResourcesCents: 1_000_000,
      firmCents: 3_500_000,
      consideredCents: 1_500_000,
      interestedCount: 2,
      gapFirmCents: 3_500_000,
      gapIfConfirmedCents: 2_000_000,
      coveredShare: 0.65,
    });
  });

  it("never shows a negative gap when the positions exceed the budget", () => {
    const plan = coFinancing({
      totalBudgetCents: 1_000_000,
      regionAmountCents: 800_000,
      pledges: [
        { status: "COMMITTED", amountCents: 500_000 },
        { status: "CONSIDERED", amountCents: 100_000 },
      ],
    });
    expect(plan.gapFirmCents).toBe(0);
    expect(plan.gapIfConfirmedCents).toBe(0);
    expect(plan.coveredShare).toBe(1);
  });

  it("only counts considered amounts in the « if confirmed » gap", () => {
    const plan = coFinancing({
      totalBudgetCents: 1_000_000,
      regionAmountCents: 0,
      pledges: [{ status: "CONSIDERED", amountCents: 400_000 }],
    });
    expect(plan.gapFirmCents).toBe(1_000_000);
    expect(plan.gapIfConfirmedCents).toBe(600_000);
  });

  it("cannot compute a gap without a total budget", () => {
    const plan = coFinancing({ totalBudgetCents: null, regionAmountCents: 500_000, pledges: [] });
    expect(plan.gapFirmCents).toBeNull();
    expect(plan.gapIfConfirmedCents).toBeNull();
    expect(plan.coveredShare).toBeNull();
    expect(plan.regionCents).toBe(500_000);
  });
});

describe("regionAmount", () => {
  const amounts = {
    requestedAmountCents: 2_000_000,
    proposedAmountCents: 1_500_000,
    grantedAmountCents: null,
  };

  it("takes the granted amount, else the proposed one, else the requested one", () => {
    expect(regionAmount({ status: "GRANTED", ...amounts, grantedAmountCents: 1_400_000 })).toEqual({
      cents: 1_400_000,
      basis: "granted",
    });
    expect(regionAmount({ status: "PROPOSED", ...amounts })).toEqual({ cents: 1_500_000, basis: "proposed" });
    expect(regionAmount({ status: "FILED", ...amounts, proposedAmountCents: null })).toEqual({
      cents: 2_000_000,
      basis: "requested",
    });
  });

  it("counts nothing from the Region on a refused or closed dossier", () => {
    expect(regionAmount({ status: "REFUSED", ...amounts })).toEqual({ cents: 0, basis: "none" });
    expect(regionAmount({ status: "CLOSED", ...amounts })).toEqual({ cents: 0, basis: "none" });
  });
});

describe("ownResources", () => {
  it("sums the holder's own funds and revenue, not the other funders", () => {
    expect(
      ownResources([
        { side: "RESOURCE", category: "OWN_FUNDS", amountCents: 100 },
        { side: "RESOURCE", category: "SALES", amountCents: 50 },
        { side: "RESOURCE", category: "STATE", amountCents: 1_000 },
        { side: "EXPENSE", category: "OWN_FUNDS", amountCents: 7 },
      ]),
    ).toBe(150);
  });
});
