// One call for projects: its window and envelope to edit, its figures, its dossiers by step (with the way to
// them in the instruction queue), and its deletion while no dossier is attached to it.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { CallDossierCounts, CallFigures } from "~/components/admin/call-figures";
import { CallForm } from "~/components/admin/call-form";
import { db } from "~/db.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";
import { figuresView } from "~/domain/call-envelopes";
import { callFormSchema, callFormValues, readCallForm, type CallFormValues } from "~/domain/call-form";
import { CALL_KIND_LABELS, CALL_STATE_LABELS, windowLabel } from "~/domain/calls";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { deleteCall, getCall, schemeOptions, updateCall } from "~/services/admin/calls.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? loaded.call.title : "Appel introuvable"} — Administration — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  cree: "L’appel à projets est créé.",
  modifie: "Les modifications de l’appel sont enregistrées.",
  inchange: "Aucune modification : l’appel était déjà ainsi.",
};

const callId = (params: LoaderFunctionArgs["params"]) => (params.id ?? "").slice(0, 64);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [call, schemes] = await Promise.all([getCall(db, callId(params), new Date()), schemeOptions(db)]);
  return {
    confirmation: CONFIRMATIONS[new URL(request.url).searchParams.get("fait") ?? ""] ?? null,
    schemes,
    values: callFormValues(call),
    call: {
      id: call.callId,
      title: call.title,
      year: call.year,
      scheme: call.scheme,
      kind: CALL_KIND_LABELS[call.kind],
      window: windowLabel(call),
      state: CALL_STATE_LABELS[call.state],
      figures: figuresView(call),
      counts: call.countsByStatus.map((row) => ({
        label: DOSSIER_STATUS_LABELS[row.status],
        count: row.count,
      })),
      dossierCount: call.dossierCount,
    },
  };
}

const intentSchema = z.enum(["update", "delete"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const id = callId(params);
  const form = await readFormData(request);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) {
    return data<ActionResult<CallFormValues | null>>(
      { errors: { form: "Action inconnue : rechargez la page." }, values: null },
      { status: 400 },
    );
  }
  const now = new Date();
  const values = intent.data === "update" ? readCallForm(form) : null;
  try {
    if (!values) {
      const { year } = await deleteCall(db, { actorId: user.id, callId: id, now });
      return redirect(`/admin/appels?annee=${year}&fait=supprime`);
    }
    const parsed = callFormSchema.safeParse(values);
    if (!parsed.success) {
      // An unknown call answers 404 whatever was posted.
      await getCall(db, id, now);
      return data<ActionResult<CallFormValues | null>>(
        { errors: fieldErrors(parsed.error), values },
        { status: 400 },
      );
    }
    const { changed } = await updateCall(db, { actorId: user.id, callId: id, call: parsed.data, now });
    return redirect(`/admin/appels/${id}?fait=${changed ? "modifie" : "inchange"}`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function AdminCall() {
  const { call, values, schemes, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formErrors = result?.values ? result.errors : undefined;
  return (
    <>
      <p>
        <Link to={`/admin/appels?annee=${call.year}`}>Appels à projets {call.year}</Link>
      </p>
      <h1>{call.title}</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {result && !result.values ? (
        <div className="notice notice--error" role="alert">
          <p>{result.errors.form}</p>
        </div>
      ) : null}
      <p>
        {call.scheme} — {call.kind}, {call.window}. État : <strong>{call.state}</strong>.
      </p>

      <CallFigures figures={call.figures} />
      <CallDossierCounts callId={call.id} counts={call.counts} />

      <section aria-labelledby="modifier">
        <h2 id="modifier">Modifier l’appel</h2>
        <CallForm
          intent="update"
          submitLabel="Enregistrer les modifications"
          labelledBy="modifier"
          values={result?.values ?? values}
          errors={formErrors}
          schemes={schemes}
          fixedScheme={call.dossierCount > 0 ? call.scheme : null}
        />
      </section>

      <section aria-labelledby="reprendre-supprimer">
        <h2 id="reprendre-supprimer">Reprendre ou supprimer</h2>
        <p>
          <Link to={`/admin/appels/nouveau?modele=${encodeURIComponent(call.id)}`}>
            Reprendre cet appel pour {call.year + 1}
          </Link>
        </p>
        {call.dossierCount === 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="button button--secondary">
              Supprimer cet appel
            </button>
          </Form>
        ) : (
          <p>
            Cet appel ne peut pas être supprimé : des dossiers y sont rattachés. Pour arrêter les dépôts,
            avancez son dernier jour de dépôt.
          </p>
        )}
      </section>
    </>
  );
}
