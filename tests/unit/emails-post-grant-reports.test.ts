// The emails of the financial reports and recoveries: French subjects, the amounts to the cent, the link in
// both parts, and what people typed shown as text, never as HTML.
import { describe, expect, it } from "vitest";

import { formatDateInWords, formatEuros } from "~/domain/format";
import { recoveryIssued } from "~emails/recovery-issued";
import { recoverySettled } from "~emails/recovery-settled";
import { reportApproved } from "~emails/report-approved";
import { reportCorrectionRequested } from "~emails/report-correction-requested";
import { reportReminder } from "~emails/report-reminder";
import { reportSubmitted } from "~emails/report-submitted";

import { htmlText } from "../support/email-text";

const url = "https://portail-ess.example/dossiers/abc/comptes-rendus/1?source=email&x=1";
const hostile = `Fête "solidaire" <img src=x onerror=alert(1)>`;
const base = { firstName: "Camille", dossierNumber: "CAPASSO-2026-00042", dossierTitle: hostile, url };
const due = new Date("2027-07-14T22:00:00Z");

function check(email: { subject: string; text: string; html: string }, expected: string[]) {
  expect(email.text).toContain(url);
  expect(email.html).toContain(url.replace("&", "&amp;"));
  expect(email.html).not.toContain("<img src=x");
  for (const piece of expected) {
    expect(email.text).toContain(piece);
    expect(htmlText(email.html)).toContain(piece);
  }
}

describe("financial report emails", () => {
  it("tells the instructor a report arrived", () => {
    const email = reportSubmitted({ ...base, periodLabel: "année 1", submittedAt: due });
    expect(email.subject).toBe("Dossier CAPASSO-2026-00042\u00a0: compte rendu financier reçu (année 1)");
    check(email, [hostile, `le ${formatDateInWords(due)}`]);
  });

  it("sends the correction asked, word for word", () => {
    const email = reportCorrectionRequested({
      ...base,
      periodLabel: "année 2",
      reason: "Joignez <b>le bilan</b>.",
    });
    expect(email.subject).toContain("correction demandée");
    check(email, ["Joignez <b>le bilan</b>.", "(année 2)"]);
  });

  it("states the subsidy retained and what follows: to pay, or to repay", () => {
    const toPay = reportApproved({
      ...base,
      periodLabel: "année 1",
      retainedCents: 1_100_050,
      toPayCents: 500_050,
      toRepayCents: 0,
    });
    check(toPay, [
      `Subvention finalement due pour la période\u00a0: ${formatEuros(1_100_050)}.`,
      `Il reste ${formatEuros(500_050)} à vous verser`,
    ]);
    const toRepay = reportApproved({
      ...base,
      periodLabel: "bilan final",
      retainedCents: 1_600_022,
      toPayCents: 0,
      toRepayCents: 199_978,
    });
    check(toRepay, [
      `La Région vous a versé ${formatEuros(199_978)} de plus que ce montant`,
      "demande de reversement",
    ]);
  });

  it("reminds 30 days before, on the day and once late, each in its own words", () => {
    const before = reportReminder({ ...base, kind: "BEFORE", periodLabel: "année 1", dueDate: due });
    expect(before.subject).toBe(
      `Dossier CAPASSO-2026-00042\u00a0: compte rendu financier à remettre avant le ${formatDateInWords(due)}`,
    );
    expect(
      reportReminder({ ...base, kind: "ON_DAY", periodLabel: "année 1", dueDate: due }).subject,
    ).toContain("aujourd’hui");
    const late = reportReminder({ ...base, kind: "OVERDUE", periodLabel: "année 1", dueDate: due });
    expect(late.subject).toContain("en retard");
    check(late, [`était à remettre le ${formatDateInWords(due)}`, "arrêté du 11 octobre 2006"]);
  });
});

describe("recovery emails", () => {
  it("asks for the amount by its due date, by transfer to the Region's public accountant", () => {
    const email = recoveryIssued({
      ...base,
      amountCents: 199_978,
      dueDate: due,
      reason: "Dépenses inférieures au prévu.",
    });
    expect(email.subject).toBe(
      `Dossier CAPASSO-2026-00042\u00a0: demande de reversement de ${formatEuros(199_978)}`,
    );
    check(email, [
      `reverser ${formatEuros(199_978)} au plus tard le ${formatDateInWords(due)}`,
      "comptable public de la Région",
      "Dépenses inférieures au prévu.",
    ]);
  });

  it("acknowledges the repayment", () => {
    const email = recoverySettled({ ...base, amountCents: 199_978, settledOn: due });
    check(email, [`votre reversement de ${formatEuros(199_978)}`]);
  });
});
