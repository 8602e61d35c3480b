import { createHash } from "node:crypto";
import { Readable } from "node:stream";

import { describe, expect, it } from "vitest";

import { inspectUpload, readAtMost } from "~/services/uploads.server";

import { SAMPLE_FILES } from "../support/files";

describe("inspectUpload", () => {
  it.each([
    ["pdf", "statuts.pdf", "application/pdf"],
    ["png", "photo.png", "image/png"],
    ["jpg", "photo.jpeg", "image/jpeg"],
    ["docx", "projet.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["xlsx", "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["odt", "projet.odt", "application/vnd.oasis.opendocument.text"],
    ["ods", "budget.ods", "application/vnd.oasis.opendocument.spreadsheet"],
  ] as const)("accepts a %s file by its content", async (kind, name, mime) => {
    const bytes = SAMPLE_FILES[kind];
    const result = await inspectUpload(bytes, name);
    expect(result).toEqual({
      ok: true,
      type: expect.objectContaining({ mime }),
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      downloadName: expect.stringMatching(new RegExp(`\\.${kind}$`)),
    });
  });

  it("names the download after the content, whatever extension the file came with", async () => {
    const result = await inspectUpload(SAMPLE_FILES.pdf, "C:\\Documents\\Comptes 2025 (approuvés).PDF");
    expect(result.ok && result.downloadName).toBe("Comptes 2025 (approuvés).pdf");
  });

  it.each([
    ["a Windows executable renamed statuts.pdf", SAMPLE_FILES.exe, "statuts.pdf"],
    ["an HTML page renamed budget.pdf", SAMPLE_FILES.html, "budget.pdf"],
    ["plain text", Buffer.from("Bonjour"), "notes.txt"],
  ])("refuses %s, in French", async (_case, bytes, name) => {
    expect(await inspectUpload(bytes, name)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Ce type de fichier n’est pas accepté\. Formats acceptés : PDF, /),
    });
  });

  it("refuses an empty file and a file over the limit", async () => {
    expect(await inspectUpload(Buffer.alloc(0), "vide.pdf")).toEqual({
      ok: false,
      error: "Le fichier est vide.",
    });
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2048)]);
    expect(await inspectUpload(big, "gros.pdf", 2048)).toEqual({
      ok: false,
      error: "Le fichier dépasse la taille maximale de 2\u00a0Kio.",
    });
  });
});

describe("readAtMost", () => {
  it("reads a stream within the limit and stops at the first chunk over it", async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced += 1;
        yield Buffer.alloc(1024);
      }
    }
    expect(await readAtMost(endless(), 10 * 1024)).toBeNull();
    expect(produced).toBe(11);
    const small = await readAtMost(Readable.from([Buffer.from("ab"), Buffer.from("c")]), 10);
    expect(Buffer.from(small!).toString()).toBe("abc");
  });
});
