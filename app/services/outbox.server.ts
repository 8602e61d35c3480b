// The email outbox: code that changes state enqueues its emails in the same transaction, and a worker
// sends them afterwards, retrying until the mail server accepts them.
import type { Transporter } from "nodemailer";

import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { RenderedEmail } from "~emails/layout";

type OutboxClient = Pick<PrismaClient, "outboxEmail"> | Prisma.TransactionClient;

export type OutgoingEmail = RenderedEmail & { to: string };

export async function enqueueEmail(tx: OutboxClient, email: OutgoingEmail, options: { now?: Date } = {}) {
  return tx.outboxEmail.create({
    data: {
      to: email.to,
      template: email.template,
      subject: email.subject,
      text: email.text,
      html: email.html,
      nextAttemptAt: options.now ?? new Date(),
    },
    select: { id: true },
  });
}

const BATCH_SIZE = 20;
/** How long a claimed email is hidden from other workers while it is being sent. */
const LEASE_MS = 5 * 60_000;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const delay = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(delay * (0.9 + 0.2 * random()));
}

export interface OutboxRun {
  sent: number;
  failed: number;
}

/**
 * Sends the emails that are due. Rows are claimed with a lease rather than kept locked while talking to
 * the SMTP server: a transaction held across network I/O would block PGlite's single connection and
 * hold PostgreSQL locks for seconds. `FOR UPDATE SKIP LOCKED` makes the claim safe when several instances
 * run the worker: each row is claimed by one of them. If a process dies between the server's acceptance
 * and the SENT mark, the email is sent again when the lease ends (at-least-once in that one case); its
 * Message-ID is derived from the row id so mail clients can drop the duplicate.
 */
export async function processOutboxBatch({
  db,
  transport,
  now = new Date(),
  batchSize = BATCH_SIZE,
  leaseMs = LEASE_MS,
  from = process.env.MAIL_FROM ?? DEFAULT_FROM,
}: {
  db: PrismaClient;
  transport: Transporter;
  now?: Date;
  batchSize?: number;
  leaseMs?: number;
  from?: string;
}): Promise<OutboxRun> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await tx.outboxEmail.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: leaseUntil } });
    return tx.outboxEmail.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } });
  });

  const run: OutboxRun = { sent: 0, failed: 0 };
  // A slow server can make a batch outlast its lease, after which another worker claims and sends the
  // same rows: stop at half the lease (real time) and leave the rest to be claimed when the lease ends.
  const sendUntil = Date.now() + leaseMs / 2;
  for (const email of claimed) {
    if (Date.now() > sendUntil) break;
    try {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${email.id}@portail-ess.outbox>`,
      });
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      });
      run.sent += 1;
    } catch (error) {
      const attempts = email.attempts + 1;
      await db.outboxEmail.update({
        where: { id: email.id },
        data: {
          attempts,
          lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      });
      run.failed += 1;
    }
  }
  return run;
}

export const DEFAULT_FROM = "Portail ESS Centre-Val de Loire <ne-pas-repondre@portail-ess.example>";

/** Runs batches every `intervalMs`; `stop()` waits for the batch in flight. */
export function startOutboxWorker({
  db,
  transport,
  intervalMs = 2_000,
  onError = (error: unknown) => console.error("Envoi des e-mails en attente impossible :", error),
}: {
  db: PrismaClient;
  transport: Transporter;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): Promise<void> } {
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    inFlight = (async () => {
      try {
        // Drain what is due, then wait for the next tick.
        while (!stopped && (await processOutboxBatch({ db, transport })).sent === BATCH_SIZE);
      } catch (error) {
        onError(error);
      }
    })();
    inFlight.finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
