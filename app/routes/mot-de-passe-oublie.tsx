import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { db } from "~/db.server";
import { consumeSendAllowance, SendLimitError } from "~/services/accounts/send-limits.server";
import { forgotPasswordSchema } from "~/domain/auth-schemas";
import { parseForm } from "~/domain/forms";
import { requestPasswordReset } from "~/services/accounts/accounts.server";
import { readFormData } from "~/services/platform/http.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Portail ESS Centre-Val de Loire" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(forgotPasswordSchema, await readFormData(request));
  if (!parsed.ok) {
    return data(
      { sent: false, errors: parsed.errors, email: String(parsed.values.email ?? "") },
      { status: 400 },
    );
  }
  try {
    await consumeSendAllowance(db, {
      kind: "passwordReset",
      target: parsed.data.email,
      client: context.clientIp ?? "inconnue",
    });
  } catch (error) {
    if (!(error instanceof SendLimitError)) throw error;
    return data({ sent: false, errors: { form: error.message }, email: parsed.data.email }, { status: 429 });
  }
  await requestPasswordReset(db, parsed.data.email);
  return { sent: true, errors: {} as Record<string, string>, email: parsed.data.email };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <h1>Mot de passe oublié</h1>
      {actionData?.sent ? (
        <p className="notice notice--success" role="status">
          Si un compte existe avec l’adresse {actionData.email}, un e-mail vient de lui être envoyé avec un
          lien pour choisir un nouveau mot de passe. Le lien est valable 1 heure.
        </p>
      ) : (
        <>
          <p>
            Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau
            mot de passe.
          </p>
          <ErrorSummary errors={errors} labels={{ email: "Adresse e-mail" }} />
          <Form method="post" noValidate>
            <InputField
              name="email"
              type="email"
              label="Adresse e-mail"
              autoComplete="email"
              required
              defaultValue={actionData?.email}
              error={errors.email}
            />
            <button type="submit" className="button">
              Recevoir le lien
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
