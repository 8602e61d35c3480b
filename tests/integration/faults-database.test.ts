// PostgreSQL "restarted" under load, as the app sees it. We do not restart the machine's shared server:
// a TCP proxy between the app instance and PostgreSQL drops every connection and refuses new ones for a
// couple of seconds, then accepts again — what a restart looks like from the app (connections reset,
// ECONNREFUSED while it is down). Requests that meet the outage get the French 503 page (no stack trace),
// /healthz says 503, no dossier is left half-filed, and the same process serves again by itself.
import { readdir } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DocumentKind, DossierStatus } from "~/generated/prisma/enums";

import type { DemoDossier } from "../../seeds/demo/dossier-writer";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { startAppServer, type AppServer, sessionCookieFor } from "../support/app-server";
import { createWorld, prepareDemo, type World } from "../support/instruction-world";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const SESSION_SECRET = "faults-database-session-secret";
const DRAFTS = 8;
const OUTAGE_MS = 2_500;

/** A demo dossier ready to file, and its owner's session cookie for the server under test. */
async function readyDraft(world: World, demo: DemoDossier) {
  const { id, owner } = await prepareDemo(world, demo);
  return { id, owner, cookie: await sessionCookieFor(world.db, owner.id, SESSION_SECRET) };
}

type Draft = Awaited<ReturnType<typeof readyDraft>>;
interface Answer {
  what: string;
  status: number;
  type: string;
  body: string;
  retryAfter: string | null;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL restarted under load", () => {
  let world: World;
  let proxy: TcpProxy;
  let app: AppServer;
  let drafts: Draft[];

  beforeAll(async () => {
    world = await createWorld("postgresql");
    drafts = [];
    for (let index = 0; index < DRAFTS; index += 1) {
      drafts.push(await readyDraft(world, CAP_ASSO_DOSSIERS[index % CAP_ASSO_DOSSIERS.length]!));
    }
    const server = new URL(world.database.url);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    app = await startAppServer({
      databaseUrl: proxy.via(world.database.url),
      env: {
        SESSION_SECRET,
        STORAGE_DIR: world.root,
        DATABASE_POOL_SIZE: "4",
        OUTBOX_WORKER: "0",
        INSTRUCTION_JOBS: "0",
        LOG_REQUESTS: "0",
      },
    });
  });

  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await world?.database.close();
  });

  async function ask(what: string, path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${app.url}${path}`, { redirect: "manual", ...init });
    return {
      what,
      status: response.status,
      type: response.headers.get("Content-Type") ?? "",
      body: await response.text(),
      retryAfter: response.headers.get("Retry-After"),
    };
  }
  const page = (draft: Draft) =>
    ask(`page ${draft.id}`, `/dossiers/${draft.id}`, { headers: { Cookie: draft.cookie } });
  const file = (draft: Draft) =>
    ask(`dépôt ${draft.id}`, `/dossiers/${draft.id}/depot`, {
      method: "POST",
      headers: {
        Cookie: draft.cookie,
        Origin: app.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "declaration=on",
    });

  function expectOutagePage(answer: Answer) {
    expect(answer.status, answer.what).toBe(503);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.retryAfter).toBe("10");
    expect(answer.body).toContain("<title>Service momentanément indisponible");
    expect(answer.body).toContain("Réessayez dans quelques instants");
    expect(answer.body).not.toMatch(/Unexpected Server Error|PrismaClient|ECONNREFUSED|\n\s+at /);
  }

  it("answers the outage with a French 503, files nothing by halves and recovers by itself", async () => {
    const [first, ...others] = drafts;
    expect((await file(first!)).status).toBe(302);
    expect((await page(first!)).status).toBe(200);

    // Pages and filings in flight when the connections drop: each either succeeded before, or met the
    // outage and got the 503 page; nothing else (no 500).
    const inFlight = Promise.all([
      ...others.slice(0, 4).map(file),
      ...others.map(page),
      ask("accueil", "/"),
      ask("dispositifs", "/dispositifs"),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await proxy.cut();
    const cutAt = Date.now();
    for (const answer of await inFlight) {
      if (answer.status === 503) expectOutagePage(answer);
      else
        expect([200, 302], `${answer.what} : ${answer.status}\n${answer.body.slice(0, 300)}`).toContain(
          answer.status,
        );
    }

    // While it is down: a signed-in page, a filing and the health check all say so.
    expectOutagePage(await page(others[4]!));
    expectOutagePage(await file(others[5]!));
    expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
    // Downloads and the upload endpoint (resource routes) say the same, in HTML for a browser, in JSON for a script.
    const download = await ask("reçu", `/dossiers/${first!.id}/documents/recu`, {
      headers: { Cookie: first!.cookie, Accept: "text/html" },
    });
    expect([download.status, download.retryAfter], download.body.slice(0, 300)).toEqual([503, "10"]);
    expect(download.body).toContain("Service momentanément indisponible");
    expect(download.body).not.toMatch(/Unexpected Server Error|PrismaClient|ECONNREFUSED|\n\s+at /);
    const upload = await ask("envoi", `/dossiers/${others[6]!.id}/pieces/envoi`, {
      method: "POST",
      headers: {
        Cookie: others[6]!.cookie,
        Origin: app.url,
        Accept: "application/json",
        "Content-Type": "multipart/form-data; boundary=x",
      },
      body: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n--x--\r\n',
    });
    expect([upload.status, upload.type]).toEqual([503, "application/json; charset=utf-8"]);
    expect(JSON.parse(upload.body).message).toMatch(/momentanément indisponible/);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - cutAt))));
    await proxy.restore();

    // The same process serves again, with no restart: the pool reconnects on its own.
    const deadline = Date.now() + 15_000;
    while ((await fetch(`${app.url}/healthz`)).status !== 200) {
      expect(Date.now(), "/healthz ne revient pas à 200").toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(app.process.exitCode).toBeNull();
    for (const draft of others) expect((await page(draft)).status).toBe(200);
    // Each applicant who met the 503 files again, as the page invites them to; already filed is no error.
    for (const draft of others) expect((await file(draft)).status).toBe(302);

    const dossiers = await world.db.dossier.findMany({
      where: { id: { in: drafts.map((draft) => draft.id) } },
      select: {
        id: true,
        status: true,
        number: true,
        events: { where: { toStatus: DossierStatus.FILED }, select: { id: true } },
        documents: { where: { kind: DocumentKind.FILING_RECEIPT }, select: { storageKey: true } },
      },
    });
    expect(dossiers).toHaveLength(DRAFTS);
    expect(new Set(dossiers.map((dossier) => dossier.number)).size).toBe(DRAFTS);
    for (const dossier of dossiers) {
      const owner = drafts.find((draft) => draft.id === dossier.id)!.owner;
      expect(dossier.status).toBe(DossierStatus.FILED);
      expect(dossier.number).toMatch(/^\S+-\d{4}-\d+$/);
      expect(dossier.events, dossier.number!).toHaveLength(1);
      expect(dossier.documents, dossier.number!).toHaveLength(1);
      expect(await world.storage.exists(dossier.documents[0]!.storageKey), dossier.number!).toBe(true);
      const emails = await world.db.outboxEmail.findMany({
        where: { to: owner.email, template: "dossier-filed" },
      });
      expect(emails, dossier.number!).toHaveLength(1);
      expect(emails[0]!.subject).toContain(dossier.number);
    }
    // Receipts of filings that did not commit were removed: every stored file belongs to a row.
    const receipts = await world.db.generatedDocument.count();
    const pieces = await world.db.attachment.count();
    expect(await storedFileCount(world.root)).toBe(receipts + pieces);
  });
});

async function storedFileCount(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}
