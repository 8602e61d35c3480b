import { describe, expect, it } from "vitest";

import { parsePipelineFilter } from "~/domain/funder-pipeline";
import {
  describeSavedFilter,
  normalisedQuery,
  saveFilterSchema,
  savedFilterOf,
} from "~/domain/funder-saved-filters";

const describeQuery = (query: string, territories: Record<string, string> = {}) =>
  describeSavedFilter(parsePipelineFilter(new URLSearchParams(query)), territories);

describe("describeSavedFilter", () => {
  it("names a filter as a funder reads it", () => {
    expect(describeQuery("dispositif=cap-asso&departement=37&besoin=oui")).toBe(
      "CAP ASSO · Indre-et-Loire · besoin non couvert",
    );
  });

  it("names territories, sectors, amounts and the searched words", () => {
    expect(
      describeQuery(
        "territoire=PAYS-LOCHES&secteur=CULTURE&montant_min=5000&montant_max=20000&q=recyclerie",
        {
          "PAYS-LOCHES": "Pays de la Touraine côté Sud",
        },
      ),
    ).toBe(
      "Pays de la Touraine côté Sud · Culture · de 5\u202f000,00\u00a0€ à 20\u202f000,00\u00a0€ demandés · « recyclerie »",
    );
    expect(describeQuery("montant_min=5000")).toBe("au moins 5\u202f000,00\u00a0€ demandés");
    expect(describeQuery("montant_max=80000")).toBe("au plus 80\u202f000,00\u00a0€ demandés");
  });

  it("shows an unknown territory's code rather than hiding the criterion", () => {
    expect(describeQuery("territoire=XYZ")).toBe("territoire XYZ");
  });

  it("says so when the filter keeps everything (the view alone is no criterion)", () => {
    expect(describeQuery("")).toBe("Tous les projets partagés");
    expect(describeQuery("vue=liste")).toBe("Tous les projets partagés");
  });
});

describe("normalisedQuery", () => {
  it("keeps what the pipeline understands, in one order, without the leading '?'", () => {
    expect(normalisedQuery("?besoin=oui&inconnu=1&dispositif=cap-asso&departement=")).toBe(
      "dispositif=cap-asso&besoin=oui",
    );
  });

  it("stores an unreadable filter as the whole pipeline", () => {
    expect(normalisedQuery("dispositif=nimporte-quoi&montant_min=abc")).toBe("");
  });
});

describe("savedFilterOf", () => {
  it("reads the stored query back", () => {
    expect(savedFilterOf({ query: "dispositif=a-vos-id&departement=45" })).toMatchObject({
      scheme: "A_VOS_ID",
      department: "45",
    });
  });

  it("reads a hand-written or broken row as the whole pipeline", () => {
    expect(savedFilterOf(null)).toEqual(parsePipelineFilter(new URLSearchParams()));
    expect(savedFilterOf({ query: 42 })).toEqual(parsePipelineFilter(new URLSearchParams()));
  });
});

describe("saveFilterSchema", () => {
  it("asks for a name of 1 to 80 characters, in French", () => {
    const empty = saveFilterSchema.safeParse({ name: "   ", query: "" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("Donnez un nom à ce filtre.");
    const long = saveFilterSchema.safeParse({ name: "x".repeat(81), query: "" });
    expect(long.error?.issues[0]?.message).toBe("Le nom ne peut dépasser 80 caractères.");
    // Saving a filter never subscribes to the weekly email unless the box asking for it is ticked.
    expect(saveFilterSchema.parse({ name: "  Culture en Touraine ", query: "q=x" })).toEqual({
      name: "Culture en Touraine",
      query: "q=x",
      digest: false,
    });
    expect(saveFilterSchema.parse({ name: "Culture", query: "", digest: "oui" }).digest).toBe(true);
  });
});
