import { describe, expect, it } from "vitest";

import { fieldErrors } from "~/domain/forms";
import { envelopeFigures, figuresView, remainderLabel, totalFigures } from "~/domain/call-envelopes";
import {
  callFormSchema,
  callFormValues,
  nextYearCallValues,
  readCallForm,
  type CallFormValues,
} from "~/domain/call-form";
import {
  callState,
  openWindowMessage,
  parseCallListFilter,
  windowLabel,
  windowsOverlap,
} from "~/domain/calls";
import { formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";

const FORM: CallFormValues = {
  scheme: "CAP_ASSO",
  year: "2027",
  title: "  CAP ASSO — dépôt en continu 2027 ",
  kind: "CONTINUOUS",
  opensOn: "2027-01-01",
  closesOn: "2027-12-31",
  envelope: "9 000 000",
};

const errorsOf = (values: Partial<CallFormValues>) => {
  const parsed = callFormSchema.safeParse({ ...FORM, ...values });
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe("the call form", () => {
  it("reads a window as Paris days: from midnight on the first to 23:59:59 on the last", () => {
    const call = callFormSchema.parse(FORM);
    expect(call).toEqual({
      schemeCode: "CAP_ASSO",
      year: 2027,
      title: "CAP ASSO — dépôt en continu 2027",
      kind: "CONTINUOUS",
      opensAt: paris("2027-01-01T00:00"),
      closesAt: paris("2027-12-31T23:59:59"),
      budgetEnvelopeCents: 900_000_000,
    });
    // Winter time: Paris is an hour ahead of UTC; summer time, two.
    expect(call.opensAt.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    const summer = callFormSchema.parse({
      ...FORM,
      kind: "DATED",
      opensOn: "2027-06-01",
      closesOn: "2027-07-15",
    });
    expect(summer.closesAt?.toISOString()).toBe("2027-07-15T21:59:59.000Z");
  });

  it("lets a continuous call stay open with no closing day, but not a dated one", () => {
    expect(callFormSchema.parse({ ...FORM, closesOn: "" }).closesAt).toBeNull();
    expect(errorsOf({ kind: "DATED", closesOn: "" })).toEqual({
      closesOn: "Un appel daté se clôt un jour donné : indiquez son dernier jour de dépôt.",
    });
  });

  it("refuses a window that closes before it opens, and accepts a single day", () => {
    expect(errorsOf({ opensOn: "2027-03-01", closesOn: "2027-02-28" })).toEqual({
      closesOn: "Le dernier jour de dépôt ne peut pas précéder le premier.",
    });
    expect(errorsOf({ kind: "DATED", opensOn: "2027-03-01", closesOn: "2027-03-01" })).toEqual({});
  });

  it("takes the envelope in euros, French style, and never below zero", () => {
    expect(callFormSchema.parse({ ...FORM, envelope: "250 000,50 €" }).budgetEnvelopeCents).toBe(25_000_050);
    expect(callFormSchema.parse({ ...FORM, envelope: "0" }).budgetEnvelopeCents).toBe(0);
    expect(errorsOf({ envelope: "-10" })).toEqual({ envelope: "Le montant ne peut pas être négatif." });
    expect(errorsOf({ envelope: "" }).envelope).toBe(
      "Indiquez l’enveloppe budgétaire en euros (0 si elle n’est pas encore votée).",
    );
    expect(errorsOf({ envelope: "beaucoup" }).envelope).toBe(
      "Saisissez un montant en euros, par exemple 12 345,50.",
    );
  });

  it("says in French what is wrong with each field", () => {
    expect(
      errorsOf({
        scheme: "AUTRE",
        year: "1999",
        title: " ",
        kind: "",
        opensOn: "2027-02-30",
        closesOn: "demain",
      }),
    ).toEqual({
      scheme: "Choisissez le dispositif.",
      year: "L’année doit être comprise entre 2000 et 2100.",
      title: "Donnez un titre à l’appel.",
      kind: "Choisissez le type d’appel.",
      opensOn: "Indiquez une date valide, par exemple 31/12/2027.",
      closesOn: "Indiquez une date valide, par exemple 31/12/2027.",
    });
    expect(errorsOf({ year: "2101" }).year).toBe("L’année doit être comprise entre 2000 et 2100.");
    expect(errorsOf({ year: "27" }).year).toBe("Indiquez l’année sur quatre chiffres, par exemple 2027.");
    expect(errorsOf({ opensOn: "" }).opensOn).toBe("Indiquez le premier jour de dépôt.");
  });

  it("reads what was posted, a missing field as empty, and shows a stored call back as typed", () => {
    const posted = new URLSearchParams({ scheme: "A_VOS_ID", title: "Appel", ignored: "x" });
    expect(readCallForm(posted)).toEqual({
      scheme: "A_VOS_ID",
      year: "",
      title: "Appel",
      kind: "",
      opensOn: "",
      closesOn: "",
      envelope: "",
    });
    const stored = { ...callFormSchema.parse(FORM), envelopeCents: 25_000_050 };
    const values = callFormValues(stored);
    expect(values).toMatchObject({ opensOn: "2027-01-01", closesOn: "2027-12-31", year: "2027" });
    // What the form shows, the form reads back to the same amount.
    expect(callFormSchema.parse({ ...values }).budgetEnvelopeCents).toBe(25_000_050);
  });

  it("offers the same call a year later", () => {
    const stored = {
      ...callFormSchema.parse({ ...FORM, kind: "DATED", opensOn: "2027-03-01", closesOn: "2027-04-30" }),
      envelopeCents: 900_000_000,
    };
    expect(nextYearCallValues(stored)).toMatchObject({
      year: "2028",
      title: "CAP ASSO — dépôt en continu 2028",
      opensOn: "2028-03-01",
      closesOn: "2028-04-30",
      kind: "DATED",
    });
  });
});

describe("a call's window", () => {
  const window = { opensAt: paris("2027-03-01"), closesAt: paris("2027-04-30T23:59:59") };

  it("is to come, open to its last second, then closed", () => {
    expect(callState(window, paris("2027-02-28T23:59:59"))).toBe("UPCOMING");
    expect(callState(window, paris("2027-03-01T00:00"))).toBe("OPEN");
    expect(callState(window, paris("2027-04-30T23:59:59"))).toBe("OPEN");
    expect(callState(window, paris("2027-05-01T00:00"))).toBe("CLOSED");
    expect(callState({ ...window, closesAt: null }, paris("2090-01-01"))).toBe("OPEN");
  });

  it("overlaps another that shares a single instant, or any with no end that started before", () => {
    const next = { opensAt: paris("2027-05-01"), closesAt: paris("2027-06-30T23:59:59") };
    expect(windowsOverlap(window, next)).toBe(false);
    expect(windowsOverlap(window, { ...next, opensAt: paris("2027-04-30T23:59:59") })).toBe(true);
    expect(windowsOverlap({ opensAt: paris("2027-01-01"), closesAt: null }, next)).toBe(true);
    expect(windowsOverlap(next, { opensAt: paris("2027-01-01"), closesAt: null })).toBe(true);
    expect(windowsOverlap({ opensAt: paris("2027-07-01"), closesAt: null }, next)).toBe(false);
  });

  it("is said in French", () => {
    expect(windowLabel(window)).toBe("du 01/03/2027 au 30/04/2027");
    expect(windowLabel({ ...window, closesAt: null })).toBe("à partir du 01/03/2027");
    expect(openWindowMessage(window)).toBe("Dépôt des dossiers ouvert jusqu’au 30/04/2027.");
  });
});

describe("a budget envelope", () => {
  const sums = [
    { status: "DRAFT" as const, requestedCents: 999_999, proposedCents: 0, grantedCents: 0 },
    { status: "FILED" as const, requestedCents: 1_000_000, proposedCents: 0, grantedCents: 0 },
    { status: "PROPOSED" as const, requestedCents: 2_000_000, proposedCents: 1_500_000, grantedCents: 0 },
    {
      status: "GRANTED" as const,
      requestedCents: 3_000_000,
      proposedCents: 2_500_000,
      grantedCents: 2_400_000,
    },
    { status: "REFUSED" as const, requestedCents: 500_000, proposedCents: 0, grantedCents: 0 },
  ];

  it("counts what filed dossiers ask, what is proposed, what is voted, and what remains", () => {
    expect(envelopeFigures(5_000_000, sums)).toEqual({
      envelopeCents: 5_000_000,
      // Every filed dossier, refused ones too; never a draft.
      requestedCents: 6_500_000,
      proposedCents: 1_500_000,
      votedCents: 2_400_000,
      remainingCents: 2_600_000,
      remainingIfProposalsVotedCents: 1_100_000,
    });
    expect(envelopeFigures(0, [])).toMatchObject({ requestedCents: 0, remainingCents: 0 });
  });

  it("writes an overrun out in words and adds a year's calls up", () => {
    const over = envelopeFigures(3_000_000, sums);
    expect(over.remainingIfProposalsVotedCents).toBe(-900_000);
    expect(remainderLabel(-900_000)).toBe(`Dépassement de ${formatEuros(900_000)}`);
    expect(figuresView(over)).toMatchObject({
      remaining: formatEuros(600_000),
      remainingIfProposalsVoted: `Dépassement de ${formatEuros(900_000)}`,
      overrun: false,
      overrunIfProposalsVoted: true,
    });
    expect(totalFigures([over, envelopeFigures(5_000_000, sums)])).toMatchObject({
      envelopeCents: 8_000_000,
      votedCents: 4_800_000,
      remainingCents: 3_200_000,
      remainingIfProposalsVotedCents: 200_000,
    });
  });
});

describe("the list's filter", () => {
  const parse = (query: string) => parseCallListFilter(new URLSearchParams(query), 2026);

  it("shows the current year by default, every year on request, one scheme on request", () => {
    expect(parse("")).toEqual({ filter: { year: 2026, schemeCode: null }, notices: [] });
    expect(parse("annee=").filter.year).toBeNull();
    expect(parse("annee=2027&dispositif=cap-asso").filter).toEqual({ year: 2027, schemeCode: "CAP_ASSO" });
  });

  it("drops what names nothing, and says so", () => {
    expect(parse("annee=deux-mille&dispositif=autre")).toEqual({
      filter: { year: 2026, schemeCode: null },
      notices: [
        "L’année « deux-mille » n’est pas valide : l’année 2026 est affichée.",
        "Le dispositif « autre » n’existe pas : ce filtre est ignoré.",
      ],
    });
  });
});
