import type { InputHTMLAttributes, ReactNode } from "react";

interface FieldProps {
  /** The control's name and id (the error summary links to `#name`). */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

function describedBy(name: string, hint: unknown, error: unknown) {
  return (
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined
  );
}

/** A field's hint, referenced by its control's aria-describedby. */
export function FieldHint({ id, children }: { id?: string; children: ReactNode }) {
  return children ? (
    <p id={id} className="field__hint">
      {children}
    </p>
  ) : null;
}

/** A field's error, announced as such by screen readers. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return children ? (
    <p id={id} className="field__error">
      <span className="visually-hidden">Erreur : </span>
      {children}
    </p>
  ) : null;
}

function FieldFrame({ name, label, hint, error, required, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name} className="field__label">
        {label}
        {required ? <span className="field__required"> (obligatoire)</span> : null}
      </label>
      <FieldHint id={`${name}-hint`}>{hint}</FieldHint>
      <FieldError id={`${name}-error`}>{error}</FieldError>
      {children}
    </div>
  );
}

type InputFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "required">;

/** A labelled input with its hint and error, linked for screen readers. */
export function InputField({ name, label, hint, error, required, ...input }: InputFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} required={required}>
      <input
        id={name}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="field__input"
        {...input}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = FieldProps & {
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  placeholder?: string;
};

export function SelectField({
  name,
  label,
  hint,
  error,
  required,
  options,
  defaultValue,
  placeholder,
}: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} required={required}>
      <select
        id={name}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="field__input"
      >
        <option value="">{placeholder ?? "Choisir…"}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = FieldProps & { defaultValue?: string; rows?: number; maxLength?: number };

export function TextAreaField({
  name,
  label,
  hint,
  error,
  required,
  defaultValue,
  rows = 5,
  maxLength,
}: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={name}
        name={name}
        required={required}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="field__input"
      />
    </FieldFrame>
  );
}
