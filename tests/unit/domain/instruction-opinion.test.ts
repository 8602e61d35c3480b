// The instructor's opinion is judged by the dossier's own rule-set version: floors, ceilings, the share of
// the EU grant, the requested amount, with a French message next to the field at fault.
import { describe, expect, it } from "vitest";

import { formatEuros } from "~/domain/format";
import {
  COMPLETENESS_ITEMS,
  opinionFormSchema,
  opinionProblems,
  readCompleteness,
  type Opinion,
  type OpinionRules,
} from "~/domain/instruction-opinion";
import { defaultRuleSetParameters } from "~/domain/schemes";

const MOTIVATION = "Projet solide, emplois pérennes et partenariats locaux engagés.";

function rules<C extends OpinionRules["schemeCode"]>(schemeCode: C, requested: number | null, extra = {}) {
  return {
    schemeCode,
    parameters: defaultRuleSetParameters(schemeCode),
    ruleSetVersion: 1,
    requestedAmountCents: requested,
    ...extra,
  } as OpinionRules;
}

const favourable = (proposedAmountCents: number, yearlyAmountsCents: number[] = []): Opinion => ({
  favourable: true,
  motivation: MOTIVATION,
  proposedAmountCents,
  yearlyAmountsCents,
});

describe("opinionProblems", () => {
  it("accepts CAP ASSO yearly amounts within the floor and ceiling that add up to the proposal", () => {
    expect(
      opinionProblems(rules("CAP_ASSO", 3_600_000), favourable(3_000_000, [1_000_000, 1_000_000, 1_000_000])),
    ).toEqual({});
  });

  it("refuses a CAP ASSO year above the ceiling, next to that year", () => {
    const errors = opinionProblems(
      rules("CAP_ASSO", 9_000_000),
      favourable(4_500_000, [2_500_000, 1_000_000, 1_000_000]),
    );
    expect(errors).toEqual({
      amountYear1: `Le montant de l’année 1 dépasse le plafond du dispositif (${formatEuros(2_000_000)}, règlement version 1).`,
    });
  });

  it("asks for every year of the agreement and a total that is their sum", () => {
    expect(
      opinionProblems(rules("CAP_ASSO", 3_600_000), favourable(2_000_000, [1_000_000, 1_000_000]))
        .proposedAmount,
    ).toBe("Indiquez les 3 montants annuels de la convention.");
    expect(
      opinionProblems(rules("CAP_ASSO", 3_600_000), favourable(100, [1_000_000, 1_000_000, 1_000_000]))
        .proposedAmount,
    ).toContain("somme des montants annuels");
  });

  it("holds A VOS ID to its floor and ceiling, with the rule-set version", () => {
    expect(opinionProblems(rules("A_VOS_ID", 9_000_000), favourable(8_000_001)).proposedAmount).toBe(
      `Le montant proposé dépasse le plafond du dispositif (${formatEuros(8_000_000)}, règlement version 1).`,
    );
    expect(opinionProblems(rules("A_VOS_ID", 9_000_000), favourable(400_000)).proposedAmount).toBe(
      `Le montant proposé est inférieur au plancher du dispositif (${formatEuros(500_000)}, règlement version 1).`,
    );
  });

  it("never proposes more than the applicant asked", () => {
    expect(opinionProblems(rules("A_VOS_ID", 6_000_000), favourable(7_000_000)).proposedAmount).toBe(
      `Le montant proposé dépasse le montant demandé par le porteur de projet (${formatEuros(6_000_000)}).`,
    );
  });

  it("holds CAP SCOP-SCIC to the per-cooperative ceiling", () => {
    expect(
      opinionProblems(rules("CAP_SCOP_SCIC", 20_000_000), favourable(10_000_001)).proposedAmount,
    ).toContain(formatEuros(10_000_000));
    expect(opinionProblems(rules("CAP_SCOP_SCIC", 4_600_000), favourable(4_600_000))).toEqual({});
  });

  it("holds an equity advance to its share of the EU grant", () => {
    const advance = rules("EQUITY_ADVANCE", 8_000_000, { euGrantCents: 12_000_000 });
    expect(opinionProblems(advance, favourable(6_000_000))).toEqual({});
    expect(opinionProblems(advance, favourable(7_000_000)).proposedAmount).toBe(
      `Le montant proposé dépasse 50\u00a0% de la subvention européenne (${formatEuros(6_000_000)}, règlement version 1).`,
    );
  });

  it("wants a motivation of 20 characters, and no amount with an unfavourable opinion", () => {
    expect(
      opinionProblems(rules("A_VOS_ID", 6_000_000), { ...favourable(6_000_000), motivation: "Trop court" })
        .motivation,
    ).toMatch(/20 caractères/);
    const unfavourable = {
      favourable: false,
      motivation: MOTIVATION,
      proposedAmountCents: 0,
      yearlyAmountsCents: [],
    };
    expect(opinionProblems(rules("A_VOS_ID", 6_000_000), unfavourable)).toEqual({});
    expect(
      opinionProblems(rules("A_VOS_ID", 6_000_000), { ...unfavourable, proposedAmountCents: 100 })
        .proposedAmount,
    ).toMatch(/défavorable/);
  });
});

describe("opinionFormSchema", () => {
  it("reads CAP ASSO yearly amounts as typed and proposes their sum", () => {
    const parsed = opinionFormSchema(3).parse({
      favourable: "oui",
      motivation: MOTIVATION,
      amountYear1: "10 000",
      amountYear2: "10 000,50",
      amountYear3: "9000",
    });
    expect(parsed).toEqual({
      favourable: true,
      motivation: MOTIVATION,
      proposedAmountCents: 2_900_050,
      yearlyAmountsCents: [1_000_000, 1_000_050, 900_000],
    });
  });

  it("proposes nothing for an unfavourable opinion, whatever was typed", () => {
    expect(
      opinionFormSchema(0).parse({ favourable: "non", motivation: MOTIVATION, proposedAmount: "5 000" }),
    ).toMatchObject({
      favourable: false,
      proposedAmountCents: 0,
    });
  });

  it("says in French what is wrong with a typed amount", () => {
    const result = opinionFormSchema(0).safeParse({
      favourable: "oui",
      motivation: MOTIVATION,
      proposedAmount: "abc",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ["proposedAmount"],
      message: expect.stringMatching(/euros/),
    });
  });
});

describe("COMPLETENESS_ITEMS", () => {
  it("lists the rule set's pieces and the three checks, and reads ticks back", () => {
    const items = COMPLETENESS_ITEMS({ ruleSet: { parameters: defaultRuleSetParameters("EQUITY_ADVANCE") } });
    expect(items.map((item) => item.label)).toEqual([
      "Statuts à jour de l’association",
      "Convention ou demande de subvention européenne et sa référence",
      "Plan de trésorerie du projet sur sa durée",
      "Derniers comptes annuels approuvés",
      "Relevé d’identité bancaire au nom de l’association",
      "Budget équilibré",
      "Identité de l’organisation vérifiée (SIRET, RNA)",
      "Éligibilité vérifiée",
    ]);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    expect(readCompleteness({ budget: true, "piece:RIB": { checked: false, by: "Léa", at: "x" } })).toEqual({
      budget: { checked: true, by: "", at: "" },
      "piece:RIB": { checked: false, by: "Léa", at: "x" },
    });
  });
});
