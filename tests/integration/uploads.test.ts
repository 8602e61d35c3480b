import { createHash } from "node:crypto";
import { Readable } from "node:stream";

import { describe, expect, it } from "vitest";

import { inspectUpload } from "~/services/platform/uploads.server";

import { SAMPLE_FILES } from "../support/files";
import { OFFICE_FILES } from "../support/office-files";

const REFUSED =
  "Ce type de fichier n’est pas accepté. Formats acceptés : PDF, image JPEG, image PNG, texte OpenDocument (ODT), document Word (DOCX), classeur Excel (XLSX), classeur OpenDocument (ODS).";

const MIME = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
} as const;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("inspectUpload: accepted files, recognised by their content", () => {
  it.each([
    ["pdf", SAMPLE_FILES.pdf],
    ["png", SAMPLE_FILES.png],
    ["jpg", SAMPLE_FILES.jpg],
    ["docx", SAMPLE_FILES.docx],
    ["xlsx", SAMPLE_FILES.xlsx],
    ["odt", SAMPLE_FILES.odt],
    ["ods", SAMPLE_FILES.ods],
    ["docx", OFFICE_FILES.docx],
    ["xlsx", OFFICE_FILES.xlsx],
    ["odt", OFFICE_FILES.odt],
    ["ods", OFFICE_FILES.ods],
  ] as const)("accepts a %s file (%#)", async (extension, bytes) => {
    const result = await inspectUpload(bytes, `Pièce jointe n°1.${extension}`);
    expect(result).toEqual({
      ok: true,
      mime: MIME[extension],
      extension,
      label: expect.any(String),
      size: bytes.length,
      sha256: sha256(bytes),
      downloadName: `Pièce jointe n°1.${extension}`,
      bytes,
    });
  });

  it("names the download after the content, whatever extension the file came with", async () => {
    const pdf = await inspectUpload(SAMPLE_FILES.pdf, "C:\\Documents\\Comptes 2025 (approuvés).PDF");
    expect(pdf.ok && pdf.downloadName).toBe("Comptes 2025 (approuvés).pdf");
    const png = await inspectUpload(SAMPLE_FILES.png, "logo.pdf");
    expect(png).toMatchObject({ ok: true, mime: "image/png", downloadName: "logo.png" });
  });
});

describe("inspectUpload: refused files, whatever their name says", () => {
  it.each([
    ["a Windows executable renamed statuts.pdf", SAMPLE_FILES.exe, "statuts.pdf"],
    ["an HTML page renamed budget.pdf", SAMPLE_FILES.html, "budget.pdf"],
    ["plain text", Buffer.from("Bonjour"), "notes.txt"],
    ["a Word document with macros renamed .docx", OFFICE_FILES.docm, "projet.docx"],
    ["a PowerPoint presentation renamed .docx", OFFICE_FILES.pptx, "projet.docx"],
    ["an OpenDocument presentation renamed .odt", OFFICE_FILES.odp, "projet.odt"],
    ["a plain ZIP archive renamed .xlsx", OFFICE_FILES.zip, "budget.xlsx"],
  ])("refuses %s, in French", async (_case, bytes, name) => {
    expect(await inspectUpload(bytes, name)).toEqual({ ok: false, error: REFUSED });
  });

  it("refuses an empty file", async () => {
    expect(await inspectUpload(Buffer.alloc(0), "vide.pdf")).toEqual({
      ok: false,
      error: "Le fichier est vide.",
    });
    expect(await inspectUpload(Readable.from([]), "vide.pdf")).toEqual({
      ok: false,
      error: "Le fichier est vide.",
    });
  });

  it("refuses a file over the limit, and takes one of exactly the limit", async () => {
    const limit = SAMPLE_FILES.pdf.length + 100;
    const atLimit = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(100, 0x20)]);
    expect(await inspectUpload(atLimit, "juste.pdf", limit)).toMatchObject({ ok: true, size: limit });
    expect(await inspectUpload(Buffer.concat([atLimit, Buffer.from(" ")]), "gros.pdf", limit)).toEqual({
      ok: false,
      error: `Le fichier dépasse la taille maximale de ${limit}\u00a0octets.`,
    });
  });

  it("applies UPLOAD_MAX_BYTES when no limit is given", async () => {
    const previous = process.env.UPLOAD_MAX_BYTES;
    process.env.UPLOAD_MAX_BYTES = "2048";
    try {
      const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2048)]);
      expect(await inspectUpload(big, "gros.pdf")).toEqual({
        ok: false,
        error: "Le fichier dépasse la taille maximale de 2\u00a0Kio.",
      });
    } finally {
      if (previous === undefined) delete process.env.UPLOAD_MAX_BYTES;
      else process.env.UPLOAD_MAX_BYTES = previous;
    }
  });
});

describe("inspectUpload: streamed uploads", () => {
  const chunksOf = (bytes: Buffer, size: number) =>
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
      bytes.subarray(index * size, (index + 1) * size),
    );

  it.each([
    ["a Node stream", () => Readable.from(chunksOf(OFFICE_FILES.xlsx, 100))],
    ["a web stream", () => new Blob([new Uint8Array(OFFICE_FILES.xlsx)]).stream()],
    [
      "multipart data",
      async function* () {
        yield* chunksOf(OFFICE_FILES.xlsx, 7);
      },
    ],
  ])("reads %s whole and gives back the bytes to store", async (_case, source) => {
    const result = await inspectUpload(source(), "budget.xlsx");
    expect(result).toMatchObject({ ok: true, extension: "xlsx", size: OFFICE_FILES.xlsx.length });
    expect(result.ok && Buffer.from(result.bytes).equals(OFFICE_FILES.xlsx)).toBe(true);
    expect(result.ok && result.sha256).toBe(sha256(OFFICE_FILES.xlsx));
  });

  it("stops reading an endless upload at the limit and closes it", async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        yield SAMPLE_FILES.pdf;
        for (;;) {
          produced += 1024;
          yield Buffer.alloc(1024);
        }
      } finally {
        closed = true;
      }
    }
    expect(await inspectUpload(endless(), "infini.pdf", 10 * 1024)).toEqual({
      ok: false,
      error: "Le fichier dépasse la taille maximale de 10\u00a0Kio.",
    });
    expect(produced).toBe(10 * 1024);
    expect(closed).toBe(true);
  });

  it("cancels a web stream that goes over the limit", async () => {
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1000));
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await inspectUpload(stream, "flux.pdf", 4500);
    expect(result).toMatchObject({ ok: false });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(6);
  });
});
