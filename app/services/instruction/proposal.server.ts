// The instructor's opinion and proposed amount for the Commission permanente: checked against the
// dossier's own rule set, recorded with the instructor's report (PDF) in one transaction. Applicants are
// not emailed: the decision is the Commission's, and the report is internal.
import { fullName } from "~/domain/people";
import { parseEuros } from "~/domain/format";
import {
  COMPLETENESS_ITEMS,
  opinionProblems,
  readCompleteness,
  type Opinion,
  type OpinionRules,
} from "~/domain/instruction-opinion";
import {
  capAssoPaymentSchedule,
  equityAdvanceRepaymentSchedule,
  singlePaymentSchedule,
  type Schedule,
} from "~/domain/schedules";
import { parseRuleSetParameters, type RuleSetParametersByScheme } from "~/domain/schemes";
import type { PrismaClient } from "~/generated/prisma/client";
import { DocumentKind } from "~/generated/prisma/enums";
import { renderInstructorReport } from "~/pdf/instructor-report.server";

import { documentDossier } from "~/services/dossiers/decision-documents.server";
import { applyTransition } from "~/services/dossiers/transitions.server";
import { answersOf } from "~/services/applicant/dossiers.server";
import { dossierChecklist } from "~/services/applicant/filing.server";
import {
  getDossierForStaff,
  InstructionFormError,
  lockForAction,
  type StaffActor,
  type StaffDossier,
} from "./access.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";
import { deleteUnreferencedFiles } from "~/services/platform/unreferenced-files.server";

/** An opinion the instructor can fix, by field: `favourable`, `motivation`, `proposedAmount`, `amountYear1`… */
export class OpinionError extends InstructionFormError {
  constructor(fieldErrors: Record<string, string>) {
    super(fieldErrors);
    this.name = "OpinionError";
  }
}

/** What the timeline says, where applicants read it: never the motivation, which is internal. */
export const PROPOSAL_REASON = "Avis de l’instruction transmis à la Commission permanente";

function opinionRules(dossier: StaffDossier): { rules: OpinionRules; parameters: unknown } {
  const parsed = parseRuleSetParameters(dossier.schemeCode, dossier.ruleSet.parameters);
  if (!parsed.ok) throw new Error(parsed.error);
  const grant = answersOf(dossier.answers).euGrantAmount;
  const euGrant = typeof grant === "string" ? parseEuros(grant) : null;
  return {
    rules: {
      schemeCode: dossier.schemeCode,
      parameters: parsed.parameters,
      ruleSetVersion: dossier.ruleSet.version,
      requestedAmountCents: dossier.requestedAmountCents,
      euGrantCents: euGrant?.ok ? euGrant.cents : null,
    } as OpinionRules,
    parameters: parsed.parameters,
  };
}

/** The schedule the opinion implies, counted from `start` (the Commission's date is not known yet). */
function proposedSchedule(
  dossier: StaffDossier,
  parameters: unknown,
  opinion: Opinion,
  start: Date,
): Schedule | null {
  if (!opinion.favourable || opinion.proposedAmountCents === 0) return null;
  switch (dossier.schemeCode) {
    case "CAP_ASSO":
      return capAssoPaymentSchedule(opinion.yearlyAmountsCents, start);
    case "EQUITY_ADVANCE": {
      const p = parameters as RuleSetParametersByScheme["EQUITY_ADVANCE"];
      return equityAdvanceRepaymentSchedule(
        opinion.proposedAmountCents,
        {
          maxDurationMonths: p.maxDurationMonths,
          repaymentDeferralMonths: p.repaymentDeferralMonths,
          repaymentFrequencyMonths: p.repaymentFrequencyMonths,
        },
        start,
      );
    }
    default:
      return singlePaymentSchedule(opinion.proposedAmountCents, start);
  }
}

/** UNDER_INSTRUCTION → PROPOSED, with the opinion, the proposed amount and the instructor's report. */
export async function proposeDossier(
  db: PrismaClient,
  storage: FileStorage,
  input: {
    actor: StaffActor;
    dossierId: string;
    revision: number;
    favourable: boolean;
    motivation: string;
    proposedAmountCents: number;
    yearlyAmountsCents: number[];
    now?: Date;
    appUrl: string;
  },
): Promise<void> {
  const now = input.now ?? new Date();
  const dossier = await getDossierForStaff(db, input.actor, input.dossierId);
  const { rules, parameters } = opinionRules(dossier);
  const opinion: Opinion = {
    favourable: input.favourable,
    motivation: input.motivation.replace(/\r\n?/g, "\n").trim(),
    proposedAmountCents: input.proposedAmountCents,
    yearlyAmountsCents:
      dossier.schemeCode === "CAP_ASSO" || input.yearlyAmountsCents.some((cents) => cents !== 0)
        ? input.yearlyAmountsCents
        : [],
  };
  const errors = opinionProblems(rules, opinion);
  if (Object.keys(errors).length > 0) throw new OpinionError(errors);

  // The report is drawn before the lock: PDF work must not hold the dossier (and PGlite's one connection).
  // The revision check under the lock guarantees it describes the version the instructor saw.
  const [checklist, actor] = await Promise.all([
    dossierChecklist(db, dossier, now),
    db.user.findUniqueOrThrow({ where: { id: input.actor.id }, select: { firstName: true, lastName: true } }),
  ]);
  const marks = readCompleteness(dossier.completeness);
  const report = await renderInstructorReport({
    dossier: documentDossier({
      id: dossier.id,
      number: dossier.number ?? "",
      title: dossier.title,
      schemeCode: dossier.schemeCode,
      schemeName: dossier.scheme.name,
      ruleSetParameters: dossier.ruleSet.parameters,
      organisation: dossier.organisation,
    }),
    filedAt: dossier.filedAt,
    ruleSetVersion: dossier.ruleSet.version,
    requestedAmountCents: dossier.requestedAmountCents,
    totalBudgetCents: dossier.totalBudgetCents,
    eligibility: checklist.eligibility.criteria.map((criterion) => ({
      label: criterion.label,
      met: criterion.met,
      explanation: criterion.explanation,
    })),
    completeness: COMPLETENESS_ITEMS(dossier).map((item) => ({
      label: item.label,
      checked: marks[item.key]?.checked ?? false,
    })),
    opinion,
    schedule: proposedSchedule(dossier, parameters, opinion, now),
    instructorName: fullName(actor),
    createdAt: now,
  });

  const reportKey = newStorageKey(now);
  try {
    await storage.put(reportKey, report, { contentType: "application/pdf" });
    await db.$transaction(
      async (tx) => {
        const locked = await lockForAction(tx, dossier.id, input.revision, now);
        await applyTransition(tx, {
          dossierId: dossier.id,
          from: locked.status,
          transition: "PROPOSE",
          actor: input.actor,
          reason: PROPOSAL_REASON,
          changes: { proposedAmountCents: opinion.proposedAmountCents },
          documents: [
            {
              kind: DocumentKind.INSTRUCTOR_REPORT,
              fileName: `Rapport d’instruction ${locked.number ?? ""}.pdf`,
              storageKey: reportKey,
            },
          ],
          appUrl: input.appUrl,
          now,
        });
        await tx.instructionOpinion.create({
          data: { dossierId: dossier.id, authorId: input.actor.id, ...opinion, createdAt: now },
        });
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    // Nothing was recorded, or the answer was lost after the commit: the report goes only if no row names it.
    await deleteUnreferencedFiles(db, storage, [reportKey]);
    throw error;
  }
}
