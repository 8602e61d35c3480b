import { FieldError, FieldHint } from "~/components/form-field";

export interface ScopeChoices {
  schemes: Array<{ code: string; name: string }>;
  departments: Array<{ code: string; name: string }>;
  territories: Array<{ code: string; name: string; departmentCode: string; active: boolean }>;
}

export interface ScopeValues {
  schemes: string[];
  departmentCodes: string[];
  territoryCodes: string[];
}

/** The id of the first box of a group: where the error summary sends the keyboard. */
export const scopeFieldId = (field: string) => `${field}-0`;

function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  name: keyof ScopeValues;
  legend: string;
  hint: string;
  options: Array<{ value: string; label: string }>;
  checked: string[];
  error?: string;
}) {
  return (
    <fieldset className={error ? "field field--error" : "field"} aria-describedby={`${name}-hint`}>
      <legend className="field__label">{legend}</legend>
      <FieldHint id={`${name}-hint`}>{hint}</FieldHint>
      <FieldError id={`${name}-error`}>{error}</FieldError>
      <div className="choices admin-scope__choices">
        {options.map((option, index) => (
          <label key={option.value} className="choice">
            <input
              type="checkbox"
              id={`${name}-${index}`}
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** What an instructor sees: three groups of boxes, an unticked group meaning « all ». */
export function AccountScopeFields({
  choices,
  values,
  errors,
}: {
  choices: ScopeChoices;
  values: ScopeValues;
  errors: Record<string, string>;
}) {
  return (
    <>
      <CheckboxGroup
        name="schemes"
        legend="Dispositifs"
        hint={"Aucune case cochée\u202f: tous les dispositifs."}
        options={choices.schemes.map((scheme) => ({ value: scheme.code, label: scheme.name }))}
        checked={values.schemes}
        error={errors.schemes}
      />
      <CheckboxGroup
        name="departmentCodes"
        legend="Départements"
        hint={"Aucune case cochée\u202f: les six départements."}
        options={choices.departments.map((department) => ({
          value: department.code,
          label: `${department.name} (${department.code})`,
        }))}
        checked={values.departmentCodes}
        error={errors.departmentCodes}
      />
      <CheckboxGroup
        name="territoryCodes"
        legend="Territoires (A VOS ID)"
        hint={
          "Aucune case cochée\u202f: tous les territoires. Un dossier sans territoire n’est visible que si aucun territoire n’est coché."
        }
        options={choices.territories
          // A territory no longer offered stays listed while a scope still names it.
          .filter((territory) => territory.active || values.territoryCodes.includes(territory.code))
          .map((territory) => ({
            value: territory.code,
            label: `${territory.name} (${territory.departmentCode})${territory.active ? "" : " — inactif"}`,
          }))}
        checked={values.territoryCodes}
        error={errors.territoryCodes}
      />
    </>
  );
}
