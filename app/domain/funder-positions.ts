// A funder organisation's position on a shared dossier (interest, then a pledge) and the funders'
// discussion: French labels and the forms' schemas, shared by the server and the page.
import { z } from "zod";

import { PledgeInstrument, PledgeStatus } from "~/generated/prisma/enums";

import { parseEuros } from "./format";

export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = {
  [PledgeStatus.INTERESTED]: "Intéressé",
  [PledgeStatus.CONSIDERED]: "Envisagé",
  [PledgeStatus.COMMITTED]: "Engagé",
  [PledgeStatus.PAID]: "Versé",
};

export const PLEDGE_STATUS_HINTS: Record<PledgeStatus, string> = {
  [PledgeStatus.INTERESTED]: "le projet vous intéresse, sans montant à ce stade",
  [PledgeStatus.CONSIDERED]: "un concours est à l’étude",
  [PledgeStatus.COMMITTED]: "votre organisation a décidé son concours",
  [PledgeStatus.PAID]: "les fonds ont été versés",
};

export const PLEDGE_INSTRUMENT_LABELS: Record<PledgeInstrument, string> = {
  [PledgeInstrument.GRANT]: "Subvention",
  [PledgeInstrument.LOAN]: "Prêt",
  [PledgeInstrument.GUARANTEE]: "Garantie",
  [PledgeInstrument.EQUITY]: "Fonds propres",
  [PledgeInstrument.IN_KIND]: "Apport en nature",
};

/** In the order of the workflow: interest first, then the pledge and its payment. */
export const PLEDGE_STATUSES = Object.values(PledgeStatus);
export const PLEDGE_INSTRUMENTS = Object.values(PledgeInstrument);

export const MAX_POSITION_NOTE = 2000;
export const MAX_COMMENT_LENGTH = 5000;
/** More than this is not a mention any more but a mailing; the form lists far fewer people anyway. */
export const MAX_MENTIONS = 50;

/** From « Envisagé » on, a position says how and how much: that is what co-financing plans are made of. */
export function positionNeedsAmount(status: PledgeStatus): boolean {
  return status !== PledgeStatus.INTERESTED;
}

const typed = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

/** The « Votre position » form, as posted (strings; the checkbox is present only when ticked). */
export const positionFormSchema = z
  .object({
    status: z.enum(PledgeStatus, { error: "Choisissez où en est votre organisation." }),
    instrument: typed,
    amount: typed,
    note: typed.pipe(
      z
        .string()
        .trim()
        .max(MAX_POSITION_NOTE, `La note ne peut pas dépasser ${MAX_POSITION_NOTE} caractères.`),
    ),
    partager: typed,
  })
  .transform((form, context) => {
    const needed = positionNeedsAmount(form.status);
    let instrument: PledgeInstrument | null = null;
    if (form.instrument !== "") {
      if ((PLEDGE_INSTRUMENTS as string[]).includes(form.instrument))
        instrument = form.instrument as PledgeInstrument;
      else context.addIssue({ code: "custom", path: ["instrument"], message: "Choisissez un instrument." });
    } else if (needed) {
      context.addIssue({
        code: "custom",
        path: ["instrument"],
        message: "Choisissez l’instrument : subvention, prêt, garantie, fonds propres ou apport en nature.",
      });
    }
    let amountCents: number | null = null;
    if (form.amount.trim() !== "") {
      const parsed = parseEuros(form.amount);
      if (!parsed.ok) context.addIssue({ code: "custom", path: ["amount"], message: parsed.error });
      else if (parsed.cents === 0 && needed)
        context.addIssue({ code: "custom", path: ["amount"], message: "Le montant doit être positif." });
      else amountCents = parsed.cents;
    } else if (needed) {
      context.addIssue({
        code: "custom",
        path: ["amount"],
        message: `Saisissez le montant envisagé, en euros, par exemple 12 000.`,
      });
    }
    return {
      status: form.status,
      instrument,
      amountCents,
      note: form.note === "" ? null : form.note,
      shared: form.partager !== "",
    };
  });

export type PositionForm = z.output<typeof positionFormSchema>;

/** The discussion's form: the comment and the people to alert by email (checkbox values: user ids). */
export const commentFormSchema = z.object({
  body: typed.pipe(
    z
      .string()
      .trim()
      .min(1, "Écrivez votre message.")
      .max(MAX_COMMENT_LENGTH, `Le message ne peut pas dépasser ${MAX_COMMENT_LENGTH} caractères.`),
  ),
  mentions: z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.string().trim().min(1).max(64)).max(MAX_MENTIONS, "Trop de personnes à prévenir."),
    )
    .transform((ids) => [...new Set(ids)]),
});

export type CommentForm = z.output<typeof commentFormSchema>;
