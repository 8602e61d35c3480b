// The link of an account invitation (public): the invited person chooses their password, which activates
// the account and confirms their address; then they sign in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { NewPasswordFields } from "~/components/new-password-fields";
import { db } from "~/db.server";
import { resetPasswordSchema } from "~/domain/auth-schemas";
import { parseForm } from "~/domain/forms";
import { INVITATION_TTL_DAYS } from "~/domain/staff-accounts";
import { activateAccount, findInvitation } from "~/services/admin/account-invitations.server";
import { readFormData } from "~/services/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Activer mon compte — Portail ESS Centre-Val de Loire" }];

const LABELS = { password: "Mot de passe", passwordConfirmation: "Confirmation du mot de passe" };

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(db, params.token ?? "", new Date());
  return { invitation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(resetPasswordSchema, await readFormData(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await activateAccount(db, {
    token: params.token ?? "",
    password: parsed.data.password,
    now: new Date(),
  });
  if (!result.ok) return data({ errors: { form: result.error } as Record<string, string> }, { status: 400 });
  return redirect("/connexion?compteActive=1");
}

export default function ActivateAccount() {
  const { invitation } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  if (!invitation) {
    return (
      <div className="narrow">
        <h1>Lien d’activation expiré</h1>
        <p>
          Ce lien d’activation n’est plus valable&#8239;: il sert une seule fois, pendant{" "}
          {INVITATION_TTL_DAYS} jours, et ne fonctionne plus si une nouvelle invitation a été envoyée ou si le
          compte a été désactivé.
        </p>
        <p>
          Demandez une nouvelle invitation à l’administration du portail (la personne qui vous a invité·e). Si
          votre compte est déjà activé, connectez-vous&#8239;: <a href="/connexion">Se connecter</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choisissez votre mot de passe</h1>
      <p>
        Bonjour {invitation.firstName}, choisissez le mot de passe de votre compte pour l’activer. Vous vous
        connecterez ensuite avec l’adresse <strong>{invitation.email}</strong>.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" noValidate>
        <NewPasswordFields errors={errors} label={LABELS.password} />
        <button type="submit" className="button">
          Activer mon compte
        </button>
      </Form>
    </div>
  );
}
