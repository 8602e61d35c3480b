// Settling a granted dossier (« soldé »): the money's totals and what is still open; the SETTLE transition
// only once every payment is paid or cancelled, every report approved and every recovery settled.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { TRANSITIONS } from "~/domain/dossier-workflow";
import { formatDate, formatEuros } from "~/domain/format";
import type { ActionResult } from "~/domain/forms";
import { appUrl } from "~/env.server";
import { DossierStatus } from "~/generated/prisma/enums";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { settleDossier, settlementView } from "~/services/post-grant/settlement.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Solde — ${loaded?.number ?? ""} — Instruction — Portail ESS Centre-Val de Loire` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const { dossier, summary, totals, open } = await settlementView(db, user, params.id ?? "");
  return {
    dossierId: dossier.id,
    number: dossier.number,
    title: dossier.title,
    settled: dossier.status === DossierStatus.SETTLED,
    settledAt: dossier.settledAt ? formatDate(dossier.settledAt) : null,
    granted: dossier.status === DossierStatus.GRANTED,
    totals: [
      { label: "Subvention accordée", value: formatEuros(summary.grantedCents) },
      { label: "Subvention finalement due", value: formatEuros(summary.dueCents) },
      { label: "Versé par la Région", value: formatEuros(totals.paidCents) },
      { label: "Encore attendu", value: formatEuros(totals.expectedCents) },
      { label: "Reversé", value: formatEuros(totals.repaidCents) },
      { label: "Reversement attendu", value: formatEuros(totals.toRepayCents) },
    ],
    open,
    effects: TRANSITIONS.SETTLE.effects,
    confirmation:
      new URL(request.url).searchParams.get("message") === "solde" ? "Le dossier est soldé." : null,
  };
}

type Result = ActionResult<undefined>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const dossierId = params.id ?? "";
  const form = await readFormData(request);
  if (form.get("intent") !== "SETTLE")
    return data<Result>({ errors: { form: "Action inconnue : rechargez la page." } }, { status: 400 });
  try {
    await settleDossier(db, { actor: user, dossierId, appUrl: appUrl() });
    return redirect(`/instruction/dossiers/${dossierId}/solde?message=solde`);
  } catch (error) {
    return replyTo(error);
  }
}

export default function SettlementPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="instruction-dossier">
      <p className="breadcrumb">
        <Link to={`/instruction/dossiers/${view.dossierId}`}>Dossier {view.number}</Link>
      </p>
      <h1>Solde du dossier</h1>
      <p>
        {view.number} — {view.title}
      </p>
      <div role="status">
        {view.confirmation ? <p className="notice notice--success">{view.confirmation}</p> : null}
      </div>
      {result?.errors.form ? (
        <p className="notice notice--error" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      <dl className="key-values">
        {view.totals.map((item) => (
          <div key={item.label}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
      {view.settled ? (
        <p>Dossier soldé le {view.settledAt}.</p>
      ) : view.open.length > 0 ? (
        <>
          <h2>Ce qui reste ouvert</h2>
          <ul>
            {view.open.map((item) => (
              <li key={item}>{item.charAt(0).toUpperCase() + item.slice(1)}.</li>
            ))}
          </ul>
          <p>
            <Link to={`/instruction/dossiers/${view.dossierId}/reversements`}>Voir les reversements</Link>
          </p>
        </>
      ) : null}
      {view.granted ? (
        <Form method="post">
          <p>{view.effects}</p>
          <p className="form-actions">
            <button type="submit" name="intent" value="SETTLE" className="button">
              Solder le dossier
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
