// The financial report (Cerfa 15059 layout) and the « demande de reversement », as a reader reads them:
// amounts to the cent, the gaps and their explanations, dates in words.
import { describe, expect, it } from "vitest";

import { formatDateInWords, formatEuros } from "~/domain/format";
import { actualField, explanationField, readReport, type ReportContext } from "~/domain/post-grant/report";
import { SchemeCode } from "~/generated/prisma/enums";
import { renderFinancialReport } from "~/pdf/financial-report.server";
import { renderRecoveryOrder } from "~/pdf/recovery-order.server";

import { pdfText } from "../../support/pdf-text";

const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the financial report PDF", () => {
  it("lays out the account, the budget table with its gaps, the indicators and the pieces", async () => {
    const context: ReportContext = {
      schemeCode: SchemeCode.CAP_ASSO,
      thresholdPercent: 15,
      lines: [
        { id: "a", side: "EXPENSE", category: "PERSONNEL", label: "Salaires", amountCents: 2_000_000 },
        { id: "b", side: "RESOURCE", category: "REGION", label: "Région", amountCents: 1_200_000 },
      ],
    };
    const reading = readReport(
      context,
      {
        actions: "Ateliers de réparation",
        publicReached: "412 habitants",
        datesAndPlaces: "Bourges",
        [actualField("a")]: "23 456,78",
        [explanationField("a")]: "Un poste de plus à mi-temps.",
        [actualField("b")]: "12 000",
        jobsCreatedFte: "1,5",
        jobsCreatedCdi: "1",
        jobsConsolidatedFte: "2",
        jobsConsolidatedCdi: "2",
      },
      "submit",
    );
    if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
    const submittedAt = new Date("2027-06-30T08:00:00Z");
    const text = await pdfText(
      await renderFinancialReport({
        dossierNumber: "CAPASSO-2026-00042",
        title: "Ressourcerie",
        schemeName: "CAP ASSO",
        organisation: { name: "L’Échappée belle", siret: "12345678900012", rnaNumber: null },
        periodLabel: "année 1",
        periodStart: new Date("2026-01-14T23:00:00Z"),
        periodEnd: new Date("2027-01-13T23:00:00Z"),
        grantedCents: 3_400_000,
        periodAmountCents: 1_200_000,
        thresholdPercent: 15,
        report: reading.report,
        submittedAt,
        submittedBy: "Camille Martin",
        attachments: [
          {
            label: "Comptes annuels approuvés",
            fileName: "comptes.pdf",
            sizeBytes: 1000,
            sha256: "a".repeat(64),
          },
        ],
      }),
    );
    const content = flat(text);
    expect(content).toContain("Compte rendu financier de subvention");
    expect(content).toContain("Cerfa n° 15059");
    for (const amount of [2_000_000, 2_345_678, 345_678, 3_400_000, 1_200_000])
      expect(text).toContain(formatEuros(amount));
    expect(text).toContain("+17,3\u00a0%");
    expect(content).toContain("Un poste de plus à mi-temps.");
    expect(content).toContain("Emplois créés (en équivalent temps plein)");
    expect(content).toContain("comptes.pdf");
    expect(text).toContain(formatDateInWords(submittedAt));
  });
});

describe("the recovery order PDF", () => {
  it("states granted, paid, finally due and to repay to the cent, and how to repay", async () => {
    const dueDate = new Date("2028-03-15T22:59:00Z");
    const text = await pdfText(
      await renderRecoveryOrder({
        dossierNumber: "AVOSID-2026-00007",
        title: "Tiers-lieu",
        schemeName: "A VOS ID",
        organisation: {
          name: "Commune de Valençay",
          siret: null,
          address: "1 place de la Mairie 36600 Valençay",
        },
        grantedCents: 6_000_000,
        paidCents: 1_800_000,
        finallyDueCents: 1_600_022,
        amountCents: 199_978,
        reason: "Dépenses éligibles réalisées inférieures au prévu.",
        decidedAt: new Date("2028-02-14T10:00:00Z"),
        dueDate,
        signatory: "La directrice",
      }),
    );
    for (const amount of [6_000_000, 1_800_000, 1_600_022, 199_978])
      expect(text).toContain(formatEuros(amount));
    expect(text).toContain(formatDateInWords(dueDate));
    expect(flat(text)).toContain(
      "par virement au comptable public de la Région, sur présentation du titre de recette",
    );
  });
});
