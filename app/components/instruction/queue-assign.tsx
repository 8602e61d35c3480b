import { Form } from "@remix-run/react";

import { SelectField } from "~/components/form-field";

export const ASSIGN_FORM_ID = "affectation";

/**
 * Entrusting the ticked dossiers to an instructor. The checkboxes live in the table and join this form
 * through their `form` attribute, so it posts without JavaScript.
 */
export function QueueAssign({
  instructors,
  error,
  defaultAssignee,
}: {
  instructors: Array<{ id: string; name: string }>;
  error?: string;
  defaultAssignee?: string;
}) {
  return (
    <Form method="post" id={ASSIGN_FORM_ID} className="queue-assign">
      <fieldset>
        <legend>Affectation des dossiers cochés</legend>
        <SelectField
          name="confier_a"
          label="Confier à"
          placeholder="Choisir une personne…"
          error={error}
          defaultValue={defaultAssignee}
          options={[
            ...instructors.map((user) => ({ value: user.id, label: user.name })),
            { value: "aucun", label: "Personne (retirer l’instructeur·rice)" },
          ]}
        />
        <button type="submit" className="button">
          Confier les dossiers sélectionnés
        </button>
      </fieldset>
    </Form>
  );
}
