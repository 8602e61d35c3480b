import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

export interface NavSection {
  to: string;
  label: string;
  /** Pages below this section that belong to it (a dossier opened from the queue, say). */
  prefixes: string[];
}

/**
 * The navigation of an area (instruction, funders, administration): the current page is marked
 * `aria-current="page"`, a page within a section `aria-current="true"`.
 */
export function SectionNav({
  label,
  sections,
  before,
}: {
  label: string;
  sections: readonly NavSection[];
  before?: ReactNode;
}) {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "") || "/";
  return (
    <nav className="section-nav" aria-label={label}>
      {before}
      <ul>
        {sections.map((section) => {
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
  );
}
