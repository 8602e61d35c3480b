import { describe, expect, it } from "vitest";

import {
  commentFormSchema,
  PLEDGE_INSTRUMENT_LABELS,
  PLEDGE_STATUS_LABELS,
  positionFormSchema,
} from "~/domain/funder-positions";

const errorsOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("funders' positions", () => {
  it("names statuses and instruments in French", () => {
    expect(Object.values(PLEDGE_STATUS_LABELS)).toEqual(["Intéressé", "Envisagé", "Engagé", "Versé"]);
    expect(Object.values(PLEDGE_INSTRUMENT_LABELS)).toEqual([
      "Subvention",
      "Prêt",
      "Garantie",
      "Fonds propres",
      "Apport en nature",
    ]);
  });

  it("accepts a bare interest, kept as a draft unless the box is ticked", () => {
    expect(positionFormSchema.parse({ status: "INTERESTED", instrument: "", amount: "", note: " " })).toEqual(
      {
        status: "INTERESTED",
        instrument: null,
        amountCents: null,
        note: null,
        shared: false,
      },
    );
    expect(positionFormSchema.parse({ status: "INTERESTED", partager: "1" }).shared).toBe(true);
  });

  it("requires the instrument and the amount from « Envisagé » on, in French", () => {
    const result = positionFormSchema.safeParse({ status: "CONSIDERED", instrument: "", amount: "" });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toEqual({
      instrument: "Choisissez l’instrument : subvention, prêt, garantie, fonds propres ou apport en nature.",
      amount: "Saisissez le montant envisagé, en euros, par exemple 12 000.",
    });
  });

  it("reads amounts as French people type them", () => {
    const parsed = positionFormSchema.parse({
      status: "COMMITTED",
      instrument: "LOAN",
      amount: "12 000",
      note: "  Comité du 4 décembre  ",
      partager: "1",
    });
    expect(parsed).toEqual({
      status: "COMMITTED",
      instrument: "LOAN",
      amountCents: 1_200_000,
      note: "Comité du 4 décembre",
      shared: true,
    });
    expect(
      positionFormSchema.parse({ status: "PAID", instrument: "GRANT", amount: "2 500,50 €" }).amountCents,
    ).toBe(250_050);
  });

  it("refuses an unknown status or instrument, a bad or zero amount and a long note", () => {
    expect(errorsOf(positionFormSchema.safeParse({ status: "PROMISED" }))).toEqual({
      status: "Choisissez où en est votre organisation.",
    });
    expect(
      errorsOf(positionFormSchema.safeParse({ status: "CONSIDERED", instrument: "GIFT", amount: "douze" })),
    ).toEqual({
      instrument: "Choisissez un instrument.",
      amount: "Saisissez un montant en euros, par exemple 12 345,50.",
    });
    expect(
      errorsOf(positionFormSchema.safeParse({ status: "CONSIDERED", instrument: "GRANT", amount: "0" })),
    ).toEqual({ amount: "Le montant doit être positif." });
    expect(errorsOf(positionFormSchema.safeParse({ status: "INTERESTED", note: "x".repeat(2001) }))).toEqual({
      note: "La note ne peut pas dépasser 2000 caractères.",
    });
  });
});

describe("the funders' discussion", () => {
  it("needs a message of at most 5000 characters", () => {
    expect(errorsOf(commentFormSchema.safeParse({ body: "   " }))).toEqual({
      body: "Écrivez votre message.",
    });
    expect(errorsOf(commentFormSchema.safeParse({ body: "é".repeat(5001) }))).toEqual({
      body: "Le message ne peut pas dépasser 5000 caractères.",
    });
  });

  it("reads the people to alert as repeated ids, once each", () => {
    expect(commentFormSchema.parse({ body: " Avis ? ", mentions: ["a", "b", "a"] })).toEqual({
      body: "Avis ?",
      mentions: ["a", "b"],
    });
    expect(commentFormSchema.parse({ body: "Avis ?", mentions: "a" }).mentions).toEqual(["a"]);
    expect(commentFormSchema.parse({ body: "Avis ?" }).mentions).toEqual([]);
  });
});
