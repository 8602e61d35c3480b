// Remix's multipart parser splits a part's Content-Disposition on every `;` and `=`, even inside the quoted
// file name a browser sends (`filename="CR; AG=2025.pdf"`), and then refuses the whole form. Before it
// parses, the quoted values of each part's headers are rewritten so that those characters are escaped
// (`%3B`, `%3D`, and `%` itself as `%25`); the upload handler reads the name back with
// `decodeQuotedParameter`. Only header blocks are touched: file contents pass through byte for byte.

const CRLF2 = Buffer.from("\r\n\r\n");
/** A header block longer than this is left as it is: the parser refuses it in its own way. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a `multipart/form-data` Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** `;`, `=` and `%` inside the quoted strings of the Content-Disposition lines of a header block. */
function escapeHeaderBlock(block: Buffer): Buffer {
  // latin1 maps each byte to one character and back: a UTF-8 file name's bytes survive untouched.
  const text = block.toString("latin1");
  const escaped = text.replace(/^content-disposition:.*$/gim, (line) =>
    line.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
      quoted.replace(/%/g, "%25").replace(/;/g, "%3B").replace(/=/g, "%3D"),
    ),
  );
  return Buffer.from(escaped, "latin1");
}

/** The value of a quoted header parameter as the browser sent it, once escapeHeaderBlock has passed. */
export function decodeQuotedParameter(value: string): string {
  return value.replace(/%3B/g, ";").replace(/%3D/g, "=").replace(/%25/g, "%");
}

/**
 * The body of a multipart request with its part headers escaped. The stream is scanned for the
 * delimiter `\r\n--boundary`; what follows it up to the blank line is a header block.
 */
export function escapeMultipartHeaders(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): ReadableStream<Uint8Array> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with `--boundary`, without the CRLF: scanning a virtual CRLF first finds it the same way.
  let pending: Buffer = Buffer.from("\r\n");
  let skipPrefix = 2;
  let inHeaders = false;

  const emit = (controller: TransformStreamDefaultController<Uint8Array>, bytes: Buffer) => {
    const out = skipPrefix > 0 ? bytes.subarray(Math.min(skipPrefix, bytes.length)) : bytes;
    skipPrefix = Math.max(0, skipPrefix - bytes.length);
    if (out.length > 0) controller.enqueue(new Uint8Array(out));
  };

  const drain = (controller: TransformStreamDefaultController<Uint8Array>, final: boolean) => {
    for (;;) {
      if (inHeaders) {
        const end = pending.indexOf(CRLF2);
        if (end === -1) {
          if (pending.length > MAX_HEADER_BYTES || final) {
            inHeaders = false;
            continue;
          }
          return;
        }
        emit(controller, escapeHeaderBlock(pending.subarray(0, end + CRLF2.length)));
        pending = pending.subarray(end + CRLF2.length);
        inHeaders = false;
        continue;
      }
      const found = pending.indexOf(delimiter);
      if (found === -1) {
        // Keep what could be the start of a delimiter cut by the chunk's end.
        const keep = final ? 0 : Math.min(pending.length, delimiter.length + 1);
        emit(controller, pending.subarray(0, pending.length - keep));
        pending = pending.subarray(pending.length - keep);
        return;
      }
      // The delimiter is followed by `--` (the end) or by CRLF and the next part's headers.
      const after = found + delimiter.length;
      if (pending.length < after + 2 && !final) {
        emit(controller, pending.subarray(0, found));
        pending = pending.subarray(found);
        return;
      }
      emit(controller, pending.subarray(0, after + 2));
      inHeaders = pending.subarray(after, after + 2).toString("latin1") === "\r\n";
      pending = pending.subarray(after + 2);
    }
  };

  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pending = Buffer.concat([pending, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)]);
        drain(controller, false);
      },
      flush(controller) {
        drain(controller, true);
      },
    }),
  );
}

/** The same request, its multipart body's part headers escaped (other requests are returned as they are). */
export function withEscapedPartHeaders(request: Request): Request {
  const boundary = multipartBoundary(request.headers.get("Content-Type") ?? "");
  if (!boundary || !request.body) return request;
  // The escapes lengthen the body: the length the browser declared no longer holds.
  const headers = new Headers(request.headers);
  headers.delete("Content-Length");
  return new Request(request.url, {
    method: request.method,
    headers,
    body: escapeMultipartHeaders(request.body, boundary),
    duplex: "half",
  } as RequestInit);
}
