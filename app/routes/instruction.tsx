import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLocation } from "@remix-run/react";

import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Instruction — Portail ESS Centre-Val de Loire" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  return null;
}

const SECTIONS = [
  // A dossier opened from the queue belongs to the queue's section.
  { to: "/instruction", label: "File des dossiers", prefixes: ["/instruction/dossiers"] },
  { to: "/instruction/commission", label: "Commission permanente", prefixes: ["/instruction/commission"] },
];

/** The instruction area: its own navigation above each page, which brings its own title. */
export default function InstructionLayout() {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "") || "/";
  return (
    <>
      <nav className="instruction-nav" aria-label="Instruction">
        <ul>
          {SECTIONS.map((section) => {
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
