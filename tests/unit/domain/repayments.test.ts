// The equity advance's repayments: allocation to the oldest instalments, arrears, and the schedules that
// replace the remaining instalments — with a property test over any advance and any repayments received.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addParisMonths } from "~/domain/paris-time";
import {
  repaymentPosition,
  rescheduledInstalments,
  scheduleAfterEarlyRepayment,
  splitEvenly,
} from "~/domain/post-grant/repayments";
import { equityAdvanceRepaymentSchedule } from "~/domain/schedules";

const paidOn = new Date("2027-01-15T11:00:00Z");
// 60 000 € repaid quarterly after 12 months, within 36 months: 9 instalments of 6 666,66 € and one of 6 666,72 €.
const schedule = equityAdvanceRepaymentSchedule(
  6_000_000,
  { maxDurationMonths: 36, repaymentDeferralMonths: 12, repaymentFrequencyMonths: 3 },
  paidOn,
).instalments;
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const sum = (values: readonly { amountCents: number }[]) =>
  values.reduce((total, v) => total + v.amountCents, 0);

describe("repaymentPosition", () => {
  it("allocates a partial repayment, then a grouped one, to the oldest instalments first", () => {
    expect(schedule.map((instalment) => instalment.amountCents)).toEqual([
      666_666, 666_666, 666_666, 666_666, 666_666, 666_666, 666_666, 666_666, 666_672,
    ]);
    const position = repaymentPosition(
      schedule,
      [
        { receivedOn: day("2028-01-10"), amountCents: 400_000 },
        { receivedOn: day("2028-05-02"), amountCents: 933_332 },
      ],
      day("2028-05-20"),
    );
    const [first, second, third] = position.instalments;
    expect([first!.state, first!.paidCents, first!.paidOn]).toEqual(["PAID", 666_666, day("2028-05-02")]);
    expect([second!.state, second!.remainingCents]).toEqual(["PAID", 0]);
    expect([third!.state, third!.paidCents]).toEqual(["DUE", 0]);
    expect(position.repaidCents).toBe(1_333_332);
    expect(position.outstandingCents).toBe(6_000_000 - 1_333_332);
    expect(position.lateCents).toBe(0);
    expect(position.next?.position).toBe(3);
  });

  it("says what is late, by how many days, and counts money above everything owed as a credit", () => {
    const late = repaymentPosition(
      schedule,
      [{ receivedOn: day("2028-01-10"), amountCents: 100_000 }],
      day("2028-05-15"),
    );
    // The first instalment fell on 15/01/2028, the second on 15/04/2028: both unpaid on 15/05/2028.
    expect(late.instalments.slice(0, 2).map((instalment) => [instalment.state, instalment.daysLate])).toEqual(
      [
        ["LATE", 121],
        ["LATE", 30],
      ],
    );
    expect(late.lateCents).toBe(666_666 * 2 - 100_000);
    expect(late.oldestLateDays).toBe(121);
    const over = repaymentPosition(
      schedule,
      [{ receivedOn: day("2027-06-01"), amountCents: 6_000_150 }],
      day("2027-06-02"),
    );
    expect(over.outstandingCents).toBe(0);
    expect(over.creditCents).toBe(150);
    expect(over.instalments.every((instalment) => instalment.state === "PAID")).toBe(true);
  });
});

describe("schedules that replace the remaining instalments", () => {
  it("after an early repayment, the instalments still to come share the rest at their former dates", () => {
    const position = repaymentPosition(
      schedule,
      [{ receivedOn: day("2027-09-01"), amountCents: 4_000_000 }],
      day("2027-09-01"),
    );
    const next = scheduleAfterEarlyRepayment(position, day("2027-09-01"));
    expect(sum(next)).toBe(2_000_000);
    expect(next.map((instalment) => instalment.amountCents)).toEqual([666_666, 666_666, 666_668]);
    expect(next.map((instalment) => instalment.dueDate)).toEqual(
      position.instalments
        .filter((instalment) => instalment.remainingCents > 0)
        .slice(0, 3)
        .map((i) => i.dueDate),
    );
  });

  it("a rescheduling within the ceiling spreads the balance; past it, it is refused in French", () => {
    const granted = rescheduledInstalments({
      paidOn,
      outstandingCents: 4_666_668,
      firstDueDate: day("2028-07-15"),
      frequencyMonths: 3,
      count: 10,
      maxDurationMonths: 48,
    });
    expect(granted.ok).toBe(true);
    if (granted.ok) {
      expect(sum(granted.instalments)).toBe(4_666_668);
      expect(granted.instalments.at(-1)!.dueDate.getTime()).toBeLessThanOrEqual(
        addParisMonths(paidOn, 48).getTime(),
      );
    }
    expect(
      rescheduledInstalments({
        paidOn,
        outstandingCents: 4_666_668,
        firstDueDate: day("2028-07-15"),
        frequencyMonths: 3,
        count: 13,
        maxDurationMonths: 48,
      }),
    ).toEqual({
      ok: false,
      error:
        "Le nouvel échéancier dépasserait la durée maximale de 48\u00a0mois à compter du versement de l’avance.",
    });
  });
});

describe("property: for any advance and any repayments", () => {
  const advance = fc.record({
    amountCents: fc.integer({ min: 1, max: 50_000_000 }),
    maxDurationMonths: fc.integer({ min: 1, max: 60 }),
    repaymentDeferralMonths: fc.integer({ min: 0, max: 24 }),
    repaymentFrequencyMonths: fc.constantFrom(1, 3, 6, 12),
  });
  const repayments = fc.array(
    fc.record({
      afterDays: fc.integer({ min: 0, max: 2_000 }),
      share: fc.double({ min: 0, max: 0.6, noNaN: true }),
    }),
    { maxLength: 8 },
  );

  it("no instalment is negative, the instalments sum to the balance, the last date respects the maximum", () => {
    fc.assert(
      fc.property(advance, repayments, fc.integer({ min: 0, max: 2_000 }), (rules, received, nowDays) => {
        const instalments = equityAdvanceRepaymentSchedule(rules.amountCents, rules, paidOn).instalments;
        const limit = addParisMonths(paidOn, Math.max(rules.maxDurationMonths, 1)).getTime();
        expect(sum(instalments)).toBe(rules.amountCents);
        expect(instalments.every((instalment) => instalment.amountCents >= 0)).toBe(true);
        expect(instalments.at(-1)!.dueDate.getTime()).toBeLessThanOrEqual(limit);

        const receipts = received.map((item) => ({
          receivedOn: new Date(paidOn.getTime() + item.afterDays * 86_400_000),
          amountCents: Math.floor(rules.amountCents * item.share),
        }));
        const now = new Date(paidOn.getTime() + nowDays * 86_400_000);
        const position = repaymentPosition(instalments, receipts, now);
        const remaining = position.instalments.reduce(
          (total, instalment) => total + instalment.remainingCents,
          0,
        );
        expect(position.instalments.every((i) => i.remainingCents >= 0 && i.paidCents >= 0)).toBe(true);
        expect(remaining).toBe(position.outstandingCents);
        expect(position.repaidCents + position.creditCents).toBe(sum(receipts));
        expect(position.repaidCents + position.outstandingCents).toBe(rules.amountCents);

        const next = scheduleAfterEarlyRepayment(position, now);
        expect(next.every((instalment) => instalment.amountCents > 0)).toBe(true);
        expect(sum(next)).toBe(position.outstandingCents);
        expect(next.every((instalment) => instalment.dueDate.getTime() <= limit)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("any rescheduling granted sums to the balance and ends within the ceiling", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom(1, 3, 6, 12),
        (outstandingCents, count, firstAfterMonths, frequencyMonths) => {
          const result = rescheduledInstalments({
            paidOn,
            outstandingCents,
            firstDueDate: addParisMonths(paidOn, firstAfterMonths),
            frequencyMonths,
            count,
            maxDurationMonths: 48,
          });
          if (!result.ok) return;
          expect(sum(result.instalments)).toBe(outstandingCents);
          expect(result.instalments.every((instalment) => instalment.amountCents >= 0)).toBe(true);
          expect(result.instalments.at(-1)!.dueDate.getTime()).toBeLessThanOrEqual(
            addParisMonths(paidOn, 48).getTime(),
          );
        },
      ),
    );
  });

  it("splits evenly to the cent", () => {
    expect(splitEvenly(1_000, 3)).toEqual([333, 333, 334]);
  });
});
