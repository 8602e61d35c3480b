// The mail server down while a call closes: a burst of filings all commit (number, receipt, event, email in
// the outbox) although no email can leave; the real outbox worker keeps failing and rescheduling them; once
// the server answers again, every applicant gets their receipt email exactly once. The mail server is a real
// smtp-server reached through a TCP proxy: "down" is the proxy refusing connections (ECONNREFUSED, as for a
// stopped server), "up" is the proxy listening again on the same port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DocumentKind, DossierStatus, OutboxStatus } from "~/generated/prisma/enums";
import { uploadAttachment } from "~/services/attachments.server";
import { startDossier } from "~/services/dossiers.server";
import { fileDossier } from "~/services/filing.server";
import { createTransport } from "~/services/mailer.server";
import { processOutboxBatch, startOutboxWorker } from "~/services/outbox.server";

import type { DemoDossier } from "../../seeds/demo/dossier-writer";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { DEMO_ORGANISATIONS } from "../../seeds/demo/organisations";
import { demoSiret } from "../../seeds/demo/identifiers";
import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { APP_URL, createUser, createWorld, saveAll, type World } from "../support/instruction-world";
import { sentTo, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const BURST = 20;
let sirens = 0;

/** A demo dossier's organisation, its owner, every step saved and every piece uploaded: ready to file. */
async function readyDraft(world: World, demo: DemoDossier) {
  const { db, storage } = world;
  const owner = await createUser(db, "Camille", "Martin", "APPLICANT");
  const { owner: _o, members: _m, esusApprovalDate, ...fields } = DEMO_ORGANISATIONS[demo.organisation];
  sirens += 1;
  const organisation = await db.organisation.create({
    data: {
      ...fields,
      siret: fields.siret ? demoSiret(String(71_000_000 + sirens), "0001") : null,
      esusApproved: Boolean(esusApprovalDate),
      esusApprovalDate: esusApprovalDate ?? null,
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
  const { id } = await startDossier(db, {
    userId: owner.id,
    organisationId: organisation.id,
    schemeCode: demo.scheme,
  });
  await saveAll(world, owner.id, id, demo.answers);
  const { ruleSet } = await db.dossier.findUniqueOrThrow({ where: { id }, include: { ruleSet: true } });
  for (const { kind } of (ruleSet.parameters as { requiredAttachments: Array<{ kind: string }> })
    .requiredAttachments) {
    await uploadAttachment(db, storage, {
      userId: owner.id,
      dossierId: id,
      kind,
      fileName: `${kind.toLowerCase()}.pdf`,
      source: Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${kind} ${id}\n`)]),
    });
  }
  return { id, owner };
}

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
      drafts.push(await readyDraft(world, CAP_ASSO_DOSSIERS[index % CAP_ASSO_DOSSIERS.length]!));
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
