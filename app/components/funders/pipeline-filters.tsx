import { Form, Link } from "@remix-run/react";

import { FilterSelects } from "~/components/filter-selects";
import { InputField, SelectField } from "~/components/form-field";
import { amountParamValue, type PipelineFilter } from "~/domain/funder-pipeline";
import type { PipelineOptions } from "~/services/funders/pipeline.server";

/** The pipeline's filter: a GET form, so a filtered pipeline is a link one can keep, send or save. */
export function PipelineFilters({
  filter,
  options,
  formKey,
}: {
  filter: PipelineFilter;
  options: PipelineOptions;
  /** Changes with the query, so the fields show the filter in force after each navigation. */
  formKey: string;
}) {
  return (
    <Form
      method="get"
      action="/financeurs"
      className="pipeline-filters"
      key={formKey}
      aria-label="Filtrer les projets"
    >
      {/* The chosen view survives a new filter. */}
      {filter.view === "liste" ? <input type="hidden" name="vue" value="liste" /> : null}
      {filter.view === "liste" && filter.stage ? (
        <input type="hidden" name="etape" value={filter.stage} />
      ) : null}
      <div className="pipeline-filters__grid">
        <InputField
          name="q"
          label="Rechercher"
          hint="Nom de l’organisation ou intitulé du projet"
          type="search"
          defaultValue={filter.q ?? ""}
        />
        <FilterSelects filter={filter} options={options} />
        <SelectField
          name="secteur"
          label="Thème (secteur CAP ASSO)"
          placeholder="Tous les thèmes"
          defaultValue={filter.sector ?? ""}
          options={options.sectors}
        />
        <InputField
          name="montant_min"
          label="Montant demandé, à partir de (€)"
          inputMode="decimal"
          defaultValue={amountParamValue(filter.amountMinCents)}
        />
        <InputField
          name="montant_max"
          label="Montant demandé, jusqu’à (€)"
          inputMode="decimal"
          defaultValue={amountParamValue(filter.amountMaxCents)}
        />
      </div>
      <div className="choices">
        <label className="choice">
          <input type="checkbox" name="besoin" value="oui" defaultChecked={filter.gapOnly} /> Seulement les
          projets dont une part du budget reste à trouver ou à confirmer auprès de financeurs
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <Link
          to={filter.view === "liste" ? "/financeurs?vue=liste" : "/financeurs"}
          className="button button--secondary"
        >
          Réinitialiser
        </Link>
      </div>
    </Form>
  );
}
