import { describe, expect, it } from "vitest";

import { siretDigits } from "~/domain/instruction-queue";
import { searchText } from "~/domain/search-text";

describe("searchText, the queue's reading of what people type and of the names it searches", () => {
  it("forgets case and accents", () => {
    expect(searchText("Les Jardins Partagés")).toBe("les jardins partages");
    expect(searchText("jardins partages")).toBe("jardins partages");
    expect(searchText("ORLÉANAIS")).toBe("orleanais");
    expect(searchText("Commune de Valençay")).toBe("commune de valencay");
    expect(searchText("Œuvre À Ÿ île")).toBe("œuvre a y ile");
  });

  it("reads the typographic and the straight apostrophe alike", () => {
    expect(searchText("Partagés de l’Orléanais")).toBe(searchText("Partagés de l'Orléanais"));
    expect(searchText("l‘Orléanais")).toBe("l'orleanais");
  });

  it("collapses spaces, no-break ones included, and trims", () => {
    expect(searchText("  Jardins \u00a0 partagés\u202fde\tl’Orléanais ")).toBe(
      "jardins partages de l'orleanais",
    );
  });
});

describe("siretDigits", () => {
  it("reads a SIRET typed with spaces, no-break spaces included, as its digits", () => {
    expect(siretDigits("841 000 010 00013")).toBe("84100001000013");
    expect(siretDigits("841\u00a0000\u202f010")).toBe("841000010");
    expect(siretDigits("Jardins")).toBeNull();
  });
});
