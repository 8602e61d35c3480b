// The links emails and PDFs carry: one builder per audience, whatever way APP_URL was written.
import { describe, expect, it } from "vitest";

import {
  applicantDossierUrl,
  funderDossierUrl,
  instructorDossierUrl,
  portalUrl,
} from "~/services/dossiers/links.server";

describe("dossier links", () => {
  it.each(["https://portail.example.fr", "https://portail.example.fr/"])("are the same from %s", (appUrl) => {
    expect(applicantDossierUrl(appUrl, "d1")).toBe("https://portail.example.fr/dossiers/d1");
    expect(instructorDossierUrl(appUrl, "d1")).toBe("https://portail.example.fr/instruction/dossiers/d1");
    expect(funderDossierUrl(appUrl, "d1")).toBe("https://portail.example.fr/financeurs/dossiers/d1");
    expect(portalUrl(appUrl, "financeurs/filtres")).toBe("https://portail.example.fr/financeurs/filtres");
  });
});
