// The document the browser receives: no NUL byte whatever the text, nothing after </html>.
import { PassThrough, Readable } from "node:stream";
import { buffer } from "node:stream/consumers";

import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { wellFormedHtml } from "~/services/platform/html-stream.server";

/**
 * Renders a document whose paragraphs, of two-byte « é » after zero or one « a », put an « é » across the
 * writer's 2,048-byte buffer whatever the length of what comes before.
 */
function render(through: () => NodeJS.ReadWriteStream): Promise<Buffer> {
  const page = createElement(
    "html",
    { lang: "fr" },
    createElement(
      "body",
      null,
      Array.from({ length: 40 }, (_, index) =>
        createElement("p", { key: index }, `${"a".repeat(index % 2)}${"é".repeat(300)} Réponse attendue le`),
      ),
    ),
  );
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page, {
      onAllReady() {
        const out = through();
        buffer(out as unknown as Readable).then(resolve, reject);
        pipe(out as unknown as NodeJS.WritableStream);
      },
      onShellError: reject,
    });
  });
}

async function through(chunks: string[]): Promise<string> {
  const output = Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(wellFormedHtml());
  return (await buffer(output)).toString("utf8");
}

describe("wellFormedHtml", () => {
  it("drops the NUL bytes React's writer leaves when a two-byte character falls across its buffer", async () => {
    const raw = await render(() => new PassThrough());
    // The defect is real with this React: the test would not prove anything otherwise.
    expect(raw.includes(0)).toBe(true);
    const fixed = await render(wellFormedHtml);
    expect(fixed.includes(0)).toBe(false);
    expect(fixed.toString("utf8")).toBe(raw.toString("utf8").replaceAll("\0", ""));
    expect(fixed.toString("utf8").match(/Réponse attendue le/g)).toHaveLength(40);
  });

  it("moves what is streamed after </html> inside the body, even when the tags are split across chunks", async () => {
    expect(
      await through(["<html><body><p>Bonjour</p></bo", "dy></ht", "ml><!--$--><script>data()</script>"]),
    ).toBe("<html><body><p>Bonjour</p><!--$--><script>data()</script></body></html>");
    expect(await through(["<html><body>", "é", "</body></html>"])).toBe("<html><body>é</body></html>");
    // A fragment without the closing tags passes unchanged.
    expect(await through(["<p>partiel</p>", "<"])).toBe("<p>partiel</p><");
  });
});
