// Asking the applicant for a correction: which answers (by step, with their labels) and which pieces to
// change, why, and by when. Posts without JavaScript; what was ticked and typed survives a refusal.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError, InputField, TextAreaField } from "~/components/form-field";
import { TRANSITIONS } from "~/domain/dossier-workflow";

import { formState, type DossierActionResult, type DossierPageData } from "./dossier-action-result";

const LABELS = {
  fields: "Éléments à corriger",
  reason: "Motif",
  replyBy: "Date limite de réponse",
};

export function DossierCorrectionForm({
  form: options,
  revision,
  result,
}: {
  form: DossierPageData["correctionForm"];
  revision: number;
  result?: DossierActionResult;
}) {
  const form = formState(result, "REQUEST_CORRECTION");
  const fields = new Set(form.values("fields"));
  const pieces = new Set(form.values("attachmentKinds"));
  return (
    <Form method="post" className="instruction-form" noValidate aria-labelledby="correction-titre">
      <h3 id="correction-titre">{TRANSITIONS.REQUEST_CORRECTION.label}</h3>
      <ErrorSummary errors={form.errors} labels={LABELS} />
      <p>{TRANSITIONS.REQUEST_CORRECTION.effects}</p>
      <input type="hidden" name="intent" value="REQUEST_CORRECTION" />
      <input type="hidden" name="revision" value={revision} />
      <div
        id="fields"
        tabIndex={-1}
        className={form.errors.fields ? "field field--error" : "field"}
        aria-describedby={form.errors.fields ? "fields-error" : undefined}
      >
        <p className="field__label">Ce que le porteur de projet doit corriger</p>
        <FieldError id="fields-error">{form.errors.fields}</FieldError>
        {options.steps.map((step) => (
          <fieldset key={step.id} className="instruction-checks">
            <legend>Étape « {step.title} »</legend>
            {step.fields.map((field) => (
              <div className="checkbox" key={field.name}>
                <input
                  type="checkbox"
                  id={`champ-${field.name}`}
                  name="fields"
                  value={field.name}
                  defaultChecked={fields.has(field.name)}
                />
                <label htmlFor={`champ-${field.name}`}>{field.label}</label>
              </div>
            ))}
          </fieldset>
        ))}
        {options.pieces.length > 0 ? (
          <fieldset className="instruction-checks">
            <legend>Pièces justificatives</legend>
            {options.pieces.map((piece) => (
              <div className="checkbox" key={piece.kind}>
                <input
                  type="checkbox"
                  id={`piece-${piece.kind}`}
                  name="attachmentKinds"
                  value={piece.kind}
                  defaultChecked={pieces.has(piece.kind)}
                />
                <label htmlFor={`piece-${piece.kind}`}>{piece.label}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
      </div>
      <TextAreaField
        name="reason"
        label="Motif de la demande"
        hint="Le porteur de projet le lit dans le courriel et sur la page de son dossier."
        required
        rows={4}
        defaultValue={form.value("reason")}
        error={form.errors.reason}
      />
      <InputField
        name="replyBy"
        type="date"
        label="Date limite de réponse"
        hint="Entre 3 et 90 jours à compter d’aujourd’hui."
        required
        className="field__input field__input--short"
        defaultValue={form.value("replyBy") ?? options.defaultReplyBy}
        error={form.errors.replyBy}
      />
      <button type="submit" className="button">
        Envoyer la demande de correction
      </button>
    </Form>
  );
}
