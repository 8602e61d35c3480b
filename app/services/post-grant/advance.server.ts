// The equity advance after its payment as every advance service reads it: the payment, the schedules (in force
// and replaced), the repayments, where it stands (oldest instalments first, arrears, outstanding); and what its
// moves share: starting or replacing a schedule (with its PDF), storing a document, emailing the association.
import { parseRuleSetParameters } from "~/domain/schemes";
import { repaymentPosition, type RepaymentInstalment } from "~/domain/post-grant/repayments";
import { equityAdvanceRepaymentSchedule } from "~/domain/schedules";
import { UserError } from "~/domain/user-error";
import type { Prisma } from "~/generated/prisma/client";
import {
  AdvanceScheduleOrigin,
  DocumentKind,
  DossierEventKind,
  PaymentStatus,
  SchemeCode,
} from "~/generated/prisma/enums";
import type { RenderedEmail } from "~emails/layout";
import { renderAdvanceSchedule } from "~/pdf/advance-schedule.server";

import { documentDossier } from "~/services/dossiers/decision-documents.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";

type Tx = Prisma.TransactionClient;
type Reader = Pick<
  Tx,
  "dossier" | "payment" | "advanceSchedule" | "advanceRepayment" | "advanceRescheduling"
>;

export const ADVANCE_TX_OPTIONS = { timeout: 30_000 };

export const ORIGIN_LABELS: Record<AdvanceScheduleOrigin, string> = {
  PAYMENT: "Établi au versement de l’avance",
  EARLY_REPAYMENT: "Recalculé après un remboursement anticipé",
  RESCHEDULING: "Établi par avenant de rééchelonnement",
};

export const advancePath = (dossierId: string) => `/dossiers/${dossierId}/remboursements`;
export const staffAdvancePath = (dossierId: string) => `/instruction/dossiers/${dossierId}/remboursements`;

/** Everything about a dossier's advance, or null when it is not an equity advance already paid. */
export async function loadAdvance(db: Reader, dossierId: string) {
  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    include: {
      scheme: { select: { name: true } },
      ruleSet: { select: { parameters: true } },
      organisation: true,
    },
  });
  if (!dossier || dossier.schemeCode !== SchemeCode.EQUITY_ADVANCE) return null;
  const payment = await db.payment.findFirst({
    where: { dossierId, status: PaymentStatus.PAID },
    orderBy: { position: "asc" },
  });
  if (!payment?.paidOn) return null;
  const [schedules, repayments, reschedulings] = await Promise.all([
    db.advanceSchedule.findMany({
      where: { dossierId },
      orderBy: { version: "asc" },
      include: { instalments: { orderBy: { position: "asc" } } },
    }),
    db.advanceRepayment.findMany({ where: { dossierId }, orderBy: [{ receivedOn: "asc" }, { id: "asc" }] }),
    db.advanceRescheduling.findMany({
      where: { dossierId },
      orderBy: { requestedAt: "asc" },
      include: { attachments: { where: { deletedAt: null }, select: { id: true, fileName: true } } },
    }),
  ]);
  const current = schedules[schedules.length - 1];
  if (!current) return null;
  const rules = parseRuleSetParameters(SchemeCode.EQUITY_ADVANCE, dossier.ruleSet.parameters);
  if (!rules.ok) throw new Error(`Paramètres illisibles pour ${dossier.number}`);
  return {
    dossier,
    rules: rules.parameters,
    paidOn: payment.paidOn,
    advanceCents: payment.paidAmountCents ?? 0,
    schedules,
    current,
    repayments,
    reschedulings,
  };
}

export type Advance = NonNullable<Awaited<ReturnType<typeof loadAdvance>>>;

/** Where the advance stands on `now`: the current schedule with the repayments recorded under it. */
export function standingOf(advance: Advance, now: Date) {
  const position = repaymentPosition(
    advance.current.instalments,
    advance.repayments.filter((repayment) => repayment.scheduleVersion === advance.current.version),
    now,
  );
  const repaidCents = advance.repayments.reduce((sum, repayment) => sum + repayment.amountCents, 0);
  return { position, repaidCents, outstandingCents: position.outstandingCents };
}

/** A refused advance form: French messages by field, nothing written. */
export function refuseForm(errors: Record<string, string>): never {
  throw new UserError(Object.values(errors).join(" "), { status: 422, fieldErrors: errors });
}

export async function lockAdvance(tx: Tx, dossierId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Dossier" WHERE "id" = ${dossierId} FOR UPDATE`;
  const advance = await loadAdvance(tx, dossierId);
  if (!advance)
    throw new UserError("Aucune avance versée sur ce dossier\u202f: rien à rembourser.", { status: 409 });
  return advance;
}

interface StoreDocument {
  tx: Tx;
  storage: FileStorage;
  written: string[];
  dossierId: string;
  kind: DocumentKind;
  pdf: Buffer;
  period?: number | null;
  actorId: string | null;
  reason: string;
  now: Date;
}

/** Stores a PDF, its document row and its line in the timeline; the key goes to `written` before the file. */
export async function storeAdvanceDocument(input: StoreDocument) {
  const storageKey = newStorageKey(input.now);
  input.written.push(storageKey);
  await input.storage.put(storageKey, input.pdf, { contentType: "application/pdf" });
  const document = await input.tx.generatedDocument.create({
    data: {
      dossierId: input.dossierId,
      kind: input.kind,
      storageKey,
      period: input.period ?? null,
      createdAt: input.now,
    },
  });
  await input.tx.dossierEvent.create({
    data: {
      dossierId: input.dossierId,
      kind: DossierEventKind.DOCUMENT_ISSUED,
      actorId: input.actorId,
      reason: input.reason,
      data: { documentId: document.id, kind: input.kind },
      createdAt: input.now,
    },
  });
  return storageKey;
}

/** The dossier as the advance's PDFs name it, and the advance paid. */
export function documentBase(advance: Advance, now: Date) {
  const { dossier } = advance;
  return {
    dossier: documentDossier({
      ...dossier,
      number: dossier.number ?? "",
      schemeName: dossier.scheme.name,
      ruleSetParameters: dossier.ruleSet.parameters,
    }),
    advanceCents: advance.advanceCents,
    paidOn: advance.paidOn,
    createdAt: now,
  };
}

/** Each active member of the organisation gets the email. */
export async function emailAdvanceMembers(
  tx: Tx,
  organisationId: string,
  now: Date,
  build: (person: { firstName: string }) => RenderedEmail,
  attachment?: { fileName: string; storageKey: string },
) {
  for (const person of await applicantRecipients(tx, organisationId)) {
    await enqueueEmail(
      tx,
      {
        ...build(person),
        to: person.email,
        ...(attachment ? { attachments: [{ ...attachment, contentType: "application/pdf" }] } : {}),
      },
      { now },
    );
  }
}

interface NewSchedule {
  tx: Tx;
  storage: FileStorage | null;
  written: string[];
  dossierId: string;
  origin: AdvanceScheduleOrigin;
  instalments: readonly RepaymentInstalment[];
  actorId: string | null;
  now: Date;
}

/** Writes the next schedule version (the previous one marked replaced) and its PDF. */
export async function writeSchedule(input: NewSchedule) {
  const { tx, dossierId, now } = input;
  const last = await tx.advanceSchedule.findFirst({ where: { dossierId }, orderBy: { version: "desc" } });
  if (last) await tx.advanceSchedule.update({ where: { id: last.id }, data: { replacedAt: now } });
  const version = (last?.version ?? 0) + 1;
  await tx.advanceSchedule.create({
    data: {
      dossierId,
      version,
      origin: input.origin,
      createdAt: now,
      instalments: {
        create: input.instalments.map((instalment) => ({
          position: instalment.position,
          dueDate: instalment.dueDate,
          amountCents: instalment.amountCents,
        })),
      },
    },
  });
  const advance = await loadAdvance(tx, dossierId);
  if (!advance || !input.storage) return { version, storageKey: null };
  const pdf = await renderAdvanceSchedule({
    ...documentBase(advance, now),
    version,
    origin: ORIGIN_LABELS[input.origin],
    outstandingCents: input.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0),
    instalments: input.instalments,
  });
  const storageKey = await storeAdvanceDocument({
    tx,
    storage: input.storage,
    written: input.written,
    dossierId,
    kind: DocumentKind.REPAYMENT_SCHEDULE,
    pdf,
    period: version,
    actorId: input.actorId,
    reason: `Échéancier de remboursement n°\u00a0${version} établi`,
    now,
  });
  return { version, storageKey };
}

/**
 * When the Region pays the advance: its first schedule, counted from the payment date with the deferral,
 * duration and frequency of the rule-set version it was granted under (never from the decision date).
 */
export async function startAdvanceSchedule(
  tx: Tx,
  input: {
    storage: FileStorage | null;
    written: string[];
    dossierId: string;
    ruleSetParameters: unknown;
    amountCents: number;
    paidOn: Date;
    actorId: string;
    now: Date;
  },
) {
  const rules = parseRuleSetParameters(SchemeCode.EQUITY_ADVANCE, input.ruleSetParameters);
  if (!rules.ok) throw new Error("Paramètres de l’avance illisibles");
  const { maxDurationMonths, repaymentDeferralMonths, repaymentFrequencyMonths } = rules.parameters;
  const schedule = equityAdvanceRepaymentSchedule(
    input.amountCents,
    { maxDurationMonths, repaymentDeferralMonths, repaymentFrequencyMonths },
    input.paidOn,
  );
  return writeSchedule({
    tx,
    storage: input.storage,
    written: input.written,
    dossierId: input.dossierId,
    origin: AdvanceScheduleOrigin.PAYMENT,
    instalments: schedule.instalments,
    actorId: input.actorId,
    now: input.now,
  });
}
