// One session of the Commission Permanente: its agenda with the totals per scheme, the budget envelopes, the
// proposed dossiers to put on it, and the form recording the whole session's decisions at once.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { CommissionAgenda, CommissionTotals } from "~/components/instruction/commission-agenda";
import { CommissionCandidates } from "~/components/instruction/commission-candidates";
import { CommissionDecisions } from "~/components/instruction/commission-decisions";
import { CommissionEnvelopes } from "~/components/instruction/commission-envelopes";
import { db } from "~/db.server";
import { decisionFieldId, parseSessionDecisions } from "~/domain/commission";
import { sessionDecisionRules, sessionOverview } from "~/services/commission/agenda.server";
import { recordSessionDecisions } from "~/services/commission/decisions.server";
import { sessionPageView } from "~/services/commission/session-page.server";
import { addToAgenda, removeFromAgenda } from "~/services/commission/sessions.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl } from "~/env.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.session.title ?? "Séance"} — Instruction — Portail ESS Centre-Val de Loire` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const view = await sessionOverview(db, { actor: user, sessionId: params.id ?? "" });
  return sessionPageView(view, new URL(request.url).searchParams, new Date());
}

type Result = ActionResult<Record<string, string> | undefined, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const sessionId = params.id ?? "";
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const here = `/instruction/commission/${sessionId}`;
  const now = new Date();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  try {
    if (intent === "add" || intent === "remove") {
      const dossierIds = form
        .getAll("dossierId")
        .filter((value): value is string => typeof value === "string");
      const change = { actor: user, sessionId, dossierIds, now };
      if (intent === "add") return redirect(`${here}?ajoute=${await addToAgenda(db, change)}`);
      await removeFromAgenda(db, change);
      return redirect(`${here}?retire=1`);
    }
    if (intent === "decide") {
      const parsed = parseSessionDecisions(values, await sessionDecisionRules(db, sessionId));
      if (!parsed.ok) return data<Result>({ intent, errors: parsed.errors, values }, { status: 422 });
      await recordSessionDecisions(db, storage(), {
        actor: user,
        sessionId,
        decisions: parsed.decisions,
        now,
        appUrl: appUrl(),
      });
      return redirect(`${here}?enregistre=1`);
    }
    return data<Result>(
      { intent, errors: { form: "Action inconnue : rechargez la page." } },
      { status: 400 },
    );
  } catch (error) {
    return replyTo(error, { intent, values: intent === "decide" ? values : undefined });
  }
}

export default function CommissionSessionPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { session } = view;
  const decisionErrors = result?.intent === "decide" ? result.errors : {};
  // The decisions form lists its errors in the summary; the others are announced at the top.
  const alert =
    result &&
    (result.errors.form ?? (result.intent === "decide" ? undefined : Object.values(result.errors)[0]));
  const labels = Object.fromEntries(
    view.decisions.flatMap((dossier) =>
      ["outcome", "amount", "yearlyAmounts", "motivation", "year1", "year2", "year3", "year4", "year5"].map(
        (field) => [`${dossier.id}.${field}`, `${dossier.number} — ${FIELD_LABELS[field] ?? field}`],
      ),
    ),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/instruction/commission">Commission permanente</Link>
      </p>
      <h1>{session.title}</h1>
      <p className="commission-session__meta">
        Séance du {session.date} —{" "}
        {session.held
          ? session.decidedAt
            ? `tenue, décisions enregistrées le ${session.decidedAt}`
            : "tenue"
          : "prévue"}
      </p>
      {/* Present from the first render, so what is put in it after an action is announced. */}
      <div role="status">
        {view.confirmation ? <p className="notice notice--success">{view.confirmation}</p> : null}
      </div>
      {alert ? (
        <p className="notice notice--error" role="alert">
          {alert}
        </p>
      ) : null}
      <ErrorSummary
        errors={result?.intent === "decide" ? result.errors : undefined}
        labels={labels}
        fieldId={decisionFieldId}
      />

      <h2>Ordre du jour</h2>
      <p>
        <a href={`/instruction/commission/${session.id}/ordre-du-jour.pdf`} download>
          Télécharger l’ordre du jour (PDF)
        </a>
      </p>
      <CommissionAgenda rows={view.agenda} held={session.held} sessionTitle={session.title} />
      <CommissionTotals totals={view.totals} total={view.total} />

      <h2>Enveloppes budgétaires</h2>
      <CommissionEnvelopes envelopes={view.envelopes} held={session.held} />
      {view.envelopes.length === 0 ? <p>Aucun appel concerné pour l’instant.</p> : null}

      {session.held ? null : (
        <>
          <h2>Inscrire des dossiers</h2>
          <CommissionCandidates
            candidates={view.candidates}
            error={result?.intent === "add" ? result.errors?.dossierIds : undefined}
          />

          <h2>Décisions de la séance</h2>
          {session.notMet ? (
            <p className="notice notice--info">{session.notMet}</p>
          ) : view.canDecide ? (
            <CommissionDecisions
              dossiers={view.decisions}
              errors={decisionErrors}
              values={result?.intent === "decide" ? (result.values ?? null) : null}
              submitting={navigation.state !== "idle" && navigation.formData?.get("intent") === "decide"}
            />
          ) : view.agenda.length === 0 ? (
            <p>Inscrivez des dossiers à l’ordre du jour avant d’enregistrer les décisions.</p>
          ) : (
            <p className="notice notice--info">
              Certains dossiers de cette séance sont hors de votre périmètre : une personne habilitée pour
              tous les dossiers de la séance doit enregistrer les décisions.
            </p>
          )}
        </>
      )}
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  outcome: "décision",
  amount: "montant voté",
  yearlyAmounts: "montants annuels",
  motivation: "motivation",
  year1: "année 1",
  year2: "année 2",
  year3: "année 3",
  year4: "année 4",
  year5: "année 5",
};
