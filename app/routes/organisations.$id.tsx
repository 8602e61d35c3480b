import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import {
  ORGANISATION_FIELD_LABELS,
  OrganisationForm,
  organisationFieldId,
  type OrganisationFormFieldName,
  type OrganisationFormState,
} from "~/components/organisation-form";
import { OrganisationProfile } from "~/components/organisation-profile";
import { InviteForm, MembersTable, PendingInvitations } from "~/components/organisation-members";
import { db } from "~/db.server";
import { mayBeCooperativeInCreation } from "~/domain/legal-forms";
import {
  formFields,
  invitationFormSchema,
  organisationFormSchema,
  organisationInRegion,
  OUTSIDE_REGION_NOTICE,
} from "~/domain/organisation-schema";
import { MembershipRole } from "~/generated/prisma/enums";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { checkSendAllowance, recordSend } from "~/services/accounts/send-limits.server";
import {
  getOrganisationForMember,
  listMembers,
  removeMember,
  updateOrganisation,
} from "~/services/applicant/organisations.server";
import {
  inviteMember,
  listPendingInvitations,
  revokeInvitation,
} from "~/services/applicant/organisation-invitations.server";
import { requireRole } from "~/session.server";
import { appUrl } from "~/env.server";
import { type ActionResult, parseForm } from "~/domain/forms";

const CONFIRMATIONS: Record<string, string> = {
  "organisation-creee": "L’organisation a été enregistrée. Vous en êtes responsable.",
  "organisation-modifiee": "Les informations de l’organisation ont été enregistrées.",
  "invitation-envoyee": "L’invitation a été envoyée par courriel.",
  "invitation-annulee": "L’invitation a été annulée : son lien ne fonctionne plus.",
  "membre-retire": "La personne a été retirée de l’organisation.",
  "invitation-acceptee": "Vous avez rejoint l’organisation.",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.organisation.name ?? "Organisation"} – Portail ESS Centre-Val de Loire` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const { organisation, role } = await getOrganisationForMember(db, user.id, params.id ?? "");
  const isOwner = role === MembershipRole.OWNER;
  const [members, invitations] = await Promise.all([
    listMembers(db, user.id, organisation.id),
    isOwner ? listPendingInvitations(db, user.id, organisation.id) : Promise.resolve([]),
  ]);
  const message = new URL(request.url).searchParams.get("message");
  return {
    userId: user.id,
    isOwner,
    organisation,
    members,
    invitations,
    inRegion: organisationInRegion(organisation.postcode),
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

function refused(intent: string, errors: Record<string, string>, values: Record<string, string> = {}) {
  return data<ActionResult<Record<string, string>, string>>({ intent, errors, values }, { status: 400 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const organisationId = params.id ?? "";
  const form = await readFormData(request);
  const values = formFields(form);
  const intent = values.intent ?? "";
  const done = (message: string) => redirect(`/organisations/${organisationId}?message=${message}`);
  try {
    switch (intent) {
      case "update": {
        const parsed = parseForm(organisationFormSchema, form, { depth: 1 });
        if (!parsed.ok) return refused(intent, parsed.errors, values);
        await updateOrganisation(db, user.id, organisationId, parsed.data);
        return done("organisation-modifiee");
      }
      case "invite": {
        const parsed = parseForm(invitationFormSchema, form, { depth: 1 });
        if (!parsed.ok) return refused(intent, parsed.errors, values);
        // Counted once the invitation is sent: a refused one (already a member…) counts nothing.
        const send = {
          kind: "invitation" as const,
          target: parsed.data.email,
          client: context.clientIp ?? "inconnue",
        };
        await checkSendAllowance(db, send);
        await inviteMember(db, {
          organisationId,
          inviterId: user.id,
          ...parsed.data,
          appUrl: appUrl(),
        });
        await recordSend(db, send);
        return done("invitation-envoyee");
      }
      case "remove-member": {
        await removeMember(db, { organisationId, actorId: user.id, memberUserId: values.memberUserId ?? "" });
        // An owner who leaves no longer sees the page.
        return values.memberUserId === user.id ? redirect("/espace") : done("membre-retire");
      }
      case "revoke-invitation": {
        await revokeInvitation(db, {
          organisationId,
          actorId: user.id,
          invitationId: values.invitationId ?? "",
        });
        return done("invitation-annulee");
      }
      default:
        // Still answer 404 to a non-member, whatever they post.
        await getOrganisationForMember(db, user.id, organisationId);
        return refused(intent, { form: "Action inconnue. Rechargez la page et réessayez." });
    }
  } catch (error) {
    return replyTo(error, { intent, values });
  }
}

/** The stored organisation as the edit form's initial values. */
function formStateOf(
  organisation: ReturnType<typeof useLoaderData<typeof loader>>["organisation"],
): OrganisationFormState {
  const on = (checked: boolean) => (checked ? "on" : "");
  return {
    name: organisation.name,
    legalForm: organisation.legalForm,
    cooperativeInCreation: on(!organisation.siret && mayBeCooperativeInCreation(organisation.legalForm)),
    siret: organisation.siret ?? "",
    rnaNumber: organisation.rnaNumber ?? "",
    esusApproved: on(organisation.esusApproved),
    esusApprovalDate: organisation.esusApprovalDate
      ? new Date(organisation.esusApprovalDate).toISOString().slice(0, 10)
      : "",
    addressLine: organisation.addressLine ?? "",
    postcode: organisation.postcode ?? "",
    city: organisation.city ?? "",
    legalRepresentativeName: organisation.legalRepresentativeName ?? "",
    legalRepresentativeRole: organisation.legalRepresentativeRole ?? "",
    contactEmail: organisation.contactEmail ?? "",
    contactPhone: organisation.contactPhone ?? "",
    iban: organisation.iban ?? "",
    bic: organisation.bic ?? "",
  };
}

export default function OrganisationPage() {
  const { userId, isOwner, organisation, members, invitations, inRegion, confirmation } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : {});
  const valuesFor = (intent: string) => (result?.intent === intent ? result.values : undefined);
  const updateErrors = errorsFor("update");
  const inviteErrors = errorsFor("invite");
  const otherErrors = result && !["update", "invite"].includes(result.intent) ? result.errors : {};

  return (
    <div className="page">
      <h1>{organisation.name}</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {inRegion === false ? <p className="notice">{OUTSIDE_REGION_NOTICE}</p> : null}
      <ErrorSummary errors={otherErrors} fieldId={() => undefined} />

      <section aria-labelledby="profil">
        <h2 id="profil">Profil de l’organisation</h2>
        {isOwner ? (
          <>
            <ErrorSummary
              errors={updateErrors}
              fieldId={(field) =>
                field in ORGANISATION_FIELD_LABELS
                  ? organisationFieldId(field as OrganisationFormFieldName)
                  : undefined
              }
            />
            <OrganisationForm
              values={valuesFor("update") ?? formStateOf(organisation)}
              errors={updateErrors}
              submitLabel="Enregistrer les modifications"
              intent="update"
            />
          </>
        ) : (
          <OrganisationProfile organisation={organisation} />
        )}
      </section>

      <section aria-labelledby="membres">
        <h2 id="membres">Membres</h2>
        <MembersTable members={members} currentUserId={userId} canManage={isOwner} />
      </section>

      {isOwner ? (
        <section aria-labelledby="inviter">
          <h2 id="inviter">Inviter une personne</h2>
          <ErrorSummary
            errors={inviteErrors}
            fieldId={(field) =>
              field === "email" ? "invitation-email" : field === "role" ? "invitation-role" : undefined
            }
          />
          <InviteForm values={valuesFor("invite") ?? {}} errors={inviteErrors} />
          <h3>Invitations en attente</h3>
          <PendingInvitations invitations={invitations} />
        </section>
      ) : null}
    </div>
  );
}
