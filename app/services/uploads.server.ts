// Checks an uploaded file before it is stored: its real type from its content (a renamed executable or
// an HTML page called « statuts.pdf » is refused), its size, and its SHA-256 for the filing receipt.
import { createHash } from "node:crypto";

import { fileTypeFromBuffer } from "file-type";

import {
  ACCEPTED_TYPES,
  maxUploadBytes,
  safeDownloadName,
  UPLOAD_MESSAGES,
  type AcceptedType,
} from "~/domain/uploads";

export type UploadInspection =
  | { ok: true; type: AcceptedType; size: number; sha256: string; downloadName: string }
  | { ok: false; error: string };

export async function inspectUpload(
  bytes: Uint8Array,
  declaredName: string,
  limit: number = maxUploadBytes(),
): Promise<UploadInspection> {
  if (bytes.byteLength === 0) return { ok: false, error: UPLOAD_MESSAGES.empty };
  if (bytes.byteLength > limit) return { ok: false, error: UPLOAD_MESSAGES.tooLarge(limit) };
  const detected = await fileTypeFromBuffer(bytes);
  const type = detected && ACCEPTED_TYPES.find((accepted) => accepted.mime === detected.mime);
  if (!type) return { ok: false, error: UPLOAD_MESSAGES.refused };
  return {
    ok: true,
    type,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    downloadName: safeDownloadName(declaredName, type.extension),
  };
}

/**
 * Reads a stream into memory up to `limit` bytes; null as soon as it goes over, without reading the rest
 * (the caller answers and closes the request).
 */
export async function readAtMost(
  stream: AsyncIterable<Uint8Array>,
  limit: number = maxUploadBytes(),
): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
