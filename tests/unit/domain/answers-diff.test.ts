// What an instructor reads after a correction: only what changed, named as the forms name it, and shown
// as a person reads it (a retyped amount is no change; an emptied answer reads « (vide) »).
import { describe, expect, it } from "vitest";

import { diffAnswers, diffAttachments, readSnapshot } from "~/domain/answers-diff";
import { formatEuros } from "~/domain/format";

describe("diffAnswers", () => {
  it("names a changed field by its label and step, and shows amounts as euros", () => {
    const changes = diffAnswers(
      "CAP_ASSO",
      { title: "Un poste", amountYear1: "12000", sector: "SPORT" },
      { title: "Un poste", amountYear1: "15 000", sector: "CULTURE" },
    );
    expect(changes).toEqual([
      {
        path: "sector",
        stepTitle: "Le projet d’activité",
        label: expect.stringMatching(/secteur/i),
        before: "Sport",
        after: "Culture",
      },
      {
        path: "amountYear1",
        stepTitle: "Montants demandés",
        label: "Montant demandé pour l’année 1",
        before: formatEuros(1_200_000),
        after: formatEuros(1_500_000),
      },
    ]);
  });

  it("omits an amount only retyped differently, and shows an emptied answer as « (vide) »", () => {
    const changes = diffAnswers(
      "CAP_ASSO",
      { amountYear1: "12 000", needs: "Des besoins" },
      { amountYear1: "12000,00", needs: "  " },
    );
    expect(changes).toEqual([
      expect.objectContaining({ path: "needs", before: "Des besoins", after: "(vide)" }),
    ]);
  });

  it("names rows of a list by their position, and a row added as coming from empty", () => {
    const row = (firstName: string, contribution: string) => ({
      firstName,
      lastName: "Durand",
      contribution,
    });
    const changes = diffAnswers(
      "CAP_SCOP_SCIC",
      { employeeAssociates: [row("Léa", "3 000"), row("Paul", "2 000")] },
      { employeeAssociates: [row("Léa", "3 000"), row("Paul", "4 000"), row("Inès", "1 000")] },
    );
    expect(changes.map((change) => [change.label, change.before, change.after])).toEqual([
      ["Salarié associé 2 — Apport en capital", formatEuros(200_000), formatEuros(400_000)],
      ["Salarié associé 3 — Prénom", "(vide)", "Inès"],
      ["Salarié associé 3 — Nom", "(vide)", "Durand"],
      ["Salarié associé 3 — Apport en capital", "(vide)", formatEuros(100_000)],
    ]);
    expect(changes[0]!.path).toBe("employeeAssociates.1.contribution");
  });

  it("finds nothing when nothing changed", () => {
    const answers = { title: "Tiers-lieu", requestedAmount: "60 000" };
    expect(diffAnswers("A_VOS_ID", answers, { ...answers })).toEqual([]);
  });
});

describe("diffAttachments and readSnapshot", () => {
  const file = (kind: string, sha256: string, fileName = `${kind}.pdf`) => ({ kind, sha256, fileName });

  it("tells a replaced piece from an added or removed one", () => {
    expect(
      diffAttachments(
        [file("RIB", "a"), file("STATUTES", "b")],
        [file("RIB", "c", "rib-2027.pdf"), file("QUOTES", "d")],
      ),
    ).toEqual([
      { kind: "RIB", change: "replaced", fileName: "rib-2027.pdf" },
      { kind: "STATUTES", change: "removed", fileName: "STATUTES.pdf" },
      { kind: "QUOTES", change: "added", fileName: "QUOTES.pdf" },
    ]);
  });

  it("reads both the { answers, attachments } snapshot and bare answers", () => {
    expect(readSnapshot({ answers: { title: "x" }, attachments: [file("RIB", "a")] })).toEqual({
      answers: { title: "x" },
      attachments: [file("RIB", "a")],
    });
    expect(readSnapshot({ title: "x" })).toEqual({ answers: { title: "x" }, attachments: null });
  });
});
