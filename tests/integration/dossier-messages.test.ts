import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DossierStatus, LegalForm, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { listMessages, postMessage, REGION_AUTHOR_LABEL } from "~/services/dossiers/messages.server";
import { MessageError, readMessageForm, type MessageUpload } from "~/services/dossiers/message-form.server";
import { DossierError } from "~/services/applicant/dossiers.server";
import { LocalFileStorage } from "~/services/platform/storage.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { errorResponse } from "~/services/platform/http.server";

const APP_URL = "https://portail.example.fr";
const NOW = new Date("2026-11-23T09:30:00Z");

async function upload(bytes: Uint8Array, fileName: string): Promise<MessageUpload> {
  return { fileName, inspection: await inspectUpload(bytes, fileName) };
}

/** What a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (reason: unknown) => reason,
  );
}

/** Every file under the storage folder, at any depth. */
async function storedFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** The multipart request a browser sends for the message form. */
function multipartRequest(body: string, files: Array<[Uint8Array, string]>): Request {
  const form = new FormData();
  form.append("intent", "message");
  form.append("body", body);
  for (const [bytes, name] of files) form.append("attachments", new Blob([new Uint8Array(bytes)]), name);
  return new Request("http://localhost:3000/dossiers/x", { method: "POST", body: form });
}

describe.each(databaseKinds())("dossier messages on %s", (kind) => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let counter = 0;

  async function createUser(role: UserRole = UserRole.APPLICANT) {
    counter += 1;
    return database.db.user.create({
      data: {
        email: `personne${counter}@example.fr`,
        passwordHash: "not-used-here",
        firstName: role === UserRole.APPLICANT ? "Camille" : "Alex",
        lastName: `Martin${counter}`,
        role,
      },
    });
  }

  /** A filed CAP ASSO dossier of a new organisation, with one member and, if asked, an assignee. */
  async function filedDossier(
    options: { assigned?: boolean; status?: DossierStatus } = {},
  ): Promise<{ dossierId: string; memberId: string; assignee: { id: string; email: string } | null }> {
    const member = await createUser();
    const assignee = options.assigned === false ? null : await createUser(UserRole.INSTRUCTOR);
    const organisation = await database.db.organisation.create({
      data: { name: `Association n° ${counter}`, legalForm: LegalForm.ASSOCIATION, departmentCode: "45" },
    });
    await database.db.membership.create({ data: { userId: member.id, organisationId: organisation.id } });
    const scheme = await database.db.scheme.findUniqueOrThrow({
      where: { code: SchemeCode.CAP_ASSO },
      include: { ruleSets: true },
    });
    const status = options.status ?? DossierStatus.FILED;
    const dossier = await database.db.dossier.create({
      data: {
        schemeId: scheme.id,
        schemeCode: SchemeCode.CAP_ASSO,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: member.id,
        assigneeId: assignee?.id ?? null,
        title: "Ressourcerie solidaire du Berry",
        status,
        number: status === DossierStatus.DRAFT ? null : `CAPASSO-2026-${String(counter).padStart(5, "0")}`,
        filedAt: status === DossierStatus.DRAFT ? null : NOW,
      },
    });
    return { dossierId: dossier.id, memberId: member.id, assignee };
  }

  async function rowsOf(dossierId: string) {
    const [messages, attachments] = await Promise.all([
      database.db.message.count({ where: { dossierId } }),
      database.db.attachment.count({ where: { dossierId } }),
    ]);
    return { messages, attachments };
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReference(database.db, NOW);
    storageRoot = await mkdtemp(path.join(tmpdir(), "messages-"));
    storage = new LocalFileStorage(storageRoot);
  });

  afterAll(async () => {
    await database?.close();
    if (storageRoot) await rm(storageRoot, { recursive: true, force: true });
  });

  it("stores a member's message with its attachment and emails the assigned instructor", async () => {
    const { dossierId, memberId, assignee } = await filedDossier();
    const before = await database.db.outboxEmail.count();
    await postMessage(database.db, storage, {
      userId: memberId,
      dossierId,
      body: "Bonjour,\r\nVoici le budget révisé.\r\n\r\nBien cordialement",
      files: [await upload(SAMPLE_FILES.pdf, "budget révisé.pdf")],
      appUrl: APP_URL,
      now: NOW,
    });

    const [message] = await listMessages(database.db, memberId, dossierId);
    expect(message).toMatchObject({
      body: "Bonjour,\nVoici le budget révisé.\n\nBien cordialement",
      fromApplicant: true,
      authorLabel: expect.stringMatching(/^Camille Martin\d+$/),
      attachments: [{ fileName: "budget révisé.pdf", sizeBytes: SAMPLE_FILES.pdf.byteLength }],
    });
    const attachment = await database.db.attachment.findUniqueOrThrow({
      where: { id: message!.attachments[0]!.id },
    });
    expect(attachment).toMatchObject({ messageId: message!.id, mimeType: "application/pdf" });
    // The pieces of the dossier itself are not touched by a message's file.
    expect(attachment.kind).toBe("OTHER");
    expect(await buffer(await storage.get(attachment.storageKey))).toEqual(SAMPLE_FILES.pdf);

    expect(await database.db.outboxEmail.count()).toBe(before + 1);
    const email = await database.db.outboxEmail.findFirstOrThrow({ where: { to: assignee!.email } });
    expect(email.template).toBe("message-received");
    expect(email.subject).toMatch(/^Dossier CAPASSO-2026-\d{5} : nouveau message$/);
    expect(email.text).toContain("Voici le budget révisé.");
    expect(email.text).toContain("1 pièce jointe");
    expect(email.text).toContain(`${APP_URL}/instruction/dossiers/${dossierId}`);
  });

  it("answers 404 to someone who is not a member, and stores nothing", async () => {
    const { dossierId } = await filedDossier();
    const stranger = await createUser();
    const files = await storedFiles(storageRoot);
    const posting = errorResponse(
      await rejection(
        postMessage(database.db, storage, {
          userId: stranger.id,
          dossierId,
          body: "Je ne devrais pas pouvoir écrire ici.",
          files: [await upload(SAMPLE_FILES.pdf, "intrus.pdf")],
          appUrl: APP_URL,
        }),
      ),
    );
    expect(posting).toBeInstanceOf(Response);
    expect((posting as Response).status).toBe(404);
    const reading = await rejection(listMessages(database.db, stranger.id, dossierId));
    expect((reading as Response).status).toBe(404);
    expect(await rowsOf(dossierId)).toEqual({ messages: 0, attachments: 0 });
    expect(await storedFiles(storageRoot)).toEqual(files);
  });

  it("refuses a renamed executable: no message, no attachment, no file, no email", async () => {
    const { dossierId, memberId } = await filedDossier();
    const files = await storedFiles(storageRoot);
    const emails = await database.db.outboxEmail.count();
    const error = await rejection(
      postMessage(database.db, storage, {
        userId: memberId,
        dossierId,
        body: "Le devis signé est joint.",
        files: [await upload(SAMPLE_FILES.pdf, "budget.pdf"), await upload(SAMPLE_FILES.exe, "devis.pdf")],
        appUrl: APP_URL,
      }),
    );
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).errors.attachments).toMatch(
      /^« devis\.pdf »\u00a0: Ce type de fichier n’est pas accepté/,
    );
    expect(await rowsOf(dossierId)).toEqual({ messages: 0, attachments: 0 });
    expect(await storedFiles(storageRoot)).toEqual(files);
    expect(await database.db.outboxEmail.count()).toBe(emails);
  });

  it("refuses an empty message, and more than five files", async () => {
    const { dossierId, memberId } = await filedDossier();
    const empty = await rejection(
      postMessage(database.db, storage, {
        userId: memberId,
        dossierId,
        body: "  \r\n ",
        files: [],
        appUrl: APP_URL,
      }),
    );
    expect((empty as MessageError).errors).toEqual({ body: "Écrivez votre message avant de l’envoyer." });
    const pdf = await upload(SAMPLE_FILES.pdf, "page.pdf");
    const tooMany = await rejection(
      postMessage(database.db, storage, {
        userId: memberId,
        dossierId,
        body: "Six fichiers",
        files: [pdf, pdf, pdf, pdf, pdf, pdf],
        appUrl: APP_URL,
      }),
    );
    expect((tooMany as MessageError).errors.attachments).toBe(
      "Vous pouvez joindre 5 fichiers au plus à un message.",
    );
    expect(await rowsOf(dossierId)).toEqual({ messages: 0, attachments: 0 });
  });

  it("emails nobody when no instructor is assigned yet", async () => {
    const { dossierId, memberId } = await filedDossier({ assigned: false });
    const emails = await database.db.outboxEmail.count();
    await postMessage(database.db, storage, {
      userId: memberId,
      dossierId,
      body: "Une question sur le calendrier.",
      files: [],
      appUrl: APP_URL,
    });
    expect(await rowsOf(dossierId)).toEqual({ messages: 1, attachments: 0 });
    expect(await database.db.outboxEmail.count()).toBe(emails);
  });

  it("waits for the filing before a message can be written", async () => {
    const { dossierId, memberId } = await filedDossier({ status: DossierStatus.DRAFT });
    const error = await rejection(
      postMessage(database.db, storage, {
        userId: memberId,
        dossierId,
        body: "Bonjour",
        files: [],
        appUrl: APP_URL,
      }),
    );
    expect(error).toBeInstanceOf(DossierError);
    expect(await rowsOf(dossierId)).toEqual({ messages: 0, attachments: 0 });
  });

  it("shows the instruction service, not the instructor's name, to the applicants", async () => {
    const { dossierId, memberId, assignee } = await filedDossier();
    await database.db.message.create({
      data: { dossierId, authorId: assignee!.id, body: "Merci de joindre vos statuts.", createdAt: NOW },
    });
    const [message] = await listMessages(database.db, memberId, dossierId);
    expect(message).toMatchObject({ fromApplicant: false, authorLabel: REGION_AUTHOR_LABEL });
  });

  it("removes the stored files when the message cannot be recorded", async () => {
    const { dossierId, memberId } = await filedDossier();
    const files = await storedFiles(storageRoot);
    const target = database.db;
    const failing = new Proxy(target, {
      get: (client, property) =>
        property === "$transaction"
          ? () => Promise.reject(new Error("base de données indisponible"))
          : Reflect.get(client, property, client),
    });
    const error = await rejection(
      postMessage(failing, storage, {
        userId: memberId,
        dossierId,
        body: "Avec une pièce",
        files: [await upload(SAMPLE_FILES.png, "photo.png")],
        appUrl: APP_URL,
      }),
    );
    expect((error as Error).message).toBe("base de données indisponible");
    expect(await storedFiles(storageRoot)).toEqual(files);
  });

  it("reads the multipart form as it streams: accepted, refused, oversize and surplus files", async () => {
    const accepted = await readMessageForm(
      multipartRequest("Voici les pièces.", [
        [SAMPLE_FILES.pdf, "statuts.pdf"],
        [SAMPLE_FILES.exe, "devis.pdf"],
        [new Uint8Array(0), ""],
      ]),
    );
    expect(accepted.fields).toMatchObject({ intent: "message", body: "Voici les pièces." });
    expect(accepted.files.map((file) => [file.fileName, file.inspection.ok])).toEqual([
      ["statuts.pdf", true],
      ["devis.pdf", false],
    ]);

    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(4096)]);
    const oversize = await readMessageForm(multipartRequest("Trop lourd", [[big, "rapport.pdf"]]), {
      limit: 1024,
    });
    expect(oversize.fields.body).toBe("Trop lourd");
    expect(oversize.files[0]!.inspection).toEqual({
      ok: false,
      error: "Le fichier dépasse la taille maximale de 1\u00a0Kio.",
    });

    const six = Array.from({ length: 6 }, (_, index): [Uint8Array, string] => [
      SAMPLE_FILES.png,
      `photo-${index}.png`,
    ]);
    const surplus = await readMessageForm(multipartRequest("Six photos", six));
    expect(surplus.files).toHaveLength(5);
    expect(surplus.extraFiles).toBe(1);

    // A body cut short (a connection dropped mid-upload) is a refusal to show, not a server error.
    const truncated = await rejection(
      readMessageForm(
        new Request("http://localhost:3000/dossiers/x", {
          method: "POST",
          headers: { "Content-Type": "multipart/form-data; boundary=abc" },
          body: '--abc\r\nContent-Disposition: form-data; name="body"\r\n\r\nBonjour',
        }),
      ),
    );
    expect(truncated).toBeInstanceOf(MessageError);
  });
});
