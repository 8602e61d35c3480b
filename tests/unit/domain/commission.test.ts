import { describe, expect, it } from "vitest";

import {
  decisionFieldId,
  defaultSessionTitle,
  parseSessionDecisions,
  sessionFormSchema,
  validateSessionDecisions,
} from "~/domain/commission";
import { envelopesAfterSession, totalsByScheme } from "~/domain/commission-totals";
import { formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";

describe("the session form", () => {
  it("accepts a day and leaves the title to its default", () => {
    expect(sessionFormSchema.parse({ date: "2026-12-15", title: "  " })).toEqual({
      date: "2026-12-15",
      title: undefined,
    });
    expect(defaultSessionTitle(paris("2026-12-15T09:30"))).toBe("Commission permanente du 15/12/2026");
  });

  it("refuses a missing or impossible date in French", () => {
    const missing = sessionFormSchema.safeParse({ date: "" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toBe("Indiquez la date de la séance.");
    const impossible = sessionFormSchema.safeParse({ date: "2026-02-30" });
    expect(impossible.error?.issues[0]?.message).toBe("Indiquez une date valide, par exemple 15/12/2026.");
  });
});

const agenda = [
  { dossierId: "asso", years: 3 },
  { dossierId: "coop", years: 0 },
];

describe("the decisions form", () => {
  it("reads a grant with its yearly amounts and a refusal with its motivation", () => {
    const parsed = parseSessionDecisions(
      {
        "asso.outcome": "GRANTED",
        "asso.amount": "36 000,00",
        "asso.year1": "12 000",
        "asso.year2": "12\u202f000,00",
        "asso.year3": "12000",
        "asso.motivation": "",
        "coop.outcome": "REFUSED",
        "coop.amount": "5 000",
        "coop.motivation": "Projet déjà financé par ailleurs.",
      },
      agenda,
    );
    expect(parsed).toEqual({
      ok: true,
      decisions: [
        {
          dossierId: "asso",
          outcome: "GRANTED",
          amountCents: 3_600_000,
          yearlyAmountsCents: [1_200_000, 1_200_000, 1_200_000],
          motivation: "",
        },
        {
          dossierId: "coop",
          outcome: "REFUSED",
          amountCents: null,
          yearlyAmountsCents: [],
          motivation: "Projet déjà financé par ailleurs.",
        },
      ],
    });
  });

  it("puts each error under the field to fix", () => {
    const parsed = parseSessionDecisions(
      {
        "asso.outcome": "GRANTED",
        "asso.amount": "36 000",
        "asso.year1": "12 000",
        "asso.year2": "12 000",
        "asso.year3": "10 000",
        "coop.outcome": "REFUSED",
        "coop.motivation": "   ",
      },
      agenda,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        "asso.yearlyAmounts": "La somme des montants annuels doit être égale au montant voté.",
        "coop.motivation": "Indiquez le motif du refus : il est notifié au porteur de projet.",
      },
    });
  });

  it("asks for a decision on every dossier and an amount above zero for a grant", () => {
    const parsed = parseSessionDecisions({ "coop.outcome": "GRANTED", "coop.amount": "0" }, agenda);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual({
      "asso.outcome": "Choisissez « Accordé » ou « Refusé ».",
      "coop.amount": "Indiquez le montant voté, supérieur à zéro.",
    });
  });

  it("keeps an amount's own parse error rather than the check of the sum", () => {
    const parsed = parseSessionDecisions(
      {
        "asso.outcome": "GRANTED",
        "asso.amount": "douze",
        "coop.outcome": "REFUSED",
        "coop.motivation": "Non.",
      },
      agenda,
    );
    expect(!parsed.ok && parsed.errors["asso.amount"]).toBe(
      "Saisissez un montant en euros, par exemple 12 345,50.",
    );
    expect(!parsed.ok && parsed.errors["asso.year1"]).toBe("Année 1 : Saisissez un montant.");
  });

  it("refuses a decision on a dossier off the agenda or two on the same one", () => {
    const decision = {
      dossierId: "coop",
      outcome: "REFUSED" as const,
      amountCents: null,
      yearlyAmountsCents: [],
      motivation: "Non.",
    };
    expect(validateSessionDecisions([decision, decision], [agenda[1]!]).form).toMatch(/deux décisions/);
    expect(validateSessionDecisions([{ ...decision, dossierId: "autre" }], []).form).toMatch(
      /pas à l’ordre du jour/,
    );
  });

  it("links each error to its control", () => {
    expect(decisionFieldId("asso.outcome")).toBe("decision-asso-GRANTED");
    expect(decisionFieldId("asso.yearlyAmounts")).toBe("decision-asso-year1");
    expect(decisionFieldId("asso.amount")).toBe("decision-asso-amount");
  });
});

describe("the agenda's totals", () => {
  it("sums requested and proposed amounts per scheme, in the schemes' order", () => {
    const totals = totalsByScheme([
      {
        schemeCode: "EQUITY_ADVANCE",
        schemeName: "Avance",
        requestedAmountCents: 5_000_000,
        proposedAmountCents: 4_500_000,
      },
      {
        schemeCode: "CAP_ASSO",
        schemeName: "CAP ASSO",
        requestedAmountCents: 3_600_000,
        proposedAmountCents: 3_000_000,
      },
      {
        schemeCode: "CAP_ASSO",
        schemeName: "CAP ASSO",
        requestedAmountCents: 1_200_000,
        proposedAmountCents: null,
      },
    ]);
    expect(
      totals.schemes.map((row) => [row.schemeName, row.count, row.requestedCents, row.proposedCents]),
    ).toEqual([
      ["CAP ASSO", 2, 4_800_000, 3_000_000],
      ["Avance", 1, 5_000_000, 4_500_000],
    ]);
    expect(totals.total).toMatchObject({ count: 3, requestedCents: 9_800_000, proposedCents: 7_500_000 });
    expect(formatEuros(totals.total.proposedCents)).toBe("75\u202f000,00\u00a0€");
  });
});

describe("the envelopes after a session", () => {
  it("warns when the session's proposals exceed what remains of a call", () => {
    const [call] = envelopesAfterSession(
      [
        {
          callId: "c",
          title: "CAP ASSO 2026",
          envelopeCents: 10_000_000,
          votedCents: 8_000_000,
          proposedCents: 3_000_000,
          remainingCents: 2_000_000,
        },
      ],
      [
        { callId: "c", proposedAmountCents: 1_500_000 },
        { callId: "c", proposedAmountCents: 1_000_000 },
        { callId: "autre", proposedAmountCents: 9_000_000 },
      ],
    );
    expect(call).toMatchObject({
      sessionProposedCents: 2_500_000,
      remainingAfterCents: -500_000,
      exceeded: true,
    });
  });
});
