// What a posted step form says: its fields as nested answers (`jobs.0.title` → `{ jobs: [{ title }] }`),
// keeping only what the step asks.
import { isList, textOf, type RawAnswers, type RawRow, type StepDef } from "./fields";

/** Only the keys a step asks, as strings or rows of strings: what a posted form may change. */
export function pickStepAnswers(step: StepDef, input: Record<string, unknown>): RawAnswers {
  const picked: RawAnswers = {};
  for (const item of step.items) {
    const value = input[item.name];
    if (isList(item)) {
      const rows = Array.isArray(value) ? value.slice(0, item.maxItems) : [];
      picked[item.name] = rows.map((row) => {
        const clean: RawRow = {};
        for (const field of item.fields) {
          clean[field.name] = textOf((row as Record<string, unknown> | null)?.[field.name]).slice(0, 10_000);
        }
        return clean;
      });
    } else {
      picked[item.name] = textOf(value).slice(0, 10_000);
    }
  }
  return picked;
}

/**
 * A posted form's fields as nested answers: `jobs.0.title` becomes `{ jobs: [{ title }] }`, as
 * react-hook-form names them. Only plain names and row indexes below 1,000 are taken.
 */
export function answersFromForm(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    const simple = /^([A-Za-z][A-Za-z0-9_]{0,60})$/.exec(key);
    if (simple) {
      result[key] = value;
      continue;
    }
    const nested = /^([A-Za-z][A-Za-z0-9_]{0,60})\.(\d{1,3})\.([A-Za-z][A-Za-z0-9_]{0,60})$/.exec(key);
    if (!nested) continue;
    const [, list, index, field] = nested as unknown as [string, string, string, string];
    const rows = (Array.isArray(result[list]) ? result[list] : (result[list] = [])) as Array<
      Record<string, string>
    >;
    const position = Number(index);
    while (rows.length <= position) rows.push({});
    rows[position]![field] = value;
  }
  return result;
}
