// The form of a draft rule set: every parameter of the scheme, section by section, each with its label,
// hint and error. Posts without JavaScript (intent=save); what was typed comes back with the errors.
import { Form } from "@remix-run/react";

import { FieldError, FieldHint, InputField, SelectField, TextAreaField } from "~/components/form-field";
import {
  PARAMETER_SECTIONS,
  parameterFields,
  type ParameterField,
  type ParameterFormValues,
  type ParameterSection,
} from "~/domain/schemes/parameter-form";
import type { SchemeCode } from "~/generated/prisma/enums";

const textOf = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join("\n") : (value ?? "");

function describedBy(name: string, hint: unknown, error: unknown) {
  return (
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined
  );
}

function ParameterInput({
  field,
  value,
  error,
}: {
  field: ParameterField;
  value: string | string[] | undefined;
  error?: string;
}) {
  const common = { name: field.name, label: field.label, hint: field.hint, error };
  switch (field.kind) {
    case "boolean":
      return (
        <div className={error ? "field field--error" : "field"}>
          <FieldError id={`${field.name}-error`}>{error}</FieldError>
          <div className="checkbox">
            <input
              type="checkbox"
              id={field.name}
              name={field.name}
              value="oui"
              defaultChecked={value === "oui"}
              aria-describedby={describedBy(field.name, field.hint, error)}
            />
            <label htmlFor={field.name}>{field.label}</label>
          </div>
          <FieldHint id={`${field.name}-hint`}>{field.hint}</FieldHint>
        </div>
      );
    case "checkboxes": {
      const checked = new Set(Array.isArray(value) ? value : value ? [value] : []);
      return (
        <fieldset
          className={error ? "field field--error" : "field"}
          id={field.name}
          tabIndex={-1}
          aria-describedby={describedBy(field.name, field.hint, error)}
        >
          <legend className="field__label">{field.label}</legend>
          <FieldHint id={`${field.name}-hint`}>{field.hint}</FieldHint>
          <FieldError id={`${field.name}-error`}>{error}</FieldError>
          <div className="field__choices">
            {field.options.map((option) => (
              <div className="field__choice checkbox" key={option.value}>
                <input
                  type="checkbox"
                  id={`${field.name}-${option.value}`}
                  name={field.name}
                  value={option.value}
                  defaultChecked={checked.has(option.value)}
                />
                <label htmlFor={`${field.name}-${option.value}`}>{option.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      );
    }
    case "choice":
      return <SelectField {...common} required options={[...field.options]} defaultValue={textOf(value)} />;
    case "lines":
    case "text": {
      const text = textOf(value);
      return (
        <TextAreaField
          {...common}
          required
          defaultValue={text}
          rows={Math.min(12, Math.max(3, text.split("\n").length + 1))}
          maxLength={field.kind === "text" ? 2000 : 10_000}
        />
      );
    }
    default:
      return (
        <InputField
          {...common}
          required
          defaultValue={textOf(value)}
          inputMode={field.kind === "euros" || field.kind === "decimal" ? "decimal" : "numeric"}
          autoComplete="off"
          spellCheck={false}
          className={`field__input ${field.kind === "euros" ? "field__input--medium" : "field__input--short"}`}
        />
      );
  }
}

/** Labels of the fields, for the error summary's links. */
export function ruleSetFieldLabels(code: SchemeCode): Record<string, string> {
  return Object.fromEntries(parameterFields(code).map((field) => [field.name, field.label]));
}

export function RuleSetForm({
  schemeCode,
  values,
  errors,
}: {
  schemeCode: SchemeCode;
  values: ParameterFormValues;
  errors: Record<string, string>;
}) {
  const fields = parameterFields(schemeCode);
  const sections = Object.keys(PARAMETER_SECTIONS) as ParameterSection[];
  return (
    <Form method="post" noValidate aria-labelledby="parametres-titre">
      <input type="hidden" name="intent" value="save" />
      {sections.map((section) => {
        const inSection = fields.filter((field) => field.section === section);
        if (inSection.length === 0) return null;
        return (
          <fieldset key={section}>
            <legend>{PARAMETER_SECTIONS[section]}</legend>
            {inSection.map((field) => (
              <ParameterInput
                key={field.name}
                field={field}
                value={values[field.name]}
                error={errors[field.name]}
              />
            ))}
          </fieldset>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button">
          Enregistrer le brouillon
        </button>
      </div>
    </Form>
  );
}
