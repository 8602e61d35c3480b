// The calls for projects of a year (the current one by default), scheme by scheme, with what each budget
// envelope has been asked, proposed and voted, and what remains.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { CallTable } from "~/components/admin/call-table";
import { SelectField } from "~/components/form-field";
import { db } from "~/db.server";
import { figuresView, totalFigures } from "~/domain/call-envelopes";
import { CALL_KIND_LABELS, CALL_STATE_LABELS, parseCallListFilter, windowLabel } from "~/domain/calls";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import { parisYear } from "~/domain/paris-time";
import { callYears, listCalls, schemeOptions } from "~/services/admin/calls.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Appels et enveloppes — Administration — Portail ESS Centre-Val de Loire" },
];

const CONFIRMATIONS: Record<string, string> = {
  supprime: "L’appel à projets est supprimé.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const now = new Date();
  const url = new URL(request.url);
  const { filter, notices } = parseCallListFilter(url.searchParams, parisYear(now));
  const [calls, years, schemes] = await Promise.all([
    listCalls(db, filter, now),
    callYears(db, now),
    schemeOptions(db),
  ]);
  const byYear = new Map<number, typeof calls>();
  for (const call of calls) byYear.set(call.year, [...(byYear.get(call.year) ?? []), call]);
  return {
    filter: {
      year: filter.year === null ? "" : String(filter.year),
      scheme: filter.schemeCode ? SCHEME_SLUGS[filter.schemeCode] : "",
    },
    notices,
    confirmation: CONFIRMATIONS[url.searchParams.get("fait") ?? ""] ?? null,
    years,
    schemes: schemes.map((scheme) => ({ value: SCHEME_SLUGS[scheme.value], label: scheme.label })),
    tables: [...byYear].map(([year, rows]) => ({
      year,
      totals: figuresView(totalFigures(rows)),
      rows: rows.map((call) => ({
        id: call.callId,
        scheme: call.scheme,
        title: call.title,
        kind: CALL_KIND_LABELS[call.kind],
        window: windowLabel(call),
        state: CALL_STATE_LABELS[call.state],
        figures: figuresView(call),
      })),
    })),
  };
}

export default function AdminCalls() {
  const { filter, notices, confirmation, years, schemes, tables } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Appels à projets et enveloppes budgétaires</h1>
      <p>
        Chaque appel ouvre une période de dépôt pour un dispositif et porte l’enveloppe votée au budget :
        suivez ce qui est demandé, proposé à la Commission permanente et voté, et ce qui reste.
      </p>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {notices.map((notice) => (
        <p key={notice} className="notice notice--warning">
          {notice}
        </p>
      ))}
      <p>
        <Link to="/admin/appels/nouveau" className="button">
          Créer un appel à projets
        </Link>
      </p>

      <Form method="get" className="queue-filters" aria-label="Filtrer les appels">
        <div className="queue-filters__grid">
          <SelectField
            name="annee"
            label="Année"
            placeholder="Toutes les années"
            defaultValue={filter.year}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
          />
          <SelectField
            name="dispositif"
            label="Dispositif"
            placeholder="Tous les dispositifs"
            defaultValue={filter.scheme}
            options={schemes}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Afficher
          </button>
        </div>
      </Form>

      {tables.length === 0 ? (
        <p>
          Aucun appel à projets{filter.year ? ` pour ${filter.year}` : ""} avec ces critères.{" "}
          <Link to="/admin/appels/nouveau">Créer un appel</Link>
        </p>
      ) : (
        tables.map((table) => (
          <section key={table.year} aria-labelledby={`annee-${table.year}`}>
            <h2 id={`annee-${table.year}`}>{table.year}</h2>
            <CallTable year={table.year} rows={table.rows} totals={table.totals} />
          </section>
        ))
      )}
    </>
  );
}
