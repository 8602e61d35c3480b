// One account: who it is, its state and last activity; an instructor's scope; resending a pending
// invitation; deactivation (every session ends at once) and reactivation.
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
import {
  AccountActivation,
  AccountInvitation,
  AccountScopeForm,
  AccountSecondFactor,
} from "~/components/admin/account-actions";
import { AccountSummary } from "~/components/admin/account-summary";
import { db } from "~/db.server";
import { formatDate, formatDateTime } from "~/domain/format";
import { MEMBERSHIP_ROLE_LABELS } from "~/domain/organisation-schema";
import { ROLE_LABELS } from "~/domain/roles";
import {
  accountStateLabel,
  describeScope,
  instructorScopeSchema,
  openDossiersWarning,
  scopeFields,
} from "~/domain/staff-accounts";
import {
  deactivateAccount,
  reactivateAccount,
  resetSecondFactor,
  setInstructorScope,
} from "~/services/admin/account-access.server";
import { resendInvitation } from "~/services/admin/account-invitations.server";
import { getAccount, scopeOptions } from "~/services/admin/accounts.server";
import { readFormData, replyTo, unknownIntent } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.account.name} — ` : ""}Comptes — Administration — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  invite: "L’invitation est envoyée\u202f: la personne a reçu par e-mail le lien pour activer son compte.",
  renvoye: "Une nouvelle invitation est envoyée\u202f; le lien précédent ne fonctionne plus.",
  perimetre: "Le périmètre d’instruction est enregistré\u202f: il s’applique dès maintenant.",
  desactive: "Le compte est désactivé\u202f: la personne est déconnectée de tous ses appareils.",
  reactive: "Le compte est réactivé\u202f: la personne peut de nouveau se connecter.",
  "second-facteur":
    "La double authentification est réinitialisée\u202f: la personne en enregistrera une nouvelle à sa prochaine connexion.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const now = new Date();
  const account = await getAccount(db, params.id ?? "", now);
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  const options = account.role === "INSTRUCTOR" ? await scopeOptions(db) : null;
  const name = fullName(account);
  return {
    confirmation: CONFIRMATIONS[done] ?? null,
    isSelf: admin.id === account.id,
    account: {
      id: account.id,
      name,
      email: account.email,
      role: ROLE_LABELS[account.role],
      state: accountStateLabel(account, formatDate),
      createdOn: formatDate(account.createdAt),
      emailVerifiedOn: account.emailVerifiedAt ? formatDate(account.emailVerifiedAt) : null,
      lastSeen: account.lastSeenAt ? formatDateTime(account.lastSeenAt) : null,
      funderOrganisation: account.funderOrganisation,
      isApplicant: account.role === "APPLICANT",
      isFunder: account.role === "FUNDER",
      memberships: account.memberships.map((membership) => ({
        id: membership.organisation.id,
        name: membership.organisation.name,
        city: membership.organisation.city,
        role: MEMBERSHIP_ROLE_LABELS[membership.role],
      })),
      deactivatedOn: account.deactivatedAt ? formatDate(account.deactivatedAt) : null,
      secondFactorSince: account.totpEnabledAt ? formatDate(account.totpEnabledAt) : null,
      openDossiersWarning: openDossiersWarning(account.openAssignedDossiers, account.deactivatedAt !== null),
      queueHref: `/instruction?${new URLSearchParams({ instructeur: account.id })}`,
      invitation: {
        pending: account.invitationPending,
        expiresOn: account.invitationExpiresAt ? formatDateTime(account.invitationExpiresAt) : null,
        expired: account.invitationExpired,
      },
    },
    scope: options
      ? {
          description: describeScope(account.instructorScope, options.names),
          values: account.instructorScope ?? { schemes: [], departmentCodes: [], territoryCodes: [] },
          choices: {
            schemes: options.schemes,
            departments: options.departments,
            territories: options.territories,
          },
        }
      : null,
  };
}

const intentSchema = z.enum(["scope", "resend", "deactivate", "reactivate", "reset-second-factor"]);
type Intent = z.infer<typeof intentSchema>;
type Result = ActionResult<undefined, Intent>;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const userId = params.id ?? "";
  const form = await readFormData(request);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) {
    throw unknownIntent();
  }
  const now = new Date();
  const done = (fait: string) => redirect(`/admin/comptes/${userId}?fait=${fait}`);
  try {
    switch (intent.data) {
      case "scope": {
        const scope = instructorScopeSchema.safeParse(scopeFields(form));
        if (!scope.success) {
          return data<Result>(
            { intent: "scope", errors: fieldErrors(scope.error, { depth: 1 }) },
            { status: 400 },
          );
        }
        await setInstructorScope(db, { actorId: admin.id, userId, scope: scope.data, now });
        return done("perimetre");
      }
      case "resend":
        await resendInvitation(db, { inviter: admin, userId, now });
        return done("renvoye");
      case "deactivate":
        await deactivateAccount(db, { actorId: admin.id, userId, now });
        return done("desactive");
      case "reactivate":
        await reactivateAccount(db, { actorId: admin.id, userId, now });
        return done("reactive");
      case "reset-second-factor":
        await resetSecondFactor(db, { actorId: admin.id, userId, now });
        return done("second-facteur");
    }
  } catch (error) {
    return replyTo(error, { intent: intent.data });
  }
}

export default function AccountPage() {
  const { account, scope, isSelf, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (...intents: Intent[]) =>
    result && intents.includes(result.intent) ? result.errors : undefined;
  return (
    <>
      <p>
        <Link to="/admin/comptes">Retour aux comptes</Link>
      </p>
      <h1>{account.name}</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      <AccountSummary account={account} />
      <AccountInvitation account={account} errors={errorsFor("resend")} />
      {scope ? (
        <AccountScopeForm
          description={scope.description}
          choices={scope.choices}
          values={scope.values}
          errors={errorsFor("scope")}
        />
      ) : null}
      <AccountSecondFactor account={account} errors={errorsFor("reset-second-factor")} />
      <AccountActivation account={account} isSelf={isSelf} errors={errorsFor("deactivate", "reactivate")} />
    </>
  );
}
