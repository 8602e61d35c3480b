import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";

import { db } from "~/db.server";
import { forbidden } from "~/services/auth/guards.server";
import { isCommunityMember } from "~/services/funder-access.server";
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
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "") || "/";
  return (
    <>
      <nav className="funders-nav" aria-label="Espace financeurs">
        {organisationName ? <p className="funders-nav__organisation">{organisationName}</p> : null}
        <ul>
          {SECTIONS.filter((section) => isFunder || !section.fundersOnly).map((section) => {
            const current = path === section.to;
            const within = section.prefixes.some((prefix) => path.startsWith(prefix));
            return (
              <li key={section.to}>
                <Link to={section.to} aria-current={current ? "page" : within ? "true" : undefined}>
                  {section.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
