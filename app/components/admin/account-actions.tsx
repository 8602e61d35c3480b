import { Form, Link } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";

import {
  AccountScopeFields,
  scopeFieldId,
  type ScopeChoices,
  type ScopeValues,
} from "./account-scope-fields";

export interface AccountActionsData {
  id: string;
  name: string;
  deactivatedOn: string | null;
  openDossiersWarning: string | null;
  queueHref: string;
  invitation: { pending: boolean; expiresOn: string | null; expired: boolean };
}

/** The errors of the form that was sent, shown above that form only. */
function FormErrors({ errors }: { errors: Record<string, string> | undefined }) {
  return (
    <ErrorSummary
      errors={errors}
      labels={{ schemes: "Dispositifs", departmentCodes: "Départements", territoryCodes: "Territoires" }}
      fieldId={(field) => (field === "form" ? undefined : scopeFieldId(field))}
    />
  );
}

export function AccountInvitation({
  account,
  errors,
}: {
  account: AccountActionsData;
  errors?: Record<string, string>;
}) {
  const { invitation } = account;
  if (!invitation.pending || account.deactivatedOn) return null;
  return (
    <section aria-labelledby="invitation">
      <h2 id="invitation">Invitation</h2>
      <FormErrors errors={errors} />
      <p>
        {invitation.expired || !invitation.expiresOn
          ? "Le lien d’activation a expiré\u202f: le compte ne peut pas être activé sans une nouvelle invitation."
          : `Le compte n’est pas encore activé. Le lien d’activation envoyé est valable jusqu’au ${invitation.expiresOn}.`}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="resend" />
        <button type="submit" className="button button--secondary">
          Renvoyer l’invitation
        </button>
      </Form>
      <p className="field__hint">Le lien précédent cessera aussitôt de fonctionner.</p>
    </section>
  );
}

export function AccountScopeForm({
  description,
  choices,
  values,
  errors,
}: {
  description: string;
  choices: ScopeChoices;
  values: ScopeValues;
  errors?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="perimetre">
      <h2 id="perimetre">Périmètre d’instruction</h2>
      <p>{description}</p>
      <FormErrors errors={errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="scope" />
        <AccountScopeFields choices={choices} values={values} errors={errors ?? {}} />
        <div className="form-actions">
          <button type="submit" className="button">
            Enregistrer le périmètre
          </button>
        </div>
      </Form>
    </section>
  );
}

export function AccountActivation({
  account,
  isSelf,
  errors,
}: {
  account: AccountActionsData;
  isSelf: boolean;
  errors?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="acces">
      <h2 id="acces">Accès au portail</h2>
      <FormErrors errors={errors} />
      {account.openDossiersWarning ? (
        <p className="notice notice--warning">
          {account.openDossiersWarning}{" "}
          <Link to={account.queueHref}>Voir ces dossiers dans la file d’instruction</Link>
        </p>
      ) : null}
      {account.deactivatedOn ? (
        <>
          <p>
            Ce compte est désactivé depuis le {account.deactivatedOn}&#8239;: la personne ne peut plus se
            connecter.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button">
              Réactiver le compte
            </button>
          </Form>
        </>
      ) : isSelf ? (
        <p>C’est votre propre compte&#8239;: un·e autre administrateur·rice peut le désactiver si besoin.</p>
      ) : (
        <>
          <p>
            Désactiver le compte déconnecte aussitôt la personne de tous ses appareils et l’empêche de se
            reconnecter. Ses dossiers, messages et actions passées sont conservés&#8239;; le compte peut être
            réactivé.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="button button--secondary">
              Désactiver le compte<span className="visually-hidden"> de {account.name}</span>
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** Resetting a lost authenticator: the person enrols again at their next sign-in. */
export function AccountSecondFactor({
  account,
  errors,
}: {
  account: { name: string; secondFactorSince: string | null };
  errors?: Record<string, string>;
}) {
  return (
    <section aria-labelledby="second-facteur">
      <h2 id="second-facteur">Double authentification</h2>
      <FormErrors errors={errors} />
      {account.secondFactorSince ? (
        <>
          <p>
            Activée depuis le {account.secondFactorSince}. Si la personne a perdu son application et ses codes
            de secours, réinitialisez-la&#8239;: elle est déconnectée de tous ses appareils et en enregistrera
            une nouvelle à sa prochaine connexion.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="reset-second-factor" />
            <button type="submit" className="button button--secondary">
              Réinitialiser la double authentification
              <span className="visually-hidden"> de {account.name}</span>
            </button>
          </Form>
        </>
      ) : (
        <p>Non activée.</p>
      )}
    </section>
  );
}
