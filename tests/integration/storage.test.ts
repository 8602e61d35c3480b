// One contract, two stores: a local folder and S3-compatible storage (a real s3rver on loopback).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";

import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createStorage,
  LocalFileStorage,
  newStorageKey,
  S3FileStorage,
  StorageNotFoundError,
  type FileStorage,
} from "~/services/storage.server";

import { SAMPLE_FILES } from "../support/files";

interface Store {
  storage: FileStorage;
  close(): Promise<void>;
}

async function localStore(): Promise<Store> {
  const root = await mkdtemp(path.join(tmpdir(), "portail-fichiers-"));
  return { storage: new LocalFileStorage(root), close: () => rm(root, { recursive: true, force: true }) };
}

async function s3Store(): Promise<Store> {
  const directory = await mkdtemp(path.join(tmpdir(), "portail-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: "pieces-jointes", configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const storage = createStorage({
    S3_BUCKET: "pieces-jointes",
    S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    S3_REGION: "eu-west-3",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  });
  expect(storage).toBeInstanceOf(S3FileStorage);
  return {
    storage,
    close: async () => {
      (storage as S3FileStorage).destroy();
      await new Promise((resolve) => server.close(resolve));
      await rm(directory, { recursive: true, force: true });
    },
  };
}

const bytesOf = async (storage: FileStorage, key: string) => {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get(key)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

describe.each([
  ["a local folder", localStore],
  ["S3-compatible storage", s3Store],
])("attachment storage in %s", (_name, open) => {
  let store: Store;

  beforeAll(async () => {
    store = await open();
  });

  afterAll(async () => {
    await store?.close();
  });

  it("gives back exactly the bytes it was given", async () => {
    const key = newStorageKey();
    await store.storage.put(key, SAMPLE_FILES.docx, { contentType: "application/octet-stream" });
    expect(await store.storage.exists(key)).toBe(true);
    expect((await bytesOf(store.storage, key)).equals(SAMPLE_FILES.docx)).toBe(true);
  });

  it("replaces a file stored under the same key", async () => {
    const key = newStorageKey();
    await store.storage.put(key, Buffer.from("version 1"), { contentType: "text/plain" });
    await store.storage.put(key, Buffer.from("version 2"), { contentType: "text/plain" });
    expect(await text(await store.storage.get(key))).toBe("version 2");
  });

  it("removes a file, after which it is not found", async () => {
    const key = newStorageKey();
    await store.storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
    await store.storage.delete(key);
    expect(await store.storage.exists(key)).toBe(false);
    await expect(store.storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it.each(["../../etc/passwd", "/absolu", "2026/11/../x", "Statuts.pdf", ""])(
    "refuses the key « %s »",
    async (key) => {
      await expect(
        store.storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" }),
      ).rejects.toThrow(/Clé de stockage invalide/);
    },
  );
});

describe("local storage", () => {
  it("leaves no temporary file behind and keeps keys in year and month folders", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "portail-fichiers-"));
    try {
      const storage = new LocalFileStorage(root);
      const key = newStorageKey(new Date("2026-11-22T10:00:00Z"));
      expect(key).toMatch(/^2026\/11\/[0-9a-f]{32}$/);
      await storage.put(key, SAMPLE_FILES.png, { contentType: "image/png" });
      expect(await readdir(path.join(root, "2026", "11"))).toEqual([key.split("/")[2]]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
