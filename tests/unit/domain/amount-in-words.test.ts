import { describe, expect, it } from "vitest";

import { euroAmountInWords } from "~/domain/amount-in-words";

describe("euroAmountInWords", () => {
  it.each([
    [0, "zéro euro"],
    [100, "un euro"],
    [200, "deux euros"],
    [7_100, "soixante et onze euros"],
    [8_000, "quatre-vingts euros"],
    [8_100, "quatre-vingt-un euros"],
    [20_000, "deux cents euros"],
    [2_000_000, "vingt mille euros"],
    [8_000_000, "quatre-vingt mille euros"],
    [20_000_000, "deux cent mille euros"],
    [100_000_000, "un million d’euros"],
    [200_000_000, "deux millions d’euros"],
    [120_000_000, "un million deux cent mille euros"],
  ])("%i cents → « %s »", (cents, words) => {
    expect(euroAmountInWords(cents)).toBe(words);
  });

  it("adds the cents, singular for one", () => {
    expect(euroAmountInWords(123_450)).toBe("mille deux cent trente-quatre euros et cinquante centimes");
    expect(euroAmountInWords(101)).toBe("un euro et un centime");
    expect(euroAmountInWords(100_000_001)).toBe("un million d’euros et un centime");
    expect(euroAmountInWords(50)).toBe("cinquante centimes");
  });

  it("refuses what is not a whole, non-negative number of cents", () => {
    expect(() => euroAmountInWords(-100)).toThrow(RangeError);
    expect(() => euroAmountInWords(10.5)).toThrow(RangeError);
  });
});
