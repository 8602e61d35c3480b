// Checks an uploaded file before it is stored: its real type from its content (a renamed executable or
// an HTML page called « statuts.pdf » is refused), its size, and its SHA-256 for the filing receipt.
import { createHash } from "node:crypto";

import { fileTypeFromBuffer } from "file-type";

import { acceptedType, ARCHIVE_EXTENSIONS, safeDownloadName, UPLOAD_MESSAGES } from "~/domain/uploads";
import { env } from "~/env.server";

import { archiveProblem } from "./office-archives.server";

/** The bytes themselves, or a stream of them (a Node stream, a web stream, Remix's multipart `data`). */
export type UploadSource = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export type UploadInspection =
  | {
      ok: true;
      mime: string;
      extension: string;
      /** The French name of the type, as listed to the applicant. */
      label: string;
      size: number;
      sha256: string;
      /** The sender's name, cleaned, ending with the extension the content was recognised as. */
      downloadName: string;
      /** What was read, ready to be stored. */
      bytes: Uint8Array;
    }
  | { ok: false; error: string };

export async function inspectUpload(
  source: UploadSource,
  declaredName: string,
  limit: number = env().uploadMaxBytes,
): Promise<UploadInspection> {
  const bytes = await readWithin(source, limit);
  if (bytes === "too large") return { ok: false, error: UPLOAD_MESSAGES.tooLarge(limit) };
  if (bytes.byteLength === 0) return { ok: false, error: UPLOAD_MESSAGES.empty };
  // Only the content counts: neither the name nor the type the browser declared is trusted.
  const detected = await fileTypeFromBuffer(bytes);
  const type = detected && acceptedType(detected.mime);
  if (!type) return { ok: false, error: UPLOAD_MESSAGES.refused };
  if (ARCHIVE_EXTENSIONS.includes(type.extension) && (await archiveProblem(bytes))) {
    return { ok: false, error: UPLOAD_MESSAGES.archive };
  }
  return {
    ok: true,
    mime: type.mime,
    extension: type.extension,
    label: type.label,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    downloadName: safeDownloadName(declaredName, type.extension),
    bytes,
  };
}

/**
 * The whole content when it is at most `limit` bytes, else "too large". A stream is given up (and
 * cancelled) at the first chunk that goes over the limit, and never more than `limit` bytes are kept:
 * an oversize upload is neither read to its end nor held in memory.
 */
async function readWithin(source: UploadSource, limit: number): Promise<Uint8Array | "too large"> {
  if (source instanceof Uint8Array) return source.byteLength > limit ? "too large" : source;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of iterate(source)) {
    if (size + chunk.byteLength > limit) return "too large"; // leaving the loop cancels the stream
    size += chunk.byteLength;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

async function* iterate(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>) {
  if (Symbol.asyncIterator in source) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Cancelling an errored stream rejects with the error the read already threw.
    await reader.cancel().catch(() => undefined);
  }
}
