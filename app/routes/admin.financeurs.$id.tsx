// One funder organisation: its members (invite one, remove one), and its name and kind.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { fullName } from "~/domain/people";
import type { IdentityValues } from "~/components/admin/account-invite-form";
import {
  FunderOrganisationForm,
  type FunderOrganisationValues,
} from "~/components/admin/funder-organisation-form";
import {
  FunderMemberInviteForm,
  FunderOrganisationMembers,
} from "~/components/admin/funder-organisation-members";
import { db } from "~/db.server";
import { formatDate } from "~/domain/format";
import { FUNDER_KIND_LABELS } from "~/domain/funder-kinds";
import { accountStateLabel, funderOrganisationSchema, memberInvitationSchema } from "~/domain/staff-accounts";
import { inviteAccount } from "~/services/admin/account-invitations.server";
import {
  getFunderOrganisation,
  removeFunderMember,
  updateFunderOrganisation,
} from "~/services/admin/funder-organisations.server";
import { readFormData, replyTo, unknownIntent } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.organisation.name} — ` : ""}Financeurs — Administration — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  cree: "L’organisation est ajoutée\u202f: invitez maintenant ses membres.",
  modifie: "Le nom et le type de l’organisation sont enregistrés.",
  invite: "L’invitation est envoyée\u202f: la personne a reçu par e-mail le lien pour activer son compte.",
  retire: "Le membre est retiré de l’organisation\u202f: il n’a plus accès à l’espace des financeurs.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const organisation = await getFunderOrganisation(db, params.id ?? "");
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  return {
    confirmation: CONFIRMATIONS[done] ?? null,
    organisation: {
      id: organisation.id,
      name: organisation.name,
      slug: organisation.slug,
      kind: organisation.kind,
      kindLabel: FUNDER_KIND_LABELS[organisation.kind],
      createdOn: formatDate(organisation.createdAt),
    },
    members: organisation.members.map((member) => ({
      id: member.id,
      name: fullName(member),
      email: member.email,
      state: accountStateLabel(member, formatDate),
    })),
  };
}

const intentSchema = z.enum(["update", "invite", "remove-member"]);
type Intent = z.infer<typeof intentSchema>;
type Result = ActionResult<Partial<FunderOrganisationValues & IdentityValues>, Intent>;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const organisationId = params.id ?? "";
  const form = await readFormData(request);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) {
    throw unknownIntent();
  }
  const text = (name: string) => String(form.get(name) ?? "");
  const now = new Date();
  const done = (fait: string) => redirect(`/admin/financeurs/${organisationId}?fait=${fait}`);
  const fail = (errors: Record<string, string>, values: Result["values"]) =>
    data<Result>({ intent: intent.data, errors, values }, { status: 400 });
  try {
    if (intent.data === "update") {
      const values = { name: text("name"), kind: text("kind") };
      const parsed = funderOrganisationSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error, { depth: 1 }), values);
      await updateFunderOrganisation(db, { actorId: admin.id, id: organisationId, ...parsed.data, now });
      return done("modifie");
    }
    if (intent.data === "invite") {
      const values = { firstName: text("firstName"), lastName: text("lastName"), email: text("email") };
      const parsed = memberInvitationSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error, { depth: 1 }), values);
      // An unknown organisation answers 404 before anything is created.
      await getFunderOrganisation(db, organisationId);
      await inviteAccount(db, {
        inviter: admin,
        account: { ...parsed.data, role: "FUNDER", funderOrganisationId: organisationId },
        now,
      });
      return done("invite");
    }
    const userId = z.string().min(1).max(64).safeParse(form.get("userId"));
    if (!userId.success) return fail({ form: "Choisissez le membre à retirer." }, {});
    await removeFunderMember(db, { actorId: admin.id, organisationId, userId: userId.data, now });
    return done("retire");
  } catch (error) {
    return replyTo(error, { intent: intent.data, values: {} as Result["values"] });
  }
}

export default function FunderOrganisationPage() {
  const { organisation, members, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: Intent) => (result?.intent === intent ? result.errors : undefined);
  const valuesFor = (intent: Intent) => (result?.intent === intent ? result.values : {});
  const invited = valuesFor("invite");
  const edited = valuesFor("update");
  return (
    <>
      <p>
        <Link to="/admin/financeurs">Retour aux organisations financeuses</Link>
      </p>
      <h1>{organisation.name}</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      <p>
        {organisation.kindLabel} · identifiant <code>{organisation.slug}</code> · ajoutée le{" "}
        {organisation.createdOn}
      </p>
      <FunderOrganisationMembers
        organisationName={organisation.name}
        members={members}
        errors={errorsFor("remove-member")}
      />
      <div className="narrow">
        <FunderMemberInviteForm
          organisationName={organisation.name}
          values={{
            firstName: invited.firstName ?? "",
            lastName: invited.lastName ?? "",
            email: invited.email ?? "",
          }}
          errors={errorsFor("invite")}
        />
        <section aria-labelledby="modifier">
          <h2 id="modifier">Nom et type</h2>
          <FunderOrganisationForm
            intent="update"
            values={{ name: edited.name ?? organisation.name, kind: edited.kind ?? organisation.kind }}
            errors={errorsFor("update")}
            submitLabel="Enregistrer"
          />
        </section>
      </div>
    </>
  );
}
