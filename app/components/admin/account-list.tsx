import { Form, Link } from "@remix-run/react";

import { InputField, SelectField } from "~/components/form-field";
import { ROLE_LABELS } from "~/domain/roles";
import { ACCOUNT_STATES, type AccountListFilter } from "~/domain/staff-accounts";
import type { UserRole } from "~/generated/prisma/enums";

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: string;
  organisation: string | null;
  state: string;
  tone: "granted" | "attention" | "draft";
}

/** The list's filter: a GET form, so a filtered list is a link one can bookmark. */
export function AccountFilters({ filter, formKey }: { filter: AccountListFilter; formKey: string }) {
  return (
    <Form method="get" className="queue-filters" key={formKey} aria-label="Filtrer les comptes">
      <div className="queue-filters__grid">
        <InputField
          name="q"
          label="Rechercher"
          hint="Nom, prénom ou adresse e-mail"
          type="search"
          defaultValue={filter.q}
        />
        <SelectField
          name="role"
          label="Rôle"
          placeholder="Tous les rôles"
          defaultValue={filter.role ?? ""}
          options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="etat"
          label="État"
          placeholder="Tous les états"
          defaultValue={filter.state ?? ""}
          options={Object.entries(ACCOUNT_STATES).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <Link to="/admin/comptes" className="button button--secondary">
          Réinitialiser
        </Link>
      </div>
    </Form>
  );
}

export function AccountRoleCounts({ counts }: { counts: Record<UserRole, number> }) {
  return (
    <ul className="admin-counts">
      {(Object.keys(ROLE_LABELS) as UserRole[]).map((role) => (
        <li key={role}>
          <Link to={`/admin/comptes?role=${role}`}>
            {ROLE_LABELS[role]}&#8239;: <strong>{counts[role]}</strong>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AccountTable({ accounts, caption }: { accounts: AccountRow[]; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="comptes-caption" tabIndex={0}>
      <table>
        <caption id="comptes-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Adresse e-mail</th>
            <th scope="col">Rôle</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">
                <Link to={`/admin/comptes/${account.id}`}>{account.name}</Link>
              </th>
              <td>{account.email}</td>
              <td>
                {account.role}
                {account.organisation ? <> ({account.organisation})</> : null}
              </td>
              <td>
                <span className={`badge badge--${account.tone}`}>{account.state}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
