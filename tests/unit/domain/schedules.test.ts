import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import {
  addParisMonths,
  capAssoPaymentSchedule,
  equityAdvanceRepaymentSchedule,
  scheduleTotalCents,
  singlePaymentSchedule,
  splitYearly,
} from "~/domain/schedules";
import { equityAdvance } from "~/domain/schemes/equity-advance";

const DEFAULT_RULES = {
  maxDurationMonths: equityAdvance.defaultParameters.maxDurationMonths,
  repaymentDeferralMonths: equityAdvance.defaultParameters.repaymentDeferralMonths,
  repaymentFrequencyMonths: equityAdvance.defaultParameters.repaymentFrequencyMonths,
};

const dates = (instalments: ReadonlyArray<{ dueDate: Date }>) =>
  instalments.map((instalment) => formatDate(instalment.dueDate));

describe("addParisMonths", () => {
  it("keeps the Paris wall-clock time across a change to or from summer time", () => {
    // 10:00 in Paris on 15 January (UTC+1) is 10:00 in Paris on 15 April (UTC+2): one hour less in UTC.
    const january = paris("2027-01-15T10:00");
    expect(january.toISOString()).toBe("2027-01-15T09:00:00.000Z");
    const april = addParisMonths(january, 3);
    expect(april.toISOString()).toBe("2027-04-15T08:00:00.000Z");
    expect(formatDateTime(addParisMonths(paris("2026-07-31T00:30"), 4))).toBe("30/11/2026 à 00:30");
  });

  it("stays on the same Paris day for an instant that is still the day before in UTC", () => {
    // 00:15 on 1 April in Paris is 22:15 UTC on 31 March: three months later is 1 July, not 30 June.
    const start = paris("2027-04-01T00:15");
    expect(start.getUTCDate()).toBe(31);
    expect(formatDate(addParisMonths(start, 3))).toBe("01/07/2027");
  });

  it("clamps to the last day of a shorter month, leap years included", () => {
    expect(formatDate(addParisMonths(paris("2027-01-31"), 1))).toBe("28/02/2027");
    expect(formatDate(addParisMonths(paris("2028-01-31"), 1))).toBe("29/02/2028");
    expect(formatDate(addParisMonths(paris("2026-08-31"), 3))).toBe("30/11/2026");
    expect(formatDate(addParisMonths(paris("2026-12-15"), 14))).toBe("15/02/2028");
    expect(formatDate(addParisMonths(paris("2027-03-31"), -1))).toBe("28/02/2027");
  });
});

describe("splitYearly", () => {
  it("splits equally, the remainder on the first year, to the cent", () => {
    expect(splitYearly(6_000_000, 3)).toEqual([2_000_000, 2_000_000, 2_000_000]);
    expect(splitYearly(1_000_000, 3)).toEqual([333_334, 333_333, 333_333]);
    expect(splitYearly(100, 3).reduce((a, b) => a + b, 0)).toBe(100);
    expect(splitYearly(5_000, 1)).toEqual([5_000]);
  });

  it("refuses a number of years that is not a positive whole number", () => {
    expect(() => splitYearly(1_000, 0)).toThrow(RangeError);
    expect(() => splitYearly(1_000, 1.5)).toThrow(RangeError);
  });
});

describe("capAssoPaymentSchedule", () => {
  it("pays each year's amount on the anniversary of the agreement's start", () => {
    const schedule = capAssoPaymentSchedule([2_000_000, 1_500_000, 1_000_000], paris("2027-01-15"));
    expect(schedule.kind).toBe("PAYMENT");
    expect(schedule.instalments.map((instalment) => instalment.position)).toEqual([1, 2, 3]);
    expect(dates(schedule.instalments)).toEqual(["15/01/2027", "15/01/2028", "15/01/2029"]);
    expect(schedule.instalments.map((instalment) => instalment.amountCents)).toEqual([
      2_000_000, 1_500_000, 1_000_000,
    ]);
    expect(scheduleTotalCents(schedule)).toBe(4_500_000);
  });

  it("comes back to 29 February in a leap year after a year on the 28th", () => {
    const schedule = capAssoPaymentSchedule([1, 1, 1, 1, 1], paris("2028-02-29"));
    expect(dates(schedule.instalments)).toEqual([
      "29/02/2028",
      "28/02/2029",
      "28/02/2030",
      "28/02/2031",
      "29/02/2032",
    ]);
  });
});

describe("singlePaymentSchedule", () => {
  it("is one payment of the whole amount on the given date", () => {
    const schedule = singlePaymentSchedule(4_000_000, paris("2027-02-01"));
    expect(schedule).toEqual({
      kind: "PAYMENT",
      instalments: [{ position: 1, dueDate: paris("2027-02-01"), amountCents: 4_000_000 }],
    });
  });
});

describe("equityAdvanceRepaymentSchedule", () => {
  it("with the default rules, repays in 9 quarterly instalments from month 12 to month 36", () => {
    const schedule = equityAdvanceRepaymentSchedule(9_000_000, DEFAULT_RULES, paris("2027-01-15"));
    expect(schedule.kind).toBe("REPAYMENT");
    expect(schedule.instalments).toHaveLength(9);
    expect(dates(schedule.instalments)).toEqual([
      "15/01/2028",
      "15/04/2028",
      "15/07/2028",
      "15/10/2028",
      "15/01/2029",
      "15/04/2029",
      "15/07/2029",
      "15/10/2029",
      "15/01/2030",
    ]);
    expect(schedule.instalments.every((instalment) => instalment.amountCents === 1_000_000)).toBe(true);
  });

  it("puts the rounding remainder on the last instalment, so the sum is exactly the advance", () => {
    const schedule = equityAdvanceRepaymentSchedule(10_000_000, DEFAULT_RULES, paris("2027-01-15"));
    const amounts = schedule.instalments.map((instalment) => instalment.amountCents);
    expect(amounts.slice(0, 8)).toEqual(Array(8).fill(1_111_111));
    expect(amounts[8]).toBe(1_111_112);
    expect(scheduleTotalCents(schedule)).toBe(10_000_000);
    for (const cents of [500_001, 777_777, 1_234_567, 9_999_999]) {
      expect(
        scheduleTotalCents(equityAdvanceRepaymentSchedule(cents, DEFAULT_RULES, paris("2027-01-15"))),
      ).toBe(cents);
    }
  });

  it("follows the rule set's deferral, frequency and duration", () => {
    const paidOn = paris("2027-03-31");
    const halfYearly = equityAdvanceRepaymentSchedule(
      1_000_000,
      { maxDurationMonths: 24, repaymentDeferralMonths: 6, repaymentFrequencyMonths: 6 },
      paidOn,
    );
    expect(dates(halfYearly.instalments)).toEqual(["30/09/2027", "31/03/2028", "30/09/2028", "31/03/2029"]);
    expect(halfYearly.instalments.map((instalment) => instalment.amountCents)).toEqual(
      Array(4).fill(250_000),
    );

    const longerDeferral = equityAdvanceRepaymentSchedule(
      1_000_000,
      { ...DEFAULT_RULES, repaymentDeferralMonths: 24 },
      paidOn,
    );
    expect(longerDeferral.instalments).toHaveLength(5);
    expect(formatDate(longerDeferral.instalments[0]!.dueDate)).toBe("31/03/2029");
    expect(formatDate(longerDeferral.instalments[4]!.dueDate)).toBe("31/03/2030");
  });

  it("never goes past the maximum duration when the periods do not fall on it", () => {
    const schedule = equityAdvanceRepaymentSchedule(
      1_000_000,
      { maxDurationMonths: 20, repaymentDeferralMonths: 12, repaymentFrequencyMonths: 6 },
      paris("2027-01-10"),
    );
    expect(dates(schedule.instalments)).toEqual(["10/01/2028", "10/07/2028"]);
    expect(scheduleTotalCents(schedule)).toBe(1_000_000);
  });

  it("keeps Paris calendar days for an advance paid late in the evening in summer", () => {
    // 23:30 in Paris on 30 June is 21:30 UTC the same day; the repayments fall on the 30th (or 31st capped).
    const schedule = equityAdvanceRepaymentSchedule(400_000, DEFAULT_RULES, paris("2027-06-30T23:30"));
    expect(dates(schedule.instalments).slice(0, 3)).toEqual(["30/06/2028", "30/09/2028", "30/12/2028"]);
    expect(formatDateTime(schedule.instalments[2]!.dueDate)).toBe("30/12/2028 à 23:30");
  });
});
