import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError, FieldHint, InputField, SelectField } from "~/components/form-field";
import { CALL_FIELD_LABELS, type CallFormValues } from "~/domain/call-form";
import { CALL_KIND_LABELS, CALL_TITLE_MAX } from "~/domain/calls";

const KIND_HINTS: Record<keyof typeof CALL_KIND_LABELS, string> = {
  CONTINUOUS: "les dossiers sont déposés au fil de l’eau, toute l’année",
  DATED: "les dossiers sont déposés pendant une période fixe",
};

/**
 * Creating or editing a call. `values` are what the admin typed, kept when the server sends the form back.
 * `fixedScheme` names the scheme of a call with dossiers: its scheme and year are then shown, not editable,
 * and sent as they are.
 */
export function CallForm({
  intent,
  submitLabel,
  labelledBy,
  values,
  errors,
  schemes,
  fixedScheme,
}: {
  intent: string;
  submitLabel: string;
  labelledBy: string;
  values: CallFormValues;
  errors: Record<string, string> | undefined;
  schemes: Array<{ value: string; label: string }>;
  fixedScheme?: string | null;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={CALL_FIELD_LABELS} />
      <Form method="post" noValidate aria-labelledby={labelledBy}>
        <input type="hidden" name="intent" value={intent} />
        {fixedScheme ? (
          <>
            <input type="hidden" name="scheme" value={values.scheme} />
            <input type="hidden" name="year" value={values.year} />
            <p>
              {CALL_FIELD_LABELS.scheme} : {fixedScheme} — {CALL_FIELD_LABELS.year} : {values.year}. Des
              dossiers sont rattachés à cet appel&#8239;: son dispositif et son année ne changent plus.
            </p>
            <FieldError id="scheme">{errors?.scheme}</FieldError>
          </>
        ) : (
          <>
            <SelectField
              name="scheme"
              label={CALL_FIELD_LABELS.scheme}
              required
              options={schemes}
              defaultValue={values.scheme}
              error={errors?.scheme}
            />
            <InputField
              name="year"
              label={CALL_FIELD_LABELS.year}
              hint="L’exercice budgétaire dont l’enveloppe est votée, par exemple 2027."
              required
              inputMode="numeric"
              maxLength={4}
              className="field__input field__input--short"
              defaultValue={values.year}
              error={errors?.year}
            />
          </>
        )}
        <InputField
          name="title"
          label={CALL_FIELD_LABELS.title}
          hint="Tel que les instructeur·rices et la Commission permanente le lisent."
          required
          maxLength={CALL_TITLE_MAX}
          defaultValue={values.title}
          error={errors?.title}
        />
        <fieldset
          className={errors?.kind ? "field field--error" : "field"}
          aria-describedby={errors?.kind ? "kind-error" : undefined}
        >
          <legend className="field__label">
            {CALL_FIELD_LABELS.kind}
            <span className="field__required"> (obligatoire)</span>
          </legend>
          <FieldError id="kind-error">{errors?.kind}</FieldError>
          <div className="choices">
            {(Object.keys(CALL_KIND_LABELS) as Array<keyof typeof CALL_KIND_LABELS>).map((kind, index) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  id={index === 0 ? "kind" : undefined}
                  defaultChecked={values.kind === kind}
                />{" "}
                {CALL_KIND_LABELS[kind]} : {KIND_HINTS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        <InputField
          name="opensOn"
          type="date"
          label={CALL_FIELD_LABELS.opensOn}
          hint="Le dépôt ouvre à 0 h (heure de Paris) ce jour-là."
          required
          defaultValue={values.opensOn}
          error={errors?.opensOn}
        />
        <InputField
          name="closesOn"
          type="date"
          label={CALL_FIELD_LABELS.closesOn}
          hint={
            "Le dépôt ferme à 23\u00a0h\u00a059 (heure de Paris) ce jour-là. Obligatoire pour un appel daté\u202f; facultatif pour un dépôt en continu."
          }
          defaultValue={values.closesOn}
          error={errors?.closesOn}
        />
        <InputField
          name="envelope"
          label={CALL_FIELD_LABELS.envelope}
          hint="En euros, par exemple 9 000 000 ou 250 000,50 ; 0 tant qu’elle n’est pas votée."
          required
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.envelope}
          error={errors?.envelope}
        />
        <FieldHint>
          Les périodes de dépôt d’un même dispositif ne peuvent pas se chevaucher&#8239;: un seul appel est
          ouvert à la fois.
        </FieldHint>
        <div className="form-actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
