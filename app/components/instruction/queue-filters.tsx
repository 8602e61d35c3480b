import { Form, Link } from "@remix-run/react";

import { FilterSelects } from "~/components/filter-selects";
import { InputField, SelectField } from "~/components/form-field";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { QUEUE_SORTS, QUEUE_STATUSES, type QueueFilter } from "~/domain/instruction-queue";
import type { QueueOptions } from "~/services/instruction/queue.server";

/** The queue's filter: a GET form, so a filtered queue is a link one can bookmark or send to a colleague. */
export function QueueFilters({
  filter,
  options,
  formKey,
}: {
  filter: QueueFilter;
  options: QueueOptions;
  /** Changes with the query, so the fields show the filter in force after each navigation. */
  formKey: string;
}) {
  return (
    <Form
      method="get"
      action="/instruction"
      className="queue-filters"
      key={formKey}
      aria-label="Filtrer les dossiers"
    >
      <div className="queue-filters__grid">
        <InputField
          name="q"
          label="Rechercher"
          hint="Numéro de dossier, nom de l’organisation ou SIRET"
          type="search"
          defaultValue={filter.q ?? ""}
        />
        <FilterSelects filter={filter} options={options} />
        <SelectField
          name="instructeur"
          label="Instructeur·rice"
          placeholder="Tous"
          defaultValue={filter.assignee ?? ""}
          options={[
            { value: "moi", label: "Mes dossiers" },
            { value: "aucun", label: "Non attribués" },
            ...options.instructors.map((user) => ({ value: user.id, label: user.name })),
          ]}
        />
        <SelectField
          name="appel"
          label="Appel"
          placeholder="Tous les appels"
          defaultValue={filter.callId ?? ""}
          options={options.calls.map((call) => ({ value: call.id, label: call.title }))}
        />
        <InputField name="depose_du" label="Déposé du" type="date" defaultValue={filter.filedFrom ?? ""} />
        <InputField name="depose_au" label="Déposé au" type="date" defaultValue={filter.filedTo ?? ""} />
        <SelectField
          name="tri"
          label="Trier par"
          placeholder={QUEUE_SORTS.depot_desc}
          defaultValue={filter.sort === "depot_desc" ? "" : filter.sort}
          options={Object.entries(QUEUE_SORTS)
            .filter(([value]) => value !== "depot_desc")
            .map(([value, label]) => ({ value, label }))}
        />
      </div>
      <fieldset className="queue-filters__statuses">
        <legend>Étapes</legend>
        <div className="choices choices--inline">
          {QUEUE_STATUSES.map((status) => (
            <label key={status} className="choice">
              <input
                type="checkbox"
                name="statut"
                value={status}
                defaultChecked={filter.statuses.includes(status)}
              />{" "}
              {DOSSIER_STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <Link to="/instruction" className="button button--secondary">
          Réinitialiser
        </Link>
      </div>
    </Form>
  );
}
