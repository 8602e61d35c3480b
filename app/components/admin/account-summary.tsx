import { Link } from "@remix-run/react";

export interface AccountSummaryData {
  email: string;
  role: string;
  state: { label: string; tone: string };
  createdOn: string;
  emailVerifiedOn: string | null;
  lastSeen: string | null;
  funderOrganisation: { id: string; name: string } | null;
  memberships: Array<{ id: string; name: string; city: string | null; role: string }>;
  isApplicant: boolean;
  isFunder: boolean;
}

/** Who the account is: identity, role, state, last activity, and the organisations it belongs to. */
export function AccountSummary({ account }: { account: AccountSummaryData }) {
  return (
    <section aria-labelledby="identite">
      <h2 id="identite">Identité et état</h2>
      <dl className="details">
        <div>
          <dt>Adresse e-mail</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>Rôle</dt>
          <dd>{account.role}</dd>
        </div>
        <div>
          <dt>État</dt>
          <dd>
            <span className={`badge badge--${account.state.tone}`}>{account.state.label}</span>
          </dd>
        </div>
        <div>
          <dt>Compte créé le</dt>
          <dd>{account.createdOn}</dd>
        </div>
        <div>
          <dt>Adresse e-mail confirmée</dt>
          <dd>{account.emailVerifiedOn ? `Le ${account.emailVerifiedOn}` : "Pas encore"}</dd>
        </div>
        <div>
          <dt>Dernière activité</dt>
          <dd>{account.lastSeen ?? "Jamais connecté·e"}</dd>
        </div>
        {account.isFunder ? (
          <div>
            <dt>Organisation financeuse</dt>
            <dd>
              {account.funderOrganisation ? (
                <Link to={`/admin/financeurs/${account.funderOrganisation.id}`}>
                  {account.funderOrganisation.name}
                </Link>
              ) : (
                "Aucune\u202f: ce compte n’a plus accès à l’espace des financeurs."
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {account.isApplicant ? (
        <>
          <h3>Organisations</h3>
          {account.memberships.length === 0 ? (
            <p>Ce compte n’est membre d’aucune organisation.</p>
          ) : (
            <ul>
              {account.memberships.map((membership) => (
                <li key={membership.id}>
                  {membership.name}
                  {membership.city ? ` (${membership.city})` : ""} — {membership.role}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
