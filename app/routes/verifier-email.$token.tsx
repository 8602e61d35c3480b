import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { confirmEmail } from "~/services/accounts/accounts.server";

export const meta: MetaFunction = () => [
  { title: "Confirmation de l’adresse e-mail — Portail ESS Centre-Val de Loire" },
];

// Opening the emailed link is the confirmation: the token is single-use and expires.
export async function loader({ params }: LoaderFunctionArgs) {
  const result = await confirmEmail(db, params.token ?? "");
  return { confirmed: result.ok, error: result.ok ? null : result.error };
}

export default function VerifyEmail() {
  const { confirmed, error } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Confirmation de l’adresse e-mail</h1>
      {confirmed ? (
        <p className="notice notice--success" role="status">
          Votre adresse e-mail est confirmée. Merci !
        </p>
      ) : (
        <p className="notice notice--error">{error}</p>
      )}
      <p>
        <Link to="/compte">Aller à mon compte</Link>
      </p>
    </div>
  );
}
