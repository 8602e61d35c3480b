// The eligibility API as server.mjs serves it: Node's own request and response, over a real socket.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { handleEligibilityNode, MAX_BODY_BYTES } from "~/services/schemes/eligibility.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("the eligibility API over HTTP", () => {
  let database: TestDatabase;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await seedReference(database.db);
    server = createServer((request, response) => void handleEligibilityNode(database.db, request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/eligibility`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  it("answers a JSON question with the four schemes", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ organisation: { legalForm: "association", department: "18" } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as { results: Array<{ scheme: string; eligible: boolean | null }> };
    expect(body.results.map((result) => [result.scheme, result.eligible])).toEqual([
      ["cap-asso", null],
      ["a-vos-id", null],
      ["cap-scop-scic", false],
      ["avance-fonds-propres", null],
    ]);
  });

  it("refuses a body streamed past 64 KiB without waiting for its end", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    // A stream with no Content-Length that would go on for 64 MiB.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 64 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe("La requête dépasse 64 Kio.");
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    expect(sent).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it("tells a GET to use POST", async () => {
    const response = await fetch(url);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
