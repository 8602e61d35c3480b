// Enrolling an authenticator from « Mon compte »: optional for applicants, early for staff (who are asked
// at their next sign-in otherwise).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { EnrolmentForm, RecoveryCodes } from "~/components/account/second-factor";
import { db } from "~/db.server";
import { confirmEnrolment, enrolmentSecret } from "~/services/accounts/second-factor.server";
import { readFormData, replyTo, unknownIntent } from "~/services/platform/http.server";
import { requireUser } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Double authentification — Mon compte — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { totpEnabledAt } = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpEnabledAt: true },
  });
  // Once enabled, the page says so (and shows the recovery codes right after the enrolment).
  if (totpEnabledAt) return { enrolment: null };
  const { qrCode, secretGroups } = await enrolmentSecret(db, user.id);
  return { enrolment: { qrCode, secretGroups } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readFormData(request);
  if (form.get("intent") !== "enrol") throw unknownIntent();
  try {
    const codes = await confirmEnrolment(db, {
      userId: user.id,
      code: String(form.get("code") ?? ""),
      ip: context.clientIp,
    });
    return data({ recoveryCodes: codes, errors: {} });
  } catch (error) {
    return replyTo(error);
  }
}

export default function AccountSecondFactor() {
  const { enrolment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const enrolled = result && "recoveryCodes" in result ? result : null;
  return (
    <div className="narrow">
      <p>
        <Link to="/compte">Retour à mon compte</Link>
      </p>
      <h1>Double authentification</h1>
      {enrolled ? (
        <RecoveryCodes codes={enrolled.recoveryCodes} continueTo="/compte" />
      ) : enrolment ? (
        <>
          <p>
            Après votre mot de passe, le portail vous demandera le code à six chiffres de votre application
            d’authentification&#8239;: un mot de passe volé ne suffira plus à ouvrir votre compte.
          </p>
          <EnrolmentForm qrCode={enrolment.qrCode} secretGroups={enrolment.secretGroups} errors={errors} />
        </>
      ) : (
        <p>La double authentification est déjà activée sur votre compte.</p>
      )}
    </div>
  );
}
