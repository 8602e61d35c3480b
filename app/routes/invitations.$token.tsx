import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { MEMBERSHIP_ROLE_LABELS } from "~/domain/organisation-schema";
import { acceptInvitation, findInvitation } from "~/services/applicant/organisation-invitations.server";
import { getOptionalUser, requireRole } from "~/session.server";
import { replyTo } from "~/services/platform/http.server";

export const meta: MetaFunction = () => [
  { title: "Invitation à rejoindre une organisation – Portail ESS Centre-Val de Loire" },
  // The URL is a secret: keep it out of search engines and of the Referer sent to other sites.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const invitation = await findInvitation(db, params.token ?? "");
  const here = new URL(request.url).pathname;
  const signedIn = user
    ? {
        email: user.email,
        matches: invitation?.email === user.email.trim().toLowerCase(),
        isApplicant: user.role === "APPLICANT",
      }
    : null;
  if (!invitation) return data({ invitation: null, signedIn, here }, { status: 404 });
  const { email: _email, ...shown } = invitation;
  return { invitation: shown, signedIn, here };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  try {
    const organisationId = await acceptInvitation(db, { token: params.token ?? "", userId: user.id });
    return redirect(`/organisations/${organisationId}?message=invitation-acceptee`);
  } catch (error) {
    return replyTo(error);
  }
}

const shortDate = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" });

export default function InvitationPage() {
  const { invitation, signedIn, here } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = encodeURIComponent(here);

  if (!invitation) {
    return (
      <div className="page">
        <h1>Invitation introuvable</h1>
        <p>
          Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier depuis le courriel reçu.
        </p>
      </div>
    );
  }

  const title = `Rejoindre ${invitation.organisation.name}`;
  if (invitation.state !== "pending") {
    return (
      <div className="page">
        <h1>{title}</h1>
        <p>
          {invitation.state === "used"
            ? "Cette invitation a déjà été utilisée."
            : `Cette invitation a expiré le ${shortDate.format(new Date(invitation.expiresAt))}. Demandez à ${invitation.inviterName} de vous en envoyer une nouvelle.`}
        </p>
        {signedIn ? (
          <p>
            <Link to="/espace">Aller à mon espace</Link>
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="page">
      <h1>{title}</h1>
      <p>
        {invitation.inviterName} vous invite à rejoindre l’organisation{" "}
        <strong>{invitation.organisation.name}</strong> sur le portail, en tant que{" "}
        {MEMBERSHIP_ROLE_LABELS[invitation.role].toLowerCase()}. Vous pourrez consulter l’organisation et
        préparer ses dossiers de financement.
      </p>
      <p>Cette invitation est valable jusqu’au {shortDate.format(new Date(invitation.expiresAt))}.</p>
      {result?.errors.form ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{result.errors.form}</p>
        </div>
      ) : null}
      {!signedIn ? (
        <>
          <p>
            Pour accepter l’invitation, connectez-vous avec l’adresse électronique à laquelle vous l’avez
            reçue.
          </p>
          <ul>
            <li>
              <Link to={`/connexion?redirectTo=${back}`}>Me connecter</Link>
            </li>
            <li>
              <Link to={`/inscription?redirectTo=${back}`}>Créer un compte</Link>
            </li>
          </ul>
        </>
      ) : !signedIn.isApplicant ? (
        <p>
          Vous êtes connecté·e avec un compte qui n’est pas un compte de porteur de projet ({signedIn.email}).
          Déconnectez-vous puis connectez-vous avec le compte de l’adresse invitée.
        </p>
      ) : !signedIn.matches ? (
        <p>
          Vous êtes connecté·e en tant que {signedIn.email}, mais cette invitation a été envoyée à une autre
          adresse électronique. Déconnectez-vous puis connectez-vous avec le compte de l’adresse invitée.
        </p>
      ) : (
        <Form method="post">
          <button type="submit">Accepter l’invitation</button>
        </Form>
      )}
    </div>
  );
}
