import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, SelectField } from "~/components/form-field";
import {
  TERRITORY_CODE_MAX,
  TERRITORY_FIELD_LABELS,
  TERRITORY_KIND_LABELS,
  TERRITORY_NAME_MAX,
} from "~/domain/territories";

const KIND_OPTIONS = Object.entries(TERRITORY_KIND_LABELS).map(([value, label]) => ({ value, label }));

/**
 * Creating a territory (with its code) or editing one (its code is shown, never sent: scopes store it).
 * `values` are what the admin typed, kept when the server sends the form back with errors.
 */
export function TerritoryForm({
  intent,
  submitLabel,
  labelledBy,
  values,
  errors,
  departments,
  code,
}: {
  intent: string;
  submitLabel: string;
  labelledBy: string;
  values: Partial<Record<keyof typeof TERRITORY_FIELD_LABELS, string | null>>;
  errors: Record<string, string> | undefined;
  departments: ReadonlyArray<{ code: string; name: string }>;
  /** The fixed code of an existing territory; absent when creating one. */
  code?: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={TERRITORY_FIELD_LABELS} />
      <Form method="post" noValidate aria-labelledby={labelledBy}>
        <input type="hidden" name="intent" value={intent} />
        {code ? (
          <p>
            Code&#8239;: <code>{code}</code> (il ne change pas&#8239;: les périmètres des instructeur·rices le
            mentionnent).
          </p>
        ) : (
          <InputField
            name="code"
            label={TERRITORY_FIELD_LABELS.code}
            hint="Minuscules sans accents, chiffres et tirets, précédés du département, par exemple « 37-tours-metropole ». Il ne pourra plus être modifié."
            required
            maxLength={TERRITORY_CODE_MAX}
            autoComplete="off"
            defaultValue={values.code ?? ""}
            error={errors?.code}
          />
        )}
        <InputField
          name="name"
          label={TERRITORY_FIELD_LABELS.name}
          required
          maxLength={TERRITORY_NAME_MAX}
          defaultValue={values.name ?? ""}
          error={errors?.name}
        />
        <SelectField
          name="kind"
          label={TERRITORY_FIELD_LABELS.kind}
          required
          options={KIND_OPTIONS}
          defaultValue={values.kind ?? ""}
          error={errors?.kind}
        />
        <SelectField
          name="departmentCode"
          label={TERRITORY_FIELD_LABELS.departmentCode}
          hint={
            code
              ? "Les dossiers déjà enregistrés gardent leur département ; les nouveaux prendront celui-ci."
              : undefined
          }
          required
          options={departments.map((department) => ({
            value: department.code,
            label: `${department.name} (${department.code})`,
          }))}
          defaultValue={values.departmentCode ?? ""}
          error={errors?.departmentCode}
        />
        <InputField
          name="leaderGroup"
          label={TERRITORY_FIELD_LABELS.leaderGroup}
          hint="Facultatif : le GAL LEADER qui couvre ce territoire, par exemple « GAL Chinonais »."
          maxLength={TERRITORY_NAME_MAX}
          defaultValue={values.leaderGroup ?? ""}
          error={errors?.leaderGroup}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
