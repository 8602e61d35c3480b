// When the connection drops after PostgreSQL committed a change but before the portal heard back, the change
// is there: its files must stay. Simulated on the real database by a client whose transactions commit, then
// fail as a lost connection does; and the other side: a change that did not commit leaves no file behind.
import { readdir, rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "~/generated/prisma/client";
import { uploadAttachment } from "~/services/applicant/attachments.server";
import { fileDossier } from "~/services/applicant/filing.server";
import { newStorageKey } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import { SAMPLE_FILES } from "../support/files";
import { APP_URL, createWorld, prepareDemo, type World } from "../support/instruction-world";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";

const lostAnswer = () =>
  Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });

/** The same database, but each transaction's answer is lost once it has committed. */
function committingThenFailing(db: PrismaClient): PrismaClient {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "$transaction")
        return async (...args: unknown[]) => {
          await (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
          throw lostAnswer();
        };
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The same database, but each transaction fails before it commits. */
function neverCommitting(db: PrismaClient): PrismaClient {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "$transaction") return async () => Promise.reject(lostAnswer());
      return Reflect.get(target, property, receiver);
    },
  });
}

describe("files of a change whose answer was lost", () => {
  let world: World;
  const storedFiles = async () =>
    (await readdir(world.root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      .length;
  beforeAll(async () => {
    world = await createWorld("pglite");
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("keeps an uploaded piece whose row was committed, and removes one whose row never was", async () => {
    const draft = await prepareDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const upload = (db: PrismaClient, name: string) =>
      uploadAttachment(db, world.storage, {
        userId: draft.owner.id,
        dossierId: draft.id,
        kind: "OTHER",
        fileName: name,
        source: Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${name}\n`)]),
      });
    await expect(upload(committingThenFailing(world.db), "committed.pdf")).rejects.toThrow(
      /Connection terminated/,
    );
    const kept = await world.db.attachment.findFirstOrThrow({
      where: { dossierId: draft.id, fileName: "committed.pdf" },
    });
    expect(await world.storage.exists(kept.storageKey)).toBe(true);

    const before = { rows: await world.db.attachment.count(), files: await storedFiles() };
    await expect(upload(neverCommitting(world.db), "lost.pdf")).rejects.toThrow(/Connection terminated/);
    // Neither a row nor a file: the upload that never committed left nothing behind.
    expect({ rows: await world.db.attachment.count(), files: await storedFiles() }).toEqual(before);
  });

  it("keeps the receipt of a filing that committed although its answer was lost", async () => {
    const draft = await prepareDemo(world, CAP_ASSO_DOSSIERS[0]!);
    await expect(
      fileDossier(committingThenFailing(world.db), world.storage, {
        userId: draft.owner.id,
        dossierId: draft.id,
        appUrl: APP_URL,
      }),
    ).rejects.toThrow(/Connection terminated/);
    const receipt = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId: draft.id, kind: "FILING_RECEIPT" },
    });
    expect(await world.storage.exists(receipt.storageKey)).toBe(true);
  });

  it("keeps every file when it cannot ask the database which are in use", async () => {
    const key = newStorageKey(new Date());
    await world.storage.put(key, Buffer.from("%PDF-1.4\n"), { contentType: "application/pdf" });
    const unreachable = {
      attachment: { findMany: () => Promise.reject(lostAnswer()) },
      generatedDocument: { findMany: () => Promise.reject(lostAnswer()) },
    } as unknown as PrismaClient;
    await deleteUnreferencedFiles(unreachable, world.storage, [key]);
    expect(await world.storage.exists(key)).toBe(true);
    await deleteUnreferencedFiles(world.db, world.storage, [key]);
    expect(await world.storage.exists(key)).toBe(false);
  });
});
