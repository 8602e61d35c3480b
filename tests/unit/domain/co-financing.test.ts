// The co-financing funders read, on the demo dossiers: the plan AVOSID-2026-00003 (Valençay) files balances
// at 150 000 € and must never read as « 47 % unfunded »; pledges confirm the lines of their origin only.
import { describe, expect, it } from "vitest";

import {
  additionsSentence,
  coFinancing,
  confirmedSentence,
  dossierCoFinancing,
  needsFunders,
  planSentence,
  regionAmount,
  type CoFinancingDossier,
} from "~/domain/co-financing";
import { formatEuros, parseEuros } from "~/domain/format";
import { FunderKind, PledgeStatus, type DossierStatus } from "~/generated/prisma/enums";

import { DEMO_DOSSIERS } from "../../../seeds/demo";
import { A_VOS_ID_DOSSIERS } from "../../../seeds/demo/dossiers-a-vos-id";

type Row = { category: string; label: string; amount: string };
const cents = (amount: string) => {
  const parsed = parseEuros(amount);
  if (!parsed.ok) throw new Error(amount);
  return parsed.cents;
};
const rows = (value: unknown) => (Array.isArray(value) ? (value as Row[]) : []);

/** A demo dossier as the funders' pages read it, with the status and pledges a test gives it. */
function demo(
  index: number,
  status: DossierStatus,
  pledges: CoFinancingDossier["pledges"] = [],
  amounts: { proposed?: number; granted?: number } = {},
): CoFinancingDossier {
  const dossier = A_VOS_ID_DOSSIERS[index]!;
  const { answers } = dossier;
  return {
    status,
    totalBudgetCents: rows(answers.expenses).reduce((sum, row) => sum + cents(row.amount), 0),
    requestedAmountCents: cents(String(answers.requestedAmount)),
    proposedAmountCents: amounts.proposed ?? null,
    grantedAmountCents: amounts.granted ?? null,
    budgetLines: rows(answers.resources).map((row) => ({
      side: "RESOURCE",
      category: row.category,
      label: row.label,
      amountCents: cents(row.amount),
    })),
    pledges,
  };
}

const pledge = (name: string, kind: FunderKind, status: PledgeStatus, euros: number) => ({
  status,
  amountCents: euros * 100,
  funderOrganisation: { name, kind },
});
const BDT = (status: PledgeStatus, euros = 15_000) =>
  pledge("Banque des Territoires", FunderKind.PUBLIC_BANK, status, euros);

describe("the co-financing of AVOSID-2026-00003 (tiers-lieu de Valençay)", () => {
  it("is financed at 100 % by its plan, and only the commune's own funds are confirmed while it is instructed", () => {
    const plan = dossierCoFinancing(demo(0, "UNDER_INSTRUCTION", [BDT(PledgeStatus.CONSIDERED)]));
    expect(plan.totalBudgetCents).toBe(150_000_00);
    expect(plan.planCents).toBe(150_000_00);
    expect(plan.planShare).toBe(1);
    expect(plan.unplannedCents).toBe(0);
    expect(plan.confirmedCents).toBe(20_000_00);
    expect(plan.toConfirmCents).toBe(130_000_00);
    expect(plan.lines.map((line) => [line.label, line.confirmedCents, line.status])).toEqual([
      ["Région Centre-Val de Loire — A VOS ID (demandé)", 0, "À confirmer : décision de la Région attendue"],
      ["LEADER — GAL Valençay en Berry", 0, "À confirmer"],
      ["État — dotation d’équipement des territoires ruraux", 0, "À confirmer"],
      ["Banque des Territoires — ingénierie", 0, "À confirmer (envisagé par Banque des Territoires)"],
      ["Autofinancement de la commune", 20_000_00, "Confirmé : ressources propres du porteur"],
    ]);
    expect(planSentence(plan)).toBe(
      `Le plan de financement du porteur finance 100\u202f% du budget de ${formatEuros(150_000_00)}.`,
    );
    expect(confirmedSentence(plan)).toMatch(
      new RegExp(`^${formatEuros(20_000_00)} sont confirmés \\(13\u202f% du budget\\)`),
    );
    expect(confirmedSentence(plan)).toContain(`${formatEuros(130_000_00)} restent à confirmer`);
    // LEADER, the State and the bank still await a funder: the « besoin non couvert » filter keeps it.
    expect(plan.openNeedCents).toBe(70_000_00);
    expect(needsFunders(plan)).toBe(true);
  });

  it("confirms the bank's line once the Banque des Territoires commits, and the Region's once granted", () => {
    const plan = dossierCoFinancing(
      demo(0, "GRANTED", [BDT(PledgeStatus.COMMITTED)], { proposed: 60_000_00, granted: 60_000_00 }),
    );
    expect(plan.confirmedCents).toBe(95_000_00);
    expect(plan.lines[0]!.status).toBe("Confirmé (accordé par la Région)");
    expect(plan.lines[3]!.status).toBe("Confirmé (engagé par Banque des Territoires)");
    expect(plan.additions).toEqual([]);
    expect(plan.openNeedCents).toBe(55_000_00);
  });

  it("adds a 20 000 € loan from a funder whose money is not in the plan, without lowering what is to confirm", () => {
    const loan = pledge(
      "France Active Centre-Val de Loire",
      FunderKind.SOLIDARITY_FINANCE,
      PledgeStatus.COMMITTED,
      20_000,
    );
    const plan = dossierCoFinancing(demo(0, "UNDER_INSTRUCTION", [loan]));
    expect(plan.confirmedCents).toBe(20_000_00);
    expect(plan.toConfirmCents).toBe(130_000_00);
    expect(plan.openNeedCents).toBe(70_000_00);
    expect(plan.additions).toEqual([
      { organisation: "France Active Centre-Val de Loire", amountCents: 20_000_00, firm: true },
    ]);
    expect(additionsSentence(plan)).toContain(`${formatEuros(20_000_00)} engagés par France Active`);
  });

  it("confirms the State's line up to its amount and shows the rest of a larger pledge as an addition", () => {
    const dreets = pledge("DREETS Centre-Val de Loire", FunderKind.STATE, PledgeStatus.COMMITTED, 40_000);
    const plan = dossierCoFinancing(demo(0, "UNDER_INSTRUCTION", [dreets]));
    expect(plan.lines[2]).toMatchObject({ confirmedCents: 25_000_00, toConfirmCents: 0 });
    expect(plan.confirmedCents).toBe(45_000_00);
    expect(plan.additions).toEqual([
      { organisation: "DREETS Centre-Val de Loire", amountCents: 15_000_00, firm: true },
    ]);
  });

  it("confirms the Region's line only up to the amount granted, and says so when it is refused", () => {
    const partly = dossierCoFinancing(demo(0, "GRANTED", [], { granted: 50_000_00 }));
    expect(partly.openNeedCents).toBe(70_000_00 + 10_000_00);
    expect(partly.lines[0]).toMatchObject({ confirmedCents: 50_000_00, toConfirmCents: 10_000_00 });
    expect(partly.lines[0]!.status).toBe("Confirmé en partie (accordé par la Région)");
    const refused = dossierCoFinancing(demo(0, "REFUSED"));
    expect(refused.lines[0]!.status).toBe("Non accordé : dossier refusé ou clos");
  });
});

describe("the co-financing of every demo dossier", () => {
  it("reads a filed plan as financing its whole budget, with the holder's own money confirmed", () => {
    const filed = DEMO_DOSSIERS.filter(
      (dossier) => dossier.history.length > 0 && rows(dossier.answers.resources).length > 0,
    );
    expect(filed.length).toBeGreaterThan(3);
    for (const dossier of filed) {
      const resources = rows(dossier.answers.resources);
      const plan = coFinancing({
        totalBudgetCents: rows(dossier.answers.expenses).reduce((sum, row) => sum + cents(row.amount), 0),
        resources: resources.map((row) => ({ ...row, amountCents: cents(row.amount) })),
        region: { cents: 0, basis: "requested" },
        pledges: [],
      });
      const own = resources
        .filter((row) => row.category === "OWN_FUNDS" || row.category === "SALES")
        .reduce((sum, row) => sum + cents(row.amount), 0);
      expect(plan.planShare, dossier.answers.title as string).toBe(1);
      expect(plan.confirmedCents).toBe(own);
    }
  });

  it("has no share of the budget without a budget, and reads the confirmed part against the plan", () => {
    const plan = coFinancing({
      totalBudgetCents: null,
      resources: [
        { category: "OWN_FUNDS", label: "Fonds propres", amountCents: 1_000_00 },
        { category: "STATE", label: "État", amountCents: 3_000_00 },
      ],
      region: { cents: 0, basis: "requested" },
      pledges: [],
    });
    expect(plan.planShare).toBeNull();
    expect(plan.confirmedShare).toBe(0.25);
    expect(planSentence(plan)).toContain("n’a pas indiqué de budget total");
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
