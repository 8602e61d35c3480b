// What still stands between a dossier and its filing, each item with a link to where it is fixed: the
// answers, the organisation's profile, the required attachments and the eligibility re-check.
import { LEGAL_FORMS } from "~/domain/eligibility/evaluate";
import type { LegalFormAnswer, Situation } from "~/domain/eligibility/situation";
import { isRegionDepartment } from "~/domain/identifiers";
import { mayBeCooperativeInCreation, rnaRequired } from "~/domain/legal-forms";
import type { RequiredAttachment } from "~/domain/schemes";
import { LegalForm } from "~/generated/prisma/enums";

import type { AnswerIssue } from "./dossier-forms";

export interface ChecklistItem {
  /** Where to go to fix it (a step page with the field's anchor, the profile, the attachments page). */
  href: string;
  label: string;
  message: string;
}

export interface ChecklistSection {
  title: string;
  items: ChecklistItem[];
}

export interface OrganisationProfile {
  id: string;
  legalForm: LegalForm;
  siret: string | null;
  rnaNumber: string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  departmentCode: string | null;
  legalRepresentativeName: string | null;
  contactEmail: string | null;
  iban: string | null;
}

/** The profile fields a dossier needs: they are printed on the receipt and used to pay the subsidy. */
export function organisationProblems(organisation: OrganisationProfile): ChecklistItem[] {
  const href = (field: string) => `/organisations/${organisation.id}#organisation-${field}`;
  const problems: ChecklistItem[] = [];
  const need = (field: string, label: string, present: unknown, message = "À renseigner dans le profil.") => {
    if (!present) problems.push({ href: href(field), label, message });
  };
  const inCreation =
    organisation.legalForm === LegalForm.EMPLOYEE_GROUP || mayBeCooperativeInCreation(organisation.legalForm);
  if (!inCreation) need("siret", "Numéro SIRET", organisation.siret);
  if (rnaRequired(organisation.legalForm)) need("rnaNumber", "Numéro RNA", organisation.rnaNumber);
  need("addressLine", "Adresse", organisation.addressLine);
  need("postcode", "Code postal", organisation.postcode);
  need("city", "Commune", organisation.city);
  need("legalRepresentativeName", "Représentant·e légal·e", organisation.legalRepresentativeName);
  need("contactEmail", "Courriel de contact", organisation.contactEmail);
  if (organisation.legalForm !== LegalForm.EMPLOYEE_GROUP) need("iban", "IBAN", organisation.iban);
  if (organisation.postcode && !isRegionDepartment(organisation.departmentCode)) {
    problems.push({
      href: href("postcode"),
      label: "Code postal",
      message: "Le siège doit être en Centre-Val de Loire pour déposer un dossier auprès de la Région.",
    });
  }
  return problems;
}

/** The organisation part of the eligibility situation, from its profile. */
export function organisationSituation(
  organisation: Pick<OrganisationProfile, "legalForm" | "departmentCode">,
): NonNullable<Situation["organisation"]> {
  const answer = (Object.entries(LEGAL_FORMS) as Array<[LegalFormAnswer, LegalForm | null]>).find(
    ([, form]) => form === organisation.legalForm,
  )?.[0];
  return { legalForm: answer, department: organisation.departmentCode ?? undefined };
}

export function answerItems(dossierId: string, issues: readonly AnswerIssue[]): ChecklistItem[] {
  return issues.map((issue) => ({
    href: `/dossiers/${dossierId}/etapes/${issue.stepId}#${issue.fieldId}`,
    label: issue.label,
    message: issue.message,
  }));
}

export function attachmentItems(
  dossierId: string,
  required: readonly RequiredAttachment[],
  present: ReadonlySet<string>,
  notNeeded: ReadonlySet<string> = new Set(),
): ChecklistItem[] {
  return required
    .filter((attachment) => !present.has(attachment.kind) && !notNeeded.has(attachment.kind))
    .map((attachment) => ({
      href: `/dossiers/${dossierId}/pieces#piece-${attachment.kind}`,
      label: attachment.label,
      message: "Pièce à joindre.",
    }));
}
