// A correction request as the instructor writes it: which answers and pieces to correct, why, and by when.
// The same rules serve the page (zod, field by field) and the service (which re-checks them).
import { z } from "zod";

import { isoDateValue } from "~/domain/dossier-forms";
import { formatDate } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import { parisDay } from "~/domain/paris-time";

/** The applicant needs time to answer, but a dossier must not wait for months. */
export const REPLY_MIN_DAYS = 3;
export const REPLY_MAX_DAYS = 90;
/** The days offered by default on the form. */
export const REPLY_DEFAULT_DAYS = 15;
export const MAX_REASON_LENGTH = 5000;

export type CorrectionField = "fields" | "attachmentKinds" | "reason" | "replyBy";
export type CorrectionFieldErrors = Partial<Record<CorrectionField, string>>;

/** Whole calendar days (in Paris) from `from` to `to`. */
export function parisDaysBetween(from: Date, to: Date): number {
  const day = (instant: Date) => Date.parse(`${parisDay(instant)}T00:00:00Z`) / 86_400_000;
  return Math.round(day(to) - day(from));
}

/** A reply date typed as YYYY-MM-DD means the end of that day in Paris. */
export function replyByFromInput(value: string): Date | null {
  const day = isoDateValue(value.trim());
  return day ? paris(`${day}T23:59:59`) : null;
}

/** The date the form proposes: today + 15 days, as `<input type="date">` wants it. */
export function defaultReplyByInput(now: Date): string {
  return parisDay(new Date(now.getTime() + REPLY_DEFAULT_DAYS * 86_400_000));
}

/** Why a reply date is refused, or null. */
export function replyByProblem(replyBy: Date, now: Date): string | null {
  if (Number.isNaN(replyBy.getTime())) return "Indiquez une date de réponse valide, par exemple 15/03/2027.";
  const days = parisDaysBetween(now, replyBy);
  const min = new Date(now.getTime() + REPLY_MIN_DAYS * 86_400_000);
  const max = new Date(now.getTime() + REPLY_MAX_DAYS * 86_400_000);
  if (days < REPLY_MIN_DAYS) {
    return `La date de réponse doit laisser au moins ${REPLY_MIN_DAYS} jours au porteur de projet (le ${formatDate(min)} au plus tôt).`;
  }
  if (days > REPLY_MAX_DAYS) {
    return `La date de réponse ne peut pas dépasser ${REPLY_MAX_DAYS} jours (le ${formatDate(max)} au plus tard).`;
  }
  return null;
}

export interface CorrectionDraft {
  fields: string[];
  attachmentKinds: string[];
  reason: string;
  replyBy: Date;
}

/**
 * Every problem of a correction request, by field of the form. `knownFields` and `knownKinds` are the
 * names the dossier's own forms and rule set define: anything else is refused, never stored.
 */
export function correctionProblems(
  draft: CorrectionDraft,
  options: { knownFields: ReadonlySet<string>; knownKinds: ReadonlySet<string>; now: Date },
): CorrectionFieldErrors {
  const errors: CorrectionFieldErrors = {};
  const unknownField = draft.fields.find((name) => !options.knownFields.has(name));
  const unknownKind = draft.attachmentKinds.find((kind) => !options.knownKinds.has(kind));
  if (unknownField) errors.fields = `Le champ « ${unknownField} » n’existe pas dans ce dossier.`;
  else if (draft.fields.length === 0 && draft.attachmentKinds.length === 0) {
    errors.fields = "Cochez au moins un champ ou une pièce à corriger.";
  }
  if (unknownKind)
    errors.attachmentKinds = `La pièce « ${unknownKind} » n’est pas demandée pour ce dispositif.`;
  const reason = draft.reason.trim();
  if (reason === "") errors.reason = "Expliquez au porteur de projet ce qu’il doit corriger.";
  else if (reason.length > MAX_REASON_LENGTH) {
    errors.reason = `Le motif ne doit pas dépasser ${MAX_REASON_LENGTH.toLocaleString("fr-FR")} caractères.`;
  }
  const date = replyByProblem(draft.replyBy, options.now);
  if (date) errors.replyBy = date;
  return errors;
}

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => [...new Set(values.map((value) => value.trim()).filter(Boolean))]);

/**
 * The posted correction form (checkbox lists `fields` and `attachmentKinds`, `reason`, `replyBy` as
 * YYYY-MM-DD). Only its shape is checked here; `correctionProblems` judges the content.
 */
export const correctionFormSchema = z.object({
  fields: list,
  attachmentKinds: list,
  reason: z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim()),
  replyBy: z.string({ error: "Indiquez la date de réponse attendue." }).transform((value, ctx) => {
    const date = replyByFromInput(value);
    if (!date) {
      ctx.addIssue({
        code: "custom",
        message: "Indiquez une date de réponse valide, par exemple 15/03/2027.",
      });
      return z.NEVER;
    }
    return date;
  }),
});
export type CorrectionForm = z.output<typeof correctionFormSchema>;

/**
 * Where the applicant starts answering a request: the first step (in the form's order) holding an answer
 * to correct, or the pieces when only pieces are asked for.
 */
export function correctionStart(
  steps: ReadonlyArray<{ id: string; items: ReadonlyArray<{ name: string }> }>,
  request: { fields: readonly string[]; attachmentKinds: readonly string[] },
): { stepId: string } | "pieces" | null {
  const named = new Set(request.fields.map((name) => name.split(".")[0]));
  const step = steps.find((candidate) => candidate.items.some((item) => named.has(item.name)));
  if (step) return { stepId: step.id };
  return request.attachmentKinds.length > 0 ? "pieces" : null;
}
