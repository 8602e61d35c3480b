// Private notes of the instruction service: never shown to the applicant nor to the funders.
import { Form } from "@remix-run/react";

import { MessageThread } from "~/components/dossier/message-thread";
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
      <MessageThread
        messages={notes.map((note) => ({ ...note, fromRegion: true }))}
        emptyText="Aucune note pour l’instant."
      />
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
