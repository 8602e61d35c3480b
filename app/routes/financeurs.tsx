import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";

import { SectionNav } from "~/components/section-nav";
import { db } from "~/db.server";
import { forbidden } from "~/services/accounts/guards.server";
import { isCommunityMember } from "~/services/funders/access.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Espace financeurs — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  // A funder account not yet attached to an organisation speaks for no one: it waits for an administrator.
  if (!isCommunityMember(user))
    throw forbidden(
      "Votre compte n’est rattaché à aucune organisation financeuse : demandez à l’administration régionale de l’y rattacher.",
    );
  const organisation = user.funderOrganisationId
    ? await db.funderOrganisation.findUnique({
        where: { id: user.funderOrganisationId },
        select: { name: true },
      })
    : null;
  return { isFunder: user.role === "FUNDER", organisationName: organisation?.name ?? null };
}

const SECTIONS = [
  // A dossier opened from the pipeline belongs to the pipeline's section.
  { to: "/financeurs", label: "Projets partagés", prefixes: ["/financeurs/dossiers"], fundersOnly: false },
  {
    to: "/financeurs/revues",
    label: "Revues de projets",
    prefixes: ["/financeurs/revues"],
    fundersOnly: false,
  },
  {
    to: "/financeurs/indicateurs",
    label: "Indicateurs",
    prefixes: ["/financeurs/indicateurs"],
    fundersOnly: false,
  },
  { to: "/financeurs/filtres", label: "Mes filtres", prefixes: ["/financeurs/filtres"], fundersOnly: true },
];

/** The funders' area: its own navigation above each page, which brings its own title. */
export default function FundersLayout() {
  const { isFunder, organisationName } = useLoaderData<typeof loader>();
  return (
    <>
      <SectionNav
        label="Espace financeurs"
        sections={SECTIONS.filter((section) => isFunder || !section.fundersOnly)}
        before={organisationName ? <p className="section-nav__context">{organisationName}</p> : null}
      />
      <Outlet />
    </>
  );
}
