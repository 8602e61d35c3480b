// Reading a posted form against its zod schema, and what an action answers when the form is refused. The
// same schema validates in the browser (react-hook-form's resolver) and here.
import type { z } from "zod";

import type { FieldErrors } from "./user-error";

/**
 * A failed parse's first message per field, keyed by path (`jobs.1.fte`), `form` for the whole form. With
 * `depth: 1` an item's error reports on its list (« schemes », not « schemes.2 »), as checkbox groups show it.
 */
export function fieldErrors(error: z.ZodError, options: { depth?: number } = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.slice(0, options.depth).map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A form's text values by name; the names in `lists` (checkbox groups, multiple selects) keep every value. */
export function formValues(
  formData: FormData,
  lists: readonly string[] = [],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    if (lists.includes(name)) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] ??= value;
  }
  return values;
}

export type ParsedForm<T> =
  | { ok: true; data: T; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * A posted form checked against its schema: the data, or the French errors by field. Either way `values`
 * is what was typed, to show the form again with nothing lost.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  options: { lists?: readonly string[]; depth?: number } = {},
): ParsedForm<z.output<S>> {
  const values = formValues(formData, options.lists);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: fieldErrors(parsed.error, { depth: options.depth }), values };
}

/**
 * What an action answers when one of its forms is refused: French errors by field (`form` for the whole
 * form), what was typed, and which of the page's forms it was when the page has several (`intent`).
 */
export type ActionResult<Values = Record<string, string>, Intent extends string | undefined = undefined> = {
  errors: FieldErrors;
} & (undefined extends Values ? { values?: Values } : { values: Values }) &
  ([Intent] extends [undefined] ? { intent?: string } : { intent: Intent });
