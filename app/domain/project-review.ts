// Project reviews (revues de projets) as pure rules: the forms planning a review, choosing its dossiers,
// inviting organisations and writing its minutes, and the short line that sums a dossier up on the agenda.
import { z } from "zod";

import {
  additionsSentence,
  confirmedSentence,
  dossierCoFinancing,
  planSentence,
  REGION_AMOUNT_LABELS,
  regionAmount,
} from "~/domain/co-financing";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { PLEDGE_INSTRUMENT_LABELS, PLEDGE_STATUS_LABELS } from "~/domain/funder-positions";
import { paris } from "~/domain/paris-time";
import {
  SchemeCode,
  type DossierStatus,
  type FunderKind,
  type PledgeInstrument,
  type PledgeStatus,
} from "~/generated/prisma/enums";

export const REVIEW_TITLE_MAX = 200;
export const REVIEW_PLACE_MAX = 300;
export const REVIEW_MINUTES_MAX = 5000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return date.getUTCFullYear() === +match[1]! && date.getUTCMonth() === +match[2]! - 1;
}

/**
 * The form planning a review: a day and a time as read on a Paris clock (`<input type="date">` and
 * `<input type="time">` post `2026-12-15` and `14:00`), turned into the instant they denote.
 */
export const reviewFormSchema = z
  .object({
    title: z
      .string({ error: "Indiquez le titre de la revue." })
      .trim()
      .min(1, "Indiquez le titre de la revue.")
      .max(REVIEW_TITLE_MAX, `Le titre ne peut pas dépasser ${REVIEW_TITLE_MAX} caractères.`),
    date: z
      .string({ error: "Indiquez la date de la revue." })
      .trim()
      .min(1, "Indiquez la date de la revue.")
      .refine(isCalendarDay, "Indiquez une date valide, par exemple 15/12/2026."),
    time: z
      .string({ error: "Indiquez l’heure de la revue." })
      .trim()
      .min(1, "Indiquez l’heure de la revue.")
      .regex(TIME_PATTERN, "Indiquez une heure valide, par exemple 14:00."),
    place: z
      .string({ error: "Indiquez le lieu ou le lien de la visioconférence." })
      .trim()
      .min(1, "Indiquez le lieu ou le lien de la visioconférence.")
      .max(REVIEW_PLACE_MAX, `Le lieu ne peut pas dépasser ${REVIEW_PLACE_MAX} caractères.`),
  })
  .transform(({ title, date, time, place }) => ({
    title,
    place,
    scheduledAt: paris(`${date}T${time}`),
  }));

export type ReviewForm = z.output<typeof reviewFormSchema>;

const ids = z.array(z.string().trim().min(1).max(64));

/** The dossiers ticked for the review, in the order they are to be examined; none empties the agenda. */
export const reviewItemsSchema = z.object({
  dossierIds: ids.max(100, "Trop de dossiers pour une revue : 100 au plus."),
});

/** The organisations ticked to be invited. */
export const reviewInvitationsSchema = z.object({
  funderOrganisationIds: ids
    .min(1, "Cochez au moins une organisation à inviter.")
    .max(100, "Trop d’organisations à la fois : 100 au plus."),
});

/** The minutes' field of a dossier in the form: `minutes.<dossierId>`. */
export const minutesFieldName = (dossierId: string) => `minutes.${dossierId}`;
/** Ids of the page's controls may not hold a dot in a CSS selector; the summary links here. */
export const minutesFieldId = (field: string) => field.replace(/^minutes\./, "minutes-");

export type MinutesResult =
  { ok: true; minutes: Record<string, string> } | { ok: false; errors: Record<string, string> };

/** Reads `minutes.<dossierId>` fields; each note is at most 5,000 characters, an empty one clears it. */
export function parseMinutesForm(values: Record<string, string>): MinutesResult {
  const minutes: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [field, raw] of Object.entries(values)) {
    if (!field.startsWith("minutes.")) continue;
    const dossierId = field.slice("minutes.".length);
    if (!dossierId) continue;
    const text = raw.replace(/\r\n/g, "\n").trim();
    if (text.length > REVIEW_MINUTES_MAX) {
      errors[field] =
        `Le compte rendu ne peut pas dépasser ${REVIEW_MINUTES_MAX.toLocaleString("fr-FR")} caractères (${text.length.toLocaleString("fr-FR")} saisis).`;
    } else {
      minutes[dossierId] = text;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (Object.keys(minutes).length === 0)
    return { ok: false, errors: { form: "Aucun dossier n’est inscrit à cette revue." } };
  return { ok: true, minutes };
}

/** Where each scheme's form keeps the few lines presenting the project. */
const SUMMARY_ANSWER: Record<SchemeCode, string> = {
  [SchemeCode.CAP_ASSO]: "activityProject",
  [SchemeCode.A_VOS_ID]: "summary",
  [SchemeCode.CAP_SCOP_SCIC]: "activity",
  [SchemeCode.EQUITY_ADVANCE]: "projectSummary",
};

/** The project in one line for the agenda: its presentation, cut at a word near `max` characters. */
export function summaryLine(schemeCode: SchemeCode, answers: unknown, max = 220): string {
  const record = answers && typeof answers === "object" ? (answers as Record<string, unknown>) : {};
  const value = record[SUMMARY_ANSWER[schemeCode]];
  const text = typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** What the agenda and the page need of a dossier on a review, as read from the database. */
export interface ReviewItemRow {
  minutes: string | null;
  dossier: {
    id: string;
    number: string | null;
    title: string;
    status: DossierStatus;
    schemeCode: SchemeCode;
    answers: unknown;
    requestedAmountCents: number | null;
    proposedAmountCents: number | null;
    grantedAmountCents: number | null;
    totalBudgetCents: number | null;
    departmentCode: string | null;
    department: { name: string } | null;
    scheme: { name: string };
    organisation: { name: string };
    budgetLines: ReadonlyArray<{ side: string; category: string; label: string; amountCents: number }>;
    /** Shared positions only: a draft never reaches a review. */
    pledges: ReadonlyArray<{
      status: PledgeStatus;
      instrument: PledgeInstrument | null;
      amountCents: number | null;
      funderOrganisation: { name: string; kind: FunderKind };
    }>;
  };
}

/** A dossier on a review: who, what, the Region's part, the funders' shared positions and what is confirmed. */
export function reviewItem(row: ReviewItemRow) {
  const { dossier } = row;
  const region = regionAmount(dossier);
  const plan = dossierCoFinancing(dossier);
  return {
    dossierId: dossier.id,
    number: dossier.number ?? "—",
    title: dossier.title,
    organisationName: dossier.organisation.name,
    schemeName: dossier.scheme.name,
    department: dossier.departmentCode
      ? `${dossier.department?.name ?? ""} (${dossier.departmentCode})`.trim()
      : "—",
    stage: DOSSIER_STATUS_LABELS[dossier.status],
    totalBudgetCents: dossier.totalBudgetCents,
    requestedAmountCents: dossier.requestedAmountCents,
    regionAmountCents: region.cents,
    regionAmountLabel: REGION_AMOUNT_LABELS[region.basis],
    positions: dossier.pledges.map((pledge) => ({
      organisation: pledge.funderOrganisation.name,
      status: PLEDGE_STATUS_LABELS[pledge.status],
      instrument: pledge.instrument ? PLEDGE_INSTRUMENT_LABELS[pledge.instrument] : null,
      amountCents: pledge.amountCents,
    })),
    planCents: plan.planCents,
    planShare: plan.planShare,
    confirmedCents: plan.confirmedCents,
    confirmedShare: plan.confirmedShare,
    toConfirmCents: plan.toConfirmCents,
    lines: plan.lines,
    planSentence: planSentence(plan),
    confirmedSentence: confirmedSentence(plan),
    additionsSentence: additionsSentence(plan),
    summary: summaryLine(dossier.schemeCode, dossier.answers),
    minutes: row.minutes ?? "",
  };
}

export type ReviewItem = ReturnType<typeof reviewItem>;
