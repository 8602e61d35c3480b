// What the instructor's dossier page answers when one of its forms is refused or previewed, so the form
// can show its errors next to the fields and everything typed stays in place.
import type { InstructionDossierView } from "~/services/instruction/dossier.server";
import type { ActionResult } from "~/domain/forms";

export type InstructionIntent =
  | "assign"
  | "START_INSTRUCTION"
  | "REQUEST_CORRECTION"
  | "PROPOSE"
  | "schedule"
  | "CLOSE"
  | "REOPEN"
  | "completeness"
  | "note"
  | "message";

/** What was typed is in `values`, by field name; checkbox groups keep every value. */
export type DossierActionResult = ActionResult<Record<string, string | string[]>, string> & {
  /** A 409: someone else acted on the dossier since the page was opened. */
  conflict?: string;
  hadFiles?: boolean;
  /** The repayment schedule an equity advance of the amount typed would have. */
  preview?: Array<{ months: number; amount: string }>;
  ok?: boolean;
};

/** The page's data as the components receive it (dates and amounts already formatted). */
export type DossierPageData = Omit<InstructionDossierView, never>;

/** The errors and typed values of one form, empty when the result belongs to another. */
export function formState(result: DossierActionResult | undefined, ...intents: string[]) {
  const mine = result && intents.includes(result.intent);
  const values = mine ? result.values : {};
  return {
    errors: mine ? result.errors : {},
    value: (name: string) => {
      const value = values[name];
      return Array.isArray(value) ? value[0] : value;
    },
    values: (name: string): string[] => {
      const value = values[name];
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    },
    typed: Boolean(mine),
  };
}
