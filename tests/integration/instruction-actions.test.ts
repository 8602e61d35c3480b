// The instruction of a dossier as Region staff do it, on dossiers filed as applicants file them (the demo
// answers of each scheme, saved step by step, every piece uploaded): start, correction and its reminder,
// the applicant's answer and what changed, the proposal and its report; close and reopen; and the guards
// (scope, stale page, illegal moves, private notes, two instructors ticking the checklist at once).
import { rm } from "node:fs/promises";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatDate, formatEuros } from "~/domain/format";
import type { PrismaClient } from "~/generated/prisma/client";
import { CorrectionStatus, DocumentKind, DossierEventKind, DossierStatus } from "~/generated/prisma/enums";
import {
  listMessages,
  listMessagesForStaff,
  postInstructorMessage,
} from "~/services/dossiers/messages.server";
import { dossierOverview } from "~/services/applicant/dossier-overview.server";
import { DossierError } from "~/services/applicant/dossiers.server";
import { fileDossier } from "~/services/applicant/filing.server";
import {
  addNote,
  closeDossier,
  listNotes,
  reopenDossier,
  setCompleteness,
  startInstruction,
} from "~/services/instruction/actions.server";
import {
  correctionDiffs,
  CorrectionError,
  requestCorrection,
  sendCorrectionReminders,
} from "~/services/instruction/corrections.server";
import { getDossierForStaff, InstructionFormError } from "~/services/instruction/access.server";
import { OpinionError, proposeDossier } from "~/services/instruction/proposal.server";

import { A_VOS_ID_DOSSIERS } from "../../seeds/demo/dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { COOPERATIVE_AND_ADVANCE_DOSSIERS } from "../../seeds/demo/dossiers-cooperatives-and-advances";
import { databaseKinds } from "../support/database";
import { APP_URL, createWorld, DAY, fileDemo, saveAll, type World } from "../support/instruction-world";
import { pdfText } from "../support/pdf-text";
import { asServed } from "../support/routes";

const revisionOf = async (db: PrismaClient, id: string) =>
  (await db.dossier.findUniqueOrThrow({ where: { id }, select: { revision: true } })).revision;

async function rejection<T>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

const emailsTo = (db: PrismaClient, to: string, template?: string) =>
  db.outboxEmail.findMany({
    where: { to, ...(template ? { template } : {}) },
    orderBy: { createdAt: "asc" },
  });

/** Per scheme: a demo dossier, an answer to correct, amounts refused and accepted for the proposal. */
const SCHEMES = [
  {
    demo: CAP_ASSO_DOSSIERS[0]!,
    field: "publics",
    fieldLabel: "Quels publics vise-t-il ?",
    tooMuch: { proposedAmountCents: 4_500_000, yearlyAmountsCents: [2_500_000, 1_000_000, 1_000_000] },
    tooMuchError: ["amountYear1", `plafond du dispositif (${formatEuros(2_000_000)}, règlement version 1)`],
    valid: (requested: number) => {
      const year = Math.floor(requested / 3);
      return { proposedAmountCents: year * 3, yearlyAmountsCents: [year, year, year] };
    },
  },
  {
    demo: A_VOS_ID_DOSSIERS[0]!,
    field: "expectedImpact",
    fieldLabel: null,
    tooMuch: { proposedAmountCents: 8_000_001, yearlyAmountsCents: [] },
    tooMuchError: [
      "proposedAmount",
      `plafond du dispositif (${formatEuros(8_000_000)}, règlement version 1)`,
    ],
    valid: (requested: number) => ({ proposedAmountCents: requested, yearlyAmountsCents: [] }),
  },
  {
    demo: COOPERATIVE_AND_ADVANCE_DOSSIERS[0]!,
    field: "activity",
    fieldLabel: null,
    tooMuch: { proposedAmountCents: 10_000_001, yearlyAmountsCents: [] },
    tooMuchError: [
      "proposedAmount",
      `plafond du dispositif (${formatEuros(10_000_000)}, règlement version 1)`,
    ],
    valid: (requested: number) => ({ proposedAmountCents: requested, yearlyAmountsCents: [] }),
  },
  {
    demo: COOPERATIVE_AND_ADVANCE_DOSSIERS[1]!,
    field: "projectSummary",
    fieldLabel: "Présentez le projet cofinancé",
    // Below the scheme's ceiling, above half of the 180 000 € EU grant.
    tooMuch: { proposedAmountCents: 9_500_000, yearlyAmountsCents: [] },
    tooMuchError: ["proposedAmount", `50\u00a0% de la subvention européenne (${formatEuros(9_000_000)}`],
    valid: (requested: number) => ({ proposedAmountCents: requested, yearlyAmountsCents: [] }),
  },
] as const;

describe.each(databaseKinds())("instruction actions on %s", (kind) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(kind);
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  it.each(SCHEMES.map((scheme) => [scheme.demo.scheme, scheme] as const))(
    "%s: start, correction with its reminder, the applicant's answer, then the proposal and its report",
    async (_code, scheme) => {
      const { db, storage, instructor } = world;
      const filed = await fileDemo(world, scheme.demo);
      const now = new Date();

      await startInstruction(db, {
        actor: instructor,
        dossierId: filed.id,
        revision: await revisionOf(db, filed.id),
        now,
        appUrl: APP_URL,
      });
      let dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
      expect(dossier).toMatchObject({ status: DossierStatus.UNDER_INSTRUCTION, assigneeId: instructor.id });
      expect(
        await db.dossierEvent.count({ where: { dossierId: filed.id, kind: DossierEventKind.ASSIGNMENT } }),
      ).toBe(1);
      for (const person of [filed.owner, filed.member]) {
        const [started] = await emailsTo(db, person.email, "instruction-started");
        expect(started!.subject).toBe(`Dossier ${filed.number} : l’instruction a commencé`);
        expect(started!.text).toContain("ne peuvent plus être modifiés");
      }

      const replyBy = new Date(now.getTime() + 10 * DAY);
      await requestCorrection(db, {
        actor: instructor,
        dossierId: filed.id,
        revision: dossier.revision,
        fields: [scheme.field],
        attachmentKinds: ["RIB"],
        reason: "Précisez votre réponse et joignez un RIB à jour.",
        replyBy,
        now,
        appUrl: APP_URL,
      });
      expect((await db.dossier.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe(
        DossierStatus.CORRECTION_REQUESTED,
      );
      const [asked] = await emailsTo(db, filed.owner.email, "correction-requested");
      if (scheme.fieldLabel) expect(asked!.text).toContain(scheme.fieldLabel);
      expect(asked!.text).toContain("Pièce : Relevé d’identité bancaire");
      expect(asked!.text).toContain("Précisez votre réponse et joignez un RIB à jour.");
      expect(asked!.text).toContain(formatDate(replyBy));
      expect(asked!.text).toContain(`${APP_URL}/dossiers/${filed.id}`);

      // Ten days ahead: no reminder yet; eight days later, one; never a second one.
      await sendCorrectionReminders(db, { now, appUrl: APP_URL });
      expect(await emailsTo(db, filed.owner.email, "correction-reminder")).toHaveLength(0);
      const later = new Date(now.getTime() + 8 * DAY);
      expect(await sendCorrectionReminders(db, { now: later, appUrl: APP_URL })).toBeGreaterThanOrEqual(1);
      await sendCorrectionReminders(db, { now: later, appUrl: APP_URL });
      const reminders = await emailsTo(db, filed.owner.email, "correction-reminder");
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.subject).toContain(formatDate(replyBy));

      const corrected = "Une réponse précisée après la demande du service instructeur.";
      await saveAll(world, filed.owner.id, filed.id, { ...scheme.demo.answers, [scheme.field]: corrected });
      await fileDossier(db, storage, { userId: filed.owner.id, dossierId: filed.id, appUrl: APP_URL });
      dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
      expect(dossier.status).toBe(DossierStatus.UNDER_INSTRUCTION);
      const [received] = await emailsTo(db, instructor.email, "correction-answered");
      expect(received).toBeDefined();
      const answeredNotices = await db.outboxEmail.findMany({
        where: { to: instructor.email, template: "correction-answered", subject: { contains: filed.number } },
      });
      expect(answeredNotices).toHaveLength(1);
      expect(answeredNotices[0]!.subject).toBe(`Dossier ${filed.number} : correction reçue`);

      const [round] = await correctionDiffs(db, filed.id);
      expect(round).toMatchObject({ status: CorrectionStatus.ANSWERED, attachmentKinds: [{ kind: "RIB" }] });
      expect(round!.answeredAt).not.toBeNull();
      expect(round!.changes).toEqual([
        expect.objectContaining({
          path: scheme.field,
          before: (scheme.demo.answers[scheme.field] as string).trim(),
          after: corrected,
          ...(scheme.fieldLabel ? { label: scheme.fieldLabel } : {}),
        }),
      ]);

      const base = {
        actor: instructor,
        dossierId: filed.id,
        revision: dossier.revision,
        appUrl: APP_URL,
        now,
      };
      const motivation = "Projet solide, partenaires engagés, budget réaliste et équilibré.";
      const refused = await rejection(
        proposeDossier(db, storage, {
          ...base,
          favourable: true,
          motivation,
          proposedAmountCents: scheme.tooMuch.proposedAmountCents,
          yearlyAmountsCents: [...scheme.tooMuch.yearlyAmountsCents],
        }),
        OpinionError,
      );
      const [field, message] = scheme.tooMuchError;
      expect(refused.fieldErrors[field]).toContain(message);
      expect((await db.dossier.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe(
        DossierStatus.UNDER_INSTRUCTION,
      );

      const ownerEmailsBefore = (await emailsTo(db, filed.owner.email)).length;
      const valid = scheme.valid(dossier.requestedAmountCents!);
      await proposeDossier(db, storage, { ...base, favourable: true, motivation, ...valid });
      dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
      expect(dossier).toMatchObject({
        status: DossierStatus.PROPOSED,
        proposedAmountCents: valid.proposedAmountCents,
      });
      const proposal = await db.dossierEvent.findFirstOrThrow({
        where: { dossierId: filed.id, toStatus: DossierStatus.PROPOSED },
      });
      expect(proposal.reason).toBe("Avis de l’instruction transmis à la Commission permanente");
      expect(await db.instructionOpinion.findFirst({ where: { dossierId: filed.id } })).toMatchObject({
        favourable: true,
        motivation,
        ...valid,
      });
      const [report] = await db.generatedDocument.findMany({
        where: { dossierId: filed.id, kind: DocumentKind.INSTRUCTOR_REPORT },
      });
      const text = await pdfText(await buffer(await storage.get(report!.storageKey)));
      expect(text).toContain(formatEuros(valid.proposedAmountCents));
      expect(text).toContain(filed.number);
      expect(await emailsTo(db, filed.owner.email)).toHaveLength(ownerEmailsBefore);
    },
  );

  it("refuses a correction request without anything to correct or with a reply date too close", async () => {
    const { db, instructor } = world;
    const filed = await fileDemo(world, A_VOS_ID_DOSSIERS[0]!);
    const now = new Date();
    await startInstruction(db, {
      actor: instructor,
      dossierId: filed.id,
      revision: await revisionOf(db, filed.id),
      now,
      appUrl: APP_URL,
    });
    const revision = await revisionOf(db, filed.id);
    const error = await rejection(
      requestCorrection(db, {
        actor: instructor,
        dossierId: filed.id,
        revision,
        fields: [],
        attachmentKinds: [],
        reason: " ",
        replyBy: new Date(now.getTime() + DAY),
        now,
        appUrl: APP_URL,
      }),
      CorrectionError,
    );
    expect(error.fieldErrors).toEqual({
      fields: "Cochez au moins un champ ou une pièce à corriger.",
      reason: "Expliquez au porteur de projet ce qu’il doit corriger.",
      replyBy: expect.stringContaining("au moins 3 jours"),
    });
    const unknown = await rejection(
      requestCorrection(db, {
        actor: instructor,
        dossierId: filed.id,
        revision,
        fields: ["motDePasse"],
        attachmentKinds: [],
        reason: "Motif",
        replyBy: new Date(now.getTime() + 10 * DAY),
        now,
        appUrl: APP_URL,
      }),
      CorrectionError,
    );
    expect(unknown.fieldErrors.fields).toContain("« motDePasse »");
    expect(await db.correctionRequest.count({ where: { dossierId: filed.id } })).toBe(0);
    expect(await revisionOf(db, filed.id)).toBe(revision);
  });

  it("refuses an illegal move with the state machine's French message and changes nothing", async () => {
    const { db, storage, instructor, root } = world;
    const filed = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const revision = await revisionOf(db, filed.id);
    const eventsBefore = await db.dossierEvent.count({ where: { dossierId: filed.id } });
    const error = await rejection(
      proposeDossier(db, storage, {
        actor: instructor,
        dossierId: filed.id,
        revision,
        favourable: false,
        motivation: "Le projet ne crée aucun emploi durable sur le territoire.",
        proposedAmountCents: 0,
        yearlyAmountsCents: [],
        appUrl: APP_URL,
      }),
      DossierError,
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      "Impossible de « proposer à la commission permanente » pour un dossier déposé.",
    );
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
    expect(dossier).toMatchObject({ status: DossierStatus.FILED, revision, proposedAmountCents: null });
    expect(await db.dossierEvent.count({ where: { dossierId: filed.id } })).toBe(eventsBefore);
    expect(await db.instructionOpinion.count({ where: { dossierId: filed.id } })).toBe(0);
    expect(
      await db.generatedDocument.count({
        where: { dossierId: filed.id, kind: DocumentKind.INSTRUCTOR_REPORT },
      }),
    ).toBe(0);
    // The report drawn before the refusal was removed from storage: only the pieces and the receipt remain.
    const stored = await db.attachment.count({ where: { dossierId: filed.id } });
    const { readdir } = await import("node:fs/promises");
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) =>
      entry.isFile(),
    );
    const keys = [
      ...(await db.attachment.findMany({ select: { storageKey: true } })),
      ...(await db.generatedDocument.findMany({ select: { storageKey: true } })),
    ];
    expect(files.length).toBe(keys.length);
    expect(stored).toBeGreaterThan(0);
  });

  it("closes for an instructor, reopens only for an administrator, and tells applicants and the assignee", async () => {
    const { db, instructor, admin } = world;
    const filed = await fileDemo(world, COOPERATIVE_AND_ADVANCE_DOSSIERS[1]!);
    await startInstruction(db, {
      actor: instructor,
      dossierId: filed.id,
      revision: await revisionOf(db, filed.id),
      appUrl: APP_URL,
    });
    const reason = "Le projet européen a été abandonné par l’association.";
    await closeDossier(db, {
      actor: instructor,
      dossierId: filed.id,
      revision: await revisionOf(db, filed.id),
      reason,
      appUrl: APP_URL,
    });
    let dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
    expect(dossier.status).toBe(DossierStatus.CLOSED);
    expect(dossier.closedAt).not.toBeNull();
    const [closed] = await emailsTo(db, filed.owner.email, "dossier-closed");
    expect(closed!.text).toContain(reason);

    const refused = await rejection(
      reopenDossier(db, {
        actor: instructor,
        dossierId: filed.id,
        revision: dossier.revision,
        reason: "Erreur",
        appUrl: APP_URL,
      }),
      DossierError,
    );
    expect(refused.message).toBe("Vous ne pouvez pas « rouvrir le dossier » : action réservée.");
    expect((await db.dossier.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe(
      DossierStatus.CLOSED,
    );

    await reopenDossier(db, {
      actor: admin,
      dossierId: filed.id,
      revision: dossier.revision,
      reason: "Clôture par erreur",
      appUrl: APP_URL,
    });
    dossier = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
    expect(dossier).toMatchObject({ status: DossierStatus.UNDER_INSTRUCTION, closedAt: null });
    expect(await emailsTo(db, filed.member.email, "dossier-reopened")).toHaveLength(1);
    const notices = await db.outboxEmail.findMany({
      where: {
        to: instructor.email,
        template: "dossier-reopened-staff",
        subject: { contains: filed.number },
      },
    });
    expect(notices).toHaveLength(1);
  });

  it("refuses a stale page with 409, naming the last action, and changes nothing", async () => {
    const { db, instructor, colleague } = world;
    const filed = await fileDemo(world, A_VOS_ID_DOSSIERS[0]!);
    const seen = await revisionOf(db, filed.id);
    await startInstruction(db, { actor: instructor, dossierId: filed.id, revision: seen, appUrl: APP_URL });
    const before = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
    const events = await db.dossierEvent.count({ where: { dossierId: filed.id } });
    const error = await rejection(
      closeDossier(db, {
        actor: colleague,
        dossierId: filed.id,
        revision: seen,
        reason: "Doublon",
        appUrl: APP_URL,
      }),
      DossierError,
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(
      /^Ce dossier a été modifié depuis l’ouverture de la page \(dernière action : .+ par Inès Moreau à \d\d:\d\d\)\. Rechargez la page pour voir la nouvelle version\.$/,
    );
    expect(await db.dossier.findUniqueOrThrow({ where: { id: filed.id } })).toEqual(before);
    expect(await db.dossierEvent.count({ where: { dossierId: filed.id } })).toBe(events);
  });

  it("hides a dossier outside an instructor's scope behind a 404", async () => {
    const { db, outsider } = world;
    const filed = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const revision = await revisionOf(db, filed.id);
    // One at a time: each attempt starts only once the previous refusal is seen.
    const attempts = [
      () => getDossierForStaff(db, outsider, filed.id),
      () => startInstruction(db, { actor: outsider, dossierId: filed.id, revision, appUrl: APP_URL }),
      () => listNotes(db, outsider, filed.id),
      () => addNote(db, { actor: outsider, dossierId: filed.id, body: "Vu" }),
    ];
    for (const attempt of attempts) {
      const response = await rejection(asServed<unknown>(attempt()), Response);
      expect(response.status).toBe(404);
    }
    expect((await db.dossier.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe(
      DossierStatus.FILED,
    );
  });

  it("keeps notes private, lets two instructors tick the checklist at once, and writes to every member", async () => {
    const { db, storage, instructor, colleague } = world;
    const filed = await fileDemo(world, COOPERATIVE_AND_ADVANCE_DOSSIERS[0]!);
    const secret = "Le cédant m’a dit au téléphone qu’il hésite encore : à vérifier.";
    await addNote(db, { actor: instructor, dossierId: filed.id, body: secret });
    expect(await listNotes(db, colleague, filed.id)).toEqual([
      expect.objectContaining({ body: secret, authorName: "Inès Moreau" }),
    ]);
    const empty = await rejection(
      addNote(db, { actor: instructor, dossierId: filed.id, body: "  " }),
      InstructionFormError,
    );
    expect(empty.fieldErrors.body).toBe("Écrivez la note avant de l’enregistrer.");
    const seenByApplicant = JSON.stringify([
      await listMessages(db, filed.owner.id, filed.id),
      await dossierOverview(db, filed.owner.id, filed.id),
    ]);
    expect(seenByApplicant).not.toContain("cédant");

    await Promise.all([
      setCompleteness(db, { actor: instructor, dossierId: filed.id, key: "budget", checked: true }),
      setCompleteness(db, { actor: colleague, dossierId: filed.id, key: "piece:RIB", checked: true }),
    ]);
    const { completeness } = await db.dossier.findUniqueOrThrow({ where: { id: filed.id } });
    expect(completeness).toMatchObject({
      budget: { checked: true, by: "Inès Moreau" },
      "piece:RIB": { checked: true, by: "Hugo Lefèvre" },
    });
    await rejection(
      setCompleteness(db, { actor: instructor, dossierId: filed.id, key: "inconnu", checked: true }),
      DossierError,
    );

    await postInstructorMessage(db, storage, {
      actor: instructor,
      dossierId: filed.id,
      body: "Pouvez-vous confirmer la date d’immatriculation de la SCOP ?",
      files: [],
      appUrl: APP_URL,
    });
    for (const person of [filed.owner, filed.member]) {
      const [email] = await emailsTo(db, person.email, "message-received");
      expect(email!.text).toContain("Le service instructeur de la Région a écrit un message");
    }
    const [staffView] = await listMessagesForStaff(db, colleague, filed.id);
    expect(staffView!.authorLabel).toContain("Inès Moreau");
    const [applicantView] = await listMessages(db, filed.owner.id, filed.id);
    expect(applicantView!.authorLabel).not.toContain("Inès");
  });
});
