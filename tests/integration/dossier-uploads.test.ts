// A dossier's pieces: files are judged by their content and size before anything is kept, a refused file
// leaves neither a row nor a file behind, replacing and removing work on a draft, and only members of the
// organisation may upload or download. The multipart reader checks files as they arrive.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { organisationFormSchema } from "~/domain/organisation-schema";
import type { PrismaClient } from "~/generated/prisma/client";
import { SchemeCode } from "~/generated/prisma/enums";
import {
  AttachmentError,
  listAttachments,
  openAttachment,
  removeAttachment,
  uploadAttachment,
} from "~/services/applicant/attachments.server";
import { startDossier } from "~/services/applicant/dossiers.server";
import { readMultipartForm } from "~/services/platform/multipart.server";
import { createOrganisation } from "~/services/applicant/organisations.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { demoFrenchIban, demoSiret } from "../../seeds/demo/identifiers";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { errorResponse } from "~/services/platform/http.server";

const REFUSED =
  "Ce type de fichier n’est pas accepté. Formats acceptés : PDF, image JPEG, image PNG, texte OpenDocument (ODT), document Word (DOCX), classeur Excel (XLSX), classeur OpenDocument (ODS).";
const TOO_LARGE_1_KIO = "Le fichier dépasse la taille maximale de 1\u00a0Kio.";

/** A Linux executable's header: the ELF magic number, 64-bit, little-endian. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);

/** A genuine PDF of about `size` bytes. */
const pdfOfSize = (size: number) =>
  Buffer.concat([
    SAMPLE_FILES.pdf,
    Buffer.from(`%${"x".repeat(Math.max(0, size - SAMPLE_FILES.pdf.length - 2))}\n`),
  ]);

async function storedKeys(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("Un refus était attendu.");
    },
    (reason: unknown) => reason,
  );
}

describe.each(databaseKinds())("dossier pieces on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;
  let storage: LocalFileStorage;
  let people = 0;

  async function createUser() {
    people += 1;
    return db.user.create({
      data: {
        email: `piece${people}@example.fr`,
        passwordHash: "not-used-here",
        firstName: "Camille",
        lastName: `Porteuse${people}`,
      },
    });
  }

  /** A CAP ASSO draft of a new association of the Loiret, with its owner. */
  async function draft() {
    const user = await createUser();
    const organisation = await createOrganisation(
      db,
      user.id,
      organisationFormSchema.parse({
        name: "Jardins partagés de Montargis",
        legalForm: "ASSOCIATION",
        siret: demoSiret(String(86_300_000 + people), "0001"),
        rnaNumber: `W45400${String(people).padStart(4, "0")}`,
        addressLine: "5 rue du Loing",
        postcode: "45200",
        city: "Montargis",
        legalRepresentativeName: "Camille Porteuse",
        legalRepresentativeRole: "Présidente",
        contactEmail: "contact@jardins-montargis.fr",
        iban: demoFrenchIban("42559", "10000", `080123458${String(people).padStart(2, "0")}`),
      }),
    );
    const { id } = await startDossier(db, {
      userId: user.id,
      organisationId: organisation.id,
      schemeCode: SchemeCode.CAP_ASSO,
    });
    return { user, dossierId: id };
  }

  const rowsOf = (dossierId: string) =>
    db.attachment.findMany({ where: { dossierId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    await seedReference(db);
    root = await mkdtemp(path.join(tmpdir(), "portail-pieces-"));
    storage = new LocalFileStorage(root);
  });

  afterAll(async () => {
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it.each([
    ["a Windows executable", SAMPLE_FILES.exe],
    ["a Linux executable", ELF],
    ["an HTML page", SAMPLE_FILES.html],
  ])("refuses %s renamed statuts.pdf and keeps nothing of it", async (_what, bytes) => {
    const { user, dossierId } = await draft();
    const keysBefore = await storedKeys(root);
    const error = await rejection(
      uploadAttachment(db, storage, {
        userId: user.id,
        dossierId,
        kind: "STATUTES",
        fileName: "statuts.pdf",
        source: bytes,
      }),
    );
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as Error).message).toBe(REFUSED);
    expect(await rowsOf(dossierId)).toEqual([]);
    expect(await storedKeys(root)).toEqual(keysBefore);
  });

  it.each([
    ["given whole", () => pdfOfSize(4096)],
    ["streamed", () => Readable.from([pdfOfSize(800), pdfOfSize(800), pdfOfSize(800)])],
  ])("refuses a file over the size limit (%s) and keeps nothing of it", async (_how, source) => {
    const { user, dossierId } = await draft();
    const keysBefore = await storedKeys(root);
    const error = await rejection(
      uploadAttachment(db, storage, {
        userId: user.id,
        dossierId,
        kind: "STATUTES",
        fileName: "statuts.pdf",
        source: source(),
        limit: 1024,
      }),
    );
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as Error).message).toBe(TOO_LARGE_1_KIO);
    expect(await rowsOf(dossierId)).toEqual([]);
    expect(await storedKeys(root)).toEqual(keysBefore);
  });

  it("keeps a PDF, serves it back byte for byte, and replaces it with a new version", async () => {
    const { user, dossierId } = await draft();
    const first = await uploadAttachment(db, storage, {
      userId: user.id,
      dossierId,
      kind: "STATUTES",
      fileName: "Statuts 2019.PDF",
      source: SAMPLE_FILES.pdf,
    });
    expect(first).toMatchObject({
      kind: "STATUTES",
      fileName: "Statuts 2019.pdf",
      mimeType: "application/pdf",
      sizeBytes: SAMPLE_FILES.pdf.length,
      deletedAt: null,
    });
    const opened = await openAttachment(db, storage, { userId: user.id, dossierId, attachmentId: first.id });
    expect(opened).toMatchObject({ fileName: "Statuts 2019.pdf", mimeType: "application/pdf" });
    expect(await buffer(opened.stream)).toEqual(SAMPLE_FILES.pdf);

    const updated = pdfOfSize(600);
    const second = await uploadAttachment(db, storage, {
      userId: user.id,
      dossierId,
      kind: "STATUTES",
      fileName: "Statuts 2025.pdf",
      source: updated,
      replaceId: first.id,
    });
    const rows = await rowsOf(dossierId);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id === first.id)!.deletedAt).not.toBeNull();
    expect(rows.find((row) => row.id === second.id)).toMatchObject({ deletedAt: null, sizeBytes: 600 });
    expect((await listAttachments(db, user.id, dossierId)).map((row) => row.fileName)).toEqual([
      "Statuts 2025.pdf",
    ]);
    const reopened = await openAttachment(db, storage, {
      userId: user.id,
      dossierId,
      attachmentId: second.id,
    });
    expect(await buffer(reopened.stream)).toEqual(updated);
    // The replaced version is no longer served.
    const gone = await rejection(
      openAttachment(db, storage, { userId: user.id, dossierId, attachmentId: first.id }),
    );
    expect((gone as Response).status).toBe(404);

    // Replacing a piece that was already replaced is refused, and nothing is kept of the new file.
    const keysBefore = await storedKeys(root);
    const stale = await rejection(
      uploadAttachment(db, storage, {
        userId: user.id,
        dossierId,
        kind: "STATUTES",
        fileName: "Statuts bis.pdf",
        source: SAMPLE_FILES.pdf,
        replaceId: first.id,
      }),
    );
    expect((stale as Error).message).toBe("La pièce à remplacer n’existe plus.");
    expect(await rowsOf(dossierId)).toHaveLength(2);
    expect(await storedKeys(root)).toEqual(keysBefore);
  });

  it("deletes the file of a piece removed from a draft", async () => {
    const { user, dossierId } = await draft();
    const piece = await uploadAttachment(db, storage, {
      userId: user.id,
      dossierId,
      kind: "RIB",
      fileName: "rib.png",
      source: SAMPLE_FILES.png,
    });
    expect(await storage.exists(piece.storageKey)).toBe(true);

    await removeAttachment(db, storage, { userId: user.id, dossierId, attachmentId: piece.id });
    expect(await storage.exists(piece.storageKey)).toBe(false);
    expect((await rowsOf(dossierId))[0]!.deletedAt).not.toBeNull();
    expect(await listAttachments(db, user.id, dossierId)).toEqual([]);
  });

  it("lets no one outside the organisation upload or download", async () => {
    const { user, dossierId } = await draft();
    const piece = await uploadAttachment(db, storage, {
      userId: user.id,
      dossierId,
      kind: "STATUTES",
      fileName: "statuts.pdf",
      source: SAMPLE_FILES.pdf,
    });
    const outsider = await createUser();
    const keysBefore = await storedKeys(root);

    const upload = errorResponse(
      await rejection(
        uploadAttachment(db, storage, {
          userId: outsider.id,
          dossierId,
          kind: "STATUTES",
          fileName: "statuts.pdf",
          source: SAMPLE_FILES.pdf,
        }),
      ),
    );
    expect(upload).toBeInstanceOf(Response);
    expect((upload as Response).status).toBe(404);

    const download = errorResponse(
      await rejection(
        openAttachment(db, storage, { userId: outsider.id, dossierId, attachmentId: piece.id }),
      ),
    );
    expect(download).toBeInstanceOf(Response);
    expect((download as Response).status).toBe(404);

    const removal = await rejection(
      removeAttachment(db, storage, { userId: outsider.id, dossierId, attachmentId: piece.id }),
    );
    expect((removal as Response).status).toBe(404);

    expect((await rowsOf(dossierId)).map((row) => [row.id, row.deletedAt])).toEqual([[piece.id, null]]);
    expect(await storedKeys(root)).toEqual(keysBefore);
  });
});

describe("readMultipartForm", () => {
  function multipartRequest(fields: Array<[string, string | File]>): Request {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return new Request("http://localhost:3000/dossiers/d1/pieces/envoi", { method: "POST", body: form });
  }

  it("reads the text fields and inspects each file by its content", async () => {
    const request = multipartRequest([
      ["kind", "STATUTES"],
      ["file", new File([SAMPLE_FILES.pdf], "Statuts à jour.pdf", { type: "application/pdf" })],
    ]);
    const { form, files } = await readMultipartForm(request, { fileFields: ["file"] });
    expect(form.get("kind")).toBe("STATUTES");
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      field: "file",
      declaredName: "Statuts à jour.pdf",
      inspection: {
        ok: true,
        mime: "application/pdf",
        size: SAMPLE_FILES.pdf.length,
        downloadName: "Statuts à jour.pdf",
      },
    });
    const inspection = files[0]!.inspection;
    expect(inspection.ok && Buffer.from(inspection.bytes)).toEqual(SAMPLE_FILES.pdf);
  });

  it("returns a refused inspection for a renamed executable, whatever type the browser declared", async () => {
    const request = multipartRequest([
      ["kind", "STATUTES"],
      ["file", new File([SAMPLE_FILES.exe], "statuts.pdf", { type: "application/pdf" })],
    ]);
    const { files } = await readMultipartForm(request, { fileFields: ["file"] });
    expect(files.map((file) => file.inspection)).toEqual([{ ok: false, error: REFUSED }]);
  });

  it("returns a refused inspection for an oversize part instead of failing, and still reads the fields after it", async () => {
    const request = multipartRequest([
      ["file", new File([pdfOfSize(200_000)], "statuts.pdf", { type: "application/pdf" })],
      ["kind", "STATUTES"],
    ]);
    const { form, files } = await readMultipartForm(request, { fileFields: ["file"], limit: 1024 });
    expect(files).toEqual([
      { field: "file", declaredName: "statuts.pdf", inspection: { ok: false, error: TOO_LARGE_1_KIO } },
    ]);
    expect(form.get("kind")).toBe("STATUTES");
  });
});
