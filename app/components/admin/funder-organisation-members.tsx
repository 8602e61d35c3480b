import { Form, Link } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";

import { AccountIdentityFields, IDENTITY_LABELS, type IdentityValues } from "./account-invite-form";

export interface FunderMemberRow {
  id: string;
  name: string;
  email: string;
  state: { label: string; tone: string };
}

export function FunderOrganisationMembers({
  organisationName,
  members,
  errors,
}: {
  organisationName: string;
  members: FunderMemberRow[];
  errors?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="membres">
      <h2 id="membres">Membres</h2>
      <ErrorSummary errors={errors} />
      {members.length === 0 ? (
        <p>Cette organisation n’a encore aucun membre&#8239;: invitez-en un ci-dessous.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="membres-caption" tabIndex={0}>
          <table>
            <caption id="membres-caption">Membres de {organisationName}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    <Link to={`/admin/comptes/${member.id}`}>{member.name}</Link>
                  </th>
                  <td>{member.email}</td>
                  <td>
                    <span className={`badge badge--${member.state.tone}`}>{member.state.label}</span>
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-member" />
                      <input type="hidden" name="userId" value={member.id} />
                      <button type="submit" className="button button--secondary">
                        Retirer de l’organisation
                        <span className="visually-hidden">&#8239;: {member.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="field__hint">
        Un membre retiré perd aussitôt l’accès à l’espace des financeurs&#8239;; son compte est conservé.
      </p>
    </section>
  );
}

export function FunderMemberInviteForm({
  organisationName,
  values,
  errors,
}: {
  organisationName: string;
  values: IdentityValues;
  errors?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="inviter-membre">
      <h2 id="inviter-membre">Inviter un membre</h2>
      <p>
        La personne reçoit par e-mail un lien pour activer son compte de financeur, rattaché à{" "}
        {organisationName}.
      </p>
      <Form method="post" noValidate>
        <ErrorSummary errors={errors} labels={IDENTITY_LABELS} />
        <input type="hidden" name="intent" value="invite" />
        <AccountIdentityFields values={values} errors={errors ?? {}} />
        <div className="form-actions">
          <button type="submit" className="button">
            Envoyer l’invitation
          </button>
        </div>
      </Form>
    </section>
  );
}
