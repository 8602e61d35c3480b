// The building blocks of the dossier forms: a field says what it asks and how its typed text is read.
// A dossier's answers are kept as typed (strings, as an HTML form posts them) so that nothing a person
// wrote is ever lost, even when it is not valid yet; the typed values are read from them on demand.
import { z } from "zod";

import { parseEuros } from "~/domain/format";
import { siretSchema } from "~/domain/identifiers";

export interface Option {
  value: string;
  label: string;
}

export type FieldKind =
  "text" | "textarea" | "euros" | "decimal" | "integer" | "date" | "select" | "radio" | "yesNo" | "siret";

export interface FieldDef {
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  /** Needed to file the dossier (drafts may leave it empty). */
  required: boolean;
  maxLength?: number;
  /** decimal and integer fields. */
  min?: number;
  max?: number;
  options?: readonly Option[];
  /** Shown only when another field of the same step (or row) has one of these values. */
  showWhen?: { field: string; values: readonly string[] };
  /** Input width: short fields (amounts, dates, numbers) need not span the page. */
  width?: "short" | "medium";
}

export interface ListDef {
  name: string;
  kind: "list";
  label: string;
  hint?: string;
  /** « l’emploi », used in « Ajouter un emploi », « Emploi 2 ». */
  itemLabel: string;
  addLabel: string;
  minItems: number;
  maxItems: number;
  fields: FieldDef[];
}

export type StepItem = FieldDef | ListDef;

export interface StepDef {
  /** URL segment: `/dossiers/:id/etapes/:id`. */
  id: string;
  title: string;
  intro?: string;
  items: StepItem[];
}

/** One row of a repeated group, as typed. */
export type RawRow = Record<string, string>;
/** A dossier's answers as typed: a string per field, a list of rows per repeated group. */
export type RawAnswers = Record<string, string | RawRow[] | undefined>;

export const isList = (item: StepItem): item is ListDef => item.kind === "list";

const MAX_TEXT = 5000;

function frenchDecimal(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d+(?:[,.]\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(",", "."));
}

/** A real calendar date typed as YYYY-MM-DD (what `<input type="date">` posts). */
export function isoDateValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** What one field's text means once it is not empty, or a French message saying what is wrong. */
export type FieldReading = { ok: true; value: string | number | boolean } | { ok: false; error: string };

export function readField(field: FieldDef, text: string): FieldReading {
  const value = text.trim();
  switch (field.kind) {
    case "text":
    case "textarea": {
      const max = field.maxLength ?? (field.kind === "text" ? 200 : MAX_TEXT);
      return value.length > max
        ? { ok: false, error: `${max.toLocaleString("fr-FR")} caractères au plus.` }
        : { ok: true, value };
    }
    case "euros": {
      const parsed = parseEuros(value);
      return parsed.ok ? { ok: true, value: parsed.cents } : { ok: false, error: parsed.error };
    }
    case "decimal":
    case "integer": {
      const number = frenchDecimal(value);
      if (number === null || (field.kind === "integer" && !Number.isInteger(number))) {
        return {
          ok: false,
          error:
            field.kind === "integer"
              ? "Indiquez un nombre entier, par exemple 3."
              : "Indiquez un nombre, par exemple 1 ou 0,5.",
        };
      }
      if (field.min !== undefined && number < field.min) {
        return { ok: false, error: `Indiquez au moins ${field.min.toLocaleString("fr-FR")}.` };
      }
      if (field.max !== undefined && number > field.max) {
        return { ok: false, error: `Indiquez au plus ${field.max.toLocaleString("fr-FR")}.` };
      }
      return { ok: true, value: number };
    }
    case "date":
      return isoDateValue(value)
        ? { ok: true, value }
        : { ok: false, error: "Indiquez une date valide, par exemple 01/02/2027." };
    case "select":
    case "radio":
      return field.options?.some((option) => option.value === value)
        ? { ok: true, value }
        : { ok: false, error: "Choisissez une des réponses proposées." };
    case "yesNo":
      return value === "oui" || value === "non"
        ? { ok: true, value: value === "oui" }
        : { ok: false, error: "Répondez par oui ou par non." };
    case "siret": {
      const parsed = siretSchema.safeParse(value);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, error: parsed.error.issues[0]?.message ?? "Numéro SIRET invalide." };
    }
  }
}

/** Whether a conditional field is asked, given the other answers of its step or row. */
export function isShown(field: FieldDef, siblings: Record<string, unknown>): boolean {
  if (!field.showWhen) return true;
  const other = siblings[field.showWhen.field];
  return typeof other === "string" && field.showWhen.values.includes(other);
}

export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A zod check of one field: empty is allowed (a draft), anything typed must read. */
function fieldSchema(field: FieldDef) {
  return z
    .unknown()
    .optional()
    .transform((value) => textOf(value))
    .superRefine((value, ctx) => {
      if (value.trim() === "") return;
      const reading = readField(field, value);
      if (!reading.ok) ctx.addIssue({ code: "custom", message: reading.error });
    });
}

/**
 * The zod schema of a step, shared by the browser (react-hook-form) and the server: what is typed must
 * be valid; what is missing is reported by the completeness check, so a draft can be saved half-done.
 */
export function stepSchema(step: StepDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const item of step.items) {
    if (isList(item)) {
      const row: Record<string, z.ZodType> = {};
      for (const field of item.fields) row[field.name] = fieldSchema(field);
      shape[item.name] = z
        .array(z.object(row))
        .max(item.maxItems, { error: `${item.maxItems} lignes au plus.` })
        .optional()
        .transform((rows) => rows ?? []);
    } else {
      shape[item.name] = fieldSchema(item);
    }
  }
  return z.object(shape);
}

/** A problem found in the answers, with where to fix it. */
export interface AnswerIssue {
  stepId: string;
  /** The input's id on the step page (`jobs-0-title`), to link to it. */
  fieldId: string;
  label: string;
  message: string;
}

export const fieldDomId = (name: string, row?: number, list?: string) =>
  list === undefined ? `champ-${name}` : `champ-${list}-${row}-${name}`;

/** The value of each shown field, typed, and the problems that keep the step from being complete. */
export function readStep(step: StepDef, raw: RawAnswers) {
  const values: Record<string, unknown> = {};
  const issues: AnswerIssue[] = [];
  const flat: Record<string, unknown> = {};
  for (const item of step.items) if (!isList(item)) flat[item.name] = raw[item.name];

  const readOne = (field: FieldDef, text: string, where: { fieldId: string; label: string }) => {
    if (text.trim() === "") {
      if (field.required) issues.push({ stepId: step.id, ...where, message: "À renseigner." });
      return undefined;
    }
    const reading = readField(field, text);
    if (!reading.ok) {
      issues.push({ stepId: step.id, ...where, message: reading.error });
      return undefined;
    }
    return reading.value;
  };

  for (const item of step.items) {
    if (isList(item)) {
      const rows = Array.isArray(raw[item.name]) ? (raw[item.name] as RawRow[]) : [];
      const filled = rows.filter((row) => Object.values(row).some((value) => textOf(value).trim() !== ""));
      if (filled.length < item.minItems) {
        issues.push({
          stepId: step.id,
          fieldId: `liste-${item.name}`,
          label: item.label,
          message:
            item.minItems === 1
              ? `Ajoutez au moins ${item.itemLabel}.`
              : `Au moins ${item.minItems} lignes sont nécessaires.`,
        });
      }
      values[item.name] = filled.map((row, index) => {
        const typed: Record<string, unknown> = {};
        for (const field of item.fields) {
          if (!isShown(field, row)) continue;
          typed[field.name] = readOne(field, textOf(row[field.name]), {
            fieldId: fieldDomId(field.name, rows.indexOf(row), item.name),
            label: `${capitalise(item.itemLabel.replace(/^(un|une|l’|le|la) /, ""))} ${index + 1} — ${field.label}`,
          });
        }
        return typed;
      });
    } else {
      if (!isShown(item, flat)) continue;
      values[item.name] = readOne(item, textOf(raw[item.name]), {
        fieldId: fieldDomId(item.name),
        label: item.label,
      });
    }
  }
  return { values, issues };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Options from a rule set's coded list (priorities, phases, operation types, EU programmes). */
export function codedOptions(items: ReadonlyArray<{ code: string; label: string }>): Option[] {
  return items.map((item) => ({ value: item.code, label: item.label }));
}

/** The questionnaire's answer that stands for a rule-set code (the inverse of the evaluator's maps). */
export function answerForCode<A extends string>(
  codes: Readonly<Record<A, string | null>>,
  code: string | undefined,
): A | undefined {
  if (code === undefined) return undefined;
  return (Object.entries(codes) as Array<[A, string | null]>).find(([, value]) => value === code)?.[0];
}

export const YES_NO_OPTIONS: readonly Option[] = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
];
