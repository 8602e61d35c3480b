import { describe, expect, it } from "vitest";

import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_TYPES,
  attachmentContentDisposition,
  formatBytes,
  MAX_UPLOAD_BYTES,
  maxUploadBytes,
  safeDownloadName,
  UPLOAD_MESSAGES,
} from "~/domain/uploads";

describe("accepted types", () => {
  it("are the seven formats of the call for projects, listed in French to the applicant", () => {
    expect(ACCEPTED_TYPES.map((type) => type.extension)).toEqual([
      "pdf",
      "jpg",
      "png",
      "odt",
      "docx",
      "xlsx",
      "ods",
    ]);
    expect(UPLOAD_MESSAGES.refused).toBe(
      "Ce type de fichier n’est pas accepté. Formats acceptés : PDF, image JPEG, image PNG, " +
        "texte OpenDocument (ODT), document Word (DOCX), classeur Excel (XLSX), classeur OpenDocument (ODS).",
    );
    expect(ACCEPT_ATTRIBUTE).toContain(".odt,application/vnd.oasis.opendocument.text");
  });
});

describe("maxUploadBytes", () => {
  it("is 10 Mio unless UPLOAD_MAX_BYTES says otherwise", () => {
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    expect(maxUploadBytes({})).toBe(10 * 1024 * 1024);
    expect(maxUploadBytes({ UPLOAD_MAX_BYTES: "2097152" })).toBe(2_097_152);
  });

  it.each(["", "dix", "-1", "0", "1.5", "1e400"])("ignores UPLOAD_MAX_BYTES=%s", (value) => {
    expect(maxUploadBytes({ UPLOAD_MAX_BYTES: value })).toBe(MAX_UPLOAD_BYTES);
  });

  it("tells the applicant the limit in their units", () => {
    expect(UPLOAD_MESSAGES.tooLarge(maxUploadBytes({}))).toBe(
      "Le fichier dépasse la taille maximale de 10\u00a0Mio.",
    );
  });
});

describe("formatBytes", () => {
  it.each([
    [10 * 1024 * 1024, "10\u00a0Mio"],
    [1536 * 1024, "1,5\u00a0Mio"],
    [2048, "2\u00a0Kio"],
    [512, "512\u00a0octets"],
  ])("writes %s bytes as « %s »", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe("safeDownloadName", () => {
  it.each([
    ["statuts.pdf", "pdf", "statuts.pdf"],
    ["C:\\Users\\Trésorière\\Bilan 2025.PDF", "pdf", "Bilan 2025.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ['rapport "final"?<>|*.docx', "docx", "rapport final.docx"],
    ["comptes\u0000\u001f\u007f.xlsx", "xlsx", "comptes.xlsx"],
    ["photo.exe", "png", "photo.png"],
    ["", "pdf", "piece-jointe.pdf"],
    ["   ", "pdf", "piece-jointe.pdf"],
    [".pdf", "pdf", "pdf.pdf"],
    [".htaccess", "odt", "htaccess.odt"],
    ["Budget de l'association.ods", "ods", "Budget de l’association.ods"],
    ["facture\u202efdp.exe", "pdf", "facturefdp.pdf"],
    ["Compte\u00a0rendu\t\nAG.odt", "odt", "Compte rendu AG.odt"],
  ])("turns « %s » (%s) into « %s »", (name, extension, expected) => {
    expect(safeDownloadName(name, extension)).toBe(expected);
  });

  it("keeps accents, composed as one character each", () => {
    expect(safeDownloadName("Re\u0301sume\u0301 e\u0301te\u0301.pdf", "pdf")).toBe("Résumé été.pdf");
    expect(safeDownloadName("Résumé été.pdf", "pdf")).toHaveLength("Résumé été.pdf".length);
  });

  it("keeps the sender's own extension, lowercased, when the type is not given", () => {
    expect(safeDownloadName("/tmp/Statuts signés.PDF")).toBe("Statuts signés.pdf");
    expect(safeDownloadName("sans extension")).toBe("sans extension");
    expect(safeDownloadName("")).toBe("piece-jointe");
  });

  it("shortens very long names to 120 characters, extension included, without breaking a character", () => {
    const name = safeDownloadName(`${"é".repeat(300)}.pdf`, "pdf");
    expect(name).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
    const emoji = safeDownloadName(`${"😀".repeat(200)}.pdf`, "pdf");
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji).toBe(`${"😀".repeat(116)}.pdf`);
  });
});

describe("attachmentContentDisposition", () => {
  it("always asks for a download, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentContentDisposition("Budget de l'association (été 2026).pdf")).toBe(
      `attachment; filename="Budget de l'association (ete 2026).pdf"; ` +
        `filename*=UTF-8''Budget%20de%20l%E2%80%99association%20%28%C3%A9t%C3%A9%202026%29.pdf`,
    );
  });

  it("cannot be broken out of by the name", () => {
    const header = attachmentContentDisposition('a"; filename="evil.html\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
  });
});
