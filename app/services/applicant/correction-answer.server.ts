// Sending a corrected dossier back: the open requests are answered (with the applicant's note), the
// dossier returns to instruction, and its instructor is told what changed, in one transaction.
import { diffAnswers, readSnapshot } from "~/domain/answers-diff";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DossierStatus } from "~/generated/prisma/enums";

import { applyTransition, lockDossier } from "~/services/dossiers/transitions.server";
import { answersOf, formContext, type getDossierForMember } from "./dossiers.server";
import type { FilingResult } from "./filing.server";

type Dossier = Awaited<ReturnType<typeof getDossierForMember>>;
type AttachmentRow = { kind: string; fileName: string; sizeBytes: number; sha256: string };

/** The longest note an applicant may send with a corrected dossier. */
export const MAX_ANSWER_NOTE_LENGTH = 2_000;

/** The applicant sends the corrected dossier back to the instructor, who is told in the same transaction. */
export async function answerCorrection(
  db: PrismaClient,
  dossier: Dossier,
  input: {
    /** What the dossier says now, with the pieces read inside the transaction. */
    snapshot: (attachments: AttachmentRow[]) => Prisma.InputJsonObject;
    title: string;
    userId: string;
    appUrl: string;
    /** A word for the instructor, kept with the request it answers. */
    note: string;
    now: Date;
  },
): Promise<FilingResult> {
  const { userId, appUrl, now } = input;
  const note = input.note.replace(/\r\n?/g, "\n").trim().slice(0, MAX_ANSWER_NOTE_LENGTH);
  return db.$transaction(async (tx) => {
    const locked = await lockDossier(tx, dossier.id);
    if (locked.status !== DossierStatus.CORRECTION_REQUESTED) {
      return { number: dossier.number!, alreadyFiled: true };
    }
    const attachments = await tx.attachment.findMany({
      where: { dossierId: dossier.id, deletedAt: null, messageId: null },
      select: { kind: true, fileName: true, sizeBytes: true, sha256: true },
    });
    const open = await tx.correctionRequest.findFirst({
      where: { dossierId: dossier.id, status: "OPEN" },
      orderBy: { createdAt: "desc" },
      select: { answersBefore: true },
    });
    await tx.correctionRequest.updateMany({
      where: { dossierId: dossier.id, status: "OPEN" },
      data: { status: "ANSWERED", answeredAt: now, answerNote: note || null },
    });
    const context = await formContext(tx, dossier.schemeCode, dossier.ruleSet.parameters);
    const before = readSnapshot(open?.answersBefore).answers;
    // The instructor in charge is told, with how many answers changed and the note (TRANSITIONS.RESUBMIT).
    await applyTransition(tx, {
      dossierId: dossier.id,
      from: locked.status,
      transition: "RESUBMIT",
      actor: { id: userId, role: "APPLICANT" },
      reason: "Dossier corrigé renvoyé à l’instruction",
      data: input.snapshot(attachments),
      appUrl,
      notice: {
        dossierTitle: input.title,
        organisationName: dossier.organisation.name,
        changeCount: diffAnswers(dossier.schemeCode, before, answersOf(dossier.answers), context).length,
        ...(note ? { note } : {}),
      },
      now,
    });
    return { number: dossier.number!, alreadyFiled: false, corrected: true };
  });
}
