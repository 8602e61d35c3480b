// Demo answers are stored as the portal stores them, as typed in the forms, and a demo dossier's typed
// columns and budget lines are read from them by the portal's own reading: the demo cannot say one thing
// in its answers and another in its columns, and a dossier past the draft could really have been filed.
import {
  dossierSteps,
  isList,
  pickStepAnswers,
  readDossierAnswers,
  stepSchema,
  type DossierReading,
  type FormContext,
  type RawAnswers,
} from "../../app/domain/dossier-forms";
import { defaultRuleSetParameters } from "../../app/domain/schemes";
import type { SchemeCode } from "../../app/generated/prisma/enums";
import { TERRITORIES } from "../reference/territories";

import type { DemoDossier } from "./dossier-writer";
import { DEMO_ORGANISATIONS } from "./organisations";

/** The form context of a demo dossier: rule set 1 (the one the seed publishes) and the seeded territories. */
export function demoFormContext<C extends SchemeCode>(code: C): FormContext<C> {
  return {
    parameters: defaultRuleSetParameters(code),
    territories: TERRITORIES.map((territory) => ({
      value: territory.code,
      label: `${territory.name} (${territory.departmentCode})`,
    })),
  };
}

/** Keys the forms would never save: a typo here would be silently ignored by the reading. */
function unknownKeys(code: SchemeCode, answers: RawAnswers): string[] {
  const unknown: string[] = [];
  const items = new Map(
    dossierSteps(code, demoFormContext(code)).flatMap((step) => step.items.map((item) => [item.name, item])),
  );
  for (const [key, value] of Object.entries(answers)) {
    const item = items.get(key);
    if (!item) {
      unknown.push(key);
    } else if (isList(item)) {
      const fields = new Set(item.fields.map((field) => field.name));
      if (!Array.isArray(value)) unknown.push(`${key} (une liste de lignes est attendue)`);
      else
        value.forEach((row, index) => {
          for (const name of Object.keys(row)) if (!fields.has(name)) unknown.push(`${key}.${index}.${name}`);
        });
    } else if (typeof value !== "string") {
      unknown.push(`${key} (du texte est attendu)`);
    }
  }
  return unknown;
}

/**
 * Reads a demo dossier's answers as the portal would. Throws, naming the dossier and each problem, when an
 * answer could not have been typed in the forms, or, once filed, when the dossier could not have been filed.
 */
export function readDemoAnswers(
  code: SchemeCode,
  answers: RawAnswers,
  options: { filed: boolean; what: string },
): DossierReading {
  const context = demoFormContext(code);
  const problems = unknownKeys(code, answers).map((key) => `${key}: not a field of the ${code} forms`);
  for (const step of dossierSteps(code, context)) {
    // As a posted step reaches the server: every field present, empty when not typed.
    const checked = stepSchema(step).safeParse(pickStepAnswers(step, answers));
    if (!checked.success) {
      for (const issue of checked.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
    }
  }
  const reading = readDossierAnswers(code, context, answers);
  if (options.filed) {
    for (const issue of reading.issues) problems.push(`${issue.label}: ${issue.message}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Demo seed: the answers of « ${options.what} » (${code}) are not what the forms would save${
        options.filed ? " for a filed dossier" : ""
      }:\n- ${problems.join("\n- ")}`,
    );
  }
  return reading;
}

/**
 * What the portal's forms write beside the answers when they are saved (app/services/applicant/dossiers.server.ts):
 * the title, the amounts, the figures, the territory (and the department it gives, else the
 * organisation's), and the budget lines.
 */
export function demoDossierColumns(dossier: DemoDossier, filed: boolean) {
  const organisation = DEMO_ORGANISATIONS[dossier.organisation];
  const what = typeof dossier.answers.title === "string" ? dossier.answers.title : dossier.organisation;
  const reading = readDemoAnswers(dossier.scheme, dossier.answers, { filed, what });
  if (!reading.title) throw new Error(`Demo seed: a dossier of ${dossier.organisation} has no title`);
  const { columns } = reading.summary;
  const territoryCode = columns.territoryCode ?? null;
  const territory = territoryCode
    ? TERRITORIES.find((candidate) => candidate.code === territoryCode)
    : undefined;
  if (territoryCode && !territory) throw new Error(`Demo seed: unknown territory ${territoryCode}`);
  return {
    title: reading.title,
    requestedAmountCents: reading.summary.requestedAmountCents,
    totalBudgetCents: reading.totalBudgetCents,
    territoryCode,
    departmentCode: territory?.departmentCode ?? organisation.departmentCode,
    jobsCreatedFte: columns.jobsCreatedFte ?? null,
    jobsConsolidatedFte: columns.jobsConsolidatedFte ?? null,
    capAssoSector: columns.capAssoSector ?? null,
    employeeAssociatesCount: columns.employeeAssociatesCount ?? null,
    budgetLines: reading.budgetLines,
  };
}
