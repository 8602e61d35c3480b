// The versions of each scheme's rules, as the Region's administrators manage them: a draft copied from
// the latest version, edited, then published by deliberation with an effective date. A published version
// never changes again (dossiers filed under it keep it for good); every act is audited with the change.
import { isDeepStrictEqual } from "node:util";

import { z } from "zod";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { formatDate } from "~/domain/format";
import { paris, parisDay } from "~/domain/paris-time";
import { parseRuleSetParameters, SCHEMES } from "~/domain/schemes";
import { formValuesToParameters, type ParameterFormValues } from "~/domain/schemes/parameter-form";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { RuleSetStatus, type SchemeCode } from "~/generated/prisma/enums";

import { forgetRuleSetsInForce } from "~/services/schemes/eligibility.server";
import { versionNotFound } from "./rule-set-versions.server";

export {
  getRuleSetVersion,
  getSchemeRuleSets,
  listSchemeRuleSets,
  schemeOfSlug,
  type RuleSetVersionSummary,
  type VersionState,
} from "./rule-set-versions.server";
import { notFound, UserError } from "~/domain/user-error";

type Tx = Prisma.TransactionClient;

/** A refusal the administrator can act on; `fieldErrors` are shown next to the fields of the form. */
export class RuleSetError extends UserError {
  constructor(message: string, status = 400, fieldErrors: Record<string, string> = {}) {
    super(message, { status, fieldErrors });
    this.name = "RuleSetError";
  }
}

export const PUBLISHED_IS_IMMUTABLE =
  "Cette version est publiée\u00a0: elle ne peut plus être modifiée ni supprimée. Préparez une nouvelle version.";

async function audit(
  tx: Tx,
  actorId: string,
  action: (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS],
  ruleSetId: string,
  details: Prisma.InputJsonObject,
) {
  await tx.auditLog.create({
    data: { actorId, action, targetType: "RuleSet", targetId: ruleSetId, details },
  });
}

/** Locks the scheme's row: drafts are created, and versions published, one at a time per scheme. */
async function lockScheme(tx: Tx, code: SchemeCode) {
  const scheme = await tx.scheme.findUnique({ where: { code }, select: { id: true, name: true } });
  if (!scheme) throw notFound("Dispositif introuvable.");
  await tx.$queryRaw`SELECT "id" FROM "Scheme" WHERE "id" = ${scheme.id} FOR UPDATE`;
  return scheme;
}

/** The version to change, which must still be a draft; the scheme is locked first. */
async function lockDraft(tx: Tx, code: SchemeCode, version: number) {
  const scheme = await lockScheme(tx, code);
  const ruleSet = await tx.ruleSet.findUnique({
    where: { schemeId_version: { schemeId: scheme.id, version } },
  });
  if (!ruleSet) throw versionNotFound();
  if (ruleSet.status !== RuleSetStatus.DRAFT) throw new RuleSetError(PUBLISHED_IS_IMMUTABLE, 409);
  return { scheme, ruleSet };
}

/** A new draft, a copy of the latest version (published or scheduled). One draft per scheme at a time. */
export async function createDraft(
  db: PrismaClient,
  input: { actorId: string; schemeCode: SchemeCode; now: Date },
) {
  return db.$transaction(async (tx) => {
    const scheme = await lockScheme(tx, input.schemeCode);
    const latest = await tx.ruleSet.findFirst({
      where: { schemeId: scheme.id },
      orderBy: { version: "desc" },
    });
    if (latest?.status === RuleSetStatus.DRAFT) {
      throw new RuleSetError(
        `La version ${latest.version} de ${scheme.name} est déjà en préparation\u00a0: terminez-la ou supprimez-la avant d’en préparer une autre.`,
        409,
      );
    }
    const version = (latest?.version ?? 0) + 1;
    const parameters = (latest?.parameters ??
      SCHEMES[input.schemeCode].defaultParameters) as Prisma.InputJsonValue;
    const created = await tx.ruleSet.create({
      data: {
        schemeId: scheme.id,
        version,
        status: RuleSetStatus.DRAFT,
        parameters,
        createdById: input.actorId,
        createdAt: input.now,
        updatedAt: input.now,
      },
    });
    await audit(tx, input.actorId, AUDIT_ACTIONS.ruleSetDraftCreated, created.id, {
      schemeCode: input.schemeCode,
      version,
      copiedFrom: latest?.version ?? null,
    });
    return { version };
  });
}

/** The draft's parameters as the admin's form describes them; invalid values change nothing. */
export async function saveDraft(
  db: PrismaClient,
  input: { actorId: string; schemeCode: SchemeCode; version: number; values: ParameterFormValues; now: Date },
) {
  const checked = formValuesToParameters(input.schemeCode, input.values);
  return db.$transaction(async (tx) => {
    const { ruleSet } = await lockDraft(tx, input.schemeCode, input.version);
    if (!checked.ok) {
      throw new RuleSetError("Le formulaire contient des erreurs.", 400, checked.errors);
    }
    const before = ruleSet.parameters as Record<string, unknown>;
    const after = checked.parameters as unknown as Record<string, unknown>;
    // jsonb stores keys in its own order: compare values, not their text.
    const changed = Object.keys(after).filter((key) => !isDeepStrictEqual(before[key], after[key]));
    await tx.ruleSet.update({
      where: { id: ruleSet.id },
      data: { parameters: after as Prisma.InputJsonObject, updatedAt: input.now },
    });
    await audit(tx, input.actorId, AUDIT_ACTIONS.ruleSetDraftUpdated, ruleSet.id, {
      schemeCode: input.schemeCode,
      version: input.version,
      changed,
    });
    return { changed };
  });
}

export async function deleteDraft(
  db: PrismaClient,
  input: { actorId: string; schemeCode: SchemeCode; version: number },
) {
  await db.$transaction(async (tx) => {
    const { ruleSet } = await lockDraft(tx, input.schemeCode, input.version);
    await tx.ruleSet.delete({ where: { id: ruleSet.id } });
    await audit(tx, input.actorId, AUDIT_ACTIONS.ruleSetDraftDeleted, ruleSet.id, {
      schemeCode: input.schemeCode,
      version: input.version,
    });
  });
}

const effectiveDateSchema = z
  .string()
  .trim()
  .min(1, "Indiquez la date d’entrée en vigueur.")
  .refine(
    (day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && parisDay(paris(day)) === day,
    "Indiquez une date valide, par exemple 01/12/2026.",
  );

const deliberationSchema = z
  .string()
  .trim()
  .min(5, "Indiquez la référence de la délibération, par exemple «\u00a0CP n° 26.11.05 du 20/11/2026\u00a0».")
  .max(200, "La référence de la délibération ne peut pas dépasser 200 caractères.");

const firstMessage = (result: z.ZodSafeParseResult<string>) =>
  result.success ? null : (result.error.issues[0]?.message ?? null);

/**
 * Publishes a draft: from `effectiveDate` (a Paris day, today or later) dossiers are filed under it.
 * Versions come into force in order: the date cannot precede that of the latest published version.
 */
export async function publishDraft(
  db: PrismaClient,
  input: {
    actorId: string;
    schemeCode: SchemeCode;
    version: number;
    effectiveDate: string;
    deliberation: string;
    /** The admin ticked « Je confirme… »: publishing cannot be undone. */
    confirmed: boolean;
    now: Date;
  },
) {
  const day = effectiveDateSchema.safeParse(input.effectiveDate);
  const reference = deliberationSchema.safeParse(input.deliberation);
  const published = await db.$transaction(async (tx) => {
    const { ruleSet } = await lockDraft(tx, input.schemeCode, input.version);
    const fieldErrors: Record<string, string> = {};
    const dateError = firstMessage(day);
    const referenceError = firstMessage(reference);
    if (dateError) fieldErrors.effectiveDate = dateError;
    if (referenceError) fieldErrors.deliberation = referenceError;
    if (!input.confirmed) {
      fieldErrors.confirm =
        "Cochez la case pour confirmer la publication\u00a0: une version publiée ne peut plus être modifiée.";
    }
    if (day.success) {
      const previous = await tx.ruleSet.findFirst({
        where: { schemeId: ruleSet.schemeId, status: RuleSetStatus.PUBLISHED },
        orderBy: { version: "desc" },
      });
      if (day.data < parisDay(input.now)) {
        fieldErrors.effectiveDate = "La date d’entrée en vigueur ne peut pas être passée.";
      } else if (previous?.effectiveFrom && day.data < parisDay(previous.effectiveFrom)) {
        fieldErrors.effectiveDate = `La date d’entrée en vigueur ne peut pas précéder celle de la version ${previous.version} (${formatDate(previous.effectiveFrom)}).`;
      }
    }
    if (!day.success || !reference.success || Object.keys(fieldErrors).length > 0) {
      throw new RuleSetError("Le formulaire contient des erreurs.", 400, fieldErrors);
    }
    const effectiveDate = day.data;
    const deliberation = reference.data;
    if (!parseRuleSetParameters(input.schemeCode, ruleSet.parameters).ok) {
      throw new RuleSetError(
        "Les paramètres de ce brouillon ne sont pas valides\u00a0: corrigez-les d’abord.",
        409,
      );
    }
    const effectiveFrom = paris(effectiveDate);
    await tx.ruleSet.update({
      where: { id: ruleSet.id },
      data: {
        status: RuleSetStatus.PUBLISHED,
        effectiveFrom,
        publishedAt: input.now,
        publishedById: input.actorId,
        deliberation,
        updatedAt: input.now,
      },
    });
    await audit(tx, input.actorId, AUDIT_ACTIONS.ruleSetPublished, ruleSet.id, {
      schemeCode: input.schemeCode,
      version: input.version,
      effectiveDate,
      deliberation,
    });
    return { version: input.version, effectiveFrom };
  });
  // Eligibility answers and filings read the new rules as soon as they are in force, not 30 s later.
  forgetRuleSetsInForce(db);
  return published;
}
