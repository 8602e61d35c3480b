// A shared dossier as the funders' community reads it: the project in a few answers, the organisation
// without its contacts or bank details, the budget, the Region's stage and the co-financing left to find.
// Only answers on a fixed list are shown: a field added to a form later stays private until chosen here.
import { EXPENSE_CATEGORIES, RESOURCE_ORIGINS } from "~/domain/budget";
import {
  additionsSentence,
  confirmedSentence,
  dossierCoFinancing,
  planSentence,
  REGION_AMOUNT_LABELS,
  regionAmount,
} from "~/domain/co-financing";
import { dossierSteps, isList, type FieldDef } from "~/domain/dossier-forms";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { formatDate } from "~/domain/format";
import { PLEDGE_INSTRUMENT_LABELS, PLEDGE_STATUS_LABELS } from "~/domain/funder-positions";
import { stageOf, PIPELINE_STAGES } from "~/domain/funder-pipeline";
import { legalFormLabel } from "~/domain/legal-forms";
import { CAP_ASSO_SECTOR_LABELS } from "~/domain/schemes/cap-asso";
import type { PrismaClient } from "~/generated/prisma/client";
import type { SchemeCode } from "~/generated/prisma/enums";

import { displayAnswer } from "~/services/dossiers/complete-dossier.server";
import { answersOf, formContext } from "~/services/applicant/dossiers.server";
import type { CommunityMember, getSharedDossier } from "./access.server";

type SharedDossier = Awaited<ReturnType<typeof getSharedDossier>>;

/** The answers funders read, per scheme. No names of people (employee-associates, advisors), no references. */
export const FUNDER_VISIBLE_ANSWERS: Record<SchemeCode, readonly string[]> = {
  CAP_ASSO: [
    "requestKind",
    "activityProject",
    "needs",
    "publics",
    "territory",
    "partners",
    "generalInterest",
  ],
  A_VOS_ID: [
    "summary",
    "innovation",
    "phase",
    "priority",
    "territoryCode",
    "expectedImpact",
    "leaderCofinancing",
    "leaderGroup",
    "leaderAmount",
  ],
  CAP_SCOP_SCIC: [
    "operationType",
    "cooperativeName",
    "cooperativeForm",
    "cooperativeStatus",
    "activity",
    "support",
  ],
  EQUITY_ADVANCE: [
    "projectSummary",
    "euProgramme",
    "euGrantStatus",
    "euGrantAmount",
    "advanceAmount",
    "durationMonths",
    "neededBy",
  ],
};

async function projectAnswers(db: PrismaClient, dossier: SharedDossier) {
  const row = await db.dossier.findUnique({
    where: { id: dossier.id },
    select: { ruleSet: { select: { parameters: true } } },
  });
  if (!row) return [];
  const context = await formContext(db, dossier.schemeCode, row.ruleSet.parameters);
  const raw = answersOf(dossier.answers);
  const fields = new Map<string, FieldDef>();
  for (const step of dossierSteps(dossier.schemeCode, context))
    for (const item of step.items) if (!isList(item)) fields.set(item.name, item);
  return FUNDER_VISIBLE_ANSWERS[dossier.schemeCode].flatMap((name) => {
    const field = fields.get(name);
    const text = raw[name];
    const value = field && typeof text === "string" ? displayAnswer(field, text) : null;
    return field && value ? [{ label: field.label, value }] : [];
  });
}

/** Everything the summary page shows, serialisable; amounts in cents, formatted by the page. */
export async function funderDossierSummary(db: PrismaClient, user: CommunityMember, dossier: SharedDossier) {
  const [answers, pledges] = await Promise.all([
    projectAnswers(db, dossier),
    // The co-financing counts shared positions only; the asker's own draft is shown apart (DossierCommunity).
    db.funderPledge.findMany({
      where: { dossierId: dossier.id, sharedAt: { not: null } },
      orderBy: [{ amountCents: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        instrument: true,
        amountCents: true,
        funderOrganisation: { select: { name: true, kind: true } },
      },
    }),
  ]);
  const region = regionAmount(dossier);
  const plan = dossierCoFinancing({ ...dossier, pledges });
  const stage = stageOf(dossier.status);
  const line = (names: Record<string, string>) => (budgetLine: SharedDossier["budgetLines"][number]) => ({
    category: names[budgetLine.category] ?? budgetLine.category,
    label: budgetLine.label,
    amountCents: budgetLine.amountCents,
  });
  return {
    viewer: { isFunder: user.role === "FUNDER" },
    dossier: {
      id: dossier.id,
      number: dossier.number ?? "Sans numéro",
      title: dossier.title,
      scheme: dossier.scheme.name,
      status: dossier.status,
      statusLabel: DOSSIER_STATUS_LABELS[dossier.status],
      stageLabel: PIPELINE_STAGES.find((candidate) => candidate.key === stage)?.label ?? null,
      department: dossier.department?.name ?? dossier.departmentCode,
      territory: dossier.territory?.name ?? null,
      sector: dossier.capAssoSector ? CAP_ASSO_SECTOR_LABELS[dossier.capAssoSector] : null,
      jobsCreatedFte: dossier.jobsCreatedFte,
      jobsConsolidatedFte: dossier.jobsConsolidatedFte,
      employeeAssociatesCount: dossier.employeeAssociatesCount,
      requestedAmountCents: dossier.requestedAmountCents,
      proposedAmountCents: dossier.proposedAmountCents,
      grantedAmountCents: dossier.grantedAmountCents,
      filedOn: dossier.filedAt ? formatDate(dossier.filedAt) : null,
      decidedOn: dossier.decidedAt ? formatDate(dossier.decidedAt) : null,
      sharedOn: dossier.sharedAt ? formatDate(dossier.sharedAt) : null,
    },
    organisation: {
      name: dossier.organisation.name,
      legalForm: legalFormLabel(dossier.organisation.legalForm),
      town: [dossier.organisation.postcode, dossier.organisation.city].filter(Boolean).join(" ") || null,
      department: dossier.organisation.departmentCode,
    },
    answers,
    budget: {
      expenses: dossier.budgetLines.filter((row) => row.side === "EXPENSE").map(line(EXPENSE_CATEGORIES)),
      resources: dossier.budgetLines.filter((row) => row.side === "RESOURCE").map(line(RESOURCE_ORIGINS)),
    },
    coFinancing: {
      ...plan,
      planSentence: planSentence(plan),
      confirmedSentence: confirmedSentence(plan),
      additionsSentence: additionsSentence(plan),
      regionCents: region.cents,
      regionLabel: REGION_AMOUNT_LABELS[region.basis],
      positions: pledges.map((pledge) => ({
        id: pledge.id,
        organisation: pledge.funderOrganisation.name,
        status: PLEDGE_STATUS_LABELS[pledge.status],
        instrument: pledge.instrument ? PLEDGE_INSTRUMENT_LABELS[pledge.instrument] : null,
        amountCents: pledge.amountCents,
      })),
    },
  };
}

export type FunderDossierSummary = Awaited<ReturnType<typeof funderDossierSummary>>;
