// The organisation profile form, shared by the server (validation of every POST) and the browser
// (react-hook-form). Input is what an HTML form posts: strings, and checkboxes that are "on" or absent.
import { z } from "zod";

import { mayBeCooperativeInCreation, rnaRequired, siretRequired } from "~/domain/legal-forms";
import { LegalForm, MembershipRole } from "~/generated/prisma/enums";
import { parisDay } from "~/domain/paris-time";
import {
  departmentFromPostcode,
  ibanSchema,
  isRegionDepartment,
  postcodeSchema,
  rnaSchema,
  siretSchema,
} from "~/domain/identifiers";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

function requiredText(message: string, max = 200) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `${max} caractères au plus.` });
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? "");

/** French phone numbers, with or without spaces, dots or the +33 prefix. */
const PHONE_PATTERN = /^(?:\+33|0033|0)[1-9]\d{8}$/;

function isoDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/**
 * An optional identifier: empty is allowed here (whether it is required depends on the legal form),
 * anything typed must pass the identifier's own check. Output: the normalised identifier or null.
 */
function optionalIdentifier(schema: z.ZodType<string, string>) {
  return optionalText
    .superRefine((value, ctx) => {
      if (!value) return;
      const result = schema.safeParse(value);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      }
    })
    .transform((value) => (value ? schema.parse(value) : null));
}

export const organisationFormSchema = z
  .object({
    name: requiredText("Indiquez le nom de l’organisation."),
    legalForm: z.enum(LegalForm, { error: "Choisissez la forme juridique de l’organisation." }),
    cooperativeInCreation: checkbox,
    siret: optionalIdentifier(siretSchema),
    rnaNumber: optionalIdentifier(rnaSchema),
    esusApproved: checkbox,
    esusApprovalDate: optionalText,
    addressLine: requiredText("Indiquez l’adresse du siège (numéro et voie)."),
    postcode: postcodeSchema,
    city: requiredText("Indiquez la commune."),
    legalRepresentativeName: requiredText("Indiquez le nom du ou de la représentant·e légal·e."),
    legalRepresentativeRole: requiredText(
      "Indiquez la fonction du ou de la représentant·e légal·e (ex. présidente, gérant).",
    ),
    contactEmail: z
      .string({ error: "Indiquez l’adresse électronique de contact." })
      .trim()
      .toLowerCase()
      .pipe(
        z.email({ error: "Indiquez une adresse électronique valide, par exemple contact@association.fr." }),
      ),
    contactPhone: optionalText
      .refine((value) => !value || PHONE_PATTERN.test(value.replace(/[\s.-]/g, "")), {
        error: "Indiquez un numéro de téléphone français, par exemple 02 38 70 30 30.",
      })
      .transform((value) => (value ? value.replace(/\s+/g, " ") : null)),
    iban: optionalIdentifier(ibanSchema),
    bic: optionalText
      .transform((value) => value.replace(/\s/g, "").toUpperCase())
      .refine((value) => !value || /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value), {
        error: "Indiquez un BIC de 8 ou 11 caractères, par exemple AGRIFRPP.",
      })
      .transform((value) => value || null),
  })
  // Rules that depend on several fields; they run even when a field above is in error, so the person
  // sees every problem at once (except when the legal form itself is missing).
  .superRefine(
    (value, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      const coopInCreation = value.cooperativeInCreation && mayBeCooperativeInCreation(value.legalForm);
      if (!value.siret && siretRequired(value.legalForm, coopInCreation)) {
        issue(
          "siret",
          mayBeCooperativeInCreation(value.legalForm)
            ? "Indiquez le numéro SIRET (14 chiffres), ou cochez « coopérative en cours de création »."
            : "Indiquez le numéro SIRET (14 chiffres) de l’organisation.",
        );
      }
      if (!value.rnaNumber && rnaRequired(value.legalForm)) {
        issue("rnaNumber", "Indiquez le numéro RNA de l’association (W suivi de 9 chiffres).");
      }
      if (value.esusApproved) {
        const date = isoDate(value.esusApprovalDate);
        if (!value.esusApprovalDate) issue("esusApprovalDate", "Indiquez la date de l’agrément ESUS.");
        else if (!date) issue("esusApprovalDate", "Indiquez une date valide, au format jj/mm/aaaa.");
        // Compared as Paris calendar days: at half past midnight, today is not « in the future ».
        else if (value.esusApprovalDate > parisDay(new Date())) {
          issue("esusApprovalDate", "La date de l’agrément ESUS ne peut pas être dans le futur.");
        }
      }
    },
    {
      // Zod skips object refinements once a field has failed; these only need a valid legal form.
      when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "legalForm"),
    },
  )
  .transform((value) => {
    const { esusApprovalDate, cooperativeInCreation, ...rest } = value;
    return {
      ...rest,
      cooperativeInCreation:
        cooperativeInCreation && mayBeCooperativeInCreation(value.legalForm) && !value.siret,
      esusApprovalDate: value.esusApproved ? isoDate(esusApprovalDate) : null,
      departmentCode: departmentFromPostcode(value.postcode),
    };
  });

export type OrganisationFormValues = z.input<typeof organisationFormSchema>;
export type OrganisationInput = z.output<typeof organisationFormSchema>;

/** Whether the seat is in Centre-Val de Loire: outside organisations may register but not apply. */
export function organisationInRegion(postcode: string | null | undefined): boolean | null {
  if (!postcode) return null;
  const department = departmentFromPostcode(postcode);
  return department ? isRegionDepartment(department) : false;
}

export const OUTSIDE_REGION_NOTICE =
  "Le code postal indiqué est hors de la région Centre-Val de Loire. Vous pouvez enregistrer l’organisation, mais les dispositifs de la Région exigent que son siège ou son activité principale soit dans la région (Cher, Eure-et-Loir, Indre, Indre-et-Loire, Loir-et-Cher, Loiret).";

/** The text fields of a posted form, to validate and to send back on error so nothing typed is lost. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") fields[key] = value;
  return fields;
}

export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<MembershipRole, string>> = {
  [MembershipRole.OWNER]: "Responsable",
  [MembershipRole.MEMBER]: "Membre",
};

/** The owner's invitation form. */
export const invitationFormSchema = z.object({
  email: z
    .string({ error: "Indiquez l’adresse électronique de la personne à inviter." })
    .trim()
    .toLowerCase()
    .min(1, { error: "Indiquez l’adresse électronique de la personne à inviter." })
    .pipe(z.email({ error: "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr." })),
  role: z.enum(MembershipRole, { error: "Choisissez le rôle de la personne invitée." }),
});
