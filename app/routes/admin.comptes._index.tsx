// Every account of the portal, filtered by role, state or a search, 50 per page, with the counts per role.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { AccountFilters, AccountRoleCounts, AccountTable } from "~/components/admin/account-list";
import { Pagination } from "~/components/pagination";
import { db } from "~/db.server";
import { formatDate } from "~/domain/format";
import { ROLE_LABELS } from "~/domain/roles";
import { accountListSearch, accountStateLabel, parseAccountListFilter } from "~/domain/staff-accounts";
import { listAccounts } from "~/services/admin/accounts.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Comptes — Administration — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const filter = parseAccountListFilter(new URL(request.url).searchParams);
  const list = await listAccounts(db, filter);
  return {
    filter: { ...filter, page: list.page },
    total: list.total,
    pageCount: list.pageCount,
    roleCounts: list.roleCounts,
    accounts: list.accounts.map((account) => {
      const state = accountStateLabel(account, formatDate);
      return {
        id: account.id,
        name: `${account.lastName} ${account.firstName}`,
        email: account.email,
        role: ROLE_LABELS[account.role],
        organisation: account.funderOrganisationName,
        state: state.label,
        tone: state.tone,
      };
    }),
  };
}

export default function Accounts() {
  const { filter, total, pageCount, roleCounts, accounts } = useLoaderData<typeof loader>();
  const search = accountListSearch(filter);
  return (
    <>
      <h1>Comptes</h1>
      <p>
        Les porteurs de projet créent leur compte eux-mêmes&#8239;; les instructeur·rices, les
        administrateur·rices et les membres des organisations financeuses sont invités ici.
      </p>
      <p>
        <Link to="/admin/comptes/inviter" className="button">
          Inviter un compte
        </Link>
      </p>
      <AccountRoleCounts counts={roleCounts} />
      <AccountFilters filter={filter} formKey={search} />
      <p role="status">
        {total === 0
          ? "Aucun compte ne correspond à ces critères."
          : `${total} compte${total > 1 ? "s" : ""} trouvé${total > 1 ? "s" : ""}.`}
      </p>
      {accounts.length > 0 ? (
        <AccountTable
          accounts={accounts}
          caption={
            pageCount > 1
              ? `Comptes, page ${filter.page} sur ${pageCount}`
              : "Comptes, par ordre alphabétique"
          }
        />
      ) : null}
      <Pagination
        page={filter.page}
        pageCount={pageCount}
        href={(page) => `/admin/comptes${accountListSearch(filter, page)}`}
      />
    </>
  );
}
