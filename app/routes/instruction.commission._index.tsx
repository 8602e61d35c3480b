// The sessions of the Commission Permanente, the coming ones first, and the form planning a new one.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { db } from "~/db.server";
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { parisDay } from "~/domain/paris-time";
import { createSession, listSessions } from "~/services/commission/sessions.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Commission permanente — Instruction — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const sessions = await listSessions(db);
  return {
    today: parisDay(new Date()),
    sessions: sessions.map((session) => ({
      id: session.id,
      title: session.title,
      date: formatDate(session.date),
      held: session.status === "HELD",
      decidedAt: session.decidedAt ? formatDateTime(session.decidedAt) : null,
      dossierCount: session.dossierCount,
      proposed: formatEuros(session.proposedCents),
      granted: formatEuros(session.grantedCents),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const form = await readFormData(request);
  const values = { date: String(form.get("date") ?? ""), title: String(form.get("title") ?? "") };
  if (form.get("intent") !== "create") {
    return data<ActionResult<{ date: string; title: string }>>(
      { errors: { form: "Action inconnue : rechargez la page." }, values },
      { status: 400 },
    );
  }
  try {
    const session = await createSession(db, {
      actor: user,
      date: values.date,
      title: values.title,
      now: new Date(),
    });
    return redirect(`/instruction/commission/${session.id}?cree=1`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function CommissionSessions() {
  const { sessions, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <h1>Commission permanente</h1>
      <p>
        Les séances de la Commission permanente du Conseil régional : inscrivez les dossiers proposés à leur
        ordre du jour, imprimez-le, puis enregistrez les décisions votées.
      </p>

      <h2>Séances</h2>
      {sessions.length === 0 ? (
        <p>Aucune séance n’est encore prévue.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="sessions-caption" tabIndex={0}>
          <table className="commission-table">
            <caption id="sessions-caption">
              Séances de la Commission permanente, les prochaines d’abord
            </caption>
            <thead>
              <tr>
                <th scope="col">Séance</th>
                <th scope="col">Date</th>
                <th scope="col">État</th>
                <th scope="col" className="number">
                  Dossiers
                </th>
                <th scope="col" className="number">
                  Montants proposés
                </th>
                <th scope="col" className="number">
                  Montants accordés
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <th scope="row">
                    <Link to={`/instruction/commission/${session.id}`}>{session.title}</Link>
                  </th>
                  <td>{session.date}</td>
                  <td>
                    {!session.held
                      ? "Prévue"
                      : session.decidedAt
                        ? `Tenue — décisions enregistrées le ${session.decidedAt}`
                        : "Tenue"}
                  </td>
                  <td className="number">{session.dossierCount}</td>
                  <td className="number">{session.proposed}</td>
                  <td className="number">{session.held ? session.granted : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="nouvelle-seance">Prévoir une séance</h2>
      <ErrorSummary errors={errors} labels={{ date: "Date de la séance", title: "Titre" }} />
      <Form method="post" className="commission-session-form" aria-labelledby="nouvelle-seance" noValidate>
        <input type="hidden" name="intent" value="create" />
        <InputField
          name="date"
          type="date"
          label="Date de la séance"
          required
          min={today}
          defaultValue={result?.values.date}
          error={errors?.date}
        />
        <InputField
          name="title"
          label="Titre"
          hint="Facultatif ; par défaut « Commission permanente du » suivi de la date."
          maxLength={200}
          defaultValue={result?.values.title}
          error={errors?.title}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            Créer la séance
          </button>
        </div>
      </Form>
    </>
  );
}
