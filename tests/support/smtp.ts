// A real SMTP server (the `smtp-server` package) on a free local port, and the app's own transport to it:
// what the tests read is what a mail client would receive, parsed by mailparser.
import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

import { createTransport } from "~/services/platform/mailer.server";

export interface TestSmtpServer {
  transport: ReturnType<typeof createTransport>;
  port: number;
  /** Every message received so far, parsed. */
  messages(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    transport: createTransport({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }),
    port,
    messages: () => Promise.all(received.map((raw) => simpleParser(raw))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Whether a parsed message was sent to `email`. */
export function sentTo(message: ParsedMail, email: string): boolean {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : [];
  return to.some((address) => address.value.some((entry) => entry.address === email));
}
