// Office documents (DOCX, XLSX, ODT, ODS) are ZIP archives: a few kilobytes can expand to gigabytes (a
// "zip bomb") or hold thousands of entries, and would take down whoever opens them — an instructor's
// office suite, an indexer, an antivirus. Before such a file is kept, its directory is read and every
// entry is inflated within what the directory declares, so an archive that lies about its sizes is
// caught too. Real documents hold tens of entries and expand a few times their size.
import { createInflateRaw } from "node:zlib";

/** More entries than any document an applicant writes (a workbook of a hundred sheets has ~250). */
export const MAX_ARCHIVE_ENTRIES = 1_000;
/** What all entries may expand to, together. */
export const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

interface Entry {
  method: number;
  compressedSize: number;
  expandedSize: number;
  localOffset: number;
}

/** Why the archive is refused, in a word for the logs; null when it is a sane document. */
export async function archiveProblem(bytes: Uint8Array): Promise<string | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(buffer);
  if (typeof entries === "string") return entries;
  if (entries.length > MAX_ARCHIVE_ENTRIES) return "too many entries";
  const expanded = entries.reduce((total, entry) => total + entry.expandedSize, 0);
  if (expanded > MAX_EXPANDED_BYTES) return "expands too much";
  // Entries sharing their data (the overlapping-files bomb) or running past the end are not a document.
  let end = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset < end) return "overlapping entries";
    const start = dataStart(buffer, entry.localOffset);
    if (start === null || start + entry.compressedSize > buffer.length) return "truncated entry";
    end = start + entry.compressedSize;
    const problem = await checkEntry(buffer.subarray(start, end), entry);
    if (problem) return problem;
  }
  return null;
}

function readDirectory(buffer: Buffer): Entry[] | string {
  // The end record sits in the last 22 bytes, or before a comment of at most 64 KiB.
  let endOffset = -1;
  for (let offset = buffer.length - 22; offset >= Math.max(0, buffer.length - 22 - 0xffff); offset -= 1) {
    if (buffer.readUInt32LE(offset) === END_OF_DIRECTORY) {
      endOffset = offset;
      break;
    }
  }
  if (endOffset < 0) return "no directory";
  const count = buffer.readUInt16LE(endOffset + 10);
  let offset = buffer.readUInt32LE(endOffset + 16);
  // ZIP64 markers: no document within the upload limit needs them.
  if (count === 0xffff || offset === 0xffffffff) return "zip64";
  if (count > MAX_ARCHIVE_ENTRIES) return "too many entries";
  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== DIRECTORY_ENTRY)
      return "bad directory";
    entries.push({
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      expandedSize: buffer.readUInt32LE(offset + 24),
      localOffset: buffer.readUInt32LE(offset + 42),
    });
    offset +=
      46 +
      buffer.readUInt16LE(offset + 28) +
      buffer.readUInt16LE(offset + 30) +
      buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

function dataStart(buffer: Buffer, localOffset: number): number | null {
  if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL_HEADER) return null;
  return localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
}

async function checkEntry(data: Buffer, entry: Entry): Promise<string | null> {
  if (entry.method === 0) return data.length === entry.expandedSize ? null : "size mismatch";
  if (entry.method !== 8) return "unknown compression";
  return (await inflatedSize(data, entry.expandedSize)) === entry.expandedSize ? null : "size mismatch";
}

/**
 * How many bytes `data` inflates to, counted chunk by chunk and never kept; inflating stops as soon as it
 * goes past `expected`. -1 when the data is not valid deflate.
 */
function inflatedSize(data: Buffer, expected: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    let size = 0;
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > expected) {
        inflater.destroy();
        resolve(size);
      }
    });
    inflater.on("end", () => resolve(size));
    inflater.on("error", () => resolve(-1));
    inflater.end(data);
  });
}
