import type { UserRole } from "~/generated/prisma/enums";

/** The roles' names as users read them. */
export const ROLE_LABELS: Record<UserRole, string> = {
  APPLICANT: "Porteur de projet",
  INSTRUCTOR: "Instructeur·rice",
  FUNDER: "Financeur",
  ADMIN: "Administrateur·rice",
};

/**
 * What the header says beside a person's name: the space they work in rather than a gendered title (the
 * portal does not ask how people wish to be called), « Claire Martin — Espace projets ».
 */
export const ROLE_SPACES: Record<UserRole, string> = {
  APPLICANT: "Espace projets",
  INSTRUCTOR: "Instruction, services de la Région",
  FUNDER: "Communauté des financeurs",
  ADMIN: "Administration du portail",
};

const HOME_PATHS: Record<UserRole, string> = {
  APPLICANT: "/espace",
  INSTRUCTOR: "/instruction",
  FUNDER: "/financeurs",
  ADMIN: "/admin",
};

/** Where a person lands after signing in. */
export function homePathForRole(role: UserRole): string {
  return HOME_PATHS[role];
}

/** A redirect target is accepted only if it stays on the portal (a path, not `//host` nor a URL). */
export function safeRedirectPath(target: unknown, fallback: string): string {
  if (
    typeof target !== "string" ||
    !target.startsWith("/") ||
    target.startsWith("//") ||
    target.includes("\\")
  ) {
    return fallback;
  }
  return target;
}
