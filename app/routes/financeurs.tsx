import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { StatusCounts } from "~/components/status-counts";
import { db } from "~/db.server";
import { funderHome } from "~/services/dashboards.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Espace financeurs — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "FUNDER");
  return funderHome(db, user.funderOrganisationId);
}

export default function FunderHome() {
  const { organisationName, counts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Espace financeurs</h1>
      {organisationName ? <p className="lead">{organisationName}</p> : null}
      <p>
        Vous voyez ici les dossiers dont les porteurs ont choisi le partage avec la communauté des financeurs.
        Les notes internes des instructeurs et les coordonnées bancaires ne sont jamais partagées.
      </p>
      <StatusCounts counts={counts} caption="Dossiers partagés avec les financeurs, par étape" />
    </>
  );
}
