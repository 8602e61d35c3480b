// The form an administrator opens or edits a call with: what it posts, how it is checked (days read in
// Paris, amounts in euros) and what it shows for a stored call or the same call a year later.
import { z } from "zod";

import { CallKind, SchemeCode } from "~/generated/prisma/enums";

import { CALL_TITLE_MAX, CALL_YEAR_MAX, CALL_YEAR_MIN, type CallWindow } from "./calls";
import { formatEuros, parseEuros } from "./format";
import { addParisMonths, paris, parisDay } from "./paris-time";

/** What the call form posts, as typed (kept on error). */
export interface CallFormValues {
  scheme: string;
  year: string;
  title: string;
  kind: string;
  opensOn: string;
  closesOn: string;
  envelope: string;
}

export const CALL_FIELD_LABELS: Record<keyof CallFormValues, string> = {
  scheme: "Dispositif",
  year: "Année",
  title: "Titre de l’appel",
  kind: "Type d’appel",
  opensOn: "Premier jour de dépôt",
  closesOn: "Dernier jour de dépôt",
  envelope: "Enveloppe budgétaire",
};

/** `2026-02-30` is no day: read back through Paris, it would come out as another one. */
function isParisDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parisDay(paris(value)) === value;
}

const INVALID_DAY = "Indiquez une date valide, par exemple 31/12/2027.";

export const callFormSchema = z
  .object({
    scheme: z.enum(SchemeCode, { error: "Choisissez le dispositif." }),
    year: z
      .string({ error: "Indiquez l’année de l’appel." })
      .trim()
      .min(1, "Indiquez l’année de l’appel.")
      .regex(/^\d{4}$/, "Indiquez l’année sur quatre chiffres, par exemple 2027.")
      .transform(Number)
      .refine(
        (year) => year >= CALL_YEAR_MIN && year <= CALL_YEAR_MAX,
        `L’année doit être comprise entre ${CALL_YEAR_MIN} et ${CALL_YEAR_MAX}.`,
      ),
    title: z
      .string({ error: "Donnez un titre à l’appel." })
      .trim()
      .min(1, "Donnez un titre à l’appel.")
      .max(CALL_TITLE_MAX, `Le titre ne peut pas dépasser ${CALL_TITLE_MAX} caractères.`),
    kind: z.enum(CallKind, { error: "Choisissez le type d’appel." }),
    opensOn: z
      .string({ error: "Indiquez le premier jour de dépôt." })
      .trim()
      .min(1, "Indiquez le premier jour de dépôt.")
      .refine(isParisDay, INVALID_DAY),
    closesOn: z
      .string()
      .trim()
      .default("")
      .refine((day) => day === "" || isParisDay(day), INVALID_DAY),
    envelope: z.string({ error: "Indiquez l’enveloppe budgétaire." }).transform((value, context) => {
      if (value.trim() === "") {
        context.addIssue({
          code: "custom",
          message: "Indiquez l’enveloppe budgétaire en euros (0 si elle n’est pas encore votée).",
        });
        return z.NEVER;
      }
      const parsed = parseEuros(value);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.cents;
    }),
  })
  .superRefine((form, context) => {
    if (form.kind === CallKind.DATED && form.closesOn === "") {
      context.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "Un appel daté se clôt un jour donné : indiquez son dernier jour de dépôt.",
      });
    }
    if (form.closesOn !== "" && form.closesOn < form.opensOn) {
      context.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "Le dernier jour de dépôt ne peut pas précéder le premier.",
      });
    }
  })
  .transform((form) => ({
    schemeCode: form.scheme,
    year: form.year,
    title: form.title,
    kind: form.kind,
    opensAt: paris(form.opensOn),
    closesAt: form.closesOn ? paris(`${form.closesOn}T23:59:59`) : null,
    budgetEnvelopeCents: form.envelope,
  }));

export type CallInput = z.output<typeof callFormSchema>;

/** The form's fields, read from what was posted (anything missing reads as empty). */
export function readCallForm(form: { get(name: string): unknown }): CallFormValues {
  const value = (name: keyof CallFormValues) => {
    const raw = form.get(name);
    return typeof raw === "string" ? raw : "";
  };
  const names = Object.keys(CALL_FIELD_LABELS) as Array<keyof CallFormValues>;
  return Object.fromEntries(names.map((name) => [name, value(name)])) as unknown as CallFormValues;
}

/** An amount as the form shows it: « 9 000 000,00 », which parseEuros reads back. */
function eurosField(cents: number): string {
  return formatEuros(cents).replace(/\s*€$/u, "");
}

interface StoredCall extends CallWindow {
  schemeCode: SchemeCode;
  year: number;
  title: string;
  kind: CallKind;
  envelopeCents: number;
}

/** A stored call as its edit form shows it. */
export function callFormValues(call: StoredCall): CallFormValues {
  return {
    scheme: call.schemeCode,
    year: String(call.year),
    title: call.title,
    kind: call.kind,
    opensOn: parisDay(call.opensAt),
    closesOn: call.closesAt ? parisDay(call.closesAt) : "",
    envelope: eurosField(call.envelopeCents),
  };
}

/** The same call a year later: what « reprendre cet appel » offers to create. */
export function nextYearCallValues(call: StoredCall): CallFormValues {
  const next = call.year + 1;
  return callFormValues({
    ...call,
    year: next,
    title: call.title.replaceAll(String(call.year), String(next)),
    opensAt: addParisMonths(call.opensAt, 12),
    closesAt: call.closesAt ? addParisMonths(call.closesAt, 12) : null,
  });
}
