import type { UserRole } from "~/generated/prisma/enums";

/** The roles' names as users read them. */
export const ROLE_LABELS: Record<UserRole, string> = {
  APPLICANT: "Porteur de projet",
  INSTRUCTOR: "Instructeur·rice",
  FUNDER: "Financeur",
  ADMIN: "Administrateur·rice",
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
