// Building blocks shared by the four schemes' rule-set parameters. Units are part of every field name
// (…Cents, …Percent, …Months) and enforced here: an admin who types euros, a fraction instead of a
// percentage or a decimal amount gets a French message instead of silently wrong rules.
import { z } from "zod";

import { LegalForm, type SchemeCode } from "~/generated/prisma/enums";

/** INSEE codes of the six departments of Centre-Val de Loire. */
export const REGION_DEPARTMENT_CODES = ["18", "28", "36", "37", "41", "45"] as const;
export type RegionDepartmentCode = (typeof REGION_DEPARTMENT_CODES)[number];

/** Dossier amounts are stored in 32-bit integer columns. */
const MAX_INT_CENTS = 2_147_483_647;

/** A non-negative amount in euro cents (integer). */
export function amountCents(label: string) {
  return z
    .int({
      error: `${label}\u00a0: indiquez un montant en centimes d’euro (nombre entier, 500000 pour 5\u202f000\u00a0€).`,
    })
    .min(0, { error: `${label}\u00a0: le montant ne peut pas être négatif.` })
    .max(MAX_INT_CENTS, { error: `${label}\u00a0: le montant dépasse la valeur maximale acceptée.` });
}

/** A whole percentage between 1 and 100 (50 means 50 %, never 0.5). */
export function percent(label: string) {
  return z
    .int({ error: `${label}\u00a0: indiquez un pourcentage entier (50 pour 50\u00a0%).` })
    .min(1, { error: `${label}\u00a0: le pourcentage doit être d’au moins 1\u00a0%.` })
    .max(100, { error: `${label}\u00a0: le pourcentage ne peut pas dépasser 100\u00a0%.` });
}

/** A whole number of months. */
export function months(label: string, min = 1) {
  return z
    .int({ error: `${label}\u00a0: indiquez une durée en mois (nombre entier).` })
    .min(min, { error: `${label}\u00a0: la durée doit être d’au moins ${min} mois.` })
    .max(240, { error: `${label}\u00a0: la durée ne peut pas dépasser 240 mois.` });
}

/** A French text shown to applicants. */
export function frenchText(label: string, maxLength = 2000) {
  return z
    .string({ error: `${label}\u00a0: un texte est attendu.` })
    .trim()
    .min(1, { error: `${label}\u00a0: le texte ne peut pas être vide.` })
    .max(maxLength, { error: `${label}\u00a0: ${maxLength} caractères au plus.` });
}

/** A code (e.g. an attachment kind or an EU programme) with its French label. */
export function codedOption(codeLabel: string) {
  return z.strictObject({
    code: z.string({ error: `${codeLabel}\u00a0: un code est attendu.` }).regex(/^[A-Z][A-Z0-9_]*$/, {
      error: `${codeLabel}\u00a0: le code s’écrit en majuscules, chiffres et «\u00a0_\u00a0» (ex. FSE_PLUS).`,
    }),
    label: frenchText(`${codeLabel} (libellé)`, 200),
  });
}

/** A non-empty list whose items have distinct codes. */
export function codedOptions(label: string) {
  return z
    .array(codedOption(label), { error: `${label}\u00a0: une liste est attendue.` })
    .min(1, { error: `${label}\u00a0: au moins un élément est requis.` })
    .refine((items) => new Set(items.map((item) => item.code)).size === items.length, {
      error: `${label}\u00a0: chaque code ne doit figurer qu’une fois.`,
    });
}

/** One value of an enum (an object such as LegalForm, or a tuple of strings). */
export function oneOf<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
): z.ZodEnum<z.core.util.ToEnum<T[number]>>;
export function oneOf<const T extends Readonly<Record<string, string>>>(
  label: string,
  values: T,
): z.ZodEnum<T>;
export function oneOf(
  label: string,
  values: readonly [string, ...string[]] | Readonly<Record<string, string>>,
) {
  const error = `${label}\u00a0: valeur inconnue.`;
  return Array.isArray(values)
    ? z.enum(values as readonly [string, ...string[]], { error })
    : z.enum(values as Record<string, string>, { error });
}

/** A non-empty list of distinct values. */
export function distinctList<Item extends z.ZodType<string>>(label: string, item: Item) {
  return z
    .array(item, { error: `${label}\u00a0: une liste est attendue.` })
    .min(1, { error: `${label}\u00a0: au moins une valeur est requise.` })
    .refine((items) => new Set(items).size === items.length, {
      error: `${label}\u00a0: chaque valeur ne doit figurer qu’une fois.`,
    });
}

/** An attachment the applicant must upload: kind code (stored on Attachment.kind) and French label. */
export const requiredAttachmentSchema = z.strictObject({
  kind: z
    .string({ error: "Pièce justificative\u00a0: un code de pièce est attendu." })
    .regex(/^[A-Z][A-Z0-9_]*$/, {
      error:
        "Pièce justificative\u00a0: le code s’écrit en majuscules, chiffres et «\u00a0_\u00a0» (ex. STATUTES).",
    }),
  label: frenchText("Pièce justificative (libellé)", 200),
});
export type RequiredAttachment = z.infer<typeof requiredAttachmentSchema>;

/** Texts an applicant reads on the scheme’s page and when filing. */
export const applicantTextsSchema = z.strictObject({
  introduction: frenchText("Texte de présentation"),
  eligibilityReminder: frenchText("Rappel des conditions d’éligibilité"),
  filingDeclaration: frenchText("Attestation sur l’honneur"),
});
export type ApplicantTexts = z.infer<typeof applicantTextsSchema>;

/** Parameters every scheme has. */
export const commonParametersShape = {
  eligibleDepartmentCodes: distinctList(
    "Départements éligibles",
    oneOf("Départements éligibles (hors Centre-Val de Loire)", REGION_DEPARTMENT_CODES),
  ),
  eligibleLegalForms: distinctList(
    "Formes juridiques éligibles",
    oneOf("Formes juridiques éligibles", LegalForm),
  ),
  requiredAttachments: z
    .array(requiredAttachmentSchema, { error: "Pièces justificatives\u00a0: une liste est attendue." })
    .refine((items) => new Set(items.map((item) => item.kind)).size === items.length, {
      error: "Pièces justificatives\u00a0: chaque code de pièce ne doit figurer qu’une fois.",
    }),
  applicantTexts: applicantTextsSchema,
};

/** Reports `high < low` on the `high` field, so an admin form shows the error next to the ceiling. */
export function requireAtLeast<T extends Record<string, unknown>>(
  value: T,
  ctx: z.RefinementCtx<T>,
  lowKey: keyof T & string,
  highKey: keyof T & string,
  message: string,
) {
  const low = value[lowKey];
  const high = value[highKey];
  if (typeof low === "number" && typeof high === "number" && high < low) {
    ctx.addIssue({ code: "custom", path: [highKey], message });
  }
}

/** Static description of a scheme: what the Scheme row holds, plus its parameter schema and defaults. */
export interface SchemeDefinition<Schema extends z.ZodType> {
  code: SchemeCode;
  /** French name shown to users. */
  name: string;
  /** Prefix of dossier numbers, e.g. CAPASSO in CAPASSO-2026-00042. */
  numberPrefix: string;
  /** Short French summary. */
  summary: string;
  parametersSchema: Schema;
  /** Rule-set version 1, as deliberated; seeded, then edited by admins in new versions. */
  defaultParameters: z.output<Schema>;
}
