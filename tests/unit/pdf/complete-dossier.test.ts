import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { formatEuros } from "~/domain/format";
import { renderCompleteDossier, type CompleteDossierData } from "~/pdf/complete-dossier.server";

import { expectArchivable, renderRecorded } from "../../support/pdf-archive";
import { pdfInfo, pdfText } from "../../support/pdf-text";

const sha256 = (content: string) => createHash("sha256").update(content).digest("hex");

function dossier(overrides: Partial<CompleteDossierData> = {}): CompleteDossierData {
  return {
    dossierNumber: "CAPASSO-2026-00042",
    statusLabel: "Déposé",
    schemeName: "CAP ASSO",
    ruleSetVersion: 2,
    title: "Ressourcerie solidaire du Berry",
    // 08:30 UTC is 09:30 in Paris in November.
    generatedAt: new Date("2026-11-23T08:30:00Z"),
    filedAt: new Date("2026-11-22T13:05:00Z"),
    organisation: [
      { label: "Nom", value: "L’Échappée belle" },
      { label: "Forme juridique", value: "Association déclarée (loi 1901)" },
      { label: "SIRET", value: "123 456 789 00012" },
    ],
    sections: [
      {
        title: "Le projet",
        items: [
          { label: "Intitulé", value: "Ressourcerie solidaire du Berry" },
          { label: "Date de début", value: "01/01/2027" },
        ],
        tables: [
          {
            caption: "Emplois créés",
            columns: ["Poste", "Contrat", "Coût annuel"],
            rows: [["Encadrant technique", "CDI", formatEuros(3_200_000)]],
            numericColumns: [2],
          },
        ],
      },
    ],
    budget: {
      expenses: [
        { category: "Charges de personnel", label: "Salaires", cents: 6_000_000 },
        { category: "Investissements", label: "Camion", cents: 2_000_000 },
      ],
      resources: [
        { category: "Région Centre-Val de Loire (montant demandé)", label: "CAP ASSO", cents: 2_000_000 },
        { category: "Fonds propres", label: "Réserves", cents: 6_000_000 },
      ],
    },
    attachments: [
      { label: "Statuts signés", fileName: "statuts.pdf", sizeBytes: 120_000, sha256: sha256("statuts") },
    ],
    ...overrides,
  };
}

async function render(data: CompleteDossierData) {
  const bytes = await renderCompleteDossier(data);
  const text = await pdfText(bytes);
  return { bytes, raw: bytes.toString("latin1"), text, pages: text.split("\f") };
}

/** The pages' text without their footers, wrapped lines joined again: to find a long answer whole. */
const unwrapped = (pages: string[]) =>
  pages
    .map((page) => page.replace(/\n[^\n]*Page \d+ \/ \d+$/, ""))
    .join("\n")
    .replace(/ ?\n/g, " ");

function jobRows(count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    `Poste n° ${index + 1}`,
    "CDD d’insertion",
    formatEuros(100_000 * (index + 1)),
  ]);
}

describe("renderCompleteDossier", () => {
  it("identifies the dossier: number, status, scheme and rules, dates in Paris time", async () => {
    const { text } = await render(dossier());
    expect(text).toContain("Ressourcerie solidaire du Berry");
    expect(text).toContain("Numéro de dossier CAPASSO-2026-00042");
    expect(text).toContain("Statut Déposé");
    expect(text).toContain("CAP ASSO — règlement en vigueur, version 2");
    expect(text).toContain("Déposé le 22/11/2026 à 14:05");
    expect(text).toContain("Document édité le 23/11/2026 à 09:30");
  });

  it("says a draft has no number yet and is not a filing", async () => {
    const { text } = await render(dossier({ dossierNumber: null, filedAt: null, statusLabel: "Brouillon" }));
    expect(text).toContain("Numéro de dossier Attribué au dépôt");
    expect(text).toContain("Brouillon\u00a0: ce document n’a pas valeur de dépôt.");
    expect(text).toContain("Déposé le Non déposé");
    expect(text).not.toContain("CAPASSO");
  });

  it("prints the organisation and every answer, long ones whole", async () => {
    const description = `${"Un atelier de réparation ouvert aux habitants du quartier. ".repeat(60)}Fin.`;
    const data = dossier();
    data.sections[0]!.items.push({ label: "Description", value: description.trim() });
    const { text, pages } = await render(data);
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain("Nom L’Échappée belle");
    expect(text).toContain("SIRET 123 456 789 00012");
    expect(text).toContain("Le projet");
    expect(text).toContain("Date de début 01/01/2027");
    expect(unwrapped(pages)).toContain(description.trim());
  });

  it("prints each section's tables with their amounts as the portal shows them", async () => {
    const { text } = await render(dossier());
    expect(text).toContain("Emplois créés");
    expect(text).toContain("Poste Contrat Coût annuel");
    expect(text).toContain(`Encadrant technique CDI ${formatEuros(3_200_000)}`);
  });

  it("prints the budget with its totals and says when it balances", async () => {
    const { text } = await render(dossier());
    expect(formatEuros(6_000_000)).toBe("60\u202f000,00\u00a0€");
    expect(text).toContain(`Charges de personnel Salaires ${formatEuros(6_000_000)}`);
    expect(text).toContain(`Total des dépenses ${formatEuros(8_000_000)}`);
    expect(text).toContain(`Région Centre-Val de Loire (montant demandé) CAP ASSO ${formatEuros(2_000_000)}`);
    expect(text).toContain(`Total des ressources ${formatEuros(8_000_000)}`);
    expect(text).toContain(`${formatEuros(0)} — budget équilibré`);
  });

  it("shows the gap of a budget that does not balance", async () => {
    const data = dossier();
    data.budget.resources.pop();
    const { text } = await render(data);
    expect(text).toContain(`Total des ressources ${formatEuros(2_000_000)}`);
    expect(text).toContain(`${formatEuros(-6_000_000)} — dépenses non couvertes par les ressources`);
  });

  it("lists the attachments with their SHA-256", async () => {
    const { text } = await render(dossier());
    expect(text).toContain("Pièces jointes (1)");
    expect(text).toContain("Statuts signés");
    expect(text).toContain(`SHA-256\u00a0: ${sha256("statuts")}`);
  });

  it("numbers its one page", async () => {
    const { pages } = await render(dossier({ sections: [] }));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("Page 1 / 1");
  });

  it("breaks a long table onto a second page, header repeated, no row lost or doubled", async () => {
    const data = dossier();
    // About 25 rows fit on the first page under the identity block: the table must break once.
    const rows = jobRows(30);
    data.sections[0]!.tables![0]!.rows = rows;
    const { text, pages } = await render(data);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Page 1 / 2");
    expect(pages[1]).toContain("Page 2 / 2");
    expect(pages[1]).toContain("Poste Contrat Coût annuel");
    for (const [post, contract, amount] of rows) {
      expect(text.split(`${post} ${contract} ${amount}\n`)).toHaveLength(2);
    }
  });

  it("keeps every page numbered out of the right total when a dossier runs long", async () => {
    const data = dossier();
    data.sections[0]!.tables![0]!.rows = jobRows(200);
    const { pages } = await render(data);
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((page, index) => {
      expect(page.trimEnd().endsWith(`Page ${index + 1} / ${pages.length}`)).toBe(true);
    });
  });

  it("embeds its font, and is a French document dated when it was generated", async () => {
    const { bytes, raw } = await render(dossier());
    expect(raw.includes("/FontFile2"), "a TrueType font file is embedded").toBe(true);
    expect(raw.includes("/Helvetica")).toBe(false);
    expect(/\/Lang \(([^)]*)\)/.exec(raw)?.[1]).toBe("fr-FR");
    const info = await pdfInfo(bytes);
    expect(info.Author).toBe("Région Centre-Val de Loire");
    expect(info.CreationDate).toBe("D:20261123083000Z");
  });

  it("is tagged PDF/A-2a and reads back as written, its tables with header cells", async () => {
    await expectArchivable(await renderRecorded(() => renderCompleteDossier(dossier())), [
      "H1",
      "H2",
      "L",
      "LI",
      "Table",
      "TH",
      "TD",
    ]);
  });
});
