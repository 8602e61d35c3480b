import { describe, expect, it } from "vitest";

import { formatDateInWords } from "~/domain/format";
import { ofName, toName } from "~/domain/french-text";
import { paris } from "~/domain/paris-time";

const words = (date: Date) => formatDateInWords(date).replace(/\u00a0/g, " ");

describe("formatDateInWords", () => {
  it("writes dates as French administrative letters do, « 1er » for the first of the month", () => {
    expect(words(paris("2026-12-07T10:00"))).toBe("7 décembre 2026");
    expect(words(paris("2027-03-01T09:30"))).toBe("1er mars 2027");
    expect(words(paris("2027-08-15"))).toBe("15 août 2027");
  });

  it("reads the day in Paris, and never lets the day end a line apart from its month", () => {
    expect(words(new Date("2026-12-31T23:30:00Z"))).toBe("1er janvier 2027");
    expect(formatDateInWords(paris("2027-02-01"))).toBe("1er\u00a0février\u00a02027");
  });
});

describe("toName and ofName, « à » and « de » before a name", () => {
  it("contract with the name's article", () => {
    expect(toName("Les Jardins Partagés de l’Orléanais")).toBe("aux Jardins Partagés de l’Orléanais");
    expect(toName("Le Grenier Solidaire")).toBe("au Grenier Solidaire");
    expect(toName("La Compagnie des Tréteaux")).toBe("à la Compagnie des Tréteaux");
    expect(toName("L'Échappée belle")).toBe("à l’Échappée belle");
    expect(ofName("Les Cyclopostiers")).toBe("des Cyclopostiers");
    expect(ofName("Le Grenier Solidaire")).toBe("du Grenier Solidaire");
    expect(ofName("L’Échappée belle")).toBe("de l’Échappée belle");
  });

  it("leave other names as they are, eliding « de » before a vowel", () => {
    expect(toName("Coopaction Touraine")).toBe("à Coopaction Touraine");
    expect(toName("Lesbos Solidarité")).toBe("à Lesbos Solidarité");
    expect(ofName("Commune de Valençay")).toBe("de Commune de Valençay");
    expect(ofName("Atelier du Cher")).toBe("d’Atelier du Cher");
  });
});
