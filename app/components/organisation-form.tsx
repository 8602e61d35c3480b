// The organisation profile form (creation and edition). Works without JavaScript: every field is always
// shown, with a hint saying when it is required; with JavaScript the out-of-region notice follows the
// postcode as it is typed.
import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";

import { LEGAL_FORM_LABELS, LEGAL_FORMS } from "~/domain/legal-forms";
import { organisationInRegion, OUTSIDE_REGION_NOTICE } from "~/domain/organisation-schema";

export type OrganisationFormFieldName =
  | "name"
  | "legalForm"
  | "cooperativeInCreation"
  | "siret"
  | "rnaNumber"
  | "esusApproved"
  | "esusApprovalDate"
  | "addressLine"
  | "postcode"
  | "city"
  | "legalRepresentativeName"
  | "legalRepresentativeRole"
  | "contactEmail"
  | "contactPhone"
  | "iban"
  | "bic";

export type OrganisationFormState = Partial<Record<OrganisationFormFieldName, string>>;

/** Field labels, also used by the error summary. */
export const ORGANISATION_FIELD_LABELS: Record<OrganisationFormFieldName, string> = {
  name: "Nom de l’organisation",
  legalForm: "Forme juridique",
  cooperativeInCreation: "Coopérative en cours de création",
  siret: "Numéro SIRET",
  rnaNumber: "Numéro RNA",
  esusApproved: "Agrément ESUS",
  esusApprovalDate: "Date de l’agrément ESUS",
  addressLine: "Adresse",
  postcode: "Code postal",
  city: "Commune",
  legalRepresentativeName: "Nom et prénom",
  legalRepresentativeRole: "Fonction",
  contactEmail: "Adresse électronique de contact",
  contactPhone: "Téléphone",
  iban: "IBAN",
  bic: "BIC",
};

/** The id of a field's input, for labels and the error summary's links. */
export function organisationFieldId(name: OrganisationFormFieldName): string {
  return `organisation-${name}`;
}

interface FieldProps {
  name: OrganisationFormFieldName;
  hint?: string;
  error?: string;
  optional?: boolean;
  /** Short fields (dates, postcodes, codes) need not span the form. */
  width?: "short" | "medium";
  children: (attributes: {
    id: string;
    name: string;
    className: string;
    "aria-describedby"?: string;
    "aria-invalid"?: true;
  }) => ReactNode;
}

function Field({ name, hint, error, optional, width, children }: FieldProps) {
  const id = organisationFieldId(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {ORGANISATION_FIELD_LABELS[name]}
        {optional ? <span className="field__optional"> (facultatif)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Erreur : </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        name,
        className: `field__input${width ? ` field__input--${width}` : ""}`,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": true as const } : {}),
      })}
    </div>
  );
}

function Checkbox({
  name,
  checked,
  hint,
  error,
}: {
  name: OrganisationFormFieldName;
  checked: boolean;
  hint?: string;
  error?: string;
}) {
  const id = organisationFieldId(name);
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        name={name}
        defaultChecked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={error ? true : undefined}
      />
      <div>
        <label htmlFor={id}>{ORGANISATION_FIELD_LABELS[name]}</label>
        {hint ? (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export interface OrganisationFormProps {
  values: OrganisationFormState;
  errors: OrganisationFormState;
  submitLabel: string;
  /** Set when the page has several forms. */
  intent?: string;
  /** Where to go once saved (a same-site path), when the person was on their way somewhere. */
  redirectTo?: string;
}

export function OrganisationForm({ values, errors, submitLabel, intent, redirectTo }: OrganisationFormProps) {
  const [postcode, setPostcode] = useState(values.postcode ?? "");
  const inRegion = /^\d{5}$/.test(postcode.trim()) ? organisationInRegion(postcode.trim()) : null;
  const text = (name: OrganisationFormFieldName, type = "text", autoComplete?: string, extra = {}) => (
    <Field name={name} error={errors[name]} {...extra}>
      {(attributes) => (
        <input {...attributes} type={type} defaultValue={values[name] ?? ""} autoComplete={autoComplete} />
      )}
    </Field>
  );

  return (
    <Form method="post" noValidate className="form">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <fieldset>
        <legend>Identité</legend>
        {text("name", "text", "organization")}
        <Field name="legalForm" error={errors.legalForm}>
          {(attributes) => (
            <select {...attributes} defaultValue={values.legalForm ?? ""}>
              <option value="">Choisir une forme juridique</option>
              {LEGAL_FORMS.map((form) => (
                <option key={form} value={form}>
                  {LEGAL_FORM_LABELS[form]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Checkbox
          name="cooperativeInCreation"
          checked={values.cooperativeInCreation === "on"}
          hint="SCOP, SCIC ou CAE pas encore immatriculée : le numéro SIRET pourra être ajouté plus tard."
        />
        <Field
          name="siret"
          width="medium"
          error={errors.siret}
          hint="14 chiffres, sur l’avis de situation INSEE. Facultatif pour un groupe de salarié·es ou une coopérative en cours de création."
        >
          {(attributes) => (
            <input {...attributes} type="text" inputMode="numeric" defaultValue={values.siret ?? ""} />
          )}
        </Field>
        <Field
          name="rnaNumber"
          width="medium"
          error={errors.rnaNumber}
          hint="Obligatoire pour une association : W suivi de 9 chiffres, par exemple W452001234."
        >
          {(attributes) => <input {...attributes} type="text" defaultValue={values.rnaNumber ?? ""} />}
        </Field>
        <Checkbox
          name="esusApproved"
          checked={values.esusApproved === "on"}
          hint="Agrément « entreprise solidaire d’utilité sociale » délivré par la préfecture."
        />
        {text("esusApprovalDate", "date", undefined, {
          width: "short",
          hint: "Obligatoire si l’organisation a l’agrément ESUS.",
        })}
      </fieldset>

      <fieldset>
        <legend>Siège</legend>
        {text("addressLine", "text", "address-line1")}
        <Field name="postcode" error={errors.postcode} hint="5 chiffres, par exemple 45000." width="short">
          {(attributes) => (
            <input
              {...attributes}
              type="text"
              inputMode="numeric"
              autoComplete="postal-code"
              defaultValue={values.postcode ?? ""}
              onChange={(event) => setPostcode(event.currentTarget.value)}
            />
          )}
        </Field>
        <div role="status">
          {inRegion === false ? <p className="notice">{OUTSIDE_REGION_NOTICE}</p> : null}
        </div>
        {text("city", "text", "address-level2")}
      </fieldset>

      <fieldset>
        <legend>Représentant·e légal·e</legend>
        {text("legalRepresentativeName", "text", "name")}
        {text("legalRepresentativeRole", "text", "organization-title", {
          hint: "Par exemple : présidente, gérant, maire.",
        })}
      </fieldset>

      <fieldset>
        <legend>Contact</legend>
        {text("contactEmail", "email", "email")}
        {text("contactPhone", "tel", "tel", { optional: true })}
      </fieldset>

      <fieldset>
        <legend>Coordonnées bancaires</legend>
        <p className="field__hint">
          Le compte sur lequel la Région versera une aide accordée ; il doit être au nom de l’organisation.
        </p>
        {text("iban", "text", "off", {
          optional: true,
          hint: "27 caractères pour un compte en France, par exemple FR76 3000 6000 0112 3456 7890 189.",
        })}
        {text("bic", "text", "off", {
          optional: true,
          width: "medium",
          hint: "8 ou 11 caractères, par exemple AGRIFRPP.",
        })}
      </fieldset>

      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
