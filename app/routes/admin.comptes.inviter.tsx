// Inviting an instructor, an administrator or a funder member: the account is created and the person
// receives a link to choose their password. An instructor's scope may be set at once.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { AccountInviteForm, type InvitationValues } from "~/components/admin/account-invite-form";
import { db } from "~/db.server";
import { accountInvitationSchema, instructorScopeSchema, scopeFields } from "~/domain/staff-accounts";
import { funderOrganisationChoices, scopeOptions } from "~/services/admin/accounts.server";
import { inviteAccount } from "~/services/admin/account-invitations.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Inviter un compte — Administration — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [funders, scope] = await Promise.all([funderOrganisationChoices(db), scopeOptions(db)]);
  const { names: _names, ...scopeChoices } = scope;
  return { funders, scopeChoices };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const form = await readFormData(request);
  const text = (name: string) => String(form.get(name) ?? "");
  const values: InvitationValues = {
    firstName: text("firstName"),
    lastName: text("lastName"),
    email: text("email"),
    role: text("role"),
    funderOrganisationId: text("funderOrganisationId"),
    scopeNow: text("scopeNow") || "non",
    ...scopeFields(form),
  };
  const fail = (errors: Record<string, string>) =>
    data<ActionResult<InvitationValues>>({ errors, values }, { status: 400 });

  const parsed = accountInvitationSchema.safeParse(values);
  const wantsScope = parsed.success && parsed.data.role === "INSTRUCTOR" && parsed.data.scopeNow === "oui";
  const scope = wantsScope ? instructorScopeSchema.safeParse(values) : null;
  if (!parsed.success || (scope && !scope.success)) {
    return fail({
      ...(parsed.success ? {} : fieldErrors(parsed.error, { depth: 1 })),
      ...(scope && !scope.success ? fieldErrors(scope.error, { depth: 1 }) : {}),
    });
  }
  try {
    const { userId } = await inviteAccount(db, {
      inviter: admin,
      account: { ...parsed.data, scope: scope?.data ?? null },
      now: new Date(),
    });
    return redirect(`/admin/comptes/${userId}?fait=invite`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

const EMPTY: InvitationValues = {
  firstName: "",
  lastName: "",
  email: "",
  role: "",
  funderOrganisationId: "",
  scopeNow: "non",
  schemes: [],
  departmentCodes: [],
  territoryCodes: [],
};

export default function InviteAccount() {
  const { funders, scopeChoices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p>
        <Link to="/admin/comptes">Retour aux comptes</Link>
      </p>
      <h1>Inviter un compte</h1>
      <p>
        La personne reçoit par e-mail un lien pour choisir son mot de passe et activer son compte. Les
        porteurs de projet, eux, créent leur compte depuis la page d’inscription.
      </p>
      <AccountInviteForm
        values={result?.values ?? EMPTY}
        errors={result?.errors ?? {}}
        funders={funders}
        scopeChoices={scopeChoices}
      />
    </div>
  );
}
