// One contract, two stores: a local folder and S3-compatible storage (a real s3rver on loopback).
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";

import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createStorage,
  InvalidStorageKeyError,
  LocalFileStorage,
  newStorageKey,
  S3FileStorage,
  StorageNotFoundError,
  type FileStorage,
} from "~/services/platform/storage.server";

import { SAMPLE_FILES } from "../support/files";

interface Store {
  storage: FileStorage;
  close(): Promise<void>;
}

async function localStore(): Promise<Store> {
  const root = await mkdtemp(path.join(tmpdir(), "portail-fichiers-"));
  return { storage: new LocalFileStorage(root), close: () => rm(root, { recursive: true, force: true }) };
}

const BUCKET = "pieces-jointes";

async function s3Store(): Promise<Store & { contentTypeOf(key: string): Promise<string | undefined> }> {
  const directory = await mkdtemp(path.join(tmpdir(), "portail-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const env = {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    S3_REGION: "eu-west-3",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  };
  const storage = createStorage(env);
  expect(storage).toBeInstanceOf(S3FileStorage);
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    storage,
    contentTypeOf: async (key) =>
      (await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentType,
    close: async () => {
      client.destroy();
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

/** A stream that gives a few bytes then fails, as an upload cut off halfway does. */
function interruptedUpload() {
  return Readable.from(
    (async function* () {
      yield Buffer.from("début du fichier");
      throw new Error("connexion interrompue");
    })(),
  );
}

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

  it("keeps every byte value of a 3 Mio file, streamed in", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const key = newStorageKey();
    await store.storage.put(key, Readable.from([bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)]), {
      contentType: "application/pdf",
    });
    expect((await bytesOf(store.storage, key)).equals(bytes)).toBe(true);
  });

  it("takes a web stream", async () => {
    const key = newStorageKey();
    await store.storage.put(key, new Blob([SAMPLE_FILES.png]).stream(), { contentType: "image/png" });
    expect((await bytesOf(store.storage, key)).equals(SAMPLE_FILES.png)).toBe(true);
  });

  it("replaces a file stored under the same key", async () => {
    const key = newStorageKey();
    await store.storage.put(key, Buffer.from("version 1"), { contentType: "text/plain" });
    await store.storage.put(key, Buffer.from("version 2"), { contentType: "text/plain" });
    expect(await text(await store.storage.get(key))).toBe("version 2");
  });

  it("keeps the previous version when a replacement is cut off halfway", async () => {
    const key = newStorageKey();
    await store.storage.put(key, Buffer.from("version 1"), { contentType: "text/plain" });
    await expect(store.storage.put(key, interruptedUpload(), { contentType: "text/plain" })).rejects.toThrow(
      "connexion interrompue",
    );
    expect(await text(await store.storage.get(key))).toBe("version 1");
  });

  it("removes a file, after which it is not found", async () => {
    const key = newStorageKey();
    await store.storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
    await store.storage.delete(key);
    expect(await store.storage.exists(key)).toBe(false);
    await expect(store.storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("knows nothing of a key never stored, and removing it is not an error", async () => {
    const key = newStorageKey();
    expect(await store.storage.exists(key)).toBe(false);
    await expect(store.storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(store.storage.delete(key)).resolves.toBeUndefined();
  });

  it("does not take a folder of keys for a file", async () => {
    const key = newStorageKey(new Date("2030-01-15T00:00:00Z"));
    await store.storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
    expect(await store.storage.exists("2030/01")).toBe(false);
    await expect(store.storage.get("2030/01")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it.each([
    "../../etc/passwd",
    "/absolu",
    "2026/11/../x",
    "2026/11/./x",
    "2026//x",
    "2026/11/",
    "Statuts.pdf",
    "2026/11/abc.tmp",
    "2026\\11\\abc",
    "2026/11/ab cd",
    "2026/11/é",
    "-abc",
    "",
    `2026/11/${"a".repeat(200)}`,
  ])("refuses the key « %s » for every operation", async (key) => {
    const { storage } = store;
    await expect(storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" })).rejects.toThrow(
      InvalidStorageKeyError,
    );
    await expect(storage.get(key)).rejects.toThrow(/Clé de stockage invalide/);
    await expect(storage.exists(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
  });
});

describe("S3-compatible storage", () => {
  it("records the content type with the object", async () => {
    const store = await s3Store();
    try {
      const key = newStorageKey();
      await store.storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
      expect(await store.contentTypeOf(key)).toBe("application/pdf");
    } finally {
      await store.close();
    }
  });
});

describe("local storage", () => {
  it("leaves no temporary file behind, even when an upload fails, and keeps keys in year and month folders", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "portail-fichiers-"));
    try {
      const storage = new LocalFileStorage(root);
      const key = newStorageKey(new Date("2026-11-22T10:00:00Z"));
      expect(key).toMatch(/^2026\/11\/[0-9a-f]{32}$/);
      await storage.put(key, SAMPLE_FILES.png, { contentType: "image/png" });
      await expect(
        storage.put(newStorageKey(new Date("2026-11-23T10:00:00Z")), interruptedUpload(), {
          contentType: "image/png",
        }),
      ).rejects.toThrow();
      expect(await readdir(path.join(root, "2026", "11"))).toEqual([key.split("/")[2]]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("createStorage", () => {
  it("uses the folder STORAGE_DIR, or ./data/files, when S3_BUCKET is not set", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "portail-fichiers-"));
    try {
      const storage = createStorage({ STORAGE_DIR: root });
      expect(storage).toBeInstanceOf(LocalFileStorage);
      const key = newStorageKey();
      await storage.put(key, SAMPLE_FILES.pdf, { contentType: "application/pdf" });
      expect(await new LocalFileStorage(root).exists(key)).toBe(true);
      expect(createStorage({})).toBeInstanceOf(LocalFileStorage);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("refuses a half-done S3 configuration rather than keep files on the local disk", () => {
    expect(() => createStorage({ S3_ENDPOINT: "http://minio:9000" })).toThrow(/S3_BUCKET/);
    expect(() => createStorage({ S3_BUCKET: "pieces", S3_ACCESS_KEY_ID: "clé" })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
  });
});
