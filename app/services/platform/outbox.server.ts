// The email outbox: code that changes state enqueues its emails in the same transaction, and a worker
// sends them afterwards, retrying until the mail server accepts them.
import { buffer } from "node:stream/consumers";

import type { Transporter } from "nodemailer";
import { z } from "zod";

import { DEFAULT_MAIL_FROM, env } from "~/env.server";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { RenderedEmail } from "~emails/layout";

import { isValidStorageKey, StorageNotFoundError, type FileStorage } from "./storage.server";
import { startRepeatingTask } from "./repeating-task.server";

// What the `attachments` column holds. Read back with the same schema: the column is JSON, so a row written
// by an older version or by hand is checked before anything is fetched from storage.
const outboxAttachmentsSchema = z
  .array(
    z.object({
      /** The name the recipient sees, accents included. */
      fileName: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^\p{Cc}]+$/u, "caractère de contrôle dans le nom du fichier"),
      contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, "type de contenu invalide"),
      storageKey: z.string().refine(isValidStorageKey, "clé de stockage invalide"),
    }),
  )
  .max(10);

export type OutboxAttachment = z.infer<typeof outboxAttachmentsSchema>[number];

/** Throws when the attachments could not be stored as given (the change that enqueues them fails). */
function validOutboxAttachments(attachments: unknown): OutboxAttachment[] {
  const parsed = outboxAttachmentsSchema.safeParse(attachments);
  if (!parsed.success) throw new Error(`Pièces jointes invalides : ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The files of an outbox row, read from storage; throws an Error whose message becomes `lastError`. */
async function readOutboxAttachments(
  column: Prisma.JsonValue | null,
  storage: FileStorage,
): Promise<Array<{ filename: string; content: Buffer; contentType: string }>> {
  if (column === null) return [];
  const attachments = validOutboxAttachments(column);
  const files = [];
  // One at a time: each file is read whole before the next is opened, so a failure leaves no stream open.
  for (const attachment of attachments) {
    try {
      const content = await buffer(await storage.get(attachment.storageKey));
      files.push({ filename: attachment.fileName, content, contentType: attachment.contentType });
    } catch (error) {
      if (error instanceof StorageNotFoundError) {
        throw new Error(
          `Pièce jointe « ${attachment.fileName} » introuvable dans le stockage (clé ${attachment.storageKey})`,
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Lecture de la pièce jointe « ${attachment.fileName} » impossible : ${reason}`);
    }
  }
  return files;
}

type OutboxClient = Pick<PrismaClient, "outboxEmail"> | Prisma.TransactionClient;

export type OutgoingEmail = RenderedEmail & {
  to: string;
  /** Files read from storage when the email is sent, so the row stays small and the bytes are not copied. */
  attachments?: OutboxAttachment[];
  /** Digests: the one-click unsubscribe address (List-Unsubscribe and List-Unsubscribe-Post headers). */
  unsubscribeUrl?: string;
};

export async function enqueueEmail(tx: OutboxClient, email: OutgoingEmail, options: { now?: Date } = {}) {
  // Checked here too, so that a bad attachment fails the change that enqueues it rather than every attempt.
  const attachments = email.attachments?.length ? validOutboxAttachments(email.attachments) : undefined;
  return tx.outboxEmail.create({
    data: {
      to: email.to,
      template: email.template,
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments,
      unsubscribeUrl: email.unsubscribeUrl ?? null,
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
  storage,
  now = new Date(),
  batchSize = BATCH_SIZE,
  leaseMs = LEASE_MS,
  from = env().mailFrom,
}: {
  db: PrismaClient;
  transport: Transporter;
  /** Where attached files are read from. */
  storage: FileStorage;
  now?: Date;
  batchSize?: number;
  leaseMs?: number;
  from?: string;
}): Promise<OutboxRun> {
  // Real time, taken before the claim: a claim slowed by a busy database eats into the lease too.
  const startedAt = Date.now();
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
  const sendUntil = startedAt + leaseMs / 2;
  for (const email of claimed) {
    if (Date.now() > sendUntil) break;
    try {
      // Inside the try: a missing file or an unreachable store is a failed attempt, retried like a refusal
      // from the mail server, and the rest of the batch is still sent.
      const attachments = await readOutboxAttachments(email.attachments, storage);
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${email.id}@portail-ess.outbox>`,
        ...(attachments.length > 0 ? { attachments } : {}),
        // RFC 8058: a mail client offers « Se désabonner » and POSTs List-Unsubscribe=One-Click to the address.
        ...(email.unsubscribeUrl
          ? {
              headers: {
                "List-Unsubscribe": `<${email.unsubscribeUrl}>`,
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
              },
            }
          : {}),
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

export const DEFAULT_FROM = DEFAULT_MAIL_FROM;

/** Runs batches every `intervalMs`; `stop()` waits for the batch in flight. */
export function startOutboxWorker({
  db,
  transport,
  storage,
  intervalMs = 2_000,
  onError = (error: unknown) => console.error("Envoi des e-mails en attente impossible :", error),
}: {
  db: PrismaClient;
  transport: Transporter;
  storage: FileStorage;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): Promise<void> } {
  // Drains what is due, then waits for the next tick.
  return startRepeatingTask(
    async (isStopped) => {
      while (!isStopped() && (await processOutboxBatch({ db, transport, storage })).sent === BATCH_SIZE);
    },
    { intervalMs, onError },
  );
}
