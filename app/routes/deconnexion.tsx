import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { signOut } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter — Portail ESS Centre-Val de Loire" }];

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request, "/?deconnecte=1");
}

// Signing out changes state, so it is a POST; a GET only offers the button.
export default function SignOutPage() {
  return (
    <div className="narrow">
      <h1>Se déconnecter</h1>
      <Form method="post">
        <button type="submit" className="button">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
