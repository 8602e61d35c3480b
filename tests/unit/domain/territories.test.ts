import { describe, expect, it } from "vitest";

import {
  newTerritorySchema,
  scopeCoversTerritory,
  territoryFieldsSchema,
  territoryFormValues,
} from "~/domain/territories";

const chinonais = { code: "37-chinonais", departmentCode: "37" };
const scope = (schemes: string[] = [], departmentCodes: string[] = [], territoryCodes: string[] = []) =>
  ({ schemes, departmentCodes, territoryCodes }) as Parameters<typeof scopeCoversTerritory>[0];

describe("scopeCoversTerritory", () => {
  it("sends a territory's dossiers to an instructor with the whole region and every scheme", () => {
    expect(scopeCoversTerritory(scope(), chinonais)).toBe(true);
  });

  it("needs A VOS ID among the schemes when the scope names some", () => {
    expect(scopeCoversTerritory(scope(["A_VOS_ID"]), chinonais)).toBe(true);
    expect(scopeCoversTerritory(scope(["CAP_ASSO", "CAP_SCOP_SCIC"]), chinonais)).toBe(false);
  });

  it("covers the territories of the scope's departments when it lists no territory", () => {
    expect(scopeCoversTerritory(scope([], ["37", "41"]), chinonais)).toBe(true);
    expect(scopeCoversTerritory(scope([], ["18"]), chinonais)).toBe(false);
  });

  it("covers only the listed territories when the scope lists some", () => {
    expect(scopeCoversTerritory(scope(["A_VOS_ID"], [], ["37-chinonais"]), chinonais)).toBe(true);
    expect(scopeCoversTerritory(scope([], [], ["37-tours-metropole"]), chinonais)).toBe(false);
    expect(scopeCoversTerritory(scope([], ["37"], ["37-tours-metropole"]), chinonais)).toBe(false);
  });

  it("requires both lists when a scope names a territory outside its departments, as the queue does", () => {
    expect(scopeCoversTerritory(scope([], ["18"], ["37-chinonais"]), chinonais)).toBe(false);
    expect(scopeCoversTerritory(scope([], ["18", "37"], ["37-chinonais"]), chinonais)).toBe(true);
  });
});

describe("the territory form", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it("accepts a new territory, trims it and stores an empty LEADER group as none", () => {
    const parsed = newTerritorySchema.parse(
      territoryFormValues(
        form({
          code: " 37-gatine ",
          name: " Pays de Gâtine ",
          kind: "PAYS",
          departmentCode: "37",
          leaderGroup: "  ",
        }),
      ),
    );
    expect(parsed).toEqual({
      code: "37-gatine",
      name: "Pays de Gâtine",
      kind: "PAYS",
      departmentCode: "37",
      leaderGroup: null,
    });
  });

  it("refuses a code with capitals, accents or spaces, and says how to write one", () => {
    for (const code of ["37-Gatine", "37-gâtine", "37 gatine", "-37", "37--gatine"]) {
      const result = newTerritorySchema.safeParse({ code, name: "X", kind: "PAYS", departmentCode: "37" });
      expect(result.success, code).toBe(false);
      expect(result.error?.issues[0]?.message).toContain("minuscules sans accents");
    }
  });

  it("refuses a department outside the region and an unknown kind, in French", () => {
    const result = territoryFieldsSchema.safeParse({
      name: "Paris",
      kind: "CANTON",
      departmentCode: "75",
      leaderGroup: "",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      kind: "Choisissez le type de territoire.",
      departmentCode: "Choisissez un des six départements de la région.",
    });
  });

  it("reads a missing field as empty rather than failing", () => {
    expect(territoryFormValues(form({ name: "Pays" }))).toEqual({
      code: "",
      name: "Pays",
      kind: "",
      departmentCode: "",
      leaderGroup: "",
    });
  });
});
