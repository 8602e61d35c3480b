import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import {
  DIGESTS,
  digestSubscription,
  readUnsubscribeToken,
  unsubscribeFromDigest,
} from "~/services/accounts/unsubscribe.server";
import { readFormData } from "~/services/platform/http.server";

export const meta: MetaFunction = () => [
  { title: "Se désabonner d’un récapitulatif — Portail ESS Centre-Val de Loire" },
];

const UNKNOWN_LINK =
  "Ce lien de désabonnement n’est pas valable\u00a0: copiez-le en entier depuis l’e-mail, ou changez vos choix sur la page « Mon compte » une fois connecté·e.";

function tokenOf(params: LoaderFunctionArgs["params"]) {
  const token = readUnsubscribeToken(params.token ?? "");
  if (!token) throw new Response(UNKNOWN_LINK, { status: 404 });
  return token;
}

/** Opening the link changes nothing (link checkers and previews open links): the page asks for a click. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { digest, userId } = tokenOf(params);
  const subscription = await digestSubscription(db, digest, userId);
  if (!subscription) throw new Response(UNKNOWN_LINK, { status: 404 });
  return {
    title: DIGESTS[digest].title,
    effect: DIGESTS[digest].effect,
    email: subscription.email,
    subscribed: subscription.subscribed,
  };
}

/** The page's button, or a mail client's one-click POST (RFC 8058: body « List-Unsubscribe=One-Click »). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { digest, userId } = tokenOf(params);
  const form = await readFormData(request);
  const done = await unsubscribeFromDigest(db, {
    digest,
    userId,
    ip: context.clientIp ?? "inconnue",
    oneClick: form.get("List-Unsubscribe") === "One-Click",
  });
  if (!done) throw new Response(UNKNOWN_LINK, { status: 404 });
  return { unsubscribed: true };
}

export default function Unsubscribe() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const unsubscribed = Boolean(result?.unsubscribed) || !view.subscribed;
  return (
    <div className="narrow">
      <h1>Se désabonner</h1>
      <div role="status">
        {result?.unsubscribed ? (
          <p className="notice notice--success">
            C’est fait&nbsp;: {view.email} ne reçoit plus {view.title}.
          </p>
        ) : !view.subscribed ? (
          <p className="notice notice--success">
            {view.email} ne reçoit pas (ou plus) {view.title}.
          </p>
        ) : null}
      </div>
      {unsubscribed ? (
        <p>{view.effect}</p>
      ) : (
        <Form method="post">
          <p>
            Vous recevez {view.title} à l’adresse <strong>{view.email}</strong>.
          </p>
          <p>{view.effect}</p>
          <p className="form-actions">
            <button type="submit" className="button">
              Me désabonner
            </button>
          </p>
        </Form>
      )}
      <p>
        <Link to="/compte">Aller à mon compte</Link>
      </p>
    </div>
  );
}
