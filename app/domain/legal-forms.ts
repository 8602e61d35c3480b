// French labels of the legal forms an applicant organisation may have, and the rules that depend on the
// form (which identifiers it must give). One source of truth for the organisation form, the dossiers and
// the eligibility checks.
import { LegalForm } from "~/generated/prisma/enums";

export const LEGAL_FORM_LABELS: Readonly<Record<LegalForm, string>> = {
  [LegalForm.ASSOCIATION]: "Association (loi 1901)",
  [LegalForm.SCOP]: "SCOP",
  [LegalForm.SCIC]: "SCIC",
  [LegalForm.CAE]: "CAE (coopérative d’activité et d’emploi)",
  [LegalForm.EMPLOYEE_GROUP]: "Groupe de salarié·es fondant une coopérative",
  [LegalForm.ESS_COMPANY]: "Entreprise de l’ESS",
  [LegalForm.LOCAL_AUTHORITY]: "Collectivité territoriale",
  [LegalForm.PUBLIC_ESTABLISHMENT]: "Établissement public",
};

/** Legal forms in the order the form lists them. */
export const LEGAL_FORMS: readonly LegalForm[] = [
  LegalForm.ASSOCIATION,
  LegalForm.SCOP,
  LegalForm.SCIC,
  LegalForm.CAE,
  LegalForm.EMPLOYEE_GROUP,
  LegalForm.ESS_COMPANY,
  LegalForm.LOCAL_AUTHORITY,
  LegalForm.PUBLIC_ESTABLISHMENT,
];

export function legalFormLabel(form: LegalForm): string {
  return LEGAL_FORM_LABELS[form];
}

/**
 * A group of employees founding a cooperative, or a cooperative being created (CAP SCOP-SCIC), may not
 * have its SIRET yet: INSEE gives it at registration.
 */
export function siretRequired(form: LegalForm, cooperativeInCreation: boolean): boolean {
  if (form === LegalForm.EMPLOYEE_GROUP) return false;
  return !(cooperativeInCreation && mayBeCooperativeInCreation(form));
}

/** Only associations have an RNA number (répertoire national des associations). */
export function rnaRequired(form: LegalForm): boolean {
  return form === LegalForm.ASSOCIATION;
}

/** Forms for which the "cooperative being created" box makes sense. */
export function mayBeCooperativeInCreation(form: LegalForm): boolean {
  return form === LegalForm.SCOP || form === LegalForm.SCIC || form === LegalForm.CAE;
}
