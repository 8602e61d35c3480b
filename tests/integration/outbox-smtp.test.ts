// The email outbox against a real SMTP server (the `smtp-server` package) that refuses, then accepts:
// every message a committed transaction enqueued arrives exactly once; a rolled-back one never does.
import type { AddressInfo } from "node:net";

import { PrismaPg } from "@prisma/adapter-pg";
import type { Transporter } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { PrismaClient } from "~/generated/prisma/client";
import { createTransport } from "~/services/mailer.server";
import { enqueueEmail, processOutboxBatch } from "~/services/outbox.server";
import { verifyEmail } from "~emails/verify-email";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

interface ReceivedMail {
  messageId: string;
  to: string;
}

/** A local SMTP server whose answer to each message can be switched between "451 try later" and "250 OK". */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state = { accepting: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (!state.accepting) {
          state.refused += 1;
          const error = Object.assign(new Error("Service temporairement indisponible"), {
            responseCode: 451,
          });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address).join(","),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    state,
    transport: createTransport({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

function email(to: string) {
  return { to, ...verifyEmail({ firstName: "Camille", url: `http://localhost:3000/verifier-email/${to}` }) };
}

const seconds = (start: Date, value: number) => new Date(start.getTime() + value * 1000);

describe.each(databaseKinds())("email outbox on %s with a real SMTP server", (kind) => {
  let database: TestDatabase;
  let smtp: Smtp;
  let transport: Transporter;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startSmtpServer();
    transport = smtp.transport;
  });

  afterEach(async () => {
    await database.db.outboxEmail.deleteMany();
    smtp.received.length = 0;
    smtp.state.accepting = false;
    smtp.state.refused = 0;
  });

  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await database?.close();
  });

  it("retries with growing delays while the server refuses, then delivers each message exactly once", async () => {
    const { db } = database;
    const start = new Date("2026-11-22T09:00:00Z");
    const recipients = ["a@exemple.fr", "b@exemple.fr", "c@exemple.fr"];
    await db.$transaction(async (tx) => {
      for (const to of recipients) await enqueueEmail(tx, email(to), { now: start });
    });

    // The server refuses: nothing is lost, each message waits for a later attempt.
    expect(await processOutboxBatch({ db, transport, now: start })).toEqual({ sent: 0, failed: 3 });
    expect(smtp.state.refused).toBe(3);
    const afterFirst = await db.outboxEmail.findMany();
    expect(afterFirst.every((row) => row.status === "PENDING" && row.attempts === 1)).toBe(true);
    expect(afterFirst[0]!.lastError).toMatch(/451|indisponible/);
    const firstDelays = afterFirst.map((row) => row.nextAttemptAt.getTime() - start.getTime());

    // Not due yet: no new attempt.
    expect(await processOutboxBatch({ db, transport, now: seconds(start, 5) })).toEqual({
      sent: 0,
      failed: 0,
    });

    const second = seconds(start, Math.max(...firstDelays) / 1000 + 1);
    expect(await processOutboxBatch({ db, transport, now: second })).toEqual({ sent: 0, failed: 3 });
    const afterSecond = await db.outboxEmail.findMany();
    const secondDelays = afterSecond.map((row) => row.nextAttemptAt.getTime() - second.getTime());
    expect(Math.min(...secondDelays)).toBeGreaterThan(Math.max(...firstDelays));

    // The server accepts again.
    smtp.state.accepting = true;
    const third = seconds(second, Math.max(...secondDelays) / 1000 + 1);
    expect(await processOutboxBatch({ db, transport, now: third })).toEqual({ sent: 3, failed: 0 });
    // Later runs find nothing more to send.
    expect(await processOutboxBatch({ db, transport, now: seconds(third, 86_400) })).toEqual({
      sent: 0,
      failed: 0,
    });

    expect(smtp.received.map((mail) => mail.to).sort()).toEqual(recipients);
    const rows = await db.outboxEmail.findMany();
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 3 && row.sentAt !== null)).toBe(
      true,
    );
    expect(new Set(smtp.received.map((mail) => mail.messageId))).toEqual(
      new Set(rows.map((row) => `<${row.id}@portail-ess.outbox>`)),
    );
  });

  it("never sends an email whose transaction was rolled back", async () => {
    const { db } = database;
    smtp.state.accepting = true;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, email("annule@exemple.fr"));
        throw new Error("la modification échoue après la mise en file");
      }),
    ).rejects.toThrow(/échoue/);
    await db.$transaction((tx) => enqueueEmail(tx, email("valide@exemple.fr")));

    await processOutboxBatch({ db, transport, now: seconds(new Date(), 60) });
    expect(smtp.received.map((mail) => mail.to)).toEqual(["valide@exemple.fr"]);
    expect(await db.outboxEmail.count({ where: { to: "annule@exemple.fr" } })).toBe(0);
  });

  it("delivers each message once when two workers send the outbox at the same time", async () => {
    const { db } = database;
    smtp.state.accepting = true;
    const recipients = Array.from({ length: 30 }, (_, index) => `personne${index}@exemple.fr`);
    await db.$transaction(async (tx) => {
      for (const to of recipients) await enqueueEmail(tx, email(to));
    });
    // On PostgreSQL the second worker is another connection pool, as another app instance would be;
    // PGlite has a single connection, so both workers share it.
    const other =
      kind === "postgresql"
        ? new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) })
        : db;
    try {
      const now = seconds(new Date(), 60);
      const drain = async (client: PrismaClient) => {
        let sent = 0;
        for (;;) {
          const run = await processOutboxBatch({ db: client, transport, now, batchSize: 4 });
          sent += run.sent;
          if (run.sent + run.failed === 0) return sent;
        }
      };
      const [first, second] = await Promise.all([drain(db), drain(other)]);
      expect(first + second).toBe(30);
    } finally {
      if (other !== db) await other.$disconnect();
    }
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual([...recipients].sort());
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(30);
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(30);
  });
});
