// A rule set's parameters as the admin form shows and posts them, and back: euros typed the French way
// (cents stored), lists typed one item a line, every value then checked by the scheme's own zod schema.
// Each problem comes back keyed by the form field it belongs to, so it is shown next to that field.
import { formatEuros, parseEuros } from "~/domain/format";
import type { SchemeCode } from "~/generated/prisma/enums";

import {
  parseRuleSetParameters,
  SCHEMES,
  type ParameterIssue,
  type RuleSetParametersByScheme,
} from "./index";
import { PARAMETER_SECTIONS, type ParameterField, type ParameterSection } from "./parameter-field-types";
import { parameterFields } from "./parameter-fields";

export { PARAMETER_SECTIONS, parameterFields, type ParameterField, type ParameterSection };

/** What the form holds: one string per field, several for checkbox lists. */
export type ParameterFormValues = Record<string, string | string[]>;

export type ParameterFormResult<C extends SchemeCode> =
  | { ok: true; parameters: RuleSetParametersByScheme[C] }
  /** `errors` by field name; `form` for a problem of the whole set. */
  | { ok: false; errors: Record<string, string> };

type Line = { code?: string; kind?: string; label: string; maxSubsidyRatePercent?: number };

const amountInput = (cents: number) =>
  new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);

function read(parameters: unknown, path: ParameterField["path"]): unknown {
  let value: unknown = parameters;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function lineText(field: ParameterField & { kind: "lines" }, item: Line): string {
  const code = field.format === "attachments" ? item.kind : item.code;
  return field.format === "rates"
    ? `${code} | ${item.label} | ${item.maxSubsidyRatePercent}`
    : `${code} | ${item.label}`;
}

/** The form's values for stored parameters (a version's, or the one it is copied from). */
export function parametersToFormValues<C extends SchemeCode>(
  code: C,
  parameters: RuleSetParametersByScheme[C],
): ParameterFormValues {
  const values: ParameterFormValues = {};
  for (const field of parameterFields(code)) {
    const value = read(parameters, field.path);
    switch (field.kind) {
      case "euros":
        values[field.name] = amountInput(value as number);
        break;
      case "decimal":
        values[field.name] = String(value).replace(".", ",");
        break;
      case "boolean":
        values[field.name] = value ? "oui" : "";
        break;
      case "checkboxes":
        values[field.name] = [...(value as string[])];
        break;
      case "lines":
        values[field.name] = (value as Line[]).map((item) => lineText(field, item)).join("\n");
        break;
      default:
        values[field.name] = String(value);
    }
  }
  return values;
}

/** The values an HTML form posted: every field of the scheme, checkbox lists as arrays. */
export function formValuesFromFormData(code: SchemeCode, form: FormData): ParameterFormValues {
  const values: ParameterFormValues = {};
  for (const field of parameterFields(code)) {
    values[field.name] =
      field.kind === "checkboxes"
        ? form.getAll(field.name).map(String)
        : String(form.get(field.name) ?? "").slice(0, 20_000);
  }
  return values;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const WHOLE = /^\d{1,9}$/;

function parseLines(field: ParameterField & { kind: "lines" }, text: string): Parsed {
  const expected =
    field.format === "rates" ? "«\u00a0CODE | Libellé | taux\u00a0»" : "«\u00a0CODE | Libellé\u00a0»";
  const items: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "") continue;
    const where = `${field.label}, ligne ${items.length + 1}\u00a0:`;
    const parts = raw.split("|").map((part) => part.trim());
    if (parts.length !== (field.format === "rates" ? 3 : 2)) {
      return { ok: false, error: `${where} écrivez ${expected}.` };
    }
    const code = parts[0]!.toUpperCase();
    if (field.allowedCodes && !field.allowedCodes.includes(code)) {
      return {
        ok: false,
        error: `${where} le code «\u00a0${parts[0]}\u00a0» n’est pas connu du questionnaire d’éligibilité\u202f; codes possibles\u00a0: ${field.allowedCodes.join(", ")}.`,
      };
    }
    const label = parts[1]!;
    if (field.format === "attachments") items.push({ kind: code, label });
    else if (field.format === "coded") items.push({ code, label });
    else {
      const rate = parts[2]!.replace(/\s*%$/, "");
      if (!WHOLE.test(rate)) {
        return { ok: false, error: `${where} le taux est un pourcentage entier, par exemple 50.` };
      }
      items.push({ code, label, maxSubsidyRatePercent: Number(rate) });
    }
  }
  return { ok: true, value: items };
}

function parseField(field: ParameterField, raw: string | string[] | undefined): Parsed {
  if (field.kind === "checkboxes") return { ok: true, value: Array.isArray(raw) ? raw : raw ? [raw] : [] };
  const text = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim();
  switch (field.kind) {
    case "euros": {
      const amount = parseEuros(text);
      return amount.ok
        ? { ok: true, value: amount.cents }
        : {
            ok: false,
            error: `${field.label}\u00a0: ${amount.error.charAt(0).toLowerCase()}${amount.error.slice(1)}`,
          };
    }
    case "percent":
    case "months":
    case "integer": {
      const number = text.replace(/\s*(%|mois)$/, "");
      if (WHOLE.test(number)) return { ok: true, value: Number(number) };
      const example = field.kind === "percent" ? "50" : field.kind === "months" ? "36" : "1";
      return {
        ok: false,
        error: `${field.label}\u00a0: saisissez un nombre entier, par exemple ${example}.`,
      };
    }
    case "decimal":
      return /^\d{1,6}(?:[,.]\d{1,3})?$/.test(text)
        ? { ok: true, value: Number(text.replace(",", ".")) }
        : { ok: false, error: `${field.label}\u00a0: saisissez un nombre, par exemple 0 ou 0,5.` };
    case "boolean":
      return { ok: true, value: text === "oui" || text === "on" };
    case "choice":
      return field.options.some((option) => option.value === text)
        ? { ok: true, value: Number(text) }
        : { ok: false, error: `${field.label}\u00a0: choisissez une valeur de la liste.` };
    case "lines":
      return parseLines(field, text);
    case "text":
      return { ok: true, value: text };
  }
}

/** The field an issue of parseRuleSetParameters belongs to: the one whose path starts its path. */
function fieldOfIssue(fields: ParameterField[], issue: ParameterIssue) {
  const path = issue.path.split(".");
  return fields.find((field) => field.path.every((key, index) => path[index] === key));
}

/** A list's issue names its line (`priorities.1.label` is line 2), as the admin typed one item a line. */
function issueMessage(field: ParameterField, issue: ParameterIssue): string {
  const index = issue.path.split(".")[field.path.length];
  if (field.kind !== "lines" || index === undefined || !/^\d+$/.test(index)) return issue.message;
  return `${field.label}, ligne ${Number(index) + 1}\u00a0: ${issue.message}`;
}

/**
 * The parameters the form describes, checked by the scheme's schema; or the French errors by field.
 * Empty lines of a list are ignored, so its line numbers are the ones of the non-empty lines typed.
 */
export function formValuesToParameters<C extends SchemeCode>(
  code: C,
  values: ParameterFormValues,
): ParameterFormResult<C> {
  const fields = parameterFields(code);
  const errors: Record<string, string> = {};
  const json: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = parseField(field, values[field.name]);
    if (!parsed.ok) errors[field.name] = parsed.error;
    // A value typed wrong stands in as version 1's, so that zod still checks every other field.
    const value = parsed.ok ? parsed.value : read(SCHEMES[code].defaultParameters, field.path);
    const [key, inner] = field.path;
    if (inner === undefined) json[key] = value;
    else json[key] = { ...(json[key] as Record<string, unknown> | undefined), [inner]: value };
  }
  const checked = parseRuleSetParameters(code, json);
  if (checked.ok && Object.keys(errors).length === 0) return { ok: true, parameters: checked.parameters };
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const field = fieldOfIssue(fields, issue);
      const key = field?.name ?? "form";
      // A field whose typing was refused above keeps that message.
      errors[key] ??= field ? issueMessage(field, issue) : issue.message;
    }
  }
  return { ok: false, errors };
}

/** A parameter in words, for a published version: « 20 000,00 € », « 36 mois », a list of labels. */
export interface DescribedParameter {
  name: string;
  label: string;
  value: string | string[];
}

function describe(field: ParameterField, value: unknown): string | string[] {
  switch (field.kind) {
    case "euros":
      return formatEuros(value as number);
    case "percent":
      return `${value as number}\u00a0%`;
    case "months":
      return `${value as number} mois`;
    case "decimal":
      return String(value).replace(".", ",");
    case "integer":
      return String(value);
    case "boolean":
      return value ? "Oui" : "Non";
    case "choice":
      return field.options.find((option) => option.value === String(value))?.label ?? String(value);
    case "checkboxes":
      return (value as string[]).map(
        (item) => field.options.find((option) => option.value === item)?.label ?? item,
      );
    case "lines":
      return (value as Line[]).map((item) =>
        field.format === "rates"
          ? `${item.label} (${item.code})\u00a0: au plus ${item.maxSubsidyRatePercent}\u00a0%`
          : `${item.label} (${field.format === "attachments" ? item.kind : item.code})`,
      );
    case "text":
      return String(value);
  }
}

/** Every parameter of a version in words, section by section. */
export function describeParameters<C extends SchemeCode>(
  code: C,
  parameters: RuleSetParametersByScheme[C],
): Array<{ section: ParameterSection; title: string; items: DescribedParameter[] }> {
  const fields = parameterFields(code);
  return (Object.keys(PARAMETER_SECTIONS) as ParameterSection[])
    .map((section) => ({
      section,
      title: PARAMETER_SECTIONS[section],
      items: fields
        .filter((field) => field.section === section)
        .map((field) => ({
          name: field.name,
          label: field.label,
          value: describe(field, read(parameters, field.path)),
        })),
    }))
    .filter((group) => group.items.length > 0);
}
