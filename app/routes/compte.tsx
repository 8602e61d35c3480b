import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { OpenSessions } from "~/components/account/open-sessions";
import { deviceName } from "~/domain/devices";
import { fullName } from "~/domain/people";
import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { db } from "~/db.server";
import { consumeSendAllowance, SendLimitError } from "~/services/accounts/send-limits.server";
import { AUDIT_ACTIONS } from "~/domain/audit";
import { changePasswordSchema } from "~/domain/auth-schemas";
import { parseForm } from "~/domain/forms";
import {
  choosesNotificationMode,
  isNotificationMode,
  NOTIFICATION_MODE_OPTIONS,
} from "~/domain/notification-modes";
import { ROLE_LABELS } from "~/domain/roles";
import { changePassword, resendVerification } from "~/services/accounts/accounts.server";
import { closeOwnSession, listActiveSessions, revokeAllSessions } from "~/services/accounts/sessions.server";
import { readFormData } from "~/services/platform/http.server";
import { setNotificationMode } from "~/services/instruction/staff-notifications.server";
import { env } from "~/env.server";
import { getOptionalSession, requireUser, sessionCookie } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Mon compte — Portail ESS Centre-Val de Loire" }];

const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const current = await getOptionalSession(request);
  const [sessions, preferences] = await Promise.all([
    listActiveSessions(db, user, new Date(), env().staffSession),
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { notificationMode: true, totpEnabledAt: true },
    }),
  ]);
  return {
    user: { ...user, roleLabel: ROLE_LABELS[user.role] },
    notificationMode: choosesNotificationMode(user.role) ? preferences.notificationMode : null,
    secondFactorSince: preferences.totpEnabledAt ? dateTime.format(preferences.totpEnabledAt) : null,
    sessions: sessions.map((session) => ({
      id: session.id,
      device: deviceName(session.userAgent),
      createdAt: dateTime.format(session.createdAt),
      lastSeenAt: dateTime.format(session.lastSeenAt),
      current: session.id === current?.sessionId,
    })),
    message: new URL(request.url).searchParams.get("message"),
  };
}

const MESSAGES: Record<string, string> = {
  "email-envoye": "Un nouvel e-mail de confirmation vous a été envoyé.",
  "mot-de-passe": "Votre mot de passe a été modifié.",
  notifications: "Votre choix de notifications est enregistré.",
  "session-fermee": "La session est fermée\u202f: cet appareil devra se connecter de nouveau.",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const form = Object.fromEntries(formData);
  switch (form.intent) {
    case "resend-verification":
      try {
        await consumeSendAllowance(db, {
          kind: "verification",
          target: user.email,
          client: context.clientIp ?? "inconnue",
        });
      } catch (error) {
        if (!(error instanceof SendLimitError)) throw error;
        return data({ errors: { verification: error.message } as Record<string, string> }, { status: 429 });
      }
      await resendVerification(db, user.id);
      return redirect("/compte?message=email-envoye");
    case "sign-out-everywhere":
      await revokeAllSessions(db, user.id);
      await db.auditLog.create({ data: { actorId: user.id, action: AUDIT_ACTIONS.signOutEverywhere } });
      return redirect("/connexion", {
        headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
      });
    case "close-session": {
      const closed = await closeOwnSession(db, { userId: user.id, sessionId: String(form.sessionId ?? "") });
      if (!closed) {
        return data(
          { errors: { form: "Cette session est déjà fermée." } as Record<string, string> },
          { status: 404 },
        );
      }
      return redirect("/compte?message=session-fermee");
    }
    case "notifications": {
      if (!choosesNotificationMode(user.role)) {
        return data({ errors: { form: "Ce réglage est réservé aux agents de la Région." } }, { status: 403 });
      }
      if (!isNotificationMode(form.notificationMode)) {
        return data(
          { errors: { notificationMode: "Choisissez comment recevoir vos notifications." } },
          { status: 400 },
        );
      }
      await setNotificationMode(db, user.id, form.notificationMode);
      return redirect("/compte?message=notifications");
    }
    case "change-password": {
      const parsed = parseForm(changePasswordSchema, formData);
      if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
      const result = await changePassword(db, user.id, parsed.data.currentPassword, parsed.data.password);
      if (!result.ok) return data({ errors: { [result.field ?? "form"]: result.error } }, { status: 400 });
      return redirect("/compte?message=mot-de-passe");
    }
    default:
      return data({ errors: { form: "Action inconnue." } as Record<string, string> }, { status: 400 });
  }
}

export default function Account() {
  const { user, sessions, message, notificationMode, secondFactorSince } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.errors ?? {};
  // The resend's refusal is shown beside its button, not in the password form's summary.
  const { verification: _verification, ...passwordErrors } = errors;
  return (
    <div className="narrow">
      <h1>Mon compte</h1>
      {message && MESSAGES[message] ? (
        <p className="notice notice--success" role="status">
          {MESSAGES[message]}
        </p>
      ) : null}
      <section aria-labelledby="identite">
        <h2 id="identite">Identité</h2>
        <dl className="details">
          <dt>Nom</dt>
          <dd>{fullName(user)}</dd>
          <dt>Adresse e-mail</dt>
          <dd>
            {user.email} {user.emailVerified ? "(confirmée)" : "(non confirmée)"}
          </dd>
          <dt>Rôle</dt>
          <dd>{user.roleLabel}</dd>
        </dl>
        {errors.verification ? (
          <p className="notice notice--error" role="alert">
            {errors.verification}
          </p>
        ) : null}
        {user.emailVerified ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="resend-verification" />
            <button type="submit" className="button button--secondary">
              Renvoyer l’e-mail de confirmation
            </button>
          </Form>
        )}
      </section>

      {notificationMode ? (
        <section aria-labelledby="notifications">
          <h2 id="notifications">Notifications</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="notifications" />
            <fieldset
              className="field"
              aria-describedby={errors.notificationMode ? "notifications-erreur" : undefined}
            >
              <legend>Comment souhaitez-vous être prévenu·e des événements sur vos dossiers ?</legend>
              {errors.notificationMode ? (
                <p className="field__error" id="notifications-erreur">
                  {errors.notificationMode}
                </p>
              ) : null}
              {NOTIFICATION_MODE_OPTIONS.map((option) => (
                <div className="choice" key={option.value}>
                  <input
                    type="radio"
                    name="notificationMode"
                    id={`notification-${option.value}`}
                    value={option.value}
                    defaultChecked={option.value === notificationMode}
                    aria-describedby={`notification-${option.value}-aide`}
                  />
                  <label htmlFor={`notification-${option.value}`}>{option.label}</label>
                  <p className="field__hint" id={`notification-${option.value}-aide`}>
                    {option.hint}
                  </p>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="button button--secondary">
              Enregistrer mon choix
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="double-authentification">
        <h2 id="double-authentification">Double authentification</h2>
        {secondFactorSince ? (
          <p>
            Activée depuis le {secondFactorSince}&#8239;: chaque connexion demande le code de votre
            application.
          </p>
        ) : (
          <p>
            Non activée.{" "}
            <Link to="/compte/double-authentification">Protéger mon compte par un second facteur</Link>
          </p>
        )}
      </section>

      <OpenSessions sessions={sessions} />

      <section aria-labelledby="mot-de-passe">
        <h2 id="mot-de-passe">Changer de mot de passe</h2>
        <ErrorSummary
          errors={passwordErrors}
          labels={{
            currentPassword: "Mot de passe actuel",
            password: "Nouveau mot de passe",
            passwordConfirmation: "Confirmation",
          }}
        />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <InputField
            name="currentPassword"
            type="password"
            label="Mot de passe actuel"
            autoComplete="current-password"
            required
            error={errors.currentPassword}
          />
          <NewPasswordFields
            errors={errors}
            label="Nouveau mot de passe"
            confirmationLabel="Confirmation du nouveau mot de passe"
          />
          <button type="submit" className="button">
            Changer mon mot de passe
          </button>
        </Form>
      </section>

      <section aria-labelledby="mes-donnees">
        <h2 id="mes-donnees">Mes données</h2>
        <p>
          Une archive ZIP avec votre compte, vos connexions, vos organisations, leurs dossiers (réponses,
          budget, historique, messages, demandes de correction) et les pièces et documents PDF de ces
          dossiers.
        </p>
        <a href="/compte/mes-donnees.zip" className="button button--secondary" download>
          Télécharger toutes mes données (ZIP)
        </a>
      </section>
    </div>
  );
}
