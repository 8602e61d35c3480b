import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";

import { SectionNav } from "~/components/section-nav";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Administration — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return null;
}

const SECTIONS = [
  { to: "/admin", label: "Vue d’ensemble", prefixes: [] },
  { to: "/admin/dispositifs", label: "Dispositifs et règles", prefixes: ["/admin/dispositifs"] },
  { to: "/admin/appels", label: "Appels et enveloppes", prefixes: ["/admin/appels"] },
  { to: "/admin/comptes", label: "Comptes", prefixes: ["/admin/comptes"] },
  { to: "/admin/financeurs", label: "Financeurs", prefixes: ["/admin/financeurs"] },
  { to: "/admin/territoires", label: "Territoires", prefixes: ["/admin/territoires"] },
  { to: "/admin/conservation", label: "Conservation des données", prefixes: ["/admin/conservation"] },
  { to: "/admin/journal", label: "Journal d’audit", prefixes: ["/admin/journal"] },
];

/**
 * The administration area. Every page below checks the admin role in its own loader and action too:
 * a layout's loader does not guard its children's actions.
 */
export default function AdminLayout() {
  return (
    <>
      <SectionNav label="Administration" sections={SECTIONS} />
      <Outlet />
    </>
  );
}
