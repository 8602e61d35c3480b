import { describe, expect, it } from "vitest";

import { DEFAULT_MAX_UPLOAD_BYTES, formatBytes, maxUploadBytes, safeDownloadName } from "~/domain/uploads";

describe("maxUploadBytes", () => {
  it("is 10 Mio unless UPLOAD_MAX_BYTES says otherwise", () => {
    expect(maxUploadBytes({})).toBe(10 * 1024 * 1024);
    expect(maxUploadBytes({ UPLOAD_MAX_BYTES: "2097152" })).toBe(2_097_152);
  });

  it.each(["", "dix", "-1", "0", "1.5"])("ignores UPLOAD_MAX_BYTES=%s", (value) => {
    expect(maxUploadBytes({ UPLOAD_MAX_BYTES: value })).toBe(DEFAULT_MAX_UPLOAD_BYTES);
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
    [".htaccess", "odt", "htaccess.odt"],
  ])("turns « %s » (%s) into « %s »", (name, extension, expected) => {
    expect(safeDownloadName(name, extension)).toBe(expected);
  });

  it("shortens very long names to 120 characters, extension included", () => {
    const name = safeDownloadName(`${"é".repeat(300)}.pdf`, "pdf");
    expect(name).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});
