// File names a browser sends with `;` or `=` in them (« CR; AG=2025.pdf ») reach the upload handler as
// typed, whatever the chunks the body arrives in; file contents are never touched.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  decodeQuotedParameter,
  escapeMultipartHeaders,
  multipartBoundary,
} from "~/services/platform/multipart-headers.server";

const BOUNDARY = "----WebKitFormBoundaryAbC123";

function body(parts: Array<{ headers: string; content: Buffer }>): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\n${part.headers}\r\n\r\n`, "latin1"),
      part.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

async function throughEscape(bytes: Buffer, cuts: number[]): Promise<Buffer> {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new Uint8Array(piece));
      controller.close();
    },
  });
  const out: Buffer[] = [];
  const reader = escapeMultipartHeaders(source, BOUNDARY).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.push(Buffer.from(value));
  }
  return Buffer.concat(out);
}

// A file whose bytes look like headers and half a delimiter: they must come out unchanged.
const content = Buffer.concat([
  Buffer.from('%PDF-1.7\r\nContent-Disposition: form-data; name="x"; filename="a;b=c"\r\n\r\n', "latin1"),
  Buffer.from(`\r\n--${BOUNDARY.slice(0, 10)}`),
  Buffer.from([0, 255, 13, 10, 37, 59, 61]),
]);
const parts = [
  { headers: 'Content-Disposition: form-data; name="intent"', content: Buffer.from("envoi") },
  {
    headers:
      'Content-Disposition: form-data; name="file"; filename="CR; AG=2025 à 100%.pdf"\r\nContent-Type: application/pdf',
    content,
  },
];

describe("the part headers of a multipart body", () => {
  it("escape `;`, `=` and `%` in quoted file names, and leave contents byte for byte, wherever the chunks end", async () => {
    const original = body(parts);
    const expected = Buffer.from(
      original
        .toString("latin1")
        .replace('filename="CR; AG=2025 à 100%.pdf"', 'filename="CR%3B AG%3D2025 à 100%25.pdf"'),
      "latin1",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), async (cuts) => {
        expect((await throughEscape(original, cuts)).equals(expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("give the name back as the browser sent it", () => {
    expect(decodeQuotedParameter("CR%3B AG%3D2025 à 100%25.pdf")).toBe("CR; AG=2025 à 100%.pdf");
    expect(decodeQuotedParameter("%253B.pdf")).toBe("%3B.pdf");
  });

  it("read the boundary of the Content-Type, quoted or not", () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/x-www-form-urlencoded")).toBeNull();
  });
});
