import { describe, expect, it } from "vitest";

import {
  parseMinutesForm,
  reviewFormSchema,
  reviewItem,
  summaryLine,
  type ReviewItemRow,
} from "~/domain/project-review";
import {
  DossierStatus,
  FunderKind,
  PledgeInstrument,
  PledgeStatus,
  SchemeCode,
} from "~/generated/prisma/enums";

const form = {
  title: "Revue du Loiret",
  date: "2026-12-15",
  time: "14:00",
  place: "Hôtel de Région, Orléans",
};

describe("the form planning a review", () => {
  it("reads the day and the time on a Paris clock", () => {
    const winter = reviewFormSchema.parse(form);
    expect(winter.scheduledAt.toISOString()).toBe("2026-12-15T13:00:00.000Z");
    const summer = reviewFormSchema.parse({ ...form, date: "2026-06-15" });
    expect(summer.scheduledAt.toISOString()).toBe("2026-06-15T12:00:00.000Z");
    expect(winter.title).toBe("Revue du Loiret");
  });

  it("explains in French what is missing or wrong", () => {
    const result = reviewFormSchema.safeParse({ title: " ", date: "2026-02-30", time: "25:00", place: "" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      title: "Indiquez le titre de la revue.",
      date: "Indiquez une date valide, par exemple 15/12/2026.",
      time: "Indiquez une heure valide, par exemple 14:00.",
      place: "Indiquez le lieu ou le lien de la visioconférence.",
    });
  });

  it("refuses a place over 300 characters", () => {
    const result = reviewFormSchema.safeParse({ ...form, place: "x".repeat(301) });
    expect(result.error?.issues[0]?.message).toBe("Le lieu ne peut pas dépasser 300 caractères.");
  });
});

describe("the minutes form", () => {
  it("reads one text per dossier and ignores other fields", () => {
    expect(
      parseMinutesForm({ intent: "minutes", "minutes.d1": "  Avis favorable.\r\n", "minutes.d2": "" }),
    ).toEqual({
      ok: true,
      minutes: { d1: "Avis favorable.", d2: "" },
    });
  });

  it("refuses a text over 5,000 characters, next to its field", () => {
    const result = parseMinutesForm({ "minutes.d1": "a".repeat(5001) });
    expect(result).toEqual({
      ok: false,
      errors: {
        "minutes.d1": "Le compte rendu ne peut pas dépasser 5\u202f000 caractères (5\u202f001 saisis).",
      },
    });
  });
});

describe("a dossier on the agenda", () => {
  it("sums up the project in one line, cut at a word", () => {
    const long = `${"Une épicerie solidaire ".repeat(20)}fin`;
    const line = summaryLine(SchemeCode.A_VOS_ID, { summary: long }, 60);
    expect(line.endsWith("…")).toBe(true);
    expect(line.length).toBeLessThanOrEqual(61);
    expect(summaryLine(SchemeCode.CAP_ASSO, { activityProject: "Un poste d’éducateur." })).toBe(
      "Un poste d’éducateur.",
    );
    expect(summaryLine(SchemeCode.CAP_ASSO, null)).toBe("");
  });

  it("counts the Region, the holder's own funds and the firm positions into the gap", () => {
    const row: ReviewItemRow = {
      minutes: null,
      dossier: {
        id: "d1",
        number: "AVOSID-2026-00001",
        title: "Ressourcerie",
        status: DossierStatus.PROPOSED,
        schemeCode: SchemeCode.A_VOS_ID,
        answers: { summary: "Réemploi d’objets." },
        requestedAmountCents: 40_000_00,
        proposedAmountCents: 30_000_00,
        grantedAmountCents: null,
        totalBudgetCents: 100_000_00,
        departmentCode: "45",
        department: { name: "Loiret" },
        scheme: { name: "A VOS ID" },
        organisation: { name: "Ressourcerie du Giennois" },
        budgetLines: [
          { side: "RESOURCE", category: "REGION", label: "Région (demandé)", amountCents: 40_000_00 },
          {
            side: "RESOURCE",
            category: "STATE",
            label: "ADEME — fonds économie circulaire",
            amountCents: 15_000_00,
          },
          { side: "RESOURCE", category: "EU", label: "FEDER", amountCents: 35_000_00 },
          { side: "RESOURCE", category: "OWN_FUNDS", label: "Fonds propres", amountCents: 10_000_00 },
        ],
        pledges: [
          {
            status: PledgeStatus.COMMITTED,
            instrument: PledgeInstrument.LOAN,
            amountCents: 20_000_00,
            funderOrganisation: { name: "France Active", kind: FunderKind.SOLIDARITY_FINANCE },
          },
          {
            status: PledgeStatus.CONSIDERED,
            instrument: PledgeInstrument.GRANT,
            amountCents: 15_000_00,
            funderOrganisation: { name: "ADEME", kind: FunderKind.PUBLIC_AGENCY },
          },
        ],
      },
    };
    const item = reviewItem(row);
    expect(item).toMatchObject({
      department: "Loiret (45)",
      stage: "Proposé",
      regionAmountCents: 30_000_00,
      regionAmountLabel: "Montant proposé par l’instruction",
      planCents: 100_000_00,
      planShare: 1,
      // Only the holder's own funds: the Region has not decided, ADEME only considers, and France Active's
      // loan fills no line of the plan.
      confirmedCents: 10_000_00,
      toConfirmCents: 90_000_00,
      summary: "Réemploi d’objets.",
    });
    expect(item.additionsSentence).toContain("engagés par France Active");
    expect(item.lines.map((line) => line.status)).toEqual([
      "À confirmer (proposé par l’instruction)",
      "À confirmer (envisagé par ADEME)",
      "À confirmer",
      "Confirmé : ressources propres du porteur",
    ]);
    expect(item.positions).toEqual([
      { organisation: "France Active", status: "Engagé", instrument: "Prêt", amountCents: 20_000_00 },
      { organisation: "ADEME", status: "Envisagé", instrument: "Subvention", amountCents: 15_000_00 },
    ]);
  });
});
