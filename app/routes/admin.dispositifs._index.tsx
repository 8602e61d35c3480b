// The four schemes and their rules: the version in force and since when, a version published for a later
// date, a draft in preparation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { versionLine } from "~/components/admin/rule-set-versions-table";
import { db } from "~/db.server";
import { listSchemeRuleSets } from "~/services/admin/rule-sets.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Dispositifs et règles — Administration — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const schemes = await listSchemeRuleSets(db, new Date());
  return {
    schemes: schemes.map((scheme) => ({
      slug: scheme.slug,
      name: scheme.name,
      inForce: scheme.inForce ? versionLine(scheme.slug, scheme.inForce) : null,
      scheduled: scheme.scheduled.map((row) => versionLine(scheme.slug, row)),
      draft: scheme.draft ? versionLine(scheme.slug, scheme.draft) : null,
    })),
  };
}

export default function AdminSchemes() {
  const { schemes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dispositifs et règles</h1>
      <p>
        Les montants, taux, durées, pièces et textes de chaque dispositif sont des versions de règles. Une
        version publiée ne change plus&nbsp;: chaque dossier reste examiné selon la version en vigueur le jour
        de son dépôt. Pour appliquer une délibération, préparez une nouvelle version, vérifiez son effet sur
        des situations types, puis publiez-la avec sa date d’entrée en vigueur.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="dispositifs-caption" tabIndex={0}>
        <table>
          <caption id="dispositifs-caption">Les quatre dispositifs et l’état de leurs règles</caption>
          <thead>
            <tr>
              <th scope="col">Dispositif</th>
              <th scope="col">Version en vigueur</th>
              <th scope="col">Version à venir</th>
              <th scope="col">Brouillon en préparation</th>
            </tr>
          </thead>
          <tbody>
            {schemes.map((scheme) => (
              <tr key={scheme.slug}>
                <th scope="row">
                  <Link to={`/admin/dispositifs/${scheme.slug}`}>{scheme.name}</Link>
                </th>
                <td>
                  {scheme.inForce ? (
                    <>
                      <Link to={scheme.inForce.href}>Version {scheme.inForce.version}</Link>
                      {scheme.inForce.effectiveFrom ? `, depuis le ${scheme.inForce.effectiveFrom}` : ""}
                    </>
                  ) : (
                    "Aucune version publiée"
                  )}
                </td>
                <td>
                  {scheme.scheduled.length === 0
                    ? "—"
                    : scheme.scheduled.map((line) => (
                        <p key={line.version}>
                          <Link to={line.href}>Version {line.version}</Link>, à partir du {line.effectiveFrom}
                        </p>
                      ))}
                </td>
                <td>
                  {scheme.draft ? (
                    <Link to={scheme.draft.href}>Version {scheme.draft.version} (brouillon)</Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
