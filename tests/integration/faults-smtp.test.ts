// The mail server down while a call closes: a burst of filings all commit (number, receipt, event, email in
// the outbox) although no email can leave; the real outbox worker keeps failing and rescheduling them; once
// the server answers again, every applicant gets their receipt email exactly once. The mail server is a real
// smtp-server reached through a TCP proxy: "down" is the proxy refusing connections (ECONNREFUSED, as for a
// stopped server), "up" is the proxy listening again on the same port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DocumentKind, DossierStatus, OutboxStatus } from "~/generated/prisma/enums";
import { fileDossier } from "~/services/applicant/filing.server";
import { createTransport } from "~/services/platform/mailer.server";
import { processOutboxBatch, startOutboxWorker } from "~/services/platform/outbox.server";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { databaseKinds } from "../support/database";
import { APP_URL, createWorld, prepareDemo, type World } from "../support/instruction-world";
import { sentTo, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const BURST = 20;

describe.each(databaseKinds())("filings while the mail server is down, on %s", (kind) => {
  let world: World;
  let smtp: TestSmtpServer;
  let proxy: TcpProxy;

  beforeAll(async () => {
    world = await createWorld(kind);
    smtp = await startSmtpServer();
    const { port } = (smtp.transport as unknown as { options: { port: number } }).options;
    proxy = await startTcpProxy({ host: "127.0.0.1", port });
    await proxy.cut();
  });

  afterAll(async () => {
    await proxy?.close();
    await smtp?.close();
    await world?.database.close();
  });

  it("commits every filing of a burst, keeps the emails waiting, then delivers each exactly once", async () => {
    const { db, storage } = world;
    // The app's own SMTP transport, configured as in production, pointed at the (unreachable) server.
    const transport = createTransport({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(proxy.port) });
    const drafts = [];
    for (let index = 0; index < BURST; index += 1) {
      drafts.push(await prepareDemo(world, CAP_ASSO_DOSSIERS[index % CAP_ASSO_DOSSIERS.length]!));
    }

    // The burst, with the real worker running beside it as in production: every send fails.
    const workerErrors: unknown[] = [];
    const worker = startOutboxWorker({
      db,
      transport,
      storage,
      intervalMs: 50,
      onError: (error) => workerErrors.push(error),
    });
    const filed = await Promise.all(
      drafts.map(({ id, owner }) =>
        fileDossier(db, storage, { userId: owner.id, dossierId: id, appUrl: APP_URL }),
      ),
    );
    await worker.stop();
    const lastRun = await processOutboxBatch({ db, transport, storage });

    expect(filed.every((result) => !result.alreadyFiled)).toBe(true);
    expect(new Set(filed.map((result) => result.number)).size).toBe(BURST);
    // On PGlite's single connection the worker may not get a turn while filings queue: it tries again at
    // its next tick. Any other failure would be a defect.
    for (const error of workerErrors) expect(error).toMatchObject({ code: "P2028" });
    expect(lastRun.sent).toBe(0);
    expect(await smtp.messages()).toHaveLength(0);

    const ids = drafts.map((draft) => draft.id);
    const dossiers = await db.dossier.findMany({
      where: { id: { in: ids } },
      select: {
        status: true,
        number: true,
        events: { where: { toStatus: DossierStatus.FILED }, select: { id: true } },
        documents: { where: { kind: DocumentKind.FILING_RECEIPT }, select: { storageKey: true } },
      },
    });
    for (const dossier of dossiers) {
      expect(dossier.status).toBe(DossierStatus.FILED);
      expect(dossier.events).toHaveLength(1);
      expect(dossier.documents).toHaveLength(1);
      expect(await storage.exists(dossier.documents[0]!.storageKey)).toBe(true);
    }
    const waiting = await db.outboxEmail.findMany({ where: { template: "dossier-filed" } });
    expect(waiting).toHaveLength(BURST);
    for (const email of waiting) {
      expect(email.status).toBe(OutboxStatus.PENDING);
      expect(email.attempts).toBeGreaterThanOrEqual(1);
      expect(email.lastError).toMatch(/ECONNREFUSED|connect/i);
      // Rescheduled with a back-off, not hammered.
      expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }

    // The server is back; the worker's next runs come after the back-off (hence the clock moved on).
    await proxy.restore();
    const later = new Date(Date.now() + 2 * 60 * 60_000);
    let sent = 0;
    for (let run = 0; run < 5; run += 1) {
      sent += (await processOutboxBatch({ db, transport, storage, now: later })).sent;
    }
    expect(sent).toBe(BURST);

    const messages = await smtp.messages();
    expect(messages).toHaveLength(BURST);
    expect(new Set(messages.map((message) => message.messageId)).size).toBe(BURST);
    for (const [index, { owner }] of drafts.entries()) {
      const theirs = messages.filter((message) => sentTo(message, owner.email));
      expect(theirs, owner.email).toHaveLength(1);
      expect(theirs[0]!.subject).toContain(filed[index]!.number);
      expect(theirs[0]!.attachments.map((file) => file.filename)).toEqual([
        `Récépissé ${filed[index]!.number}.pdf`,
      ]);
    }
    expect(await db.outboxEmail.count({ where: { status: { not: OutboxStatus.SENT } } })).toBe(0);
  });
});
