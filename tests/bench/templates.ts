// One complete draft per scheme, written as an applicant writes it (every step saved through the services,
// every piece uploaded): the models the bulk seed copies, so that the 50,000 dossiers carry real answers and
// the drafts filed under load pass the same checklist a real filing does.
import { dossierSteps, type RawAnswers } from "~/domain/dossier-forms";
import type { PrismaClient } from "~/generated/prisma/client";
import { MembershipRole, UserRole, type SchemeCode } from "~/generated/prisma/enums";
import { uploadAttachment } from "~/services/applicant/attachments.server";
import { formContext, getDossierForMember, startDossier } from "~/services/applicant/dossiers.server";
import { saveStep } from "~/services/applicant/dossier-steps.server";
import { dossierChecklist } from "~/services/applicant/filing.server";
import type { FileStorage } from "~/services/platform/storage.server";

import { DEMO_DOSSIERS } from "../../seeds/demo";
import { DEMO_ORGANISATIONS } from "../../seeds/demo/organisations";
import { SAMPLE_FILES } from "../support/files";

export interface Template {
  schemeCode: SchemeCode;
  dossierId: string;
  organisationId: string;
}

export interface Templates {
  applicantId: string;
  /** Only the schemes whose draft is ready to file (normally all four). */
  bySchemeCode: Partial<Record<SchemeCode, Template>>;
  /** Why a scheme has no template, in French. */
  problems: string[];
}

async function saveEveryStep(db: PrismaClient, userId: string, dossierId: string, answers: RawAnswers) {
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    include: { ruleSet: true },
  });
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  let revision = dossier.revision;
  for (const step of dossierSteps(dossier.schemeCode, context)) {
    const saved = await saveStep(db, { userId, dossierId, stepId: step.id, values: answers, revision });
    if (!saved.ok) throw new Error(`Conflit à l’étape ${step.id}`);
    revision = saved.revision;
  }
}

export async function createTemplates(db: PrismaClient, storage: FileStorage): Promise<Templates> {
  const applicant = await db.user.create({
    data: {
      email: "porteur.bench@example.fr",
      passwordHash: "-",
      firstName: "Camille",
      lastName: "Martin",
      role: UserRole.APPLICANT,
      emailVerifiedAt: new Date(),
    },
  });
  const bySchemeCode: Templates["bySchemeCode"] = {};
  const problems = new Map<SchemeCode, string>();
  for (const demo of DEMO_DOSSIERS) {
    // A demo dossier past the draft has complete answers; the first of each scheme is the model.
    if (bySchemeCode[demo.scheme] || demo.history.length === 0) continue;
    const { owner: _o, members: _m, esusApprovalDate, ...fields } = DEMO_ORGANISATIONS[demo.organisation];
    const organisation = await db.organisation.upsert({
      where: { siret: fields.siret ?? `sans-siret-${demo.organisation}` },
      create: {
        ...fields,
        esusApproved: Boolean(esusApprovalDate),
        esusApprovalDate: esusApprovalDate ?? null,
      },
      update: {},
    });
    await db.membership.upsert({
      where: { userId_organisationId: { userId: applicant.id, organisationId: organisation.id } },
      create: { userId: applicant.id, organisationId: organisation.id, role: MembershipRole.OWNER },
      update: {},
    });
    const { id } = await startDossier(db, {
      userId: applicant.id,
      organisationId: organisation.id,
      schemeCode: demo.scheme,
    });
    await saveEveryStep(db, applicant.id, id, demo.answers);
    const draft = await getDossierForMember(db, applicant.id, id);
    const required = (draft.ruleSet.parameters as { requiredAttachments: Array<{ kind: string }> })
      .requiredAttachments;
    for (const { kind } of required) {
      await uploadAttachment(db, storage, {
        userId: applicant.id,
        dossierId: id,
        kind,
        fileName: `${kind.toLowerCase()}.pdf`,
        source: Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${kind} ${id}\n`)]),
      });
    }
    const checklist = await dossierChecklist(db, await getDossierForMember(db, applicant.id, id));
    if (checklist.ready) {
      bySchemeCode[demo.scheme] = { schemeCode: demo.scheme, dossierId: id, organisationId: organisation.id };
      problems.delete(demo.scheme);
    } else {
      // The next demo dossier of the scheme is tried: an old one's dates may no longer be accepted.
      const missing = checklist.sections.flatMap((section) => section.items.map((item) => item.message));
      problems.set(
        demo.scheme,
        `${demo.scheme} : aucun brouillon modèle complet (${missing.join(" ; ") || "non éligible"})`,
      );
    }
  }
  return { applicantId: applicant.id, bySchemeCode, problems: [...problems.values()] };
}

/**
 * `count` distinct drafts ready to file, copies of the templates (answers, budget lines, pieces) taken in
 * turn, so filings under load spread over the four schemes' number counters as a call's last day does.
 */
export async function cloneDrafts(
  database: {
    query: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;
    exec: (sql: string) => Promise<void>;
  },
  templates: Templates,
  count: number,
): Promise<string[]> {
  const sources = Object.values(templates.bySchemeCode).map((template) => template.dossierId);
  if (sources.length === 0 || count === 0) return [];
  const columns = async (table: string) =>
    (
      await database.query(
        // Generated columns (the searchable title) are computed by the database, never inserted.
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name <> 'id'
           AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [table],
      )
    ).map((row) => String(row.column_name));
  // Every column is copied, so a column added later is copied too; the keys are made unique.
  const copy = (names: string[], overrides: Record<string, string>) => ({
    list: names.map((name) => `"${name}"`).join(", "),
    values: names.map((name) => overrides[name] ?? `t."${name}"`).join(", "),
  });
  const dossier = copy(await columns("Dossier"), { dossierId: "c.id" });
  const line = copy(await columns("DossierBudgetLine"), { dossierId: "c.id" });
  const piece = copy(await columns("Attachment"), {
    dossierId: "c.id",
    storageKey: `t."storageKey" || '-' || c.id`,
  });
  const clones = `(SELECT 'bench_draft_' || g AS id, (ARRAY['${sources.join("','")}'])[1 + g % ${sources.length}] AS source
    FROM generate_series(1, ${count}) AS g) c`;
  await database.exec(`
    INSERT INTO "Dossier" (id, ${dossier.list}) SELECT c.id, ${dossier.values} FROM ${clones} JOIN "Dossier" t ON t.id = c.source;
    INSERT INTO "DossierBudgetLine" (id, ${line.list})
      SELECT t.id || '_' || c.id, ${line.values} FROM ${clones} JOIN "DossierBudgetLine" t ON t."dossierId" = c.source;
    INSERT INTO "Attachment" (id, ${piece.list})
      SELECT t.id || '_' || c.id, ${piece.values} FROM ${clones} JOIN "Attachment" t ON t."dossierId" = c.source;`);
  return Array.from({ length: count }, (_, index) => `bench_draft_${index + 1}`);
}
