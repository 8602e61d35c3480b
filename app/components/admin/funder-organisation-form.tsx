import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, SelectField } from "~/components/form-field";
import { FUNDER_KIND_LABELS } from "~/domain/funder-kinds";

export const FUNDER_ORGANISATION_LABELS = { name: "Nom de l’organisation", kind: "Type d’organisation" };

export interface FunderOrganisationValues {
  name: string;
  kind: string;
}

/** Name and kind of a funder organisation: the creation form, and the renaming one on its page. */
export function FunderOrganisationForm({
  intent,
  values,
  errors,
  submitLabel,
}: {
  intent: string;
  values: FunderOrganisationValues;
  errors?: Record<string, string>;
  submitLabel: string;
}) {
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={errors} labels={FUNDER_ORGANISATION_LABELS} />
      <input type="hidden" name="intent" value={intent} />
      <InputField
        name="name"
        label={FUNDER_ORGANISATION_LABELS.name}
        required
        maxLength={120}
        defaultValue={values.name}
        error={errors?.name}
      />
      <SelectField
        name="kind"
        label={FUNDER_ORGANISATION_LABELS.kind}
        required
        options={Object.entries(FUNDER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        defaultValue={values.kind}
        error={errors?.kind}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
