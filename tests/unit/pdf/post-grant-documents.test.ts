// The financial report (Cerfa 15059 layout) and the « demande de reversement », as a reader reads them:
// amounts to the cent, the gaps and their explanations, dates in words.
import { describe, expect, it } from "vitest";

import { formatDateInWords, formatEuros } from "~/domain/format";
import { actualField, explanationField, readReport, type ReportContext } from "~/domain/post-grant/report";
import { SchemeCode } from "~/generated/prisma/enums";
import { renderAcceptanceCertificate } from "~/pdf/acceptance-certificate.server";
import { renderFinancialReport } from "~/pdf/financial-report.server";
import { renderProjectReviewAgenda } from "~/pdf/project-review-agenda.server";
import { renderRecoveryOrder } from "~/pdf/recovery-order.server";

import { archived } from "../../support/pdf-archive";
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
      await archived(
        () =>
          renderFinancialReport({
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
        ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
      ),
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
      await archived(
        () =>
          renderRecoveryOrder({
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
        ["H1", "H2", "L", "LI"],
      ),
    );
    for (const amount of [6_000_000, 1_800_000, 1_600_022, 199_978])
      expect(text).toContain(formatEuros(amount));
    expect(text).toContain(formatDateInWords(dueDate));
    expect(flat(text)).toContain(
      "par virement au comptable public de la Région, sur présentation du titre de recette",
    );
  });
});

const reviewedDossier = {
  number: "CAPASSO-2026-00042",
  title: "Ressourcerie solidaire du Berry",
  schemeName: "CAP ASSO",
  organisationName: "L’Échappée belle",
  organisationAddress: "12 rue de la Poterne, 18000 Bourges",
  siret: "12345678900012",
  legalRepresentative: "Mme Claire Martin, présidente",
};

describe("the acceptance certificate PDF", () => {
  it("is tagged PDF/A-2a and reads back as written: each party's acceptance and the agreement's SHA-256", async () => {
    const acceptedAt = new Date("2027-01-14T09:30:00Z");
    const text = await pdfText(
      await archived(
        () =>
          renderAcceptanceCertificate({
            dossier: reviewedDossier,
            agreementFileName: "convention-CAPASSO-2026-00042.pdf",
            agreementIssuedOn: new Date("2026-12-16T08:00:00Z"),
            agreementSha256: "b".repeat(64),
            acceptances: [
              {
                party: "Pour le bénéficiaire",
                signatoryName: "Claire Martin",
                signatoryRole: "présidente",
                recordedBy: "claire.martin@example.org",
                method: "ONLINE",
                acceptedAt,
                ipAddress: "192.0.2.10",
                userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
                declaration: "J’accepte la convention et m’engage à la respecter.",
                scan: null,
              },
              {
                party: "Pour la Région",
                signatoryName: "Julien Moreau",
                signatoryRole: null,
                recordedBy: "Julien Moreau",
                method: "PAPER",
                acceptedAt,
                ipAddress: null,
                userAgent: null,
                declaration: "Convention signée par la Présidente.",
                scan: { fileName: "convention-signee.pdf", sha256: "c".repeat(64) },
              },
            ],
            effectiveAt: acceptedAt,
            createdAt: acceptedAt,
          }),
        ["H1", "H2", "L", "LI", "Lbl", "LBody"],
      ),
    );
    expect(text.replace(/\s+/g, "")).toContain("b".repeat(64));
    expect(flat(text)).toContain("Pour la Région");
  });
});

describe("the project review agenda PDF", () => {
  it("is tagged PDF/A-2a and reads back as written: each dossier, its plan and the funders' positions", async () => {
    const text = await pdfText(
      await archived(
        () =>
          renderProjectReviewAgenda({
            title: "Revue de projets ESS — Indre",
            scheduledAt: new Date("2027-03-10T13:30:00Z"),
            place: "Hôtel de Région, Orléans",
            organiser: "Région Centre-Val de Loire",
            invitedOrganisations: ["France Active Centre-Val de Loire", "Banque des Territoires"],
            createdAt: new Date("2027-03-01T08:00:00Z"),
            items: [
              {
                number: "CAPASSO-2026-00042",
                title: "Ressourcerie solidaire du Berry",
                organisationName: "L’Échappée belle",
                schemeName: "CAP ASSO",
                department: "Cher (18)",
                stage: "Accordé",
                totalBudgetCents: 8_000_000,
                requestedAmountCents: 2_000_000,
                regionAmountCents: 2_000_000,
                regionAmountLabel: "Montant accordé par la Région",
                positions: [
                  {
                    organisation: "France Active Centre-Val de Loire",
                    status: "Favorable",
                    instrument: "Prêt participatif",
                    amountCents: 1_500_000,
                  },
                ],
                planCents: 6_000_000,
                planShare: 0.75,
                confirmedCents: 3_500_000,
                toConfirmCents: 2_500_000,
                lines: [
                  {
                    label: "Région Centre-Val de Loire",
                    amountCents: 2_000_000,
                    confirmedCents: 2_000_000,
                    toConfirmCents: 0,
                    status: "Confirmé",
                  },
                  {
                    label: "France Active Centre-Val de Loire",
                    amountCents: 4_000_000,
                    confirmedCents: 1_500_000,
                    toConfirmCents: 2_500_000,
                    status: "À confirmer",
                  },
                ],
                planSentence: "Le plan de financement couvre 75 % du budget.",
                confirmedSentence: "3 500,00 € sont confirmés.",
                additionsSentence: null,
                summary: "Une ressourcerie qui crée deux emplois.",
              },
            ],
          }),
        ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
      ),
    );
    expect(flat(text)).toContain("Prêt participatif");
  });
});
