import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import { StatusCounts } from "~/components/status-counts";
import { db } from "~/db.server";
import { formatDate, formatEuros } from "~/domain/format";
import { instructorHome } from "~/services/dashboards.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Instruction — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTRUCTOR");
  const { counts, recent } = await instructorHome(db, user.id);
  return {
    counts,
    recent: recent.map((dossier) => ({
      id: dossier.id,
      number: dossier.number ?? "—",
      title: dossier.title,
      status: dossier.status,
      scheme: dossier.scheme.name,
      organisation: dossier.organisation.name,
      department: dossier.departmentCode ?? "—",
      amount: dossier.requestedAmountCents === null ? "—" : formatEuros(dossier.requestedAmountCents),
      filedAt: dossier.filedAt ? formatDate(dossier.filedAt) : "—",
    })),
  };
}

export default function InstructionHome() {
  const { counts, recent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Instruction</h1>
      <StatusCounts counts={counts} caption="Dossiers de votre périmètre, par étape" />
      <h2>Derniers dossiers déposés</h2>
      {recent.length === 0 ? (
        <p>Aucun dossier déposé dans votre périmètre.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Derniers dossiers déposés" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Les 20 derniers dossiers déposés</caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Organisation</th>
                <th scope="col">Projet</th>
                <th scope="col">Dispositif</th>
                <th scope="col">Département</th>
                <th scope="col">Étape</th>
                <th scope="col" className="number">
                  Montant demandé
                </th>
                <th scope="col">Déposé le</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((dossier) => (
                <tr key={dossier.id}>
                  <td>{dossier.number}</td>
                  <td>{dossier.organisation}</td>
                  <td>{dossier.title}</td>
                  <td>{dossier.scheme}</td>
                  <td>{dossier.department}</td>
                  <td>
                    <StatusBadge status={dossier.status} />
                  </td>
                  <td className="number">{dossier.amount}</td>
                  <td>{dossier.filedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
