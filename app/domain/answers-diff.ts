// What an applicant changed in their answers between two moments (a correction request and its answer),
// named as the forms name the fields, and shown as a person reads them (« 12 000,00 € », « Oui », the
// option's label) so that retyping « 12000 » as « 12 000 » is no change at all.
import { formatEuros, parseEuros } from "~/domain/format";
import { defaultRuleSetParameters, type RuleSetParametersByScheme } from "~/domain/schemes";
import type { SchemeCode } from "~/generated/prisma/enums";

import {
  capitalise,
  dossierSteps,
  isList,
  type FieldDef,
  type FormContext,
  type RawAnswers,
  type RawRow,
} from "./dossier-forms";

export interface AnswerChange {
  /** `title`, or `employeeAssociates.1.contribution` for a row of a list. */
  path: string;
  stepTitle: string;
  label: string;
  before: string;
  after: string;
}

export const EMPTY_ANSWER = "(vide)";

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** A typed answer as a reader sees it; empty is « (vide) ». */
export function displayAnswer(field: FieldDef, raw: unknown): string {
  const text = textOf(raw);
  if (text === "") return EMPTY_ANSWER;
  switch (field.kind) {
    case "euros": {
      const parsed = parseEuros(text);
      return parsed.ok ? formatEuros(parsed.cents) : text;
    }
    case "select":
    case "radio":
      return field.options?.find((option) => option.value === text)?.label ?? text;
    case "yesNo":
      return text === "oui" ? "Oui" : text === "non" ? "Non" : text;
    case "date": {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
    }
    default:
      return text.replace(/\r\n?/g, "\n");
  }
}

function filledRows(value: unknown): RawRow[] {
  if (!Array.isArray(value)) return [];
  return (value as RawRow[]).filter((row) => Object.values(row ?? {}).some((cell) => textOf(cell) !== ""));
}

/** The form context of rule-set version 1, when the caller has not the dossier's own. */
function defaultContext<C extends SchemeCode>(code: C): FormContext<C> {
  return { parameters: defaultRuleSetParameters(code) as RuleSetParametersByScheme[C], territories: [] };
}

/**
 * Every answer that reads differently in `after` than in `before`, in the order of the form. Rows of a list
 * are compared by position among the filled rows (« Salarié associé 2 — Apport en capital »).
 */
export function diffAnswers<C extends SchemeCode>(
  schemeCode: C,
  before: RawAnswers,
  after: RawAnswers,
  context: FormContext<C> = defaultContext(schemeCode),
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const step of dossierSteps(schemeCode, context)) {
    for (const item of step.items) {
      if (!isList(item)) {
        const was = displayAnswer(item, before[item.name]);
        const now = displayAnswer(item, after[item.name]);
        if (was !== now) {
          changes.push({
            path: item.name,
            stepTitle: step.title,
            label: item.label,
            before: was,
            after: now,
          });
        }
        continue;
      }
      const rowsBefore = filledRows(before[item.name]);
      const rowsAfter = filledRows(after[item.name]);
      const rowName = capitalise(item.itemLabel.replace(/^(un|une|l’|le|la) /, ""));
      for (let index = 0; index < Math.max(rowsBefore.length, rowsAfter.length); index++) {
        for (const field of item.fields) {
          const was = displayAnswer(field, rowsBefore[index]?.[field.name]);
          const now = displayAnswer(field, rowsAfter[index]?.[field.name]);
          if (was === now) continue;
          changes.push({
            path: `${item.name}.${index}.${field.name}`,
            stepTitle: step.title,
            label: `${rowName} ${index + 1} — ${field.label}`,
            before: was,
            after: now,
          });
        }
      }
    }
  }
  return changes;
}

/** A piece as a snapshot lists it (the filing and resubmission snapshots, a correction request's « before »). */
export interface SnapshotAttachment {
  kind: string;
  fileName: string;
  sha256: string;
}

/**
 * The answers and pieces a snapshot holds: `{ answers, attachments }` as correction requests and filings
 * store them, or bare answers (older rows), whose pieces are then unknown (null).
 */
export function readSnapshot(json: unknown): {
  answers: RawAnswers;
  attachments: SnapshotAttachment[] | null;
} {
  if (!json || typeof json !== "object" || Array.isArray(json)) return { answers: {}, attachments: null };
  const record = json as Record<string, unknown>;
  const answers = record.answers;
  if (answers && typeof answers === "object" && !Array.isArray(answers)) {
    const attachments = Array.isArray(record.attachments)
      ? (record.attachments as SnapshotAttachment[]).filter(
          (row) => row && typeof row.kind === "string" && typeof row.sha256 === "string",
        )
      : null;
    return { answers: answers as RawAnswers, attachments };
  }
  return { answers: record as RawAnswers, attachments: null };
}

export type AttachmentChangeKind = "added" | "removed" | "replaced";

/** Pieces added, removed or replaced (same kind, other content) between two lists, by kind. */
export function diffAttachments(
  before: readonly SnapshotAttachment[],
  after: readonly SnapshotAttachment[],
): Array<{ kind: string; change: AttachmentChangeKind; fileName: string }> {
  const kinds = [...new Set([...before, ...after].map((row) => row.kind))];
  const changes: Array<{ kind: string; change: AttachmentChangeKind; fileName: string }> = [];
  for (const kind of kinds) {
    const was = before.filter((row) => row.kind === kind);
    const now = after.filter((row) => row.kind === kind);
    const added = now.filter((row) => !was.some((old) => old.sha256 === row.sha256));
    const removed = was.filter((row) => !now.some((current) => current.sha256 === row.sha256));
    if (added.length > 0 && removed.length > 0) {
      for (const row of added) changes.push({ kind, change: "replaced", fileName: row.fileName });
    } else {
      for (const row of added) changes.push({ kind, change: "added", fileName: row.fileName });
      for (const row of removed) changes.push({ kind, change: "removed", fileName: row.fileName });
    }
  }
  return changes;
}
