import { describe, expect, it } from "vitest";

import { budgetLineInputSchema, budgetProblems, budgetTotals, type BudgetLine } from "~/domain/budget";

const expense = (category: string, amountCents: number): BudgetLine => ({
  side: "EXPENSE",
  category,
  label: category,
  amountCents,
});
const resource = (category: string, amountCents: number): BudgetLine => ({
  side: "RESOURCE",
  category,
  label: category,
  amountCents,
});

const balanced = [
  expense("PERSONNEL", 3_000_000),
  expense("OPERATING", 1_234_550),
  resource("REGION", 2_000_000),
  resource("EPCI", 1_000_000),
  resource("OWN_FUNDS", 1_234_550),
];

describe("budgetTotals", () => {
  it("sums expenses and resources in cents, by category, with the Region's share", () => {
    expect(budgetTotals(balanced)).toEqual({
      expensesCents: 4_234_550,
      resourcesCents: 4_234_550,
      gapCents: 0,
      byCategory: {
        "EXPENSE:PERSONNEL": 3_000_000,
        "EXPENSE:OPERATING": 1_234_550,
        "RESOURCE:REGION": 2_000_000,
        "RESOURCE:EPCI": 1_000_000,
        "RESOURCE:OWN_FUNDS": 1_234_550,
      },
      regionRequestCents: 2_000_000,
      regionSharePercent: 47.2,
    });
  });

  it("adds several lines of one category and has no share without expenses", () => {
    const totals = budgetTotals([resource("REGION", 100), resource("REGION", 250)]);
    expect(totals.byCategory["RESOURCE:REGION"]).toBe(350);
    expect(totals.regionSharePercent).toBeNull();
  });

  it("stays exact in cents where floating-point euros would not (0,10 € + 0,20 €)", () => {
    const totals = budgetTotals([expense("OPERATING", 10), expense("OPERATING", 20), resource("REGION", 30)]);
    expect(totals.gapCents).toBe(0);
  });
});

describe("budgetProblems", () => {
  it("finds nothing in a balanced plan that asks the Region for an amount", () => {
    expect(budgetProblems(balanced)).toEqual([]);
  });

  it("says by how much an unbalanced plan is off, in French format", () => {
    expect(budgetProblems([...balanced, expense("INVESTMENT", 1_000_050)])).toEqual([
      "Il manque 10\u202f000,50\u00a0€ de ressources pour couvrir les dépenses : le plan de financement doit être équilibré.",
    ]);
    expect(budgetProblems([...balanced, resource("PRIVATE", 500)])).toEqual([
      "Les ressources dépassent les dépenses de 5,00\u00a0€ : le plan de financement doit être équilibré.",
    ]);
  });

  it("asks for expenses and for the Region's amount", () => {
    expect(budgetProblems([])).toEqual([
      "Indiquez au moins une dépense.",
      "Indiquez, dans les ressources, le montant demandé à la Région.",
    ]);
  });
});

describe("budgetLineInputSchema", () => {
  it("refuses a line over 20 million euros", () => {
    const result = budgetLineInputSchema.safeParse({
      side: "EXPENSE",
      category: "INVESTMENT",
      label: "Bâtiment",
      amountCents: "20 000 000,01",
    });
    expect(result.error?.issues[0]?.message).toBe("Le montant dépasse 20 millions d’euros.");
  });

  it("reads amounts typed in French into cents", () => {
    expect(
      budgetLineInputSchema.parse({
        side: "EXPENSE",
        category: "PERSONNEL",
        label: " Animatrice ",
        amountCents: "12 345,50",
      }),
    ).toEqual({ side: "EXPENSE", category: "PERSONNEL", label: "Animatrice", amountCents: 1_234_550 });
  });

  it("refuses a bad amount, an unknown category and an empty label, in French", () => {
    const result = budgetLineInputSchema.safeParse({
      side: "RESOURCE",
      category: "LOTTO",
      label: "",
      amountCents: "-5",
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Choisissez l’origine de la ressource.",
        "Précisez le financeur.",
        "Le montant ne peut pas être négatif.",
      ]),
    );
  });
});
