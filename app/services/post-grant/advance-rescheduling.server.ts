// Rescheduling an equity advance (avenant) when the EU payment is late: the association asks for a new
// schedule with a reason and the EU paying agency's evidence; the instructor grants it within the rule set's
// ceiling (maxRescheduledDurationMonths from the payment), which issues the amendment and the new schedule
// PDFs (the old schedules stay in the history), or refuses it with a reason.
import { formatDate, formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import { EVIDENCE_FIELD, EVIDENCE_KIND } from "~/domain/post-grant/repayments";
import { forbidden, UserError } from "~/domain/user-error";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, ReschedulingStatus, UserRole } from "~/generated/prisma/enums";
import { advanceUpdate } from "~emails/advance-update";

import { attachmentRow } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { portalUrl } from "~/services/dossiers/links.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import type { UploadedFile } from "~/services/platform/multipart.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

import {
  ADVANCE_TX_OPTIONS,
  advancePath,
  emailAdvanceMembers,
  lockAdvance,
  refuseForm,
} from "./advance.server";
import { grantRescheduling } from "./advance-amendment.server";
import { recordFollowUp } from "./follow-up.server";

const MAX_REASON = 2000;

/** The schedule asked: first due date (AAAA-MM-JJ), frequency in months, number of instalments. */
function readTerms(values: Record<string, string>) {
  const errors: Record<string, string> = {};
  const day = (values.firstDueDate ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00Z`)))
    errors.firstDueDate = "Indiquez la date de la première échéance au format JJ/MM/AAAA.";
  const frequency = Number(values.frequencyMonths ?? "");
  const count = Number(values.count ?? "");
  if (!Number.isInteger(count) || count < 1 || count > 48)
    errors.count = "Indiquez un nombre d’échéances entre 1 et 48.";
  if (![1, 3, 6, 12].includes(frequency))
    errors.frequencyMonths = "Choisissez une périodicité mensuelle, trimestrielle, semestrielle ou annuelle.";
  return { errors, firstDueDate: errors.firstDueDate ? null : paris(`${day}T12:00`), frequency, count };
}

/** The association asks for a new schedule, with the EU paying agency's evidence. */
export async function requestRescheduling(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    userId: string;
    dossierId: string;
    values: Record<string, string>;
    files: UploadedFile[];
    ip?: string | null;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  await getDossierForMember(db, input.userId, input.dossierId);
  const reason = (input.values.reason ?? "").trim();
  const terms = readTerms(input.values);
  const errors: Record<string, string> = { ...terms.errors };
  if (!reason) errors.reason = "Indiquez pourquoi le versement européen est retardé.";
  else if (reason.length > MAX_REASON)
    errors.reason = `Le motif ne peut pas dépasser ${MAX_REASON} caractères.`;
  const file = input.files.find((item) => item.field === EVIDENCE_FIELD);
  if (!file) errors[EVIDENCE_FIELD] = "Joignez le justificatif de l’autorité de paiement européenne.";
  else if (!file.inspection.ok) errors[EVIDENCE_FIELD] = file.inspection.error;
  if (Object.keys(errors).length > 0 || !file?.inspection.ok || !terms.firstDueDate) refuseForm(errors);
  const key = newStorageKey(now);
  await storage.put(key, file.inspection.bytes, { contentType: file.inspection.mime });
  try {
    return await db.$transaction(async (tx) => {
      const advance = await lockAdvance(tx, input.dossierId);
      if (advance.dossier.status !== DossierStatus.GRANTED)
        throw new UserError("L’avance est intégralement remboursée\u202f: plus rien à rééchelonner.", {
          status: 409,
        });
      if (advance.reschedulings.some((item) => item.status === ReschedulingStatus.REQUESTED))
        throw new UserError("Une demande de rééchelonnement est déjà en cours d’examen.", { status: 409 });
      const rescheduling = await tx.advanceRescheduling.create({
        data: {
          dossierId: advance.dossier.id,
          reason,
          firstDueDate: terms.firstDueDate!,
          frequencyMonths: terms.frequency,
          count: terms.count,
          requestedById: input.userId,
          requestedAt: now,
        },
      });
      if (!file.inspection.ok) throw new Error("unreachable");
      await tx.attachment.create({
        data: {
          ...attachmentRow(file.inspection, {
            dossierId: advance.dossier.id,
            kind: EVIDENCE_KIND,
            storageKey: key,
            uploadedById: input.userId,
            createdAt: now,
          }),
          reschedulingId: rescheduling.id,
        },
      });
      await recordFollowUp(tx, {
        dossierId: advance.dossier.id,
        actorId: input.userId,
        action: "post_grant.advance_rescheduling_requested",
        reason: `Rééchelonnement demandé\u00a0: ${terms.count} échéance(s) à partir du ${formatDate(terms.firstDueDate!)} — ${reason}`,
        target: { type: "Dossier", id: advance.dossier.id },
        details: { reschedulingId: rescheduling.id },
        ip: input.ip,
        now,
      });
      return rescheduling;
    }, ADVANCE_TX_OPTIONS);
  } catch (error) {
    await deleteUnreferencedFiles(db, storage, [key]);
    throw error;
  }
}

/** GRANT (amendment and new schedule) or REFUSE (with a reason) a pending request. */
export async function decideRescheduling(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    actor: StaffActor;
    dossierId: string;
    reschedulingId: string;
    decision: "GRANT" | "REFUSE";
    note: string;
    appUrl: string;
    ip?: string | null;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  await getDossierForStaff(db, input.actor, input.dossierId);
  if (input.actor.role !== UserRole.INSTRUCTOR)
    throw forbidden("Vous ne pouvez pas «\u00a0décider un rééchelonnement\u00a0»\u202f: action réservée.");
  const note = input.note.trim();
  if (input.decision === "REFUSE" && !note)
    refuseForm({ note: "Indiquez le motif du refus\u202f: il est envoyé à l’association." });
  if (note.length > MAX_REASON)
    refuseForm({ note: `Le motif ne peut pas dépasser ${MAX_REASON} caractères.` });
  const written: string[] = [];
  try {
    return await db.$transaction(async (tx) => {
      const advance = await lockAdvance(tx, input.dossierId);
      const request = advance.reschedulings.find((item) => item.id === input.reschedulingId);
      if (!request || request.status !== ReschedulingStatus.REQUESTED)
        throw new UserError("Cette demande de rééchelonnement n’est plus en attente.", { status: 409 });
      if (advance.dossier.status !== DossierStatus.GRANTED)
        throw new UserError("L’avance est intégralement remboursée\u202f: plus rien à rééchelonner.", {
          status: 409,
        });
      const url = portalUrl(input.appUrl, advancePath(advance.dossier.id));
      const email = (
        subject: string,
        sentences: string[],
        attachment?: { fileName: string; storageKey: string },
      ) =>
        emailAdvanceMembers(
          tx,
          advance.dossier.organisationId,
          now,
          (person) =>
            advanceUpdate({
              firstName: person.firstName,
              dossierNumber: advance.dossier.number ?? "",
              subject,
              sentences,
              url,
            }),
          attachment,
        );
      if (input.decision === "REFUSE") {
        await tx.advanceRescheduling.update({
          where: { id: request.id },
          data: {
            status: ReschedulingStatus.REFUSED,
            decidedById: input.actor.id,
            decidedAt: now,
            decisionNote: note,
          },
        });
        await recordFollowUp(tx, {
          dossierId: advance.dossier.id,
          actorId: input.actor.id,
          action: "post_grant.advance_rescheduling_refused",
          reason: `Rééchelonnement refusé — ${note}`,
          target: { type: "Dossier", id: advance.dossier.id },
          details: { reschedulingId: request.id },
          ip: input.ip,
          now,
        });
        await email("rééchelonnement refusé", [
          "Votre demande de rééchelonnement n’a pas été accordée. L’échéancier en vigueur reste inchangé.",
          `Motif\u00a0: ${note}`,
        ]);
        return { status: ReschedulingStatus.REFUSED };
      }
      const { version, storageKey, outstandingCents } = await grantRescheduling(tx, storage, written, {
        advance,
        request,
        actorId: input.actor.id,
        note,
        ip: input.ip,
        now,
      });
      await email(
        "rééchelonnement accordé",
        [
          `Votre demande de rééchelonnement est accordée\u00a0: ${formatEuros(outstandingCents)} en ${request.count} échéance(s), la première le ${formatDate(request.firstDueDate)}.`,
          "L’avenant est joint à ce message\u00a0; le nouvel échéancier est sur la page des remboursements.",
        ],
        { fileName: `Avenant ${advance.dossier.number ?? ""}.pdf`, storageKey },
      );
      return { status: ReschedulingStatus.GRANTED, version };
    }, ADVANCE_TX_OPTIONS);
  } catch (error) {
    await deleteUnreferencedFiles(db, storage, written);
    throw error;
  }
}
