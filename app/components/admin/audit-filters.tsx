import { Form, Link } from "@remix-run/react";

import { InputField, SelectField } from "~/components/form-field";
import { auditActionOptions, type AuditLogFilter } from "~/domain/audit-log";

const ACTION_OPTIONS = auditActionOptions();

/** The log's filter: a GET form, so a filtered log is a link one can keep or send. */
export function AuditFilters({ filter, formKey }: { filter: AuditLogFilter; formKey: string }) {
  return (
    <Form
      method="get"
      action="/admin/journal"
      className="queue-filters"
      key={formKey}
      aria-label="Filtrer le journal"
    >
      <div className="queue-filters__grid">
        <InputField
          name="personne"
          label="Personne"
          hint="Une partie du nom ou de l’adresse e-mail"
          type="search"
          maxLength={100}
          defaultValue={filter.person ?? ""}
        />
        <InputField
          name="dossier"
          label="Dossier"
          hint="Son numéro, par exemple CAPASSO-2026-00042"
          type="search"
          maxLength={64}
          defaultValue={filter.dossier ?? ""}
        />
        <SelectField
          name="action"
          label="Action"
          placeholder="Toutes les actions"
          defaultValue={filter.action ?? ""}
          options={ACTION_OPTIONS}
        />
        <InputField name="du" label="Du" hint="jj/mm/aaaa" type="date" defaultValue={filter.from ?? ""} />
        <InputField
          name="au"
          label="Au"
          hint="jj/mm/aaaa, inclus"
          type="date"
          defaultValue={filter.to ?? ""}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <Link to="/admin/journal">Effacer les filtres</Link>
      </div>
    </Form>
  );
}
