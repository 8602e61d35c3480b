// The administration of accounts: who may be invited, the forms' schemas, the account list's filter and
// how an instructor's scope reads. Pure: the services in app/services/admin apply them.
import { z } from "zod";

import { queryParam } from "~/domain/query-params";
import { FunderKind, SchemeCode, UserRole } from "~/generated/prisma/enums";

export const INVITATION_TTL_DAYS = 7;
export const ACCOUNT_PAGE_SIZE = 50;

/** Only Region staff and funder members are invited; applicants create their own account. */
export const INVITABLE_ROLES = [UserRole.INSTRUCTOR, UserRole.ADMIN, UserRole.FUNDER] as const;

/** An invited account's password hash until it is activated: no password can ever match it. */
export const PENDING_PASSWORD_PREFIX = "invitation-en-attente$";

export function isInvitationPending(passwordHash: string): boolean {
  return passwordHash.startsWith(PENDING_PASSWORD_PREFIX);
}

export const ACCOUNT_STATES = {
  actifs: "Actifs",
  invitations: "Invitation en attente",
  desactives: "Désactivés",
} as const;
export type AccountState = keyof typeof ACCOUNT_STATES;

export interface AccountListFilter {
  role: UserRole | null;
  q: string;
  state: AccountState | null;
  page: number;
}

/** The list's GET form; a value that means nothing is ignored rather than refused, like a mistyped link. */
export function parseAccountListFilter(params: URLSearchParams): AccountListFilter {
  const role = z.enum(UserRole).safeParse(params.get("role"));
  const state = z.enum(Object.keys(ACCOUNT_STATES) as AccountState[]).safeParse(params.get("etat"));
  const page = Number(params.get("page"));
  return {
    role: role.success ? role.data : null,
    q: (queryParam(params, "q") ?? "").slice(0, 100),
    state: state.success ? state.data : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function accountListSearch(filter: AccountListFilter, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.role) params.set("role", filter.role);
  if (filter.state) params.set("etat", filter.state);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

const personName = (label: string) =>
  z
    .string({ error: `Saisissez le ${label}.` })
    .trim()
    .min(1, `Saisissez le ${label}.`)
    .max(100, `Le ${label} doit comporter au plus 100 caractères.`);

export const staffEmailSchema = z
  .string({ error: "Saisissez l’adresse e-mail." })
  .trim()
  .min(1, "Saisissez l’adresse e-mail.")
  .max(254, "L’adresse e-mail est trop longue.")
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."))
  .transform((email) => email.toLowerCase());

const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/);

export const memberInvitationSchema = z.object({
  firstName: personName("prénom"),
  lastName: personName("nom"),
  email: staffEmailSchema,
});

export const accountInvitationSchema = memberInvitationSchema
  .extend({
    role: z.enum(INVITABLE_ROLES, { error: "Choisissez le rôle du compte." }),
    funderOrganisationId: z.string().trim().default(""),
    scopeNow: z.enum(["oui", "non"]).default("non"),
  })
  .superRefine((value, ctx) => {
    if (value.role === UserRole.FUNDER && !id.safeParse(value.funderOrganisationId).success) {
      ctx.addIssue({
        code: "custom",
        path: ["funderOrganisationId"],
        message: "Choisissez l’organisation financeuse de ce compte.",
      });
    }
  });

export type AccountInvitationInput = z.infer<typeof accountInvitationSchema>;

/** What an instructor sees; an empty list means « all ». */
export const instructorScopeSchema = z.object({
  schemes: z.array(z.enum(SchemeCode, { error: "Ce dispositif n’existe pas." })).max(10),
  departmentCodes: z.array(z.string().regex(/^\d[\dAB]$/, { error: "Ce département n’existe pas." })).max(20),
  territoryCodes: z
    .array(z.string().regex(/^[a-z0-9-]{1,80}$/, { error: "Ce territoire n’existe pas." }))
    .max(200),
});

export type InstructorScopeInput = z.infer<typeof instructorScopeSchema>;

/** The scope fields of a posted form (checkbox groups post one value per ticked box). */
export function scopeFields(form: FormData) {
  const values = (name: string) => [...new Set(form.getAll(name).map(String))];
  return {
    schemes: values("schemes"),
    departmentCodes: values("departmentCodes"),
    territoryCodes: values("territoryCodes"),
  };
}

export const funderOrganisationSchema = z.object({
  name: z
    .string({ error: "Saisissez le nom de l’organisation." })
    .trim()
    .min(2, "Saisissez le nom de l’organisation.")
    .max(120, "Le nom doit comporter au plus 120 caractères."),
  kind: z.enum(FunderKind, { error: "Choisissez le type d’organisation." }),
});

export interface ScopeNames {
  schemes: Record<string, string>;
  departments: Record<string, string>;
  territories: Record<string, string>;
}

/** « Dispositifs : A VOS ID · Départements : Loiret (45) · Territoires : tous ». */
export function describeScope(scope: InstructorScopeInput | null, names: ScopeNames): string {
  if (!scope) return "Aucun périmètre\u202f: ce compte ne voit encore aucun dossier.";
  const part = (label: string, codes: string[], name: (code: string) => string, all: string) =>
    `${label}\u202f: ${codes.length ? codes.map(name).join(", ") : all}`;
  return [
    part("Dispositifs", scope.schemes, (code) => names.schemes[code] ?? code, "tous"),
    part(
      "Départements",
      scope.departmentCodes,
      (code) => (names.departments[code] ? `${names.departments[code]} (${code})` : code),
      "tous",
    ),
    part("Territoires", scope.territoryCodes, (code) => names.territories[code] ?? code, "tous"),
  ].join(" · ");
}

/** An account's state as the lists show it, with the tone of its badge. */
export function accountStateLabel(
  account: { deactivatedAt: Date | string | null; invitationPending: boolean },
  formatDate: (value: Date | string) => string,
): { label: string; tone: "granted" | "attention" | "draft" } {
  if (account.deactivatedAt)
    return { label: `Désactivé le ${formatDate(account.deactivatedAt)}`, tone: "draft" };
  if (account.invitationPending) return { label: "Invitation en attente", tone: "attention" };
  return { label: "Actif", tone: "granted" };
}

/** The warning shown before (and after) deactivating someone who still has dossiers to work. */
export function openDossiersWarning(count: number, deactivated: boolean): string | null {
  if (count === 0) return null;
  const head =
    count === 1
      ? "1 dossier en cours est encore confié à cette personne"
      : `${count} dossiers en cours sont encore confiés à cette personne`;
  return deactivated ? `${head}.` : `${head}\u202f: pensez à les confier à quelqu’un d’autre.`;
}
