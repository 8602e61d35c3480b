// Reminders of the equity advances' instalments, from the periodic jobs: 15 days before, on the day if
// unpaid, and the formal reminder (« relance », with its letter) 30 days after. Each is claimed by a row whose
// unique key (instalment, kind) makes it go once, whichever instance runs the job and however often.
import { addParisDays, parisDay } from "~/domain/paris-time";
import {
  ADVANCE_FORMAL_REMINDER_DAYS_AFTER,
  ADVANCE_REMINDER_DAYS_BEFORE,
  advanceReminderKind,
} from "~/domain/post-grant/repayments";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { DocumentKind, DossierStatus } from "~/generated/prisma/enums";
import { renderAdvanceReminderLetter } from "~/pdf/advance-reminder-letter.server";
import { advanceReminder } from "~emails/advance-reminder";

import { DECISION_SIGNATORY } from "~/services/dossiers/decision-documents.server";
import { portalUrl } from "~/services/dossiers/links.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import {
  ADVANCE_TX_OPTIONS,
  advancePath,
  documentBase,
  emailAdvanceMembers,
  loadAdvance,
  standingOf,
  storeAdvanceDocument,
  type Advance,
} from "./advance.server";
import { recordFollowUp } from "./follow-up.server";

const DAY = 86_400_000;
/** The formal reminder asks for payment within this many days. */
const PAY_WITHIN_DAYS = 15;

/** The formal reminder's letter (« relance ») for an unpaid instalment, stored with its line in the timeline. */
export async function writeReminderLetter(
  tx: Prisma.TransactionClient,
  storage: FileStorage,
  written: string[],
  input: { advance: Advance; instalment: { position: number; dueDate: Date; daysLate: number }; now: Date },
) {
  const { advance, instalment, now } = input;
  const standing = standingOf(advance, now);
  const pdf = await renderAdvanceReminderLetter({
    ...documentBase(advance, now),
    instalmentPosition: instalment.position,
    dueDate: instalment.dueDate,
    lateCents: standing.position.lateCents,
    daysLate: instalment.daysLate,
    outstandingCents: standing.outstandingCents,
    payBy: addParisDays(now, PAY_WITHIN_DAYS),
    signatory: DECISION_SIGNATORY,
  });
  return storeAdvanceDocument({
    tx,
    storage,
    written,
    dossierId: advance.dossier.id,
    kind: DocumentKind.ADVANCE_REMINDER_LETTER,
    pdf,
    period: instalment.position,
    actorId: null,
    reason: "Lettre de relance établie",
    now,
  });
}

export async function sendAdvanceReminders(
  db: PrismaClient,
  input: { now?: Date; appUrl: string; storage: FileStorage },
): Promise<number> {
  const now = input.now ?? new Date();
  // Instalments of schedules in force on open dossiers, due within the window; paid ones are skipped below.
  const candidates = await db.advanceInstalment.findMany({
    where: {
      dueDate: { lte: new Date(now.getTime() + (ADVANCE_REMINDER_DAYS_BEFORE + 1) * DAY) },
      schedule: { replacedAt: null, dossier: { status: DossierStatus.GRANTED } },
    },
    select: { id: true, position: true, schedule: { select: { dossierId: true } } },
    orderBy: { dueDate: "asc" },
  });
  let sent = 0;
  for (const candidate of candidates) {
    const written: string[] = [];
    try {
      const done = await db.$transaction(async (tx) => {
        const advance = await loadAdvance(tx, candidate.schedule.dossierId);
        if (!advance) return false;
        const instalment = standingOf(advance, now).position.instalments.find(
          (item) => item.position === candidate.position,
        );
        if (!instalment || instalment.remainingCents === 0) return false;
        const kind = advanceReminderKind(parisDay(instalment.dueDate), parisDay(now), instalment.daysLate);
        if (!kind) return false;
        // The claim: a second instance (or run) finds the key taken and sends nothing.
        const claimed = await tx.advanceReminder.createMany({
          data: [{ instalmentId: candidate.id, kind, sentAt: now }],
          skipDuplicates: true,
        });
        if (claimed.count === 0) return false;
        const standing = standingOf(advance, now);
        let attachment: { fileName: string; storageKey: string } | undefined;
        if (kind === "FORMAL") {
          const storageKey = await writeReminderLetter(tx, input.storage, written, {
            advance,
            instalment,
            now,
          });
          attachment = { fileName: `Relance ${advance.dossier.number ?? ""}.pdf`, storageKey };
        }
        const url = portalUrl(input.appUrl, advancePath(advance.dossier.id));
        await emailAdvanceMembers(
          tx,
          advance.dossier.organisationId,
          now,
          (person) =>
            advanceReminder({
              kind,
              firstName: person.firstName,
              dossierNumber: advance.dossier.number ?? "",
              position: instalment.position,
              dueDate: instalment.dueDate,
              amountCents: instalment.remainingCents,
              daysLate: instalment.daysLate,
              outstandingCents: standing.outstandingCents,
              url,
            }),
          attachment,
        );
        if (kind === "FORMAL")
          await recordFollowUp(tx, {
            dossierId: advance.dossier.id,
            actorId: null,
            action: "post_grant.advance_reminder_sent",
            reason: `Relance envoyée\u00a0: échéance n°\u00a0${instalment.position} impayée depuis plus de ${ADVANCE_FORMAL_REMINDER_DAYS_AFTER}\u00a0jours`,
            target: { type: "Dossier", id: advance.dossier.id },
            details: { position: instalment.position, kind },
            now,
          });
        return true;
      }, ADVANCE_TX_OPTIONS);
      if (done) sent += 1;
    } catch (error) {
      await deleteUnreferencedFiles(db, input.storage, written);
      throw error;
    }
  }
  return sent;
}
