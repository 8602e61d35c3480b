import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { adminOverview } from "~/services/admin/overview.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Vue d’ensemble — Administration — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return adminOverview(db, new Date());
}

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

export default function AdminHome() {
  const { schemes, calls, accounts, territories, retention } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <p>
        Les paramètres des dispositifs, les appels à projets et leurs enveloppes, les comptes et les données
        de référence du portail. Chaque modification est consignée au journal d’audit.
      </p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/admin/dispositifs">Dispositifs et règles</Link>
          </h2>
          <ul>
            {schemes.map((scheme) => (
              <li key={scheme.href}>
                <Link to={scheme.href}>{scheme.name}</Link>&#8239;: {scheme.inForce}
                {scheme.scheduled.map((line) => `, puis ${line}`).join("")}
                {scheme.draft ? ` ; ${scheme.draft}` : ""}
              </li>
            ))}
          </ul>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/appels">Appels et enveloppes</Link>
          </h2>
          <p>
            {plural(calls.open, "appel ouvert", "appels ouverts")} aujourd’hui. Enveloppes de ces
            appels&#8239;: {calls.figures.envelope}, dont {calls.figures.voted} votés&#8239;; reste{" "}
            {calls.figures.remaining}.
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/comptes">Comptes</Link>
          </h2>
          <ul>
            {accounts.counts.map((row) => (
              <li key={row.role}>
                <Link to={row.href}>{row.role}</Link>&#8239;: {row.count}
              </li>
            ))}
          </ul>
          <p>{plural(accounts.pendingInvitations, "invitation en attente", "invitations en attente")}.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/territoires">Territoires</Link>
          </h2>
          <p>
            {plural(territories.active, "territoire actif", "territoires actifs")}
            {territories.uncovered > 0
              ? `, dont ${plural(territories.uncovered, "n’est couvert", "ne sont couverts")} par aucun instructeur.`
              : ", tous couverts par au moins un instructeur."}
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/conservation">Conservation des données</Link>
          </h2>
          <p>
            {retention.upcoming > 0
              ? `${plural(retention.upcoming, "dossier arrive", "dossiers arrivent")} au terme de ${retention.upcoming > 1 ? "leur" : "sa"} durée de conservation dans les 90 jours.`
              : "Aucun dossier n’arrive au terme de sa conservation dans les 90 jours."}
          </p>
        </li>
      </ul>
    </>
  );
}
