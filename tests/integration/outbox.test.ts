// The email outbox against a real SMTP server (the `smtp-server` package) and nodemailer's SMTP transport
// built by the app's own createTransport: a refusing server delays emails without losing or duplicating
// them, a rolled-back change sends nothing, and two workers on PostgreSQL never send one email twice.
import type { AddressInfo } from "node:net";

import { PrismaPg } from "@prisma/adapter-pg";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import { createTransport } from "~/services/mailer.server";
import { enqueueEmail, processOutboxBatch, startOutboxWorker } from "~/services/outbox.server";
import { organisationInvitation } from "~emails/organisation-invitation";
import { passwordReset } from "~emails/password-reset";
import { verifyEmail } from "~emails/verify-email";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

interface ReceivedMessage {
  to: string[];
  messageId: string;
  subject: string;
  /** The raw message with quoted-printable soft line breaks and escapes undone. */
  body: string;
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

function parseMessage(raw: string, to: string[]): ReceivedMessage {
  const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1]?.trim() ?? "";
  return {
    to,
    messageId: header("Message-ID"),
    subject: decodeHeader(header("Subject")),
    body: decodeQuotedPrintable(raw),
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
          received.push(parseMessage(Buffer.concat(chunks).toString("latin1"), to));
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

describe.each(databaseKinds())("email outbox on %s with a real SMTP server", (kind) => {
  let database: TestDatabase;
  const servers: SmtpServer[] = [];

  const smtpServer = async (options?: Parameters<typeof startSmtpServer>[0]) => {
    const server = await startSmtpServer(options);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
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
    expect(await processOutboxBatch({ db, transport, now: start })).toEqual({ sent: 0, failed: 3 });
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
    expect(await processOutboxBatch({ db, transport, now: after(start, 10_000) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect([...smtp.attempts.values()]).toEqual([1, 1, 1]);

    // Second attempt, once every email is due: refused again, and the wait grows.
    const second = after(start, Math.max(...firstDelays));
    expect(await processOutboxBatch({ db, transport, now: second })).toEqual({ sent: 0, failed: 3 });
    const afterSecond = await db.outboxEmail.findMany();
    const secondDelays = afterSecond.map((row) => row.nextAttemptAt.getTime() - second.getTime());
    expect(afterSecond.every((row) => row.status === "PENDING" && row.attempts === 2)).toBe(true);
    expect(Math.min(...secondDelays)).toBeGreaterThan(Math.max(...firstDelays));

    // Third attempt: accepted.
    const third = after(second, Math.max(...secondDelays));
    expect(await processOutboxBatch({ db, transport, now: third })).toEqual({ sent: 3, failed: 0 });
    // Nothing is sent again later.
    expect(await processOutboxBatch({ db, transport, now: after(third, 86_400_000) })).toEqual({
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

    expect(await processOutboxBatch({ db, transport: smtp.transport, now })).toEqual({ sent: 1, failed: 0 });
    expect(await processOutboxBatch({ db, transport: smtp.transport, now: after(now, 86_400_000) })).toEqual({
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
      const slow = processOutboxBatch({ db, transport: smtp.transport, now: new Date(), leaseMs });
      await new Promise((resolve) => setTimeout(resolve, leaseMs + 100));
      const next = await processOutboxBatch({ db, transport: otherInstance, now: new Date(), leaseMs });
      const first = await slow;
      expect(smtp.received.map((message) => message.to[0]).sort()).toEqual([...recipients].sort());
      expect(first.sent + next.sent).toBe(4);
      expect(next.sent).toBeGreaterThan(0);
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
});

// Several app instances each run a worker: only a real PostgreSQL server has separate connections and row
// locks to prove the claim with FOR UPDATE SKIP LOCKED (PGlite has one connection).
describe.each(databaseKinds().filter((kind) => kind === "postgresql"))(
  "email outbox with two workers on %s",
  (kind) => {
    let database: TestDatabase;
    let otherInstance: PrismaClient;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      otherInstance = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 4 }) });
    });

    afterAll(async () => {
      await otherInstance?.$disconnect();
      await database?.close();
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
            const run = await processOutboxBatch({ db: client, transport, now, batchSize: 4 });
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
