// Publishing a draft (effective date and deliberation) and deleting it: two forms, each its own intent.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError, InputField } from "~/components/form-field";

export function RuleSetDraftActions({
  today,
  publish,
}: {
  /** The Paris day, as `<input type="date">` writes it: the earliest effective date. */
  today: string;
  publish: { errors: Record<string, string>; values: { effectiveDate: string; deliberation: string } } | null;
}) {
  const errors = publish?.errors;
  return (
    <>
      <h2 id="publier">Publier cette version</h2>
      <p>
        À partir de la date d’entrée en vigueur, l’éligibilité est jugée et les dossiers sont déposés selon
        cette version&#8239;; les dossiers déjà déposés gardent la leur. Une fois publiée, la version ne peut
        plus être modifiée.
      </p>
      <ErrorSummary
        errors={errors}
        labels={{
          effectiveDate: "Date d’entrée en vigueur",
          deliberation: "Délibération",
          confirm: "Confirmation",
        }}
        fieldId={(field) => (field === "form" ? undefined : field)}
      />
      <Form method="post" noValidate aria-labelledby="publier">
        <input type="hidden" name="intent" value="publish" />
        <InputField
          name="effectiveDate"
          type="date"
          label="Date d’entrée en vigueur"
          hint="Aujourd’hui ou plus tard, et pas avant la date d’effet de la version précédente."
          required
          min={today}
          defaultValue={publish?.values.effectiveDate ?? today}
          error={errors?.effectiveDate}
        />
        <InputField
          name="deliberation"
          label="Délibération"
          hint={"Par exemple «\u00a0CP n°\u00a026.11.05 du 20/11/2026\u00a0»."}
          required
          maxLength={200}
          defaultValue={publish?.values.deliberation}
          error={errors?.deliberation}
        />
        <div className={errors?.confirm ? "field field--checkbox field--error" : "field field--checkbox"}>
          <input
            type="checkbox"
            id="confirm"
            name="confirm"
            value="oui"
            required
            aria-describedby={errors?.confirm ? "confirm-error" : undefined}
            aria-invalid={errors?.confirm ? true : undefined}
          />
          <label htmlFor="confirm">
            Je confirme la publication&#8239;: elle est définitive, la version ne pourra plus être modifiée ni
            retirée.
          </label>
          <FieldError id="confirm-error">{errors?.confirm}</FieldError>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Publier la version
          </button>
        </div>
      </Form>

      <h2 id="supprimer">Abandonner ce brouillon</h2>
      <Form method="post" aria-labelledby="supprimer">
        <input type="hidden" name="intent" value="delete" />
        <p>Le brouillon est supprimé&#8239;; les versions publiées ne changent pas.</p>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            Supprimer le brouillon
          </button>
        </div>
      </Form>
    </>
  );
}
