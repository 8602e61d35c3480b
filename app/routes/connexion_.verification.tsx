// The sign-in's second step, after the right password: the authenticator's code, or — for staff who have
// none yet — enrolling one. Only the pending sign-in's cookie opens this page; a session starts once the
// code is right.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";

import { CodeForm, EnrolmentForm, RecoveryCodes } from "~/components/account/second-factor";
import { db } from "~/db.server";
import { homePathForRole, safeRedirectPath } from "~/domain/roles";
import {
  confirmEnrolment,
  endPendingSignIn,
  enrolmentSecret,
  findPendingSignIn,
  verifySecondFactor,
} from "~/services/accounts/second-factor.server";
import { readFormData, replyTo, unknownIntent } from "~/services/platform/http.server";
import { readPendingSignInToken, sessionHeaders } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Double authentification — Portail ESS Centre-Val de Loire" },
];

async function pendingSignIn(request: Request, includeUsed = false) {
  const token = await readPendingSignInToken(request);
  const pending = token ? await findPendingSignIn(db, token, { includeUsed }) : null;
  if (!token || !pending) throw redirect("/connexion");
  return { token, ...pending };
}

/**
 * After a post, the page shows what the action answered: the pending sign-in it ended is gone, and reading
 * it again would send the person back to the password, away from their recovery codes.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? false : defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  // Still found once used: the page renders the recovery codes of the enrolment that just used it.
  const { user } = await pendingSignIn(request, true);
  if (user.totpEnabledAt) return { enrolment: null };
  const { qrCode, secretGroups } = await enrolmentSecret(db, user.id);
  return { enrolment: { qrCode, secretGroups } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await pendingSignIn(request);
  const form = await readFormData(request);
  const code = String(form.get("code") ?? "");
  const target = (role: Parameters<typeof homePathForRole>[0]) =>
    safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), homePathForRole(role));
  const ip = context.clientIp ?? "inconnue";
  try {
    switch (form.get("intent")) {
      case "code": {
        const signedIn = await verifySecondFactor(db, { pendingToken: pending.token, code, ip });
        return redirect(target(signedIn.role), {
          headers: await sessionHeaders(request, signedIn.userId, ip),
        });
      }
      case "enrol": {
        const codes = await confirmEnrolment(db, { userId: pending.user.id, code, ip });
        await endPendingSignIn(db, pending.tokenId);
        return data(
          { recoveryCodes: codes, continueTo: target(pending.user.role), errors: {} },
          { headers: await sessionHeaders(request, pending.user.id, ip) },
        );
      }
      default:
        throw unknownIntent();
    }
  } catch (error) {
    return replyTo(error);
  }
}

export default function SecondFactorStep() {
  const { enrolment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  const enrolled = result && "recoveryCodes" in result ? result : null;
  return (
    <div className="narrow">
      <h1>Double authentification</h1>
      {enrolled ? (
        <RecoveryCodes codes={enrolled.recoveryCodes} continueTo={enrolled.continueTo} />
      ) : enrolment ? (
        <>
          <p>
            Votre compte donne accès aux dossiers des associations&#8239;: il est protégé par un second
            facteur. Enregistrez une application d’authentification sur votre téléphone, une seule fois.
          </p>
          <EnrolmentForm qrCode={enrolment.qrCode} secretGroups={enrolment.secretGroups} errors={errors} />
        </>
      ) : (
        <CodeForm errors={errors} />
      )}
    </div>
  );
}
