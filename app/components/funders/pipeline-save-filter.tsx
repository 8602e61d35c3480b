import { Form } from "@remix-run/react";

/** Saves the filter in force as one of the funder's filters (handled by /financeurs/filtres). */
export function PipelineSaveFilter({ query }: { query: string }) {
  return (
    <Form
      method="post"
      action="/financeurs/filtres"
      className="pipeline-save"
      aria-labelledby="enregistrer-filtre"
    >
      <h2 id="enregistrer-filtre" className="pipeline-save__title">
        Enregistrer ce filtre
      </h2>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="query" value={query} />
      <div className="field">
        <label htmlFor="nom-filtre" className="field__label">
          Nom du filtre
        </label>
        <p id="nom-filtre-hint" className="field__hint">
          Vous le retrouverez dans « Mes filtres ».
        </p>
        <input
          id="nom-filtre"
          name="name"
          className="field__input"
          required
          maxLength={80}
          aria-describedby="nom-filtre-hint"
        />
      </div>
      <DigestChoice checked={false} />
      <button type="submit" className="button button--secondary">
        Enregistrer ce filtre
      </button>
    </Form>
  );
}

/** The weekly email is asked for, never assumed: the box is unticked unless the person ticks it. */
export function DigestChoice({ checked }: { checked: boolean }) {
  return (
    <div className="choices">
      <label className="choice">
        <input type="checkbox" name="digest" value="oui" defaultChecked={checked} /> M’envoyer chaque lundi un
        courriel avec les nouveaux projets partagés qui correspondent à ce filtre
      </label>
    </div>
  );
}
