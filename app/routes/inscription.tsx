import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { SignInReason } from "~/components/sign-in-reason";
import { db } from "~/db.server";
import { checkSendAllowance, recordSend, SendLimitError } from "~/services/accounts/send-limits.server";
import { PASSWORD_MIN_LENGTH, signUpSchema } from "~/domain/auth-schemas";
import { parseForm } from "~/domain/forms";
import { homePathForRole, safeRedirectPath } from "~/domain/roles";
import { signUp } from "~/services/accounts/accounts.server";
import { readFormData } from "~/services/platform/http.server";
import { createUserSession, getOptionalUser } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Portail ESS Centre-Val de Loire" }];

const LABELS = {
  firstName: "Prénom",
  lastName: "Nom",
  email: "Adresse e-mail",
  password: "Mot de passe",
  passwordConfirmation: "Confirmation du mot de passe",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForRole(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(signUpSchema, await readFormData(request));
  const form = parsed.values;
  const values = {
    firstName: String(form.firstName ?? ""),
    lastName: String(form.lastName ?? ""),
    email: String(form.email ?? ""),
  };
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  try {
    await checkSendAllowance(db, {
      kind: "signUp",
      target: parsed.data.email,
      client: context.clientIp ?? "inconnue",
    });
  } catch (error) {
    if (!(error instanceof SendLimitError)) throw error;
    return data({ errors: { form: error.message }, values }, { status: 429 });
  }
  const result = await signUp(db, parsed.data);
  if (!result.ok)
    return data({ errors: { [result.field ?? "form"]: result.error }, values }, { status: 400 });
  // Only an account actually created counts towards the limit: a refused form changes nothing.
  await recordSend(db, { kind: "signUp", target: parsed.data.email, client: context.clientIp ?? "inconnue" });
  // On the way somewhere (preparing a dossier from the questionnaire's results): straight back there.
  const target = safeRedirectPath(form.redirectTo, "/espace?bienvenue=1");
  return createUserSession(request, result.value.userId, target, context.clientIp);
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  const submitting = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectPath(searchParams.get("redirectTo"), "");
  const signIn = redirectTo ? `/connexion?${new URLSearchParams({ redirectTo })}` : "/connexion";
  return (
    <div className="narrow">
      <h1>Créer un compte</h1>
      <p>
        Le compte sert à déclarer votre organisation, préparer vos dossiers et les suivre. Vous avez déjà un
        compte ? <Link to={signIn}>Se connecter</Link>.
      </p>
      {redirectTo ? <SignInReason redirectTo={redirectTo} /> : null}
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField
          name="firstName"
          label={LABELS.firstName}
          autoComplete="given-name"
          required
          defaultValue={values?.firstName}
          error={errors.firstName}
        />
        <InputField
          name="lastName"
          label={LABELS.lastName}
          autoComplete="family-name"
          required
          defaultValue={values?.lastName}
          error={errors.lastName}
        />
        <InputField
          name="email"
          type="email"
          label={LABELS.email}
          hint="Par exemple : tresorerie@association.fr"
          autoComplete="email"
          required
          defaultValue={values?.email}
          error={errors.email}
        />
        <NewPasswordFields
          errors={errors}
          label={LABELS.password}
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.`}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Création en cours…" : "Créer mon compte"}
        </button>
      </Form>
    </div>
  );
}
