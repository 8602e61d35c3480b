// Private notes of the instruction service: never shown to the applicant nor to the funders.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { TextAreaField } from "~/components/form-field";

import { formState, type DossierActionResult, type DossierPageData } from "./dossier-action-result";

export function DossierNotes({
  notes,
  result,
}: {
  notes: DossierPageData["notes"];
  result?: DossierActionResult;
}) {
  const form = formState(result, "note");
  return (
    <section aria-labelledby="notes" className="instruction-notes">
      <h2 id="notes">Notes internes — jamais visibles du porteur de projet ni des financeurs</h2>
      {notes.length === 0 ? (
        <p>Aucune note pour l’instant.</p>
      ) : (
        <ol className="thread">
          {notes.map((note) => (
            <li key={note.id} className="message message--region">
              <p className="message__meta">
                <strong>{note.author}</strong>, le <time dateTime={note.iso}>{note.at}</time>
              </p>
              <p className="message__body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <Form method="post" noValidate className="instruction-form" key={notes.length}>
        <ErrorSummary errors={form.errors} labels={{ noteBody: "Note" }} />
        <input type="hidden" name="intent" value="note" />
        <TextAreaField
          name="noteBody"
          label="Nouvelle note interne"
          required
          rows={4}
          maxLength={5000}
          defaultValue={form.value("noteBody")}
          error={form.errors.noteBody}
        />
        <button type="submit" className="button button--secondary">
          Ajouter la note
        </button>
      </Form>
    </section>
  );
}
