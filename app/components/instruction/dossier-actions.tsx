// What the instructor (or an administrator) may do with the dossier in its status, as the state machine
// says: one form per action, each carrying the revision the page shows so two people never overwrite
// each other silently.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { TextAreaField } from "~/components/form-field";
import { TRANSITIONS, type Transition } from "~/domain/dossier-workflow";

import { formState, type DossierActionResult, type DossierPageData } from "./dossier-action-result";
import { DossierCorrectionForm } from "./dossier-correction-form";
import { DossierOpinionForm } from "./dossier-opinion-form";

/** A move that only needs its reason: its intent, title, button and effects are the state machine's. */
function ReasonForm({
  transition,
  name,
  label,
  hint,
  revision,
  result,
}: {
  transition: "CLOSE" | "REOPEN";
  name: string;
  label: string;
  hint: string;
  revision: number;
  result?: DossierActionResult;
}) {
  const intent = transition;
  const form = formState(result, intent);
  const { label: title, effects } = TRANSITIONS[transition];
  return (
    <Form method="post" className="instruction-form" noValidate aria-labelledby={`${intent}-titre`}>
      <h3 id={`${intent}-titre`}>{title}</h3>
      <ErrorSummary errors={form.errors} labels={{ [name]: label }} />
      <p>{effects}</p>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      <TextAreaField
        name={name}
        label={label}
        hint={hint}
        required
        rows={3}
        defaultValue={form.value(name)}
        error={form.errors[name]}
      />
      <button type="submit" className="button button--secondary">
        {title}
      </button>
    </Form>
  );
}

export function DossierActions({
  data,
  result,
}: {
  data: Pick<DossierPageData, "transitions" | "correctionForm" | "opinionForm" | "dossier">;
  result?: DossierActionResult;
}) {
  const { transitions, dossier } = data;
  const can = (transition: Transition) => transitions.includes(transition);
  const start = formState(result, "START_INSTRUCTION");
  const offered: Transition[] = ["START_INSTRUCTION", "REQUEST_CORRECTION", "PROPOSE", "CLOSE", "REOPEN"];
  if (!offered.some(can)) {
    return <p>Aucune action d’instruction n’est possible à cette étape.</p>;
  }
  return (
    <div className="instruction-actions">
      {can("START_INSTRUCTION") ? (
        <Form method="post" className="instruction-form">
          <ErrorSummary errors={start.errors} />
          <input type="hidden" name="intent" value="START_INSTRUCTION" />
          <input type="hidden" name="revision" value={dossier.revision} />
          <p>{TRANSITIONS.START_INSTRUCTION.effects}</p>
          <button type="submit" className="button">
            {TRANSITIONS.START_INSTRUCTION.label}
          </button>
        </Form>
      ) : null}
      {can("REQUEST_CORRECTION") ? (
        <DossierCorrectionForm form={data.correctionForm} revision={dossier.revision} result={result} />
      ) : null}
      {can("PROPOSE") ? (
        <DossierOpinionForm form={data.opinionForm} revision={dossier.revision} result={result} />
      ) : null}
      {can("CLOSE") ? (
        <ReasonForm
          transition="CLOSE"
          name="closeReason"
          label="Motif de la clôture"
          hint="Envoyé au porteur de projet et inscrit dans l’historique du dossier."
          revision={dossier.revision}
          result={result}
        />
      ) : null}
      {can("REOPEN") ? (
        <ReasonForm
          transition="REOPEN"
          name="reopenReason"
          label="Motif de la réouverture"
          hint="Envoyé au porteur de projet ; le dossier reprend en instruction."
          revision={dossier.revision}
          result={result}
        />
      ) : null}
    </div>
  );
}
