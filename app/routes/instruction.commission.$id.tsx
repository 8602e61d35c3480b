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
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { splitYearly } from "~/domain/schedules";
import { sessionDecisionRules, sessionOverview, type AgendaItem } from "~/services/commission/agenda.server";
import { recordSessionDecisions } from "~/services/commission/decisions.server";
import { addToAgenda, removeFromAgenda } from "~/services/commission/sessions.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl } from "~/env.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.session.title ?? "Séance"} — Instruction — Portail ESS Centre-Val de Loire` },
];

const amount = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
/** What a person would type: « 12 000,00 », without the euro sign the label already gives. */
const typed = (cents: number) => formatEuros(cents).replace(/\s*€$/u, "");
const opinionLabel = (item: AgendaItem) =>
  item.opinion ? (item.opinion.favourable ? "Favorable" : "Défavorable") : "Sans avis";

function decisionDefaults(item: AgendaItem) {
  const proposed = item.proposedAmountCents ?? item.opinion?.proposedAmountCents ?? 0;
  const yearly =
    item.years === 0
      ? []
      : item.opinion?.yearlyAmountsCents.length === item.years
        ? item.opinion.yearlyAmountsCents
        : splitYearly(proposed, item.years);
  return {
    outcome: item.opinion
      ? item.opinion.favourable
        ? ("GRANTED" as const)
        : ("REFUSED" as const)
      : ("" as const),
    amount: proposed > 0 ? typed(proposed) : "",
    years: yearly.map(typed),
    motivation: item.opinion && !item.opinion.favourable ? item.opinion.motivation : "",
  };
}

function candidateRow(item: AgendaItem) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    organisationName: item.organisationName,
    schemeName: item.schemeName,
    department: item.departmentCode ?? "—",
    requested: amount(item.requestedAmountCents),
    proposed: amount(item.proposedAmountCents),
    opinion: opinionLabel(item),
  };
}

function confirmation(params: URLSearchParams): string | null {
  if (params.get("cree")) return "La séance est créée : inscrivez les dossiers proposés à son ordre du jour.";
  const added = Number(params.get("ajoute"));
  if (added > 0) {
    return added === 1
      ? "Le dossier est inscrit à l’ordre du jour."
      : `${added} dossiers sont inscrits à l’ordre du jour.`;
  }
  if (params.get("retire")) return "Le dossier est retiré de l’ordre du jour.";
  if (params.get("enregistre")) {
    return "Les décisions de la séance sont enregistrées : chaque porteur de projet reçoit sa lettre de décision et, pour une aide accordée, sa convention et son échéancier.";
  }
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const view = await sessionOverview(db, { actor: user, sessionId: params.id ?? "" });
  const { session } = view;
  const held = session.status === "HELD";
  return {
    session: {
      id: session.id,
      title: session.title,
      date: formatDate(session.date),
      held,
      decidedAt: session.decidedAt ? formatDateTime(session.decidedAt) : null,
    },
    agenda: view.agenda.map((item) => ({
      ...candidateRow(item),
      decision:
        item.status === "GRANTED"
          ? `Accordé : ${amount(item.grantedAmountCents)}`
          : item.status === "REFUSED"
            ? "Refusé"
            : null,
      removable: !held && item.inScope,
    })),
    totals: view.totals.schemes.map(totalRow),
    total: totalRow(view.totals.total),
    envelopes: view.envelopes.map((envelope) => ({
      callId: envelope.callId,
      title: envelope.title,
      envelope: formatEuros(envelope.envelopeCents),
      voted: formatEuros(envelope.votedCents),
      remaining: formatEuros(envelope.remainingCents),
      sessionProposed: formatEuros(envelope.sessionProposedCents),
      remainingAfter: formatEuros(envelope.remainingAfterCents),
      overBy: envelope.exceeded ? formatEuros(-envelope.remainingAfterCents) : null,
      exceeded: envelope.exceeded,
    })),
    candidates: view.candidates.map(candidateRow),
    canDecide: view.canDecide,
    decisions: view.canDecide
      ? view.agenda.map((item) => ({
          id: item.id,
          number: item.number,
          organisationName: item.organisationName,
          title: item.title,
          schemeName: item.schemeName,
          proposed: amount(item.proposedAmountCents),
          opinion: opinionLabel(item),
          defaults: decisionDefaults(item),
        }))
      : [],
    confirmation: confirmation(new URL(request.url).searchParams),
  };
}

function totalRow(total: {
  schemeName: string;
  count: number;
  requestedCents: number;
  proposedCents: number;
}) {
  return {
    schemeName: total.schemeName,
    count: total.count,
    requested: formatEuros(total.requestedCents),
    proposed: formatEuros(total.proposedCents),
  };
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
          {view.canDecide ? (
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
