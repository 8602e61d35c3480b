// The payments approved over a period, for the Region's finance service: a period form (the current month by
// default), the lines with their total, and the CSV to download. Within the staff member's scope.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { db } from "~/db.server";
import { financeExportPage, readPeriod } from "~/services/post-grant/finance-export.server";
import { requireRole } from "~/session.server";
import { formatDate } from "~/domain/format";
import { paris } from "~/domain/paris-time";

export const meta: MetaFunction = () => [
  { title: "Versements approuvés — Instruction — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const params = new URL(request.url).searchParams;
  const reading = readPeriod(params, new Date());
  const page = await financeExportPage(db, user, reading.period);
  return {
    ...page,
    period: reading.period,
    periodLabel: `du ${formatDate(paris(`${reading.period.from}T12:00`))} au ${formatDate(paris(`${reading.period.to}T12:00`))}`,
    errors: reading.ok ? null : reading.errors,
    typed: { du: params.get("du") ?? reading.period.from, au: params.get("au") ?? reading.period.to },
  };
}

export default function FinanceExport() {
  const { rows, total, period, periodLabel, errors, typed } = useLoaderData<typeof loader>();
  const query = new URLSearchParams({ du: period.from, au: period.to }).toString();
  return (
    <div>
      <h1>Versements approuvés pour le service financier</h1>
      <p className="lead">
        Les versements approuvés sur la période, payés ou en attente de paiement, avec les coordonnées
        bancaires des organisations. Le fichier CSV s’ouvre dans un tableur (séparateur point-virgule,
        décimales à la virgule).
      </p>
      <ErrorSummary errors={errors ?? undefined} />
      <Form method="get" className="inline-form">
        <InputField
          name="du"
          type="date"
          label="Approuvés du"
          defaultValue={errors?.du ? typed.du : period.from}
          error={errors?.du}
          className="field__input field__input--short"
        />
        <InputField
          name="au"
          type="date"
          label="Jusqu’au"
          defaultValue={errors?.au ? typed.au : period.to}
          error={errors?.au}
          className="field__input field__input--short"
        />
        <p className="form-actions">
          <button type="submit" className="button button--secondary">
            Afficher la période
          </button>
        </p>
      </Form>
      <h2>
        {rows.length === 0
          ? `Aucun versement approuvé ${periodLabel}`
          : `${rows.length} versement${rows.length > 1 ? "s" : ""} approuvé${rows.length > 1 ? "s" : ""} ${periodLabel} — ${total}`}
      </h2>
      {rows.length > 0 ? (
        <>
          <p>
            <a href={`/instruction/versements.csv?${query}`} download className="button">
              Télécharger le fichier CSV
            </a>
          </p>
          <div className="table-scroll">
            <table className="queue-table">
              <caption className="visually-hidden">Versements approuvés {periodLabel}</caption>
              <thead>
                <tr>
                  <th scope="col">Dossier</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Versement</th>
                  <th scope="col">Montant approuvé</th>
                  <th scope="col">Approuvé le</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Payé le</th>
                  <th scope="col">Mandat</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={`/instruction/dossiers/${row.dossierId}/versements/${row.position}`}>
                        {row.number}
                      </Link>
                    </th>
                    <td>
                      {row.organisation}
                      <br />
                      <small>SIRET {row.siret || "non renseigné"}</small>
                    </td>
                    <td>
                      {row.name} <small>({row.scheme})</small>
                    </td>
                    <td>{row.approved}</td>
                    <td>{row.approvedAt}</td>
                    <td>{row.statusLabel}</td>
                    <td>{row.paidOn || "—"}</td>
                    <td>{row.mandateReference || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
