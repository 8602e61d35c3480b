// The equity advance's documents after its payment, as a reader reads them: the new schedule, the amendment,
// the formal reminder and the final statement, amounts to the cent and dates in French.
import { describe, expect, it } from "vitest";

import { formatDate, formatDateInWords, formatEuros } from "~/domain/format";
import { rescheduledInstalments } from "~/domain/post-grant/repayments";
import { renderAdvanceAmendment } from "~/pdf/advance-amendment.server";
import { renderAdvanceReminderLetter } from "~/pdf/advance-reminder-letter.server";
import { renderAdvanceSchedule } from "~/pdf/advance-schedule.server";
import { renderRepaymentCertificate } from "~/pdf/repayment-certificate.server";

import { archived } from "../../support/pdf-archive";
import { pdfText } from "../../support/pdf-text";

const flat = (text: string) => text.replace(/\s+/g, " ");
const base = {
  dossier: {
    number: "AVANCEFP-2026-00001",
    title: "Préfinancer l’accompagnement vers l’emploi (FSE+)",
    schemeName: "Apport en fonds propres avec droit de reprise",
    organisationName: "Tremplin Emploi Touraine",
    organisationAddress: "6 rue de la Gitonnière, 37300 Joué-lès-Tours",
    siret: "70000006000017",
    legalRepresentative: "Yann Morel, président",
  },
  advanceCents: 8_000_000,
  paidOn: new Date("2026-01-15T11:00:00Z"),
  createdAt: new Date("2027-09-01T08:00:00Z"),
};
const signatory = "Pour le Président du Conseil régional et par délégation";
const rescheduled = rescheduledInstalments({
  paidOn: base.paidOn,
  outstandingCents: 6_222_223,
  firstDueDate: new Date("2028-03-15T11:00:00Z"),
  frequencyMonths: 3,
  count: 8,
  maxDurationMonths: 48,
});
if (!rescheduled.ok) throw new Error(rescheduled.error);
const instalments = rescheduled.instalments;

describe("the equity advance's documents", () => {
  it("prints the new schedule, each instalment dated, summing to what remains", async () => {
    const text = flat(
      await pdfText(
        await archived(
          () =>
            renderAdvanceSchedule({
              ...base,
              version: 2,
              origin: "Établi par avenant de rééchelonnement",
              outstandingCents: 6_222_223,
              instalments,
            }),
          ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
        ),
      ),
    );
    expect(text).toContain("Échéancier de remboursement n° 2");
    expect(text).toContain(`Versée le ${formatDate(base.paidOn)}`);
    expect(text).toContain(`15/03/2028 ${formatEuros(777_777)}`.replace(/\s+/g, " "));
    expect(text).toContain(formatEuros(777_784).replace(/\s+/g, " "));
    expect(text).toContain(`Total ${formatEuros(6_222_223)}`.replace(/\s+/g, " "));
  });

  it("states the amendment: reason, balance, new last date within the ceiling", async () => {
    const text = flat(
      await pdfText(
        await archived(
          () =>
            renderAdvanceAmendment({
              ...base,
              amendmentNumber: 1,
              reason: "Paiement FEDER reporté à 2028",
              outstandingCents: 6_222_223,
              previousLastDueDate: new Date("2029-01-15T11:00:00Z"),
              maxDurationMonths: 48,
              instalments,
              signatory,
            }),
          ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
        ),
      ),
    );
    expect(text).toContain("Avenant de rééchelonnement n° 1");
    expect(text).toContain("Paiement FEDER reporté à 2028");
    expect(text).toContain(formatEuros(6_222_223).replace(/\s+/g, " "));
    expect(text).toContain("15/12/2029");
    expect(text).toContain("15/01/2029");
  });

  it("writes the formal reminder with the arrears, their age and the date to pay by", async () => {
    const payBy = new Date("2027-09-16T10:00:00Z");
    const text = flat(
      await pdfText(
        await archived(
          () =>
            renderAdvanceReminderLetter({
              ...base,
              instalmentPosition: 3,
              dueDate: new Date("2027-07-15T10:00:00Z"),
              lateCents: 888_889,
              daysLate: 48,
              outstandingCents: 6_222_223,
              payBy,
              signatory,
            }),
          ["H1", "H2", "L", "LI"],
        ),
      ),
    );
    expect(text).toContain("due le 15/07/2027");
    expect(text).toContain(`${formatEuros(888_889)} restent impayés depuis 48 jours`.replace(/\s+/g, " "));
    expect(text).toContain(formatDateInWords(payBy).replace(/\s+/g, " "));
  });

  it("certifies the full repayment with the repayments received and their total", async () => {
    const text = flat(
      await pdfText(
        await archived(
          () =>
            renderRepaymentCertificate({
              ...base,
              repayments: [
                { receivedOn: new Date("2027-01-10T11:00:00Z"), amountCents: 3_000_000, reference: "TR-1" },
                { receivedOn: new Date("2027-10-05T10:00:00Z"), amountCents: 5_000_000, reference: "TR-2" },
              ],
              repaidOn: new Date("2027-10-05T10:00:00Z"),
              signatory,
            }),
          ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
        ),
      ),
    );
    expect(text).toContain("Attestation de remboursement intégral");
    expect(text).toContain(
      `reçu le ${formatDateInWords(new Date("2027-10-05T10:00:00Z"))}`.replace(/\s+/g, " "),
    );
    expect(text).toContain(`Total ${formatEuros(8_000_000)}`.replace(/\s+/g, " "));
    expect(text).toContain("TR-2");
  });
});
