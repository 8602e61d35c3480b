// The follow-up queue's pieces: the filter form (a GET form, so a filtered follow-up is a link), the tabs
// counting each kind of work, and the table whose lines link to the staff page of the thing to do.
import { Form, Link } from "@remix-run/react";

import { FilterSelects } from "~/components/filter-selects";
import { InputField, SelectField } from "~/components/form-field";
import {
  FOLLOW_UP_KIND_SLUGS,
  FOLLOW_UP_KINDS,
  followUpSearch,
  type FollowUpFilter,
  type FollowUpKind,
} from "~/domain/follow-up-queue";
import type { FollowUpOptions } from "~/services/post-grant/follow-up-queue.server";

export function FollowUpFilters({
  filter,
  options,
  formKey,
}: {
  filter: FollowUpFilter;
  options: FollowUpOptions;
  formKey: string;
}) {
  return (
    <Form
      method="get"
      action="/instruction/suivi"
      className="queue-filters"
      key={formKey}
      aria-label="Filtrer le suivi"
    >
      {filter.kind ? <input type="hidden" name="quoi" value={filter.kind} /> : null}
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
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <Link to="/instruction/suivi" className="button button--secondary">
          Réinitialiser
        </Link>
      </div>
    </Form>
  );
}

export function FollowUpTabs({
  filter,
  counts,
}: {
  filter: FollowUpFilter;
  counts: Record<FollowUpKind, number>;
}) {
  const all = FOLLOW_UP_KIND_SLUGS.reduce((sum, kind) => sum + counts[kind], 0);
  return (
    <nav className="queue-tabs" aria-label="Suivi par type">
      <ul>
        <li>
          <Link
            to={`/instruction/suivi${followUpSearch(filter, { kind: null, page: 1 })}`}
            aria-current={filter.kind === null ? "page" : undefined}
          >
            Tout le suivi <span className="queue-tabs__count">{all}</span>
          </Link>
        </li>
        {FOLLOW_UP_KIND_SLUGS.map((kind) => (
          <li key={kind}>
            <Link
              to={`/instruction/suivi${followUpSearch(filter, { kind, page: 1 })}`}
              aria-current={filter.kind === kind ? "page" : undefined}
            >
              {FOLLOW_UP_KINDS[kind].label} <span className="queue-tabs__count">{counts[kind]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A line as the page shows it: amounts and dates already written the French way. */
export interface FollowUpTableRow {
  id: string;
  kind: FollowUpKind;
  href: string;
  number: string;
  title: string;
  organisation: string;
  scheme: string;
  department: string;
  assignee: string;
  subject: string;
  amount: string;
  date: string;
  late: string | null;
}

export function FollowUpTable({ rows, caption }: { rows: FollowUpTableRow[]; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="follow-up-caption" tabIndex={0}>
      <table className="queue-table">
        <caption id="follow-up-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">À faire</th>
            <th scope="col">Dossier</th>
            <th scope="col">Dispositif (dép.)</th>
            <th scope="col">Instructeur·rice</th>
            <th scope="col" className="number">
              Montant
            </th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}-${row.id}`}>
              <th scope="row">
                <Link to={row.href}>
                  {FOLLOW_UP_KINDS[row.kind].one}
                  <span className="visually-hidden"> : {row.number}</span>
                </Link>
                <span className="queue-table__organisation">{row.subject}</span>
              </th>
              <td>
                <span className="nowrap">{row.number}</span> — {row.title}
                <span className="queue-table__organisation">{row.organisation}</span>
              </td>
              <td>
                {row.scheme} <span className="nowrap">({row.department})</span>
              </td>
              <td>{row.assignee}</td>
              <td className="number">{row.amount}</td>
              <td>
                {row.date}
                {row.late ? <span className="queue-table__reply">{row.late}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
