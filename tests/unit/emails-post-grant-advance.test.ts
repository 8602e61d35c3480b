// The equity advance's emails and the reminder calendar: 15 days before, on the day, then the formal reminder
// at +30 days; French subjects, amounts to the cent, the link in both parts.
import { describe, expect, it } from "vitest";

import { formatDateInWords, formatEuros } from "~/domain/format";
import { advanceReminderKind } from "~/domain/post-grant/repayments";
import { advanceReminder } from "~emails/advance-reminder";
import { advanceUpdate } from "~emails/advance-update";

import { htmlText } from "../support/email-text";

const url = "https://portail-ess.example/dossiers/abc/remboursements";
const due = new Date("2027-04-15T10:00:00Z");
const base = { firstName: "Yann", dossierNumber: "AVANCEFP-2026-00001", url };

describe("equity advance reminders", () => {
  it("goes 15 days before, on the day, none between, then the formal reminder from 30 days late", () => {
    expect(advanceReminderKind("2027-04-15", "2027-03-30", 0)).toBeNull();
    expect(advanceReminderKind("2027-04-15", "2027-03-31", 0)).toBe("BEFORE");
    expect(advanceReminderKind("2027-04-15", "2027-04-15", 0)).toBe("ON_DAY");
    expect(advanceReminderKind("2027-04-15", "2027-05-14", 29)).toBeNull();
    expect(advanceReminderKind("2027-04-15", "2027-05-15", 30)).toBe("FORMAL");
  });

  it("says the instalment, its amount and date, and what remains, in each kind", () => {
    for (const [kind, subject] of [
      ["BEFORE", "échéance de remboursement dans 15 jours"],
      ["ON_DAY", "échéance de remboursement aujourd’hui"],
      ["FORMAL", "relance — échéance de remboursement impayée"],
    ] as const) {
      const email = advanceReminder({
        ...base,
        kind,
        position: 2,
        dueDate: due,
        amountCents: 888_889,
        daysLate: kind === "FORMAL" ? 31 : 0,
        outstandingCents: 7_111_111,
      });
      expect(email.subject).toBe(`Dossier AVANCEFP-2026-00001\u00a0: ${subject}`);
      for (const piece of [formatEuros(888_889), formatEuros(7_111_111), formatDateInWords(due), url]) {
        expect(email.text).toContain(piece);
      }
      expect(htmlText(email.html)).toContain(formatEuros(888_889));
    }
  });

  it("tells the association what moved", () => {
    const email = advanceUpdate({
      ...base,
      subject: "remboursement reçu",
      sentences: ["Remboursement reçu le 10/01/2027\u00a0: 4\u00a0000,00\u00a0€."],
    });
    expect(email.subject).toBe("Dossier AVANCEFP-2026-00001\u00a0: remboursement reçu");
    expect(email.text).toContain("Remboursement reçu le 10/01/2027");
    expect(email.text).toContain(url);
  });
});
