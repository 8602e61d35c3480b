import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";

import { env as processEnvironment, parseEnvironment, type RawEnvironment } from "~/env.server";

/** The process's checked configuration, or `raw` checked the same way (tests give their own). */
const configuration = (raw?: RawEnvironment) => (raw ? parseEnvironment(raw) : processEnvironment());

/** Where development emails are written when no SMTP server is configured. */
export const mailDirectory = (raw?: RawEnvironment) => path.resolve(configuration(raw).mailDirectory);

export function smtpConfigured(raw?: RawEnvironment): boolean {
  return configuration(raw).smtpConfigured;
}

/**
 * The SMTP transport from the environment (SMTP_URL, or SMTP_HOST/PORT/USER/PASSWORD/SECURE). Without
 * SMTP settings, messages are written to ./data/mail (an .eml and a .json each) for /dev/mails.
 */
export function createTransport(raw?: RawEnvironment): Transporter {
  const env = configuration(raw);
  // One send must end well within the outbox lease (5 minutes), or another worker could send it again.
  const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
  if (env.SMTP_URL) return nodemailer.createTransport({ url: env.SMTP_URL, ...timeouts });
  if (env.SMTP_HOST) {
    return nodemailer.createTransport({
      ...timeouts,
      host: env.SMTP_HOST,
      port: env.SMTP_PORT ?? 587,
      secure: env.SMTP_SECURE ?? false,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
    });
  }
  return createFileTransport(path.resolve(env.mailDirectory));
}

export interface StoredAttachment {
  fileName: string;
  contentType: string;
  /** In bytes; null when the content was not given as bytes (a stream, a path), and is only in the .eml. */
  size: number | null;
}

export interface StoredMail {
  id: string;
  date: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Absent from mails written before attachments were recorded. */
  attachments?: StoredAttachment[];
}

/** Where the file transport copies attachment `index` of mail `id`; the dot keeps it out of the ids. */
export const storedAttachmentPath = (directory: string, id: string, index: number) =>
  path.join(directory, `${id}.attachments`, String(index));

function bytesOf(attachment: NonNullable<SendMailOptions["attachments"]>[number]): Buffer | null {
  const { content, encoding } = attachment;
  if (Buffer.isBuffer(content)) return content;
  if (content instanceof Uint8Array) return Buffer.from(content);
  if (typeof content === "string") return Buffer.from(content, (encoding as BufferEncoding) || "utf8");
  return null;
}

function createFileTransport(directory: string): Transporter {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const send = stream.sendMail.bind(stream);
  // Keep nodemailer's message building, then write what it built to disk.
  stream.sendMail = (async (message: SendMailOptions) => {
    const info = await send(message);
    mkdirSync(directory, { recursive: true });
    const date = new Date();
    const id = `${date.toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;
    writeFileSync(path.join(directory, `${id}.eml`), info.message as Buffer);
    // The .eml holds the attachments too, but nothing at run time parses it: a copy of each file's bytes
    // lets /dev/mails offer it for download.
    const attachments = (message.attachments ?? []).map((attachment, index): StoredAttachment => {
      const bytes = bytesOf(attachment);
      if (bytes) {
        const file = storedAttachmentPath(directory, id, index);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      }
      return {
        fileName: typeof attachment.filename === "string" ? attachment.filename : `piece-jointe-${index + 1}`,
        contentType: attachment.contentType ?? "application/octet-stream",
        size: bytes ? bytes.byteLength : null,
      };
    });
    const stored: StoredMail = {
      id,
      date: date.toISOString(),
      to: String(message.to),
      subject: String(message.subject ?? ""),
      text: String(message.text ?? ""),
      html: String(message.html ?? ""),
      attachments,
    };
    writeFileSync(path.join(directory, `${id}.json`), JSON.stringify(stored, null, 2));
    return info;
  }) as typeof stream.sendMail;
  return stream;
}
