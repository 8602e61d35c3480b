// Creating a call for projects: a blank form set for next year, or one started from an existing call a
// year later (« reprendre »), which is how next year's calls are usually set up.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { CallForm } from "~/components/admin/call-form";
import { db } from "~/db.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";
import { callFormSchema, nextYearCallValues, readCallForm, type CallFormValues } from "~/domain/call-form";
import { windowLabel } from "~/domain/calls";
import { parisYear } from "~/domain/paris-time";
import { createCall, findCall, listCalls, schemeOptions } from "~/services/admin/calls.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Nouvel appel à projets — Administration — Portail ESS Centre-Val de Loire" },
];

function blankValues(year: number): CallFormValues {
  return {
    scheme: "",
    year: String(year),
    title: "",
    kind: "CONTINUOUS",
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
    envelope: "",
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const now = new Date();
  const currentYear = parisYear(now);
  const templateId = new URL(request.url).searchParams.get("modele");
  const template = templateId ? await findCall(db, templateId.replaceAll("\u0000", "").slice(0, 64)) : null;
  const [schemes, thisYear] = await Promise.all([
    schemeOptions(db),
    listCalls(db, { year: currentYear, schemeCode: null }, now),
  ]);
  return {
    schemes,
    values: template ? nextYearCallValues(template) : blankValues(currentYear + 1),
    template: template ? { title: template.title, year: template.year } : null,
    notice:
      templateId && !template ? "L’appel à reprendre est introuvable : le formulaire est vierge." : null,
    currentYear,
    templates: thisYear.map((call) => ({
      id: call.callId,
      label: `${call.title} (${call.scheme}, ${windowLabel(call)})`,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const values = readCallForm(await readFormData(request));
  const parsed = callFormSchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult<CallFormValues>>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  }
  try {
    const call = await createCall(db, { actorId: user.id, call: parsed.data, now: new Date() });
    return redirect(`/admin/appels/${call.id}?fait=cree`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function NewCall() {
  const { schemes, values, template, notice, currentYear, templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/appels">Tous les appels à projets</Link>
      </p>
      <h1 id="nouvel-appel">Nouvel appel à projets</h1>
      {notice ? <p className="notice notice--warning">{notice}</p> : null}
      {template ? (
        <p className="notice notice--info">
          Formulaire prérempli d’après « {template.title} » ({template.year}), un an plus tard : vérifiez les
          dates et l’enveloppe avant de créer l’appel.
        </p>
      ) : null}
      <CallForm
        key={template?.title ?? "vierge"}
        intent="create"
        submitLabel="Créer l’appel"
        labelledBy="nouvel-appel"
        values={result?.values ?? values}
        errors={result?.errors}
        schemes={schemes}
      />
      {templates.length > 0 ? (
        <section aria-labelledby="reprendre">
          <h2 id="reprendre">
            Reprendre un appel de {currentYear} pour {currentYear + 1}
          </h2>
          <ul>
            {templates.map((call) => (
              <li key={call.id}>
                <Link to={`/admin/appels/nouveau?modele=${encodeURIComponent(call.id)}`}>{call.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
