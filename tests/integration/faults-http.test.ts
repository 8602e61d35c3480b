// Faults a browser causes, through the real server process: a connection dropped half-way through an upload
// leaves neither a file in storage nor an Attachment row, and the server goes on serving; a form sent twice
// at once (double click, impatient reload) files the dossier once and posts the message once, with one email
// each. PostgreSQL only: the test reads the database while the server process writes it, which PGlite's
// single-process database cannot share.
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { connect } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DocumentKind, DossierStatus } from "~/generated/prisma/enums";

import type { DemoDossier } from "../../seeds/demo/dossier-writer";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { startAppServer, type AppServer, sessionCookieFor } from "../support/app-server";
import { SAMPLE_FILES } from "../support/files";
import { createWorld, prepareDemo, type World } from "../support/instruction-world";

const SESSION_SECRET = "faults-http-session-secret";

/** A demo dossier ready to file, and its owner's session cookie for the server under test. */
async function readyDraft(world: World, demo: DemoDossier) {
  const { id, owner } = await prepareDemo(world, demo);
  return { id, owner, cookie: await sessionCookieFor(world.db, owner.id, SESSION_SECRET) };
}

type Draft = Awaited<ReturnType<typeof readyDraft>>;

/** A multipart body with the piece's kind and one genuine PDF of about `size` bytes. */
function uploadBody(size: number) {
  const boundary = `----portail${randomBytes(8).toString("hex")}`;
  const pdf = Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`%${"x".repeat(size)}\n`)]);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="budget.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { boundary, body: Buffer.concat([head, pdf, tail]), fileEnd: head.length + pdf.length };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("faults a browser causes, over HTTP", () => {
  let world: World;
  let app: AppServer;
  let drafts: Draft[];

  beforeAll(async () => {
    world = await createWorld("postgresql");
    drafts = [];
    for (let index = 0; index < 3; index += 1)
      drafts.push(await readyDraft(world, CAP_ASSO_DOSSIERS[index]!));
    app = await startAppServer({
      databaseUrl: world.database.url,
      env: { SESSION_SECRET, STORAGE_DIR: world.root, OUTBOX_WORKER: "0", INSTRUCTION_JOBS: "0" },
    });
  });

  afterAll(async () => {
    await app?.stop();
    await world?.database.close();
  });

  const storedFiles = async () =>
    (await readdir(world.root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      .length;

  /** Sends the request's head and the first `sent` bytes of its body on a raw socket, then drops it. */
  async function cutUpload(
    path: string,
    draft: Draft,
    sent: (upload: ReturnType<typeof uploadBody>) => number,
  ) {
    const upload = uploadBody(400_000);
    const socket = connect(app.port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    socket.on("error", () => undefined);
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nOrigin: ${app.url}\r\n` +
        `Cookie: ${draft.cookie}\r\nContent-Type: multipart/form-data; boundary=${upload.boundary}\r\n` +
        `Content-Length: ${upload.body.length}\r\n\r\n`,
    );
    socket.write(upload.body.subarray(0, sent(upload)));
    // Long enough for the server to be reading the body when the connection goes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  it("keeps nothing of an upload whose connection drops half-way, and goes on serving", async () => {
    const draft = drafts[0]!;
    const rowsBefore = await world.db.attachment.count({ where: { dossierId: draft.id } });
    const filesBefore = await storedFiles();
    const cuts: Array<[path: string, sent: (upload: ReturnType<typeof uploadBody>) => number]> = [
      // With JavaScript (the progress bar's endpoint) and without (the page's own form)…
      [`/dossiers/${draft.id}/pieces/envoi`, (upload) => Math.floor(upload.fileEnd / 2)],
      [`/dossiers/${draft.id}/pieces`, (upload) => Math.floor(upload.fileEnd / 2)],
      // …and once the whole file has arrived, but not the end of the form.
      [`/dossiers/${draft.id}/pieces/envoi`, (upload) => upload.fileEnd],
    ];
    for (const [path, sent] of cuts) await cutUpload(path, draft, sent);

    expect(await world.db.attachment.count({ where: { dossierId: draft.id } })).toBe(rowsBefore);
    expect(await storedFiles()).toBe(filesBefore);

    // Still serving: the pieces page, then the same upload sent whole.
    const pagePieces = await fetch(`${app.url}/dossiers/${draft.id}/pieces`, {
      headers: { Cookie: draft.cookie },
    });
    expect(pagePieces.status).toBe(200);
    const upload = uploadBody(400_000);
    const complete = await fetch(`${app.url}/dossiers/${draft.id}/pieces/envoi`, {
      method: "POST",
      headers: {
        Cookie: draft.cookie,
        Origin: app.url,
        "Content-Type": `multipart/form-data; boundary=${upload.boundary}`,
      },
      body: upload.body,
    });
    expect(complete.status).toBe(200);
    expect(await complete.json()).toMatchObject({ ok: true });
    expect(await world.db.attachment.count({ where: { dossierId: draft.id } })).toBe(rowsBefore + 1);
    expect(await storedFiles()).toBe(filesBefore + 1);
  });

  const post = (draft: Draft, path: string, body: string) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: draft.cookie,
        Origin: app.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body,
    });

  it("files a dossier once when its filing form is sent twice at the same time", async () => {
    const draft = drafts[1]!;
    const answers = await Promise.all(
      [1, 2].map(() => post(draft, `/dossiers/${draft.id}/depot`, "declaration=on")),
    );
    expect(answers.map((answer) => answer.status)).toEqual([302, 302]);
    expect(answers.map((answer) => answer.headers.get("Location")).sort()).toEqual([
      `/dossiers/${draft.id}?message=deja-depose`,
      `/dossiers/${draft.id}?message=depose`,
    ]);

    const dossier = await world.db.dossier.findUniqueOrThrow({
      where: { id: draft.id },
      include: {
        events: { where: { toStatus: DossierStatus.FILED } },
        documents: { where: { kind: DocumentKind.FILING_RECEIPT } },
      },
    });
    expect(dossier.status).toBe(DossierStatus.FILED);
    expect(dossier.events).toHaveLength(1);
    expect(dossier.documents).toHaveLength(1);
    const emails = await world.db.outboxEmail.findMany({ where: { to: draft.owner.email } });
    expect(emails.map((email) => email.subject)).toEqual([expect.stringContaining(dossier.number!)]);
  });

  it("posts a message once when its form is sent twice at the same time", async () => {
    const draft = drafts[2]!;
    expect((await post(draft, `/dossiers/${draft.id}/depot`, "declaration=on")).status).toBe(302);
    // Assigned, so that each message from the applicant emails the instructor.
    await world.db.dossier.update({ where: { id: draft.id }, data: { assigneeId: world.instructor.id } });

    const body = new URLSearchParams({ intent: "message", body: "Voici le budget révisé." }).toString();
    const answers = await Promise.all([1, 2].map(() => post(draft, `/dossiers/${draft.id}?index`, body)));
    expect(answers.map((answer) => answer.status)).toEqual([302, 302]);

    const messages = await world.db.message.findMany({ where: { dossierId: draft.id } });
    expect(messages.map((message) => message.body)).toEqual(["Voici le budget révisé."]);
    const emails = await world.db.outboxEmail.findMany({ where: { to: world.instructor.email } });
    expect(emails).toHaveLength(1);
  });
});
