// Members of an organisation, its pending invitations and the invitation form. Management buttons are
// only rendered for owners; the server checks the role again on every POST.
import { Form } from "@remix-run/react";

import { fullName } from "~/domain/people";
import { MEMBERSHIP_ROLE_LABELS } from "~/domain/organisation-schema";
import type { MembershipRole } from "~/generated/prisma/enums";

const shortDate = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" });

export interface MemberRow {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: MembershipRole;
  since: Date;
}

export interface PendingInvitationRow {
  id: string;
  email: string;
  role: MembershipRole;
  expiresAt: Date;
}

export function MembersTable({
  members,
  currentUserId,
  canManage,
}: {
  members: MemberRow[];
  currentUserId: string;
  canManage: boolean;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="members-caption" tabIndex={0}>
      <table>
        <caption id="members-caption" className="visually-hidden">
          Membres de l’organisation
        </caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Adresse électronique</th>
            <th scope="col">Rôle</th>
            <th scope="col">Membre depuis le</th>
            {canManage ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const name = fullName(member);
            return (
              <tr key={member.userId}>
                <th scope="row">
                  {name}
                  {member.userId === currentUserId ? " (vous)" : null}
                </th>
                <td>{member.email}</td>
                <td>{MEMBERSHIP_ROLE_LABELS[member.role]}</td>
                <td>{shortDate.format(new Date(member.since))}</td>
                {canManage ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-member" />
                      <input type="hidden" name="memberUserId" value={member.userId} />
                      <button type="submit" className="button button--secondary">
                        Retirer<span className="visually-hidden"> {name} de l’organisation</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PendingInvitations({ invitations }: { invitations: PendingInvitationRow[] }) {
  if (invitations.length === 0) return <p>Aucune invitation en attente.</p>;
  return (
    <ul>
      {invitations.map((invitation) => (
        <li key={invitation.id}>
          {invitation.email} ({MEMBERSHIP_ROLE_LABELS[invitation.role].toLowerCase()}), valable jusqu’au{" "}
          {shortDate.format(new Date(invitation.expiresAt))}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="revoke-invitation" />
            <input type="hidden" name="invitationId" value={invitation.id} />
            <button type="submit" className="button button--secondary">
              Annuler<span className="visually-hidden"> l’invitation de {invitation.email}</span>
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export function InviteForm({
  values,
  errors,
}: {
  values: { email?: string; role?: string };
  errors: { email?: string; role?: string };
}) {
  return (
    <Form method="post" noValidate className="form">
      <input type="hidden" name="intent" value="invite" />
      <div className={errors.email ? "field field--error" : "field"}>
        <label htmlFor="invitation-email" className="field__label">
          Adresse électronique de la personne à inviter
        </label>
        <p className="field__hint" id="invitation-email-hint">
          Elle recevra un lien valable 7 jours pour rejoindre l’organisation.
        </p>
        {errors.email ? (
          <p className="field__error" id="invitation-email-error">
            <span className="visually-hidden">Erreur : </span>
            {errors.email}
          </p>
        ) : null}
        <input
          id="invitation-email"
          name="email"
          type="email"
          autoComplete="off"
          className="field__input"
          defaultValue={values.email ?? ""}
          aria-describedby={
            errors.email ? "invitation-email-hint invitation-email-error" : "invitation-email-hint"
          }
          aria-invalid={errors.email ? true : undefined}
        />
      </div>
      <fieldset className={errors.role ? "field field--error" : "field"}>
        <legend className="field__label">Rôle</legend>
        {errors.role ? (
          <p className="field__error" id="invitation-role-error">
            <span className="visually-hidden">Erreur : </span>
            {errors.role}
          </p>
        ) : null}
        <div className="field__choice">
          <input
            type="radio"
            id="invitation-role"
            name="role"
            value="MEMBER"
            defaultChecked={(values.role ?? "MEMBER") === "MEMBER"}
          />
          <label htmlFor="invitation-role">Membre : consulte l’organisation et prépare les dossiers</label>
        </div>
        <div className="field__choice">
          <input
            type="radio"
            id="invitation-role-owner"
            name="role"
            value="OWNER"
            defaultChecked={values.role === "OWNER"}
          />
          <label htmlFor="invitation-role-owner">
            Responsable : peut aussi modifier l’organisation et gérer ses membres
          </label>
        </div>
      </fieldset>
      <button type="submit" className="button">
        Envoyer l’invitation
      </button>
    </Form>
  );
}
