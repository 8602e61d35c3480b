import { Form } from "@remix-run/react";
import { useState } from "react";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError, InputField, SelectField } from "~/components/form-field";
import { ROLE_LABELS } from "~/domain/roles";
import { INVITABLE_ROLES, INVITATION_TTL_DAYS } from "~/domain/staff-accounts";

import {
  AccountScopeFields,
  scopeFieldId,
  type ScopeChoices,
  type ScopeValues,
} from "./account-scope-fields";

export const IDENTITY_LABELS = { firstName: "Prénom", lastName: "Nom", email: "Adresse e-mail" };

export interface IdentityValues {
  firstName: string;
  lastName: string;
  email: string;
}

/** Who is invited: the fields the account invitation and a funder organisation's member invitation share. */
export function AccountIdentityFields({
  values,
  errors,
}: {
  values: IdentityValues;
  errors: Record<string, string>;
}) {
  return (
    <>
      <InputField
        name="firstName"
        label={IDENTITY_LABELS.firstName}
        autoComplete="off"
        required
        maxLength={100}
        defaultValue={values.firstName}
        error={errors.firstName}
      />
      <InputField
        name="lastName"
        label={IDENTITY_LABELS.lastName}
        autoComplete="off"
        required
        maxLength={100}
        defaultValue={values.lastName}
        error={errors.lastName}
      />
      <InputField
        name="email"
        type="email"
        label={IDENTITY_LABELS.email}
        hint={`L’invitation y est envoyée\u202f; son lien est valable ${INVITATION_TTL_DAYS} jours.`}
        autoComplete="off"
        required
        defaultValue={values.email}
        error={errors.email}
      />
    </>
  );
}

export type InvitationValues = IdentityValues &
  ScopeValues & { role: string; funderOrganisationId: string; scopeNow: string };

const LABELS = {
  ...IDENTITY_LABELS,
  role: "Rôle",
  funderOrganisationId: "Organisation financeuse",
  schemes: "Dispositifs",
  departmentCodes: "Départements",
  territoryCodes: "Territoires",
};

const FIELD_IDS: Record<string, string> = {
  role: `role-${INVITABLE_ROLES[0]}`,
  scopeNow: "scopeNow-non",
  schemes: scopeFieldId("schemes"),
  departmentCodes: scopeFieldId("departmentCodes"),
  territoryCodes: scopeFieldId("territoryCodes"),
};

export function AccountInviteForm({
  values,
  errors,
  funders,
  scopeChoices,
}: {
  values: InvitationValues;
  errors: Record<string, string>;
  funders: Array<{ id: string; name: string }>;
  scopeChoices: ScopeChoices;
}) {
  // Without JavaScript every field shows; with it, only those the chosen role needs.
  const [role, setRole] = useState(values.role);
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={errors} labels={LABELS} fieldId={(field) => FIELD_IDS[field] ?? field} />
      <AccountIdentityFields values={values} errors={errors} />
      <fieldset className={errors.role ? "field field--error" : "field"}>
        <legend className="field__label">
          Rôle<span className="field__required"> (obligatoire)</span>
        </legend>
        <FieldError id="role-error">{errors.role}</FieldError>
        <div className="choices">
          {INVITABLE_ROLES.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                id={`role-${option}`}
                name="role"
                value={option}
                defaultChecked={values.role === option}
                onChange={() => setRole(option)}
              />{" "}
              {ROLE_LABELS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      {role === "" || role === "FUNDER" ? (
        <SelectField
          name="funderOrganisationId"
          label={LABELS.funderOrganisationId}
          hint={"Pour un compte financeur seulement\u202f: l’organisation qu’il représente."}
          placeholder="Choisir l’organisation…"
          options={funders.map((funder) => ({ value: funder.id, label: funder.name }))}
          defaultValue={values.funderOrganisationId}
          error={errors.funderOrganisationId}
        />
      ) : null}
      {role === "" || role === "INSTRUCTOR" ? (
        <fieldset className="admin-scope">
          <legend>Périmètre d’instruction (instructeur·rice seulement)</legend>
          <p className="field__hint">
            Sans périmètre, l’instructeur·rice ne voit aucun dossier. Vous pouvez le définir maintenant ou
            plus tard, depuis la fiche du compte.
          </p>
          <div className="choices">
            <label className="choice">
              <input
                type="radio"
                id="scopeNow-non"
                name="scopeNow"
                value="non"
                defaultChecked={values.scopeNow !== "oui"}
              />{" "}
              Définir le périmètre plus tard
            </label>
            <label className="choice">
              <input type="radio" name="scopeNow" value="oui" defaultChecked={values.scopeNow === "oui"} />{" "}
              Définir le périmètre maintenant, avec les choix ci-dessous
            </label>
          </div>
          <AccountScopeFields choices={scopeChoices} values={values} errors={errors} />
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button">
          Envoyer l’invitation
        </button>
      </div>
    </Form>
  );
}
