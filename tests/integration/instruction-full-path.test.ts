// The whole life of a dossier, per scheme, as the people involved live it: filed by the applicant, taken up
// by an instructor, sent back for a correction, corrected and refiled, proposed, put on the agenda of a
// Commission Permanente session and decided. The emails go through a real SMTP server; the documents the
// applicant receives hold the right numbers; every step is in the audit trail.
import { rm } from "node:fs/promises";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { euroAmountInWords } from "~/domain/amount-in-words";
import { formatEuros } from "~/domain/format";
import {
  CommissionSessionStatus,
  DocumentKind,
  DossierEventKind,
  DossierStatus,
  UserRole,
} from "~/generated/prisma/enums";
import { createSession, addToAgenda } from "~/services/commission/sessions.server";
import { recordSessionDecisions } from "~/services/commission/decisions.server";
import { fileDossier } from "~/services/applicant/filing.server";
import { correctionDiffs, requestCorrection } from "~/services/instruction/corrections.server";
import { proposeDossier } from "~/services/instruction/proposal.server";
import { startInstruction } from "~/services/instruction/actions.server";
import { processOutboxBatch } from "~/services/platform/outbox.server";

import { A_VOS_ID_DOSSIERS } from "../../seeds/demo/dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../seeds/demo/dossiers-cooperatives-and-advances";
import { databaseKinds } from "../support/database";
import { APP_URL, createWorld, fileDemo, saveAll, type World } from "../support/instruction-world";
import { pdfText } from "../support/pdf-text";
import { sentTo, startSmtpServer, type TestSmtpServer } from "../support/smtp";

/** Per scheme: a demo dossier, the answer the instructor asks to correct, and the amounts voted. */
const PATHS = [
  { demo: CAP_ASSO_DOSSIERS[0]!, field: "publics", yearly: [1_200_000, 1_200_000, 1_000_000] },
  { demo: A_VOS_ID_DOSSIERS[0]!, field: "expectedImpact", yearly: [] },
  { demo: COOPERATIVE_AND_ADVANCE_DOSSIERS[0]!, field: "activity", yearly: [] },
  { demo: COOPERATIVE_AND_ADVANCE_DOSSIERS[1]!, field: "projectSummary", yearly: [] },
] as const;

/** PDF text on one line, spaces of every kind as one. */
const flat = (text: string) => text.replace(/\s+/gu, " ");

describe.each(databaseKinds())("a dossier's whole instruction, per scheme, on %s", (kind) => {
  let world: World;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    world = await createWorld(kind);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it("goes from filing to the Commission's decision, with the emails and documents each applicant receives", async () => {
    const { db, storage, instructor } = world;
    // The Commission meets today: its decisions can be recorded once it has met.
    const sessionDate = new Date();
    const dossiers = [];

    for (const path of PATHS) {
      const filed = await fileDemo(world, path.demo);
      const revision = async () =>
        (await db.dossier.findUniqueOrThrow({ where: { id: filed.id }, select: { revision: true } }))
          .revision;

      await startInstruction(db, {
        actor: instructor,
        dossierId: filed.id,
        revision: await revision(),
        appUrl: APP_URL,
      });
      await requestCorrection(db, {
        actor: instructor,
        dossierId: filed.id,
        revision: await revision(),
        fields: [path.field],
        attachmentKinds: [],
        reason: "Précisez ce point, s’il vous plaît : la réponse est trop générale.",
        replyBy: new Date(Date.now() + 15 * 86_400_000),
        appUrl: APP_URL,
      });
      const corrected = `${String(path.demo.answers[path.field]).trim()} Précision apportée à la demande du service instructeur.`;
      await saveAll(world, filed.owner.id, filed.id, { ...path.demo.answers, [path.field]: corrected });
      await fileDossier(db, storage, { userId: filed.owner.id, dossierId: filed.id, appUrl: APP_URL });
      const [round] = await correctionDiffs(db, filed.id);
      expect(round!.changes.map((change) => [change.path, change.after])).toEqual([[path.field, corrected]]);

      const dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
      expect(dossier.status).toBe(DossierStatus.UNDER_INSTRUCTION);
      const amountCents =
        path.yearly.length > 0
          ? path.yearly.reduce((sum, year) => sum + year, 0)
          : dossier.requestedAmountCents!;
      await proposeDossier(db, storage, {
        actor: instructor,
        dossierId: filed.id,
        revision: await revision(),
        favourable: true,
        motivation: "Projet solide, budget équilibré, partenaires engagés : avis favorable.",
        proposedAmountCents: amountCents,
        yearlyAmountsCents: [...path.yearly],
        appUrl: APP_URL,
      });
      dossiers.push({ ...filed, amountCents, yearly: [...path.yearly] });
    }

    const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(sessionDate);
    const session = await createSession(db, { actor: instructor, date: parisDay, now: new Date() });
    expect(
      await addToAgenda(db, {
        actor: instructor,
        sessionId: session.id,
        dossierIds: dossiers.map((dossier) => dossier.id),
        now: new Date(),
      }),
    ).toBe(4);
    await recordSessionDecisions(db, storage, {
      actor: instructor,
      sessionId: session.id,
      decisions: dossiers.map((dossier) => ({
        dossierId: dossier.id,
        outcome: "GRANTED" as const,
        amountCents: dossier.amountCents,
        yearlyAmountsCents: dossier.yearly,
        motivation: "",
      })),
      now: new Date(),
      appUrl: APP_URL,
    });
    expect((await db.commissionSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe(
      CommissionSessionStatus.HELD,
    );

    // Everything waiting in the outbox goes to the SMTP server.
    for (;;) {
      const run = await processOutboxBatch({ db, transport: smtp.transport, storage });
      expect(run.failed).toBe(0);
      if (run.sent === 0) break;
    }
    const messages = await smtp.messages();

    for (const dossier of dossiers) {
      const row = await db.dossier.findUniqueOrThrow({
        where: { id: dossier.id },
        include: {
          events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: true } },
          documents: true,
          instalments: { orderBy: { position: "asc" } },
        },
      });
      const what = `${row.schemeCode} ${row.number}`;
      expect(row.status, what).toBe(DossierStatus.GRANTED);
      expect(row.grantedAmountCents, what).toBe(dossier.amountCents);

      // The audit trail: every move with who made it.
      expect(
        row.events
          .filter((event) => event.kind === DossierEventKind.STATUS_CHANGE)
          .map((event) => [event.toStatus, event.actor?.role]),
        what,
      ).toEqual([
        [DossierStatus.DRAFT, UserRole.APPLICANT],
        [DossierStatus.FILED, UserRole.APPLICANT],
        [DossierStatus.UNDER_INSTRUCTION, UserRole.INSTRUCTOR],
        [DossierStatus.CORRECTION_REQUESTED, UserRole.INSTRUCTOR],
        [DossierStatus.UNDER_INSTRUCTION, UserRole.APPLICANT],
        [DossierStatus.PROPOSED, UserRole.INSTRUCTOR],
        [DossierStatus.GRANTED, UserRole.INSTRUCTOR],
      ]);
      const kinds = new Set(row.events.map((event) => event.kind));
      expect([...kinds].sort(), what).toEqual(
        [
          DossierEventKind.AGENDA,
          // The applicant's corrections are recorded as they are saved.
          DossierEventKind.ANSWERS_UPDATED,
          DossierEventKind.ASSIGNMENT,
          DossierEventKind.DOCUMENT_ISSUED,
          DossierEventKind.STATUS_CHANGE,
        ].sort(),
      );

      // What the applicant received, through the SMTP server.
      const mine = messages.filter((message) => sentTo(message, dossier.owner.email));
      const subjects = mine.map((message) => message.subject);
      expect(subjects, what).toEqual(
        expect.arrayContaining([
          `Votre dossier ${row.number} a bien été déposé`,
          `Dossier ${row.number} : l’instruction a commencé`,
          `Dossier ${row.number} : des corrections sont demandées`,
          `Dossier ${row.number} : aide accordée`,
        ]),
      );
      const decision = mine.find((message) => message.subject === `Dossier ${row.number} : aide accordée`)!;
      expect(decision.text, what).toContain(formatEuros(dossier.amountCents));
      const attachments = decision.attachments.map((file) => file.filename ?? "");
      expect(attachments, what).toHaveLength(3);
      expect(attachments[0], what).toBe(`Décision ${row.number}.pdf`);
      expect(attachments[1], what).toBe(`Convention ${row.number}.pdf`);

      // The letter and the agreement say the amount in figures, and the agreement in words too.
      const letter = flat(await pdfText(decision.attachments[0]!.content));
      expect(letter, what).toContain(flat(formatEuros(dossier.amountCents)));
      const agreement = flat(await pdfText(decision.attachments[1]!.content));
      expect(agreement, what).toContain(flat(formatEuros(dossier.amountCents)));
      expect(agreement, what).toContain(euroAmountInWords(dossier.amountCents));

      // The schedule: CAP ASSO pays each year's amount; the advance is repaid in full.
      const schedule = flat(await pdfText(decision.attachments[2]!.content));
      const instalmentsTotal = row.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
      expect(instalmentsTotal, what).toBe(dossier.amountCents);
      for (const instalment of row.instalments) {
        expect(schedule, what).toContain(flat(formatEuros(instalment.amountCents)));
      }
      if (row.schemeCode === "CAP_ASSO") {
        expect(
          row.instalments.map((instalment) => instalment.amountCents),
          what,
        ).toEqual(dossier.yearly);
      }
      if (row.schemeCode === "EQUITY_ADVANCE") {
        expect(decision.attachments[2]!.filename, what).toBe(`Échéancier de remboursement ${row.number}.pdf`);
        expect(row.instalments, what).toHaveLength(9);
      }

      // The instructor's report stays with the Region: stored, never emailed to the applicant.
      const report = row.documents.find((document) => document.kind === DocumentKind.INSTRUCTOR_REPORT)!;
      const reportText = flat(await pdfText(await buffer(await storage.get(report.storageKey))));
      expect(reportText, what).toContain(flat(formatEuros(dossier.amountCents)));
      expect(
        attachments.some((name) => /rapport/i.test(name)),
        what,
      ).toBe(false);
    }

    // The instructor, notified immediately, heard of each corrected dossier coming back.
    const instructorMail = messages.filter((message) => sentTo(message, instructor.email));
    expect(instructorMail.filter((message) => /correction/i.test(message.subject ?? ""))).toHaveLength(4);
  });
});
