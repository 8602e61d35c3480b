// The email outbox against a real SMTP server (the `smtp-server` package) and nodemailer's SMTP transport
// built by the app's own createTransport: a refusing server delays emails without losing or duplicating
// them, a rolled-back change sends nothing, and two workers on PostgreSQL never send one email twice.
// Attached files are read from storage when the email goes out: a file not there yet delays that email only.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";

import { PrismaPg } from "@prisma/adapter-pg";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import {
  listStoredMails,
  readStoredAttachment,
  readStoredMail,
} from "~/services/platform/dev-mailbox.server";
import { createTransport } from "~/services/platform/mailer.server";
import {
  enqueueEmail,
  processOutboxBatch,
  startOutboxWorker,
  type OutboxAttachment,
} from "~/services/platform/outbox.server";
import { LocalFileStorage, newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { dossierFiled } from "~emails/dossier-filed";
import { organisationInvitation } from "~emails/organisation-invitation";
import { passwordReset } from "~emails/password-reset";
import { verifyEmail } from "~emails/verify-email";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { SAMPLE_FILES } from "../support/files";

interface ReceivedMessage {
  to: string[];
  messageId: string;
  subject: string;
  /** The raw message with quoted-printable soft line breaks and escapes undone. */
  body: string;
  /** The message exactly as the server received it, for a real MIME parser. */
  raw: Buffer;
}

interface SmtpServer {
  received: ReceivedMessage[];
  /** RCPT TO commands seen per recipient, refused ones included. */
  attempts: Map<string, number>;
  port: number;
  /** The app's SMTP transport, configured as in production through SMTP_HOST and SMTP_PORT. */
  transport: ReturnType<typeof createTransport>;
  close(): Promise<void>;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) as a mail client would. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([bq])\?([^?]*)\?=/gi, (_word, encoding: string, data: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replaceAll("_", " ")),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function parseMessage(bytes: Buffer, to: string[]): ReceivedMessage {
  const raw = bytes.toString("latin1");
  const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1]?.trim() ?? "";
  return {
    to,
    messageId: header("Message-ID"),
    subject: decodeHeader(header("Subject")),
    body: decodeQuotedPrintable(raw),
    raw: bytes,
  };
}

/**
 * A local SMTP server that answers "451 try again later" to each recipient's first `refuseFirst` attempts,
 * then accepts, as a greylisting or overloaded server does.
 */
async function startSmtpServer({ refuseFirst = 0, acceptDelayMs = 0 } = {}): Promise<SmtpServer> {
  const received: ReceivedMessage[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const count = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, count);
      if (count <= refuseFirst) {
        callback(
          Object.assign(new Error("Service temporairement indisponible, réessayez plus tard"), {
            responseCode: 451,
          }),
        );
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        setTimeout(() => {
          received.push(parseMessage(Buffer.concat(chunks), to));
          callback(null);
        }, acceptDelayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    attempts,
    port,
    transport: createTransport({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const after = (date: Date, ms: number) => new Date(date.getTime() + ms);
const outboxMessageId = (id: string) => `<${id}@portail-ess.outbox>`;

/** A local attachment store in a temporary folder, as in development. */
async function temporaryStorage(): Promise<{ storage: LocalFileStorage; close(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "portail-outbox-"));
  return { storage: new LocalFileStorage(root), close: () => rm(root, { recursive: true, force: true }) };
}

const RECEIPT_NAME = "Récépissé CAPASSO-2026-00001.pdf";
/** A PDF with binary content, as generated receipts have: every byte value must survive the trip. */
const receiptBytes = () => Buffer.concat([SAMPLE_FILES.pdf, randomBytes(48_000)]);

const filedEmail = (to: string) => ({
  to,
  ...dossierFiled({
    firstName: "Camille",
    dossierNumber: "CAPASSO-2026-00001",
    dossierTitle: "Repair café de Blois",
    schemeName: "CAP'Asso",
    organisationName: "Les Jardins de Loire",
    filedAt: new Date("2026-11-22T13:05:00.000Z"),
    requestedAmountCents: 1_500_000,
    url: "https://portail.test/d/1",
  }),
});

describe.each(databaseKinds())("email outbox on %s with a real SMTP server", (kind) => {
  let database: TestDatabase;
  let files: Awaited<ReturnType<typeof temporaryStorage>>;
  let storage: LocalFileStorage;
  const servers: SmtpServer[] = [];

  const smtpServer = async (options?: Parameters<typeof startSmtpServer>[0]) => {
    const server = await startSmtpServer(options);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    files = await temporaryStorage();
    storage = files.storage;
  });

  beforeEach(async () => {
    await database.db.outboxEmail.deleteMany();
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.transport.close();
      await server.close();
    }
  });

  afterAll(async () => {
    await database?.close();
    await files?.close();
  });

  it("retries with growing delays while the server refuses, then delivers each email exactly once", async () => {
    const { db } = database;
    const smtp = await smtpServer({ refuseFirst: 2 });
    const transport = smtp.transport;
    const start = new Date("2026-11-22T09:00:00.000Z");
    const emails = [
      { to: "camille@exemple.fr", ...verifyEmail({ firstName: "Camille", url: "https://portail.test/v/1" }) },
      {
        to: "dominique@exemple.fr",
        ...passwordReset({ firstName: "Dominique", url: "https://portail.test/r/2" }),
      },
      {
        to: "sacha@exemple.fr",
        ...organisationInvitation({
          inviterName: "Camille Martin",
          organisationName: "Les Jardins de Loire",
          url: "https://portail.test/i/3",
        }),
      },
    ];
    await db.$transaction(async (tx) => {
      for (const email of emails) await enqueueEmail(tx, email, { now: start });
    });

    // First attempt: refused, nothing delivered, each email scheduled about 30 s later with the reason.
    expect(await processOutboxBatch({ db, transport, storage, now: start })).toEqual({ sent: 0, failed: 3 });
    expect(smtp.received).toHaveLength(0);
    const afterFirst = await db.outboxEmail.findMany();
    expect(afterFirst).toHaveLength(3);
    const firstDelays = afterFirst.map((row) => row.nextAttemptAt.getTime() - start.getTime());
    for (const row of afterFirst) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
      expect(row.lastError).toContain("451");
    }
    for (const delay of firstDelays) expect(delay).toBeGreaterThanOrEqual(27_000);

    // Not due yet: the server is not even contacted.
    expect(await processOutboxBatch({ db, transport, storage, now: after(start, 10_000) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect([...smtp.attempts.values()]).toEqual([1, 1, 1]);

    // Second attempt, once every email is due: refused again, and the wait grows.
    const second = after(start, Math.max(...firstDelays));
    expect(await processOutboxBatch({ db, transport, storage, now: second })).toEqual({ sent: 0, failed: 3 });
    const afterSecond = await db.outboxEmail.findMany();
    const secondDelays = afterSecond.map((row) => row.nextAttemptAt.getTime() - second.getTime());
    expect(afterSecond.every((row) => row.status === "PENDING" && row.attempts === 2)).toBe(true);
    expect(Math.min(...secondDelays)).toBeGreaterThan(Math.max(...firstDelays));

    // Third attempt: accepted.
    const third = after(second, Math.max(...secondDelays));
    expect(await processOutboxBatch({ db, transport, storage, now: third })).toEqual({ sent: 3, failed: 0 });
    // Nothing is sent again later.
    expect(await processOutboxBatch({ db, transport, storage, now: after(third, 86_400_000) })).toEqual({
      sent: 0,
      failed: 0,
    });

    expect([...smtp.attempts.values()]).toEqual([3, 3, 3]);
    expect(smtp.received).toHaveLength(3);
    const rows = await db.outboxEmail.findMany();
    for (const email of emails) {
      const row = rows.find((candidate) => candidate.to === email.to)!;
      expect(row).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      const messages = smtp.received.filter((message) => message.messageId === outboxMessageId(row.id));
      expect(messages).toHaveLength(1);
      expect(messages[0]!.to).toEqual([email.to]);
      expect(messages[0]!.subject).toBe(email.subject);
      expect(messages[0]!.body).toContain(/https:\/\/portail\.test\/[a-z]\/\d/.exec(email.text)![0]);
    }
  });

  it("never sends an email enqueued by a change that was rolled back", async () => {
    const { db } = database;
    const smtp = await smtpServer();
    const now = new Date("2026-11-22T10:00:00.000Z");

    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(
          tx,
          {
            to: "annule@exemple.fr",
            ...verifyEmail({ firstName: "Annulé", url: "https://portail.test/v/x" }),
          },
          { now },
        );
        throw new Error("la modification échoue après la mise en file");
      }),
    ).rejects.toThrow("la modification échoue");
    await db.$transaction((tx) =>
      enqueueEmail(
        tx,
        { to: "valide@exemple.fr", ...verifyEmail({ firstName: "Valide", url: "https://portail.test/v/y" }) },
        { now },
      ),
    );

    expect(await processOutboxBatch({ db, transport: smtp.transport, storage, now })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(
      await processOutboxBatch({
        db,
        transport: smtp.transport,
        storage,
        now: after(now, 86_400_000),
      }),
    ).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received.map((message) => message.to)).toEqual([["valide@exemple.fr"]]);
    expect(smtp.attempts.has("annule@exemple.fr")).toBe(false);
    expect(await db.outboxEmail.count({ where: { to: "annule@exemple.fr" } })).toBe(0);
  });

  it("stops a batch that outlasts its lease, so the worker that claims the rest sends no duplicate", async () => {
    const { db } = database;
    // 300 ms per message and a 1 s lease: four messages take longer than the lease.
    const smtp = await smtpServer({ acceptDelayMs: 300 });
    const otherInstance = createTransport({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port) });
    const leaseMs = 1_000;
    const recipients = ["un@exemple.fr", "deux@exemple.fr", "trois@exemple.fr", "quatre@exemple.fr"];
    const enqueuedAt = after(new Date(), -1_000);
    await db.$transaction(async (tx) => {
      for (const to of recipients) {
        await enqueueEmail(
          tx,
          { to, ...verifyEmail({ firstName: "Alex", url: "https://portail.test/v/l" }) },
          {
            now: enqueuedAt,
          },
        );
      }
    });

    try {
      // The lease is about real time (another instance's clock), so this test waits instead of moving `now`.
      const slow = processOutboxBatch({ db, transport: smtp.transport, storage, now: new Date(), leaseMs });
      await new Promise((resolve) => setTimeout(resolve, leaseMs + 100));
      // The other instance claims what the slow batch left once its lease is over, and so on until all is
      // sent: how many each batch sends depends on the machine's load, never whether an email goes twice.
      const later: Array<{ sent: number }> = [];
      for (let round = 0; round < 10; round += 1) {
        later.push(
          await processOutboxBatch({ db, transport: otherInstance, storage, now: new Date(), leaseMs }),
        );
        if ((await db.outboxEmail.count({ where: { status: "PENDING" } })) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, leaseMs + 100));
      }
      const first = await slow;
      expect(smtp.received.map((message) => message.to[0]).sort()).toEqual([...recipients].sort());
      expect(first.sent + later.reduce((total, run) => total + run.sent, 0)).toBe(4);
      // The slow batch stopped before the end of its lease and left the rest to the other worker.
      expect(first.sent).toBeLessThan(4);
      expect(later[0]!.sent).toBeGreaterThan(0);
    } finally {
      otherInstance.close();
    }
    expect(await db.outboxEmail.count({ where: { status: "SENT", attempts: 1 } })).toBe(4);
  });

  it("has the running worker deliver what was enqueued, and stop cleanly", async () => {
    const { db } = database;
    const smtp = await smtpServer();
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        to: "worker@exemple.fr",
        ...passwordReset({ firstName: "Léa", url: "https://portail.test/r/w" }),
      }),
    );
    const errors: unknown[] = [];
    const worker = startOutboxWorker({
      db,
      transport: smtp.transport,
      storage,
      intervalMs: 20,
      onError: (error) => errors.push(error),
    });
    try {
      await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(errors).toEqual([]);
    expect(smtp.received[0]!.subject).toBe("Réinitialisation de votre mot de passe");
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends the attached files, read from storage when the email goes out, under their accented names", async () => {
    const { db } = database;
    const smtp = await smtpServer();
    const now = new Date("2026-11-22T13:06:00.000Z");
    const receipt = receiptBytes();
    const budget = Buffer.from("Poste;Montant\nLocation de salle;1 200,00 €\n", "utf8");
    const attachments: OutboxAttachment[] = [
      { fileName: RECEIPT_NAME, contentType: "application/pdf", storageKey: newStorageKey(now) },
      {
        fileName: "Budget prévisionnel « 2027 ».csv",
        contentType: "text/csv",
        storageKey: newStorageKey(now),
      },
    ];
    await storage.put(attachments[0]!.storageKey, receipt, { contentType: "application/pdf" });
    await storage.put(attachments[1]!.storageKey, budget, { contentType: "text/csv" });
    await db.$transaction((tx) =>
      enqueueEmail(tx, { ...filedEmail("camille@exemple.fr"), attachments }, { now }),
    );
    // The row names the files; their bytes stay in storage until the email is sent.
    expect((await db.outboxEmail.findFirstOrThrow()).attachments).toEqual(attachments);

    expect(await processOutboxBatch({ db, transport: smtp.transport, storage, now })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(1);
    const message = await simpleParser(smtp.received[0]!.raw);
    expect(message.subject).toBe("Votre dossier CAPASSO-2026-00001 a bien été déposé");
    expect(message.text).toContain("Le récépissé de dépôt est joint à ce message.");
    expect(message.attachments.map(({ filename, contentType }) => ({ filename, contentType }))).toEqual([
      { filename: RECEIPT_NAME, contentType: "application/pdf" },
      { filename: "Budget prévisionnel « 2027 ».csv", contentType: "text/csv" },
    ]);
    expect(message.attachments[0]!.content.equals(receipt)).toBe(true);
    expect(message.attachments[1]!.content.toString("utf8")).toBe(budget.toString("utf8"));
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
    });
  });

  it("sends a digest with the one-click unsubscribe headers of RFC 8058, and other emails without", async () => {
    const { db } = database;
    const smtp = await smtpServer();
    const now = new Date("2026-11-23T06:05:00.000Z");
    const unsubscribe = "https://portail.example.fr/desabonnement/recapitulatif-quotidien.abc.sig";
    await db.$transaction(async (tx) => {
      await enqueueEmail(
        tx,
        { ...filedEmail("instructrice@exemple.fr"), unsubscribeUrl: unsubscribe },
        { now },
      );
      await enqueueEmail(tx, filedEmail("camille@exemple.fr"), { now });
    });
    expect(await processOutboxBatch({ db, transport: smtp.transport, storage, now })).toEqual({
      sent: 2,
      failed: 0,
    });
    const messages = await Promise.all(smtp.received.map(({ raw }) => simpleParser(raw)));
    const digest = messages.find(
      (message) => message.to && "text" in message.to && message.to.text.includes("instructrice"),
    )!;
    // As a mail client reads them, folded lines unfolded.
    const header = (message: (typeof messages)[number], name: string) =>
      message.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, " ");
    expect(header(digest, "list-unsubscribe")).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header(digest, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const other = messages.find((message) => message !== digest)!;
    expect(header(other, "list-unsubscribe")).toBeUndefined();
    expect(header(other, "list-unsubscribe-post")).toBeUndefined();
  });

  it("holds back an email whose attached file is missing, retries it later and sends it once the file is there", async () => {
    const { db } = database;
    const smtp = await smtpServer();
    const start = new Date("2026-11-22T14:00:00.000Z");
    const storageKey = newStorageKey(start);
    await db.$transaction(async (tx) => {
      await enqueueEmail(
        tx,
        {
          ...filedEmail("camille@exemple.fr"),
          attachments: [{ fileName: RECEIPT_NAME, contentType: "application/pdf", storageKey }],
        },
        { now: start },
      );
      await enqueueEmail(
        tx,
        {
          to: "dominique@exemple.fr",
          ...verifyEmail({ firstName: "Dominique", url: "https://portail.test/v/2" }),
        },
        { now: start },
      );
    });

    // The rest of the batch goes out; this email waits, and the mail server never hears of it.
    expect(await processOutboxBatch({ db, transport: smtp.transport, storage, now: start })).toEqual({
      sent: 1,
      failed: 1,
    });
    expect(smtp.received.map((message) => message.to)).toEqual([["dominique@exemple.fr"]]);
    expect(smtp.attempts.has("camille@exemple.fr")).toBe(false);
    const first = await db.outboxEmail.findFirstOrThrow({ where: { to: "camille@exemple.fr" } });
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(first.lastError).toContain(`Pièce jointe « ${RECEIPT_NAME} » introuvable`);
    const firstDelay = first.nextAttemptAt.getTime() - start.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(27_000);

    // Due again and still missing: another failed attempt, and a longer wait.
    const second = first.nextAttemptAt;
    expect(await processOutboxBatch({ db, transport: smtp.transport, storage, now: second })).toEqual({
      sent: 0,
      failed: 1,
    });
    const again = await db.outboxEmail.findFirstOrThrow({ where: { to: "camille@exemple.fr" } });
    expect(again).toMatchObject({ status: "PENDING", attempts: 2, sentAt: null });
    expect(again.nextAttemptAt.getTime() - second.getTime()).toBeGreaterThan(firstDelay);

    // The receipt is stored at last: the next attempt delivers the email with it, once.
    const receipt = receiptBytes();
    await storage.put(storageKey, receipt, { contentType: "application/pdf" });
    expect(
      await processOutboxBatch({ db, transport: smtp.transport, storage, now: again.nextAttemptAt }),
    ).toEqual({ sent: 1, failed: 0 });
    expect(
      await processOutboxBatch({
        db,
        transport: smtp.transport,
        storage,
        now: after(again.nextAttemptAt, 86_400_000),
      }),
    ).toEqual({ sent: 0, failed: 0 });
    const delivered = smtp.received.filter((message) => message.to[0] === "camille@exemple.fr");
    expect(delivered).toHaveLength(1);
    const message = await simpleParser(delivered[0]!.raw);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]!.filename).toBe(RECEIPT_NAME);
    expect(message.attachments[0]!.content.equals(receipt)).toBe(true);
    expect(await db.outboxEmail.findFirstOrThrow({ where: { to: "camille@exemple.fr" } })).toMatchObject({
      status: "SENT",
      attempts: 3,
      lastError: null,
    });
  });

  it("counts an unreadable file or a malformed attachment list as a failed attempt, and sends the rest", async () => {
    const { db } = database;
    const smtp = await smtpServer();
    const now = new Date("2026-11-22T15:00:00.000Z");
    const cutKey = newStorageKey(now);
    const downKey = newStorageKey(now);
    // An object store that drops the connection halfway through one file and cannot be reached for another.
    const flaky: FileStorage = {
      put: (key, body, options) => storage.put(key, body, options),
      delete: (key) => storage.delete(key),
      exists: (key) => storage.exists(key),
      async get(key) {
        if (key === downKey) throw new Error("connect ECONNREFUSED 127.0.0.1:9000");
        if (key !== cutKey) return storage.get(key);
        return Readable.from(
          (async function* () {
            yield Buffer.from("%PDF-1.4\n");
            throw new Error("connexion au stockage interrompue");
          })(),
        );
      },
    };
    const attachment = (storageKey: string) => [
      { fileName: RECEIPT_NAME, contentType: "application/pdf", storageKey },
    ];
    const malformed = await db.$transaction(async (tx) => {
      await enqueueEmail(tx, { ...filedEmail("coupe@exemple.fr"), attachments: attachment(cutKey) }, { now });
      await enqueueEmail(
        tx,
        { ...filedEmail("panne@exemple.fr"), attachments: attachment(downKey) },
        { now },
      );
      await enqueueEmail(
        tx,
        { to: "valide@exemple.fr", ...verifyEmail({ firstName: "Valide", url: "https://portail.test/v/3" }) },
        { now },
      );
      return enqueueEmail(tx, filedEmail("abime@exemple.fr"), { now });
    });
    // As a row written by hand or by an older version might be: no type, a key that climbs out of storage.
    await db.outboxEmail.update({
      where: { id: malformed.id },
      data: { attachments: [{ fileName: RECEIPT_NAME, storageKey: "../../etc/passwd" }] },
    });

    expect(await processOutboxBatch({ db, transport: smtp.transport, storage: flaky, now })).toEqual({
      sent: 1,
      failed: 3,
    });
    expect(smtp.received.map((message) => message.to)).toEqual([["valide@exemple.fr"]]);
    expect([...smtp.attempts.keys()]).toEqual(["valide@exemple.fr"]);
    const lastError = async (to: string) => {
      const row = await db.outboxEmail.findFirstOrThrow({ where: { to } });
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
      return row.lastError;
    };
    expect(await lastError("coupe@exemple.fr")).toBe(
      `Lecture de la pièce jointe « ${RECEIPT_NAME} » impossible : connexion au stockage interrompue`,
    );
    expect(await lastError("panne@exemple.fr")).toContain("ECONNREFUSED");
    const invalid = await lastError("abime@exemple.fr");
    expect(invalid).toMatch(/^Pièces jointes invalides/);
    expect(invalid).toContain("contentType");
    expect(invalid).toContain("clé de stockage invalide");
  });

  it("refuses to enqueue an attachment it could never send, so the change that enqueues it fails", async () => {
    const { db } = database;
    await expect(
      db.$transaction((tx) =>
        enqueueEmail(tx, {
          ...filedEmail("camille@exemple.fr"),
          attachments: [{ fileName: RECEIPT_NAME, contentType: "application/pdf", storageKey: "../secrets" }],
        }),
      ),
    ).rejects.toThrow(/Pièces jointes invalides/);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("keeps the attachments of development emails in the .eml and lists them for /dev/mails", async () => {
    const { db } = database;
    const mailDirectory = await mkdtemp(path.join(tmpdir(), "portail-courriels-"));
    const transport = createTransport({ MAIL_DIR: mailDirectory });
    try {
      const now = new Date("2026-11-22T16:00:00.000Z");
      const receipt = receiptBytes();
      const storageKey = newStorageKey(now);
      await storage.put(storageKey, receipt, { contentType: "application/pdf" });
      await db.$transaction((tx) =>
        enqueueEmail(
          tx,
          {
            ...filedEmail("camille@exemple.fr"),
            attachments: [{ fileName: RECEIPT_NAME, contentType: "application/pdf", storageKey }],
          },
          { now },
        ),
      );
      expect(await processOutboxBatch({ db, transport, storage, now })).toEqual({ sent: 1, failed: 0 });

      const [listed] = await listStoredMails(mailDirectory);
      const mail = await readStoredMail(listed!.id, mailDirectory);
      expect(mail?.attachments).toEqual([
        { fileName: RECEIPT_NAME, contentType: "application/pdf", size: receipt.byteLength },
      ]);
      const eml = await simpleParser(await readFile(path.join(mailDirectory, `${listed!.id}.eml`)));
      expect(eml.attachments.map(({ filename }) => filename)).toEqual([RECEIPT_NAME]);
      expect(eml.attachments[0]!.content.equals(receipt)).toBe(true);
      expect((await readStoredAttachment(listed!.id, 0, mailDirectory))?.content.equals(receipt)).toBe(true);
      expect(await readStoredAttachment(listed!.id, 1, mailDirectory)).toBeNull();
      expect(await readStoredAttachment("../" + listed!.id, 0, mailDirectory)).toBeNull();
    } finally {
      transport.close();
      await rm(mailDirectory, { recursive: true, force: true });
    }
  });
});

// Several app instances each run a worker: only a real PostgreSQL server has separate connections and row
// locks to prove the claim with FOR UPDATE SKIP LOCKED (PGlite has one connection).
describe.each(databaseKinds().filter((kind) => kind === "postgresql"))(
  "email outbox with two workers on %s",
  (kind) => {
    let database: TestDatabase;
    let otherInstance: PrismaClient;
    let files: Awaited<ReturnType<typeof temporaryStorage>>;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      otherInstance = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 4 }) });
      files = await temporaryStorage();
    });

    afterAll(async () => {
      await otherInstance?.$disconnect();
      await database?.close();
      await files?.close();
    });

    it("delivers each of 30 emails exactly once when two workers send at the same time", async () => {
      const { db } = database;
      // A slow server, so that each worker is still sending while the other claims its next batch.
      const smtp = await startSmtpServer({ acceptDelayMs: 15 });
      const secondTransport = createTransport({
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(smtp.port),
      });
      const now = new Date("2026-11-22T11:00:00.000Z");
      const recipients = Array.from({ length: 30 }, (_, index) => `personne${index + 1}@exemple.fr`);
      try {
        await db.$transaction(async (tx) => {
          for (const to of recipients) {
            await enqueueEmail(
              tx,
              { to, ...verifyEmail({ firstName: "Alex", url: `https://portail.test/v/${to}` }) },
              { now },
            );
          }
        });

        const drain = async (client: PrismaClient, transport: typeof secondTransport) => {
          let sent = 0;
          for (;;) {
            const run = await processOutboxBatch({
              db: client,
              transport,
              storage: files.storage,
              now,
              batchSize: 4,
            });
            expect(run.failed).toBe(0);
            if (run.sent === 0) return sent;
            sent += run.sent;
          }
        };
        const [first, second] = await Promise.all([
          drain(db, smtp.transport),
          drain(otherInstance, secondTransport),
        ]);

        // Both workers took part, and together they sent each email once.
        expect(first).toBeGreaterThan(0);
        expect(second).toBeGreaterThan(0);
        expect(first + second).toBe(30);
        expect(smtp.received).toHaveLength(30);
        expect(smtp.received.map((message) => message.to[0]).sort()).toEqual([...recipients].sort());
        const rows = await db.outboxEmail.findMany();
        expect(new Set(smtp.received.map((message) => message.messageId))).toEqual(
          new Set(rows.map((row) => outboxMessageId(row.id))),
        );
        expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
      } finally {
        secondTransport.close();
        smtp.transport.close();
        await smtp.close();
      }
    });
  },
);
