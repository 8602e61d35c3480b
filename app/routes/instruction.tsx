import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";

import { SectionNav } from "~/components/section-nav";
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
  { to: "/instruction/versements", label: "Versements", prefixes: ["/instruction/versements"] },
  { to: "/instruction/suivi", label: "Suivi des aides accordées", prefixes: ["/instruction/suivi"] },
];

/** The instruction area: its own navigation above each page, which brings its own title. */
export default function InstructionLayout() {
  return (
    <>
      <SectionNav label="Instruction" sections={SECTIONS} />
      <Outlet />
    </>
  );
}
