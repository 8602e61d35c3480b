import type { Situation } from "~/domain/eligibility/situation";
import type { RuleSetParametersByScheme } from "~/domain/schemes";
import type { CapAssoSector, SchemeCode } from "~/generated/prisma/enums";

import type { AnswerIssue, Option, RawAnswers, StepDef } from "./fields";

export interface FormContext<C extends SchemeCode = SchemeCode> {
  parameters: RuleSetParametersByScheme[C];
  /** CRST territories (A VOS ID), value = territory code. */
  territories: readonly Option[];
}

/** What a dossier's typed answers mean for the Region: amounts, figures, and the eligibility questions. */
export interface SchemeSummary {
  requestedAmountCents: number | null;
  columns: {
    jobsCreatedFte?: number | null;
    jobsConsolidatedFte?: number | null;
    capAssoSector?: CapAssoSector | null;
    employeeAssociatesCount?: number | null;
    territoryCode?: string | null;
  };
  /** The part of the eligibility situation the answers give (the organisation's profile gives the rest). */
  situation: {
    organisation?: Partial<NonNullable<Situation["organisation"]>>;
    project?: Partial<NonNullable<Situation["project"]>>;
  };
  /** Rules across fields (ceilings, totals) that the answers break. */
  issues: AnswerIssue[];
}

/** What the organisation's profile tells a new dossier. */
export interface OrganisationPrefill {
  name: string;
  legalForm: string;
  siret: string | null;
  city: string | null;
}

export interface SchemeForm<C extends SchemeCode> {
  steps(context: FormContext<C>): StepDef[];
  summarise(values: Record<string, unknown>, context: FormContext<C>): SchemeSummary;
  /** Required attachment kinds these answers make pointless (a Kbis before registration). */
  attachmentsNotNeeded?(values: Record<string, unknown>): string[];
  /** Answers carried over from the public eligibility questionnaire (its form values by path). */
  prefill(
    answers: Record<string, string>,
    context: FormContext<C>,
    organisation: OrganisationPrefill,
  ): RawAnswers;
}
