// What React's streaming renderer sends, made into a well-formed document on its way to the browser:
// - react-dom 18.3.1's Node writer sends its whole 2,048-byte buffer when a two-byte character does not fit
//   at its end, unused byte included: a NUL lands in the page (« Réponse attendue le » became « R\0éponse »
//   in a validator's eyes). U+0000 has no place in HTML and no UTF-8 sequence contains a 0x00 byte other
//   than U+0000 itself, so dropping every 0x00 byte restores exactly what React meant to send.
// - Remix streams its single-fetch data scripts after the root route's `</html>`; browsers move them into
//   the body, validators stop at them. `</body></html>` is held back and sent last, so they land inside it.
//   React escapes `</` in text and in the streamed JSON, so the marker cannot come from content.
import { Transform, type TransformCallback } from "node:stream";

const CLOSING = Buffer.from("</body></html>");

export function wellFormedHtml(): Transform {
  /** Bytes kept back because they may be the start of the closing tags. */
  let carry = Buffer.alloc(0);
  let closed = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const bytes = withoutNul(chunk);
      if (closed) return callback(null, bytes);
      const data = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      const at = data.indexOf(CLOSING);
      if (at >= 0) {
        closed = true;
        carry = Buffer.alloc(0);
        const before = data.subarray(0, at);
        const after = data.subarray(at + CLOSING.length);
        return callback(null, Buffer.concat([before, after]));
      }
      const keep = Math.min(data.length, CLOSING.length - 1);
      carry = Buffer.from(data.subarray(data.length - keep));
      callback(null, data.subarray(0, data.length - keep));
    },
    flush(callback: TransformCallback) {
      callback(null, closed ? CLOSING : carry);
    },
  });
}

function withoutNul(chunk: Buffer): Buffer {
  if (chunk.indexOf(0) < 0) return chunk;
  return Buffer.from(chunk.filter((byte) => byte !== 0));
}
