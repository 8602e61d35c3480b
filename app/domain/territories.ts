// The CRST territories that route A VOS ID dossiers: their kinds in French, the admin's form, and which
// instructors a territory's dossiers reach. Pure: the services read the rows and apply these rules.
import { z } from "zod";

import { REGION_DEPARTMENT_CODES } from "~/domain/schemes/common";
import { SchemeCode, TerritoryKind } from "~/generated/prisma/enums";

export const TERRITORY_KIND_LABELS: Record<TerritoryKind, string> = {
  PAYS: "Pays",
  PETR: "Pôle d’équilibre territorial et rural (PETR)",
  EPCI: "Communauté de communes (EPCI)",
  METROPOLE: "Métropole",
  AGGLOMERATION: "Communauté d’agglomération",
};

export const TERRITORY_NAME_MAX = 160;
export const TERRITORY_CODE_MAX = 64;

/** Lower-case words joined by hyphens, like the seeded « 37-tours-metropole ». */
const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || null);

/** What an admin may change on a territory: everything but its code. */
export const territoryFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Indiquez le nom du territoire.")
    .max(TERRITORY_NAME_MAX, `Le nom ne peut dépasser ${TERRITORY_NAME_MAX} caractères.`),
  kind: z.enum(TerritoryKind, { error: "Choisissez le type de territoire." }),
  departmentCode: z.enum(REGION_DEPARTMENT_CODES, {
    error: "Choisissez un des six départements de la région.",
  }),
  leaderGroup: optionalText(
    TERRITORY_NAME_MAX,
    `Le nom du groupe LEADER ne peut dépasser ${TERRITORY_NAME_MAX} caractères.`,
  ),
});

/** A new territory: its code is chosen once, since instructors' scopes store it. */
export const newTerritorySchema = territoryFieldsSchema.extend({
  code: z
    .string()
    .trim()
    .min(1, "Indiquez le code du territoire.")
    .max(TERRITORY_CODE_MAX, `Le code ne peut dépasser ${TERRITORY_CODE_MAX} caractères.`)
    .regex(
      CODE_PATTERN,
      "Le code s’écrit en minuscules sans accents, chiffres et tirets, par exemple « 37-tours-metropole ».",
    ),
});

export type TerritoryFields = z.infer<typeof territoryFieldsSchema>;
export type NewTerritory = z.infer<typeof newTerritorySchema>;

/** The form's field names, for the error summary. */
export const TERRITORY_FIELD_LABELS: Record<keyof NewTerritory, string> = {
  code: "Code",
  name: "Nom",
  kind: "Type",
  departmentCode: "Département",
  leaderGroup: "Groupe d’action locale LEADER",
};

/** The form's text as posted, every field present, to validate and to send back on error. */
export function territoryFormValues(form: {
  get(name: string): unknown;
}): Record<keyof NewTerritory, string> {
  const text = (name: keyof NewTerritory) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    code: text("code"),
    name: text("name"),
    kind: text("kind"),
    departmentCode: text("departmentCode"),
    leaderGroup: text("leaderGroup"),
  };
}

export interface InstructorScopeRule {
  schemes: readonly SchemeCode[];
  departmentCodes: readonly string[];
  territoryCodes: readonly string[];
}

/**
 * Whether an A VOS ID dossier of this territory reaches an instructor with this scope. An empty list means
 * « all ». The three lists are combined as the instruction queue combines them (instructorScopeFilter):
 * each one that is set must let the dossier through, and a dossier on a territory carries that
 * territory's department.
 */
export function scopeCoversTerritory(
  scope: InstructorScopeRule,
  territory: { code: string; departmentCode: string },
): boolean {
  const allows = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
  return (
    allows(scope.schemes, SchemeCode.A_VOS_ID) &&
    allows(scope.departmentCodes, territory.departmentCode) &&
    allows(scope.territoryCodes, territory.code)
  );
}
