import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { formatDate } from "~/domain/format";
import { ROLE_LABELS } from "~/domain/roles";
import { adminHome } from "~/services/dashboards.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Administration — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const { schemes, users, funders } = await adminHome(db);
  return {
    schemes: schemes.map((scheme) => ({
      code: scheme.code,
      name: scheme.name,
      ruleSets: scheme.ruleSets.map((ruleSet) => ({
        version: ruleSet.version,
        status: ruleSet.status === "PUBLISHED" ? "Publiée" : "Brouillon",
        effectiveFrom: ruleSet.effectiveFrom ? formatDate(ruleSet.effectiveFrom) : "—",
      })),
    })),
    users: users.map((row) => ({ role: ROLE_LABELS[row.role], count: row._count._all })),
    funders: funders.map((funder) => ({ id: funder.id, name: funder.name, members: funder._count.members })),
  };
}

export default function AdminHome() {
  const { schemes, users, funders } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <h2>Dispositifs et versions de leurs règles</h2>
      <table>
        <caption className="visually-hidden">Versions des règles de chaque dispositif</caption>
        <thead>
          <tr>
            <th scope="col">Dispositif</th>
            <th scope="col">Version</th>
            <th scope="col">État</th>
            <th scope="col">En vigueur le</th>
          </tr>
        </thead>
        <tbody>
          {schemes.flatMap((scheme) =>
            scheme.ruleSets.map((ruleSet) => (
              <tr key={`${scheme.code}-${ruleSet.version}`}>
                <th scope="row">{scheme.name}</th>
                <td>{ruleSet.version}</td>
                <td>{ruleSet.status}</td>
                <td>{ruleSet.effectiveFrom}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h2>Comptes</h2>
      <ul>
        {users.map((row) => (
          <li key={row.role}>
            {row.role} : {row.count}
          </li>
        ))}
      </ul>
      <h2>Financeurs partenaires</h2>
      <ul>
        {funders.map((funder) => (
          <li key={funder.id}>
            {funder.name} ({funder.members} membre{funder.members > 1 ? "s" : ""})
          </li>
        ))}
      </ul>
    </>
  );
}
