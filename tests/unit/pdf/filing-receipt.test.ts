import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { formatEuros } from "~/domain/format";
import { formatBytes } from "~/domain/uploads";
import { renderFilingReceipt, type FilingReceiptData } from "~/pdf/filing-receipt.server";

import { expectArchivable, renderRecorded } from "../../support/pdf-archive";
import { pdfInfo, pdfText, withPdf } from "../../support/pdf-text";

const sha256 = (content: string) => createHash("sha256").update(content).digest("hex");

function receipt(overrides: Partial<FilingReceiptData> = {}): FilingReceiptData {
  return {
    dossierNumber: "CAPASSO-2026-00042",
    // 13:05 UTC is 14:05 in Paris in November (UTC+1).
    filedAt: new Date("2026-11-22T13:05:00Z"),
    schemeName: "CAP ASSO",
    ruleSetVersion: 3,
    title: "Ressourcerie solidaire du Berry",
    organisation: {
      name: "L’Échappée belle",
      legalForm: "Association déclarée (loi 1901)",
      siret: "12345678900012",
      rnaNumber: "W181000123",
      address: "12 rue de la Poterne, 18000 Bourges",
    },
    filedBy: "Camille Martin",
    amounts: [
      { label: "Montant demandé à la Région", cents: 2_000_000 },
      { label: "Budget total du projet", cents: 8_543_210 },
    ],
    attachments: [
      {
        label: "Statuts signés",
        fileName: "statuts.pdf",
        sizeBytes: 1_258_291,
        sha256: sha256("statuts"),
      },
      { label: "Relevé d’identité bancaire", fileName: "rib.png", sizeBytes: 48_000, sha256: sha256("rib") },
    ],
    url: "https://portail.example/dossiers/CAPASSO-2026-00042",
    ...overrides,
  };
}

async function render(data: FilingReceiptData) {
  const bytes = await renderFilingReceipt(data);
  const text = await pdfText(bytes);
  return { bytes, raw: bytes.toString("latin1"), text, pages: text.split("\f") };
}

describe("renderFilingReceipt", () => {
  it("gives the dossier number and the date and time of filing, in Paris time", async () => {
    const { text } = await render(receipt());
    expect(text).toContain("Récépissé de dépôt");
    expect(text).toContain("CAPASSO-2026-00042");
    expect(text).toContain("Déposé le 22/11/2026 à 14:05");
  });

  it("dates a filing late on a summer evening to the next day, as in Paris", async () => {
    // 22:30 UTC on 1 July is 00:30 on 2 July in Paris (UTC+2).
    const { text } = await render(receipt({ filedAt: new Date("2026-07-01T22:30:00Z") }));
    expect(text).toContain("Déposé le 02/07/2026 à 00:30");
  });

  it("names the organisation, the project, the scheme and the version of its rules", async () => {
    const { text } = await render(receipt());
    expect(text).toContain("L’Échappée belle");
    expect(text).toContain("Association déclarée (loi 1901)");
    expect(text).toContain("12345678900012");
    expect(text).toContain("W181000123");
    expect(text).toContain("12 rue de la Poterne, 18000 Bourges");
    expect(text).toContain("Ressourcerie solidaire du Berry");
    expect(text).toContain("CAP ASSO — règlement en vigueur, version 3");
    expect(text).toContain("Camille Martin");
  });

  it("leaves out the identifiers an organisation does not have", async () => {
    const data = receipt();
    const { text } = await render({ ...data, organisation: { ...data.organisation, siret: null } });
    expect(text).not.toContain("SIRET");
    expect(text).toContain("W181000123");
  });

  it("prints amounts exactly as the portal shows them, narrow no-break spaces included", async () => {
    const { text } = await render(receipt());
    expect(formatEuros(2_000_000)).toBe("20\u202f000,00\u00a0€");
    expect(text).toContain(`Montant demandé à la Région ${formatEuros(2_000_000)}`);
    expect(text).toContain(formatEuros(8_543_210));
  });

  it("lists each attachment with its size and its whole SHA-256 on one line", async () => {
    const data = receipt();
    const { text } = await render(data);
    for (const attachment of data.attachments) {
      expect(text).toContain(attachment.label);
      expect(text).toContain(`${attachment.fileName} — ${formatBytes(attachment.sizeBytes)}`);
      expect(text).toContain(`SHA-256\u00a0: ${attachment.sha256}`);
    }
    expect(text).toContain("Pièces jointes (2)");
  });

  it("says it is no decision, and links to the dossier", async () => {
    const { text, raw } = await render(receipt());
    expect(text).toContain("Ce récépissé atteste du dépôt de votre dossier.");
    expect(text).toContain("Il ne vaut pas décision d’attribution");
    expect(text).toContain("https://portail.example/dossiers/CAPASSO-2026-00042");
    // A link annotation, so the address can be followed, not just read.
    expect(/\/URI \(([^)]*)\)/.exec(raw)?.[1]).toBe("https://portail.example/dossiers/CAPASSO-2026-00042");
  });

  it("says so when nothing was attached, and mentions no hash", async () => {
    const { text } = await render(receipt({ attachments: [] }));
    expect(text).toContain("Pièces jointes (0)");
    expect(text).toContain("Aucune pièce jointe.");
    expect(text).not.toContain("SHA-256");
  });

  it("fits on one page, numbered", async () => {
    const { pages } = await render(receipt());
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("Page 1 / 1");
  });

  it("runs onto more pages when there are many attachments, each page numbered and no hash cut", async () => {
    const attachments = Array.from({ length: 30 }, (_, index) => ({
      label: `Pièce n° ${index + 1}`,
      fileName: `piece-${index + 1}.pdf`,
      sizeBytes: 1000 * (index + 1),
      sha256: sha256(`pièce ${index + 1}`),
    }));
    const { text, pages } = await render(receipt({ attachments }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pages.length}`));
    for (const attachment of attachments) expect(text).toContain(attachment.sha256);
  });

  it("embeds its font instead of relying on a standard PDF font", async () => {
    const { raw } = await render(receipt());
    expect(raw.includes("/FontFile2"), "a TrueType font file is embedded").toBe(true);
    // Subset fonts are named with a six-letter tag: « ABCDEF+DejaVuSans ».
    const fonts = [...raw.matchAll(/\/BaseFont \/([^\s/<>[\]()]+)/g)].map((match) => match[1]);
    expect(fonts).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z]{6}\+DejaVuSans$/)]));
    expect(fonts.filter((font) => !/^[A-Z]{6}\+DejaVuSans(-Bold)?$/.test(font ?? ""))).toEqual([]);
    expect(raw.includes("/Helvetica")).toBe(false);
  });

  it("is a French document by the Region, created at the time of filing", async () => {
    const { bytes, raw } = await render(receipt());
    expect(/\/Lang \(([^)]*)\)/.exec(raw)?.[1]).toBe("fr-FR");
    const info = await pdfInfo(bytes);
    expect(info.Title).toBe("Récépissé de dépôt — dossier CAPASSO-2026-00042");
    expect(info.Author).toBe("Région Centre-Val de Loire");
    expect(info.CreationDate).toBe("D:20261122130500Z");
  });

  it("is tagged PDF/A-2a: title, headings, paragraphs, lists, a link; reads back as written", async () => {
    await expectArchivable(await renderRecorded(() => renderFilingReceipt(receipt())), [
      "H1",
      "H2",
      "L",
      "LI",
      "Lbl",
      "LBody",
      "Link",
    ]);
  });

  it("keeps its XMP metadata well-formed XML when a title holds « & » or « < »", async () => {
    const { bytes } = await render(receipt({ title: "Jardins & Cie <Bourges>" }));
    const { info, xmp } = await withPdf(bytes, async (pdf) => {
      const { info, metadata } = await pdf.getMetadata();
      return { info: info as Record<string, unknown>, xmp: String(metadata?.getRaw() ?? "") };
    });
    expect(info.Subject).toBe("CAP ASSO\u00a0: Jardins & Cie <Bourges>");
    expect(xmp).toContain("CAP ASSO\u00a0: Jardins &amp; Cie &lt;Bourges&gt;");
  });
});
