// One field of a dossier step, labelled, with its hint and error linked for screen readers. Inputs are
// uncontrolled: they post as they are without JavaScript, and react-hook-form registers them with it.
import type { FocusEvent } from "react";
import type { UseFormRegister } from "react-hook-form";

import { FieldError, FieldHint } from "~/components/form-field";
import type { FieldDef } from "~/domain/dossier-forms";

export interface FieldInputProps {
  field: FieldDef;
  /** The posted name: `title`, or `jobs.0.title` in a repeated group. */
  name: string;
  id: string;
  value: string;
  error?: string;
  register?: UseFormRegister<Record<string, unknown>>;
}

const INPUT_MODE: Partial<Record<FieldDef["kind"], "decimal" | "numeric">> = {
  euros: "decimal",
  decimal: "decimal",
  integer: "numeric",
  siret: "numeric",
};

/**
 * Checks a field when it is left, except when it is left for a submit button: an error appearing then
 * would push the button away before the click lands, and the server checks the form it receives anyway.
 */
function withoutCheckOnSubmit<T extends { onBlur: (event: FocusEvent<never>) => unknown }>(registered: T): T {
  return {
    ...registered,
    onBlur: (event: FocusEvent<never>) => {
      const next = event.relatedTarget as HTMLElement | null;
      if (next instanceof HTMLButtonElement && next.type === "submit") return;
      return registered.onBlur(event);
    },
  };
}

export function FieldInput({ field, name, id, value, error, register }: FieldInputProps) {
  const hintId = field.hint ? `${id}-indication` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const registered = register ? withoutCheckOnSubmit(register(name)) : { name };
  const common = {
    ...registered,
    id,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    className: `field__input${field.width ? ` field__input--${field.width}` : ""}`,
  };
  const required = field.required ? null : <span className="field__optional"> (facultatif)</span>;
  const hint = <FieldHint id={hintId}>{field.hint}</FieldHint>;
  const errorText = <FieldError id={errorId}>{error}</FieldError>;

  if (field.kind === "radio") {
    return (
      <fieldset
        className={error ? "field field--error" : "field"}
        id={id}
        tabIndex={-1}
        aria-describedby={describedBy}
      >
        <legend className="field__label">
          {field.label}
          {required}
        </legend>
        {hint}
        {errorText}
        <div className="field__choices">
          {field.options?.map((option, index) => (
            <div className="field__choice" key={option.value}>
              <input
                {...(register ? withoutCheckOnSubmit(register(name)) : { name })}
                type="radio"
                id={`${id}-${index}`}
                value={option.value}
                defaultChecked={value === option.value}
              />
              <label htmlFor={`${id}-${index}`}>{option.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }

  let control;
  if (field.kind === "textarea") {
    control = <textarea {...common} rows={5} defaultValue={value} />;
  } else if (field.kind === "select") {
    control = (
      <select {...common} defaultValue={value}>
        <option value="">Choisir…</option>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type={field.kind === "date" ? "date" : "text"}
        inputMode={INPUT_MODE[field.kind]}
        autoComplete="off"
        spellCheck={field.kind === "text" ? undefined : false}
        defaultValue={value}
      />
    );
  }
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {field.label}
        {required}
      </label>
      {hint}
      {errorText}
      {field.kind === "euros" ? (
        <div className="field__with-unit">
          {control}
          <span aria-hidden="true">€</span>
        </div>
      ) : (
        control
      )}
    </div>
  );
}
