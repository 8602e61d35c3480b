// How long a finished dossier keeps its pieces and personal data, when its organisation is warned, and what
// of it survives the purge. Pure rules: the job that applies them is app/services/admin/retention.server.ts.
import { z } from "zod";

import { isList, type FieldKind, type RawAnswers, type RawRow, type StepDef } from "~/domain/dossier-forms";
import { formatDate } from "~/domain/format";
import { addParisDays, addParisMonths } from "~/domain/paris-time";
import { DossierStatus, RecoveryStatus, ReportStatus } from "~/generated/prisma/enums";

export const RETENTION_DEFAULTS = { retentionMonths: 60, purgeNoticeDays: 30 } as const;
export const RETENTION_MONTHS_RANGE = { min: 12, max: 240 } as const;
export const PURGE_NOTICE_DAYS_RANGE = { min: 7, max: 180 } as const;

export interface RetentionSettings {
  retentionMonths: number;
  purgeNoticeDays: number;
}

/** A whole number typed in a form; the unit is in the field's label. */
function wholeNumber(messages: { missing: string; range: string }, range: { min: number; max: number }) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, messages.missing)
    .regex(/^\d+$/, `Indiquez un nombre entier, en chiffres (par exemple ${range.min * 2}).`)
    .transform(Number)
    .refine((value) => value >= range.min && value <= range.max, messages.range);
}

/** The admin's form: both values as typed, checked the same way wherever they come from. */
export const retentionSettingsSchema = z.object({
  retentionMonths: wholeNumber(
    {
      missing: "Indiquez la durée de conservation, en mois.",
      range: `La durée de conservation doit être comprise entre ${RETENTION_MONTHS_RANGE.min} et ${RETENTION_MONTHS_RANGE.max} mois.`,
    },
    RETENTION_MONTHS_RANGE,
  ),
  purgeNoticeDays: wholeNumber(
    {
      missing: "Indiquez le délai de prévenance, en jours.",
      range: `Le délai de prévenance doit être compris entre ${PURGE_NOTICE_DAYS_RANGE.min} et ${PURGE_NOTICE_DAYS_RANGE.max} jours.`,
    },
    PURGE_NOTICE_DAYS_RANGE,
  ),
});

/** A dossier whose instruction is over: granted (its follow-up dates push the clock), settled, refused or closed. */
export const FINISHED_STATUSES: readonly DossierStatus[] = [
  DossierStatus.GRANTED,
  DossierStatus.SETTLED,
  DossierStatus.REFUSED,
  DossierStatus.CLOSED,
];

/** What the retention clock of a dossier depends on. */
export interface RetentionFacts {
  status: DossierStatus;
  decidedAt: Date | null;
  closedAt: Date | null;
  settledAt: Date | null;
  /** The due date of its last scheduled payment or repayment, if it has a schedule. */
  lastInstalmentDueAt: Date | null;
  /**
   * The last thing that happened after the grant: a payment made, a report sent or approved, an amount to
   * repay decided or settled — or the due date of a report or repayment still awaited.
   */
  lastFollowUpAt: Date | null;
  purgeNoticeSentAt: Date | null;
  purgedAt: Date | null;
}

export interface RetentionSchedule {
  /** When the clock started: the decision, closing or settlement, or the last instalment, payment or report. */
  startsAt: Date;
  /** When the pieces and personal data may go. */
  purgeOn: Date;
  /** When the organisation is warned. */
  noticeOn: Date;
}

const latest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

/**
 * The dossier's retention dates, or null while it is not finished (or has no decision date to count from).
 * A repayment schedule pushes the start to its last due date: an advance still being repaid is never purged.
 * After a grant the clock counts from the last payment or report, whichever is latest, not from the decision.
 */
export function retentionSchedule(
  facts: RetentionFacts,
  settings: RetentionSettings,
): RetentionSchedule | null {
  if (!FINISHED_STATUSES.includes(facts.status)) return null;
  const finishedAt = latest([facts.decidedAt, facts.closedAt, facts.settledAt]);
  if (!finishedAt) return null;
  const startsAt = latest([finishedAt, facts.lastInstalmentDueAt, facts.lastFollowUpAt])!;
  const purgeOn = addParisMonths(startsAt, settings.retentionMonths);
  return { startsAt, purgeOn, noticeOn: addParisDays(purgeOn, -settings.purgeNoticeDays) };
}

/** What a dossier's follow-up after the grant left behind, as the retention job reads it. */
export interface FollowUpDates {
  payments: ReadonlyArray<{ paidOn: Date | null }>;
  reports: ReadonlyArray<{
    status: ReportStatus;
    dueDate: Date;
    submittedAt: Date | null;
    approvedAt: Date | null;
  }>;
  recoveries: ReadonlyArray<{
    status: RecoveryStatus;
    decidedAt: Date;
    dueDate: Date;
    settledAt: Date | null;
  }>;
}

/**
 * The last payment made, report sent or approved, recovery decided or settled. A report not yet approved
 * counts from its due date at the earliest, and an amount still to repay from its due date: a follow-up
 * still awaited never lets the clock run out under it.
 */
export function lastFollowUpAt({ payments, reports, recoveries }: FollowUpDates): Date | null {
  return latest([
    ...payments.map((payment) => payment.paidOn),
    ...reports.flatMap((report) => [
      report.submittedAt,
      report.approvedAt,
      report.status === ReportStatus.APPROVED ? null : report.dueDate,
    ]),
    ...recoveries.flatMap((recovery) => [
      recovery.decidedAt,
      recovery.settledAt,
      recovery.status === RecoveryStatus.ISSUED ? recovery.dueDate : null,
    ]),
  ]);
}

/**
 * The notice that counts: one sent after the clock started. A dossier reopened and finished again starts a
 * new clock, and its organisation is warned again.
 */
function validNotice(facts: RetentionFacts, schedule: RetentionSchedule): Date | null {
  return facts.purgeNoticeSentAt && facts.purgeNoticeSentAt >= schedule.startsAt
    ? facts.purgeNoticeSentAt
    : null;
}

export function isNoticeDue(facts: RetentionFacts, settings: RetentionSettings, now: Date): boolean {
  const schedule = retentionSchedule(facts, settings);
  return Boolean(schedule && !facts.purgedAt && schedule.noticeOn <= now && !validNotice(facts, schedule));
}

/**
 * When the dossier will actually be purged: its purge date, unless its notice went out (or will go out) too
 * late to give the full notice period, in which case the purge waits for that period to run.
 */
export function effectivePurgeOn(facts: RetentionFacts, settings: RetentionSettings, now: Date): Date | null {
  const schedule = retentionSchedule(facts, settings);
  if (!schedule || facts.purgedAt) return null;
  const noticeAt = validNotice(facts, schedule) ?? latest([schedule.noticeOn, now])!;
  return latest([schedule.purgeOn, addParisDays(noticeAt, settings.purgeNoticeDays)]);
}

/** Due once the purge date has passed and the notice went out at least the notice period ago. */
export function isPurgeDue(facts: RetentionFacts, settings: RetentionSettings, now: Date): boolean {
  const schedule = retentionSchedule(facts, settings);
  if (!schedule || facts.purgedAt) return false;
  const notice = validNotice(facts, schedule);
  return Boolean(notice && schedule.purgeOn <= now && addParisDays(notice, settings.purgeNoticeDays) <= now);
}

/**
 * The answers a purge keeps. Free text goes — descriptions, names of people and partners, job titles,
 * references, SIRET of a cooperative (text, textarea, siret fields) — and so does anything no step asks
 * for. Choices, amounts, figures and dates stay (select, radio, yes/no, euros, decimal, integer, date), as
 * does the title, which is also the dossier's name in every list. In repeated groups (jobs, employee-
 * associates, budget lines, expected EU payments) each row keeps only those fields: CAP SCOP-SCIC keeps
 * each contribution, without the person's name.
 */
const KEPT_FIELD_KINDS: ReadonlySet<FieldKind> = new Set([
  "euros",
  "decimal",
  "integer",
  "date",
  "select",
  "radio",
  "yesNo",
]);
const KEPT_NAMES: ReadonlySet<string> = new Set(["title"]);

export function purgedAnswers(steps: readonly StepDef[], answers: RawAnswers): RawAnswers {
  const kept: RawAnswers = {};
  for (const item of steps.flatMap((step) => step.items)) {
    const value = answers[item.name];
    if (value === undefined) continue;
    if (isList(item)) {
      if (!Array.isArray(value)) continue;
      const fields = item.fields.filter((field) => KEPT_FIELD_KINDS.has(field.kind));
      kept[item.name] = value.map((row) => {
        const reduced: RawRow = {};
        for (const field of fields)
          if (typeof row[field.name] === "string") reduced[field.name] = row[field.name]!;
        return reduced;
      });
    } else if (typeof value === "string" && (KEPT_FIELD_KINDS.has(item.kind) || KEPT_NAMES.has(item.name))) {
      kept[item.name] = value;
    }
  }
  return kept;
}

/** What replaces a free text that must stay non-empty (a correction request's reason, an opinion's motivation). */
export const PURGED_TEXT = "Texte supprimé au terme de la durée de conservation.";

/** The answer of a download whose file went with the purge. */
export function purgedFileMessage(purgedAt: Date): string {
  return `Cette pièce a été supprimée le ${formatDate(purgedAt)} au terme de la durée de conservation.`;
}

/** The line on a purged dossier's page. */
export function purgedDossierMessage(purgedAt: Date): string {
  return `Les pièces, les documents, les messages et les données personnelles de ce dossier ont été supprimés le ${formatDate(purgedAt)} au terme de la durée de conservation. Restent le numéro, le dispositif, le statut, les montants, les dates et l’historique des étapes.`;
}

/** « 60 mois (5 ans) », « 18 mois »: a retention period as the privacy page states it. */
export function retentionPeriodText(months: number): string {
  if (months % 12 !== 0) return `${months} mois`;
  const years = months / 12;
  return `${months} mois (${years} an${years > 1 ? "s" : ""})`;
}

/** What the privacy page says of retention: the settings the purge job applies, never a fixed figure. */
export function retentionPolicyText(settings: RetentionSettings): string {
  return `Un dossier terminé (accordé, soldé, refusé ou clos) est conservé ${retentionPeriodText(settings.retentionMonths)} après sa décision, ou, s’il a été accordé, après son dernier versement ou son dernier compte rendu financier (ou sa dernière échéance de remboursement) si c’est plus tardif. L’organisation est prévenue par courriel ${settings.purgeNoticeDays} jours avant ; les pièces, les documents et les données personnelles du dossier sont alors supprimés, seuls les montants et les chiffres agrégés sont gardés.`;
}
