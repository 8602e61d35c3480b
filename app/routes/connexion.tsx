import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { SignInReason } from "~/components/sign-in-reason";
import { InputField } from "~/components/form-field";
import { db } from "~/db.server";
import { signInSchema } from "~/domain/auth-schemas";
import { parseForm } from "~/domain/forms";
import { homePathForRole, safeRedirectPath } from "~/domain/roles";
import { env } from "~/env.server";
import { authenticate } from "~/services/accounts/accounts.server";
import { REGION_FAILED, REGION_REFUSED } from "~/services/accounts/region-sign-in.server";
import { readFormData } from "~/services/platform/http.server";
import { startPendingSignIn } from "~/services/accounts/second-factor.server";
import { createUserSession, getOptionalUser, pendingSignInCookie } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Se connecter — Portail ESS Centre-Val de Loire" }];

const LABELS = { email: "Adresse e-mail", password: "Mot de passe" };

/** What the page confirms when another one sends the person here (`?compteActive=1`). */
const CONFIRMATIONS: Record<string, string> = {
  compteActive:
    "Votre compte est activé\u202f: connectez-vous avec votre adresse e-mail et votre mot de passe.",
  motDePasseChange: "Votre mot de passe est changé\u202f: connectez-vous avec le nouveau.",
};

/** Why the Region's sign-in came back without a session (`?region=…`). */
const REGION_ERRORS: Record<string, string> = { inconnu: REGION_REFUSED, echec: REGION_FAILED };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForRole(user.role));
  return { regionSignIn: env().oidc !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(signInSchema, await readFormData(request));
  const email = String(parsed.values.email ?? "");
  if (!parsed.ok) return data({ errors: parsed.errors, email }, { status: 400 });
  const result = await authenticate(db, { ...parsed.data, ip: context.clientIp ?? "inconnue" });
  if (!result.ok) return data({ errors: { form: result.error }, email }, { status: 400 });
  const target = safeRedirectPath(parsed.data.redirectTo, homePathForRole(result.value.role));
  if (result.value.secondFactor) {
    // Not a session yet: the code page takes over with a pending sign-in of its own.
    const pending = await startPendingSignIn(db, result.value.userId);
    return redirect(`/connexion/verification?${new URLSearchParams({ redirectTo: target })}`, {
      headers: { "Set-Cookie": await pendingSignInCookie.serialize(pending) },
    });
  }
  return createUserSession(request, result.value.userId, target, context.clientIp);
}

export default function SignIn() {
  const { regionSignIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  const confirmation = Object.keys(CONFIRMATIONS).find((key) => searchParams.get(key) === "1");
  const regionError = REGION_ERRORS[searchParams.get("region") ?? ""];
  const redirectTo = safeRedirectPath(searchParams.get("redirectTo"), "");
  const withWayBack = (path: string) =>
    redirectTo ? `${path}?${new URLSearchParams({ redirectTo })}` : path;
  return (
    <div className="narrow">
      <h1>Se connecter</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{CONFIRMATIONS[confirmation]}</p> : null}
      </div>
      {regionError ? (
        <p className="notice notice--error" role="alert">
          {regionError}
        </p>
      ) : null}
      {redirectTo ? <SignInReason redirectTo={redirectTo} /> : null}
      {regionSignIn ? (
        <p>
          <a className="button button--secondary" href={withWayBack("/connexion/region")}>
            Se connecter avec le compte de la Région
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField
          name="email"
          type="email"
          label={LABELS.email}
          autoComplete="email"
          required
          defaultValue={actionData?.email}
          error={errors.email}
        />
        <InputField
          name="password"
          type="password"
          label={LABELS.password}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Connexion…" : "Se connecter"}
        </button>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
      </p>
      <p>
        Pas encore de compte ? <Link to={withWayBack("/inscription")}>Créer un compte</Link>
      </p>
    </div>
  );
}
