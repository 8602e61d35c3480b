import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { NewPasswordFields } from "~/components/new-password-fields";
import { db } from "~/db.server";
import { resetPasswordSchema } from "~/domain/auth-schemas";
import { parseForm } from "~/domain/forms";
import { isResetTokenValid, resetPassword } from "~/services/accounts/accounts.server";
import { readFormData } from "~/services/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Portail ESS Centre-Val de Loire" }];

const LABELS = { password: "Nouveau mot de passe", passwordConfirmation: "Confirmation du mot de passe" };

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isResetTokenValid(db, params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(resetPasswordSchema, await readFormData(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await resetPassword(db, params.token ?? "", parsed.data.password);
  if (!result.ok) return data({ errors: { form: result.error } as Record<string, string> }, { status: 400 });
  return redirect("/connexion?motDePasseChange=1");
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  if (!valid) {
    return (
      <div className="narrow">
        <h1>Lien expiré</h1>
        <p>Ce lien de réinitialisation n’est plus valable (il sert une seule fois, pendant 1 heure).</p>
        <p>
          <Link to="/mot-de-passe-oublie">Faire une nouvelle demande</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choisir un nouveau mot de passe</h1>
      <p>Pour votre sécurité, vous serez déconnecté·e de tous vos appareils.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" noValidate>
        <NewPasswordFields errors={errors} label={LABELS.password} />
        <button type="submit" className="button">
          Enregistrer le mot de passe
        </button>
      </Form>
    </div>
  );
}
