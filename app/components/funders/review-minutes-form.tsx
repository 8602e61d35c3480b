import { Form } from "@remix-run/react";

import { minutesFieldId, minutesFieldName, REVIEW_MINUTES_MAX } from "~/domain/project-review";

/** The minutes of a held review, one text per dossier examined. */
export function ReviewMinutesForm({
  items,
  errors,
  values,
}: {
  items: Array<{ dossierId: string; number: string; title: string; minutes: string }>;
  errors?: Record<string, string>;
  values?: Record<string, string> | null;
}) {
  return (
    <Form method="post" className="review-form">
      <input type="hidden" name="intent" value="minutes" />
      {items.map((item) => {
        const field = minutesFieldName(item.dossierId);
        return (
          <MinutesField
            key={item.dossierId}
            field={field}
            label={`${item.number} — ${item.title}`}
            defaultValue={values?.[field] ?? item.minutes}
            error={errors?.[field]}
          />
        );
      })}
      <button type="submit" className="button">
        Enregistrer le compte rendu
      </button>
    </Form>
  );
}

// The control's id has no dot (it is a fragment the error summary links to); its name keeps the dossier id.
function MinutesField(props: { field: string; label: string; defaultValue: string; error?: string }) {
  const id = minutesFieldId(props.field);
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {REVIEW_MINUTES_MAX.toLocaleString("fr-FR")} caractères au plus.
      </p>
      {props.error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">Erreur : </span>
          {props.error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.field}
        rows={5}
        maxLength={REVIEW_MINUTES_MAX}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className="field__input"
      />
    </div>
  );
}
