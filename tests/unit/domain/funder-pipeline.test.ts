import { describe, expect, it } from "vitest";

import {
  EMPTY_PIPELINE_FILTER,
  isPipelineFiltered,
  parsePipelineFilter,
  PIPELINE_STAGES,
  pipelineSearch,
  stageOf,
} from "~/domain/funder-pipeline";

const parse = (query: string) => parsePipelineFilter(new URLSearchParams(query));

describe("parsePipelineFilter", () => {
  it("reads every filter of the form", () => {
    expect(
      parse(
        "dispositif=cap-asso&departement=37&territoire=CRST-TOURAINE&secteur=culture&montant_min=5000&montant_max=20 000,50&besoin=oui&q=Jardins&vue=liste&etape=instruction&page=3",
      ),
    ).toEqual({
      scheme: "CAP_ASSO",
      department: "37",
      territory: "CRST-TOURAINE",
      sector: "CULTURE",
      amountMinCents: 500_000,
      amountMaxCents: 2_000_050,
      gapOnly: true,
      q: "Jardins",
      view: "liste",
      stage: "instruction",
      page: 3,
    });
  });

  it("drops what it cannot read instead of failing", () => {
    expect(
      parse(
        "dispositif=inconnu&departement=Cher&territoire=<script>&secteur=PECHE&montant_min=-5&montant_max=beaucoup&besoin=peut-etre&vue=mosaique&etape=fin&page=-2",
      ),
    ).toEqual(EMPTY_PIPELINE_FILTER);
  });

  it("treats the empty fields a GET form sends as no filter", () => {
    expect(parse("dispositif=&departement=&q=&montant_min=")).toEqual(EMPTY_PIPELINE_FILTER);
  });

  it("puts inverted amount bounds back in order", () => {
    const filter = parse("montant_min=20000&montant_max=5000");
    expect([filter.amountMinCents, filter.amountMaxCents]).toEqual([500_000, 2_000_000]);
  });
});

describe("pipelineSearch", () => {
  it("round-trips a filter through the query string", () => {
    const filter = parse("dispositif=a-vos-id&montant_min=1500,5&besoin=oui&q=tiers lieu");
    const search = pipelineSearch(filter);
    expect(search).toBe("?dispositif=a-vos-id&montant_min=1500%2C50&besoin=oui&q=tiers+lieu");
    expect(parsePipelineFilter(new URLSearchParams(search.slice(1)))).toEqual(filter);
  });

  it("is empty for the whole pipeline, and applies overrides", () => {
    expect(pipelineSearch(EMPTY_PIPELINE_FILTER)).toBe("");
    expect(pipelineSearch(EMPTY_PIPELINE_FILTER, { view: "liste" })).toBe("?vue=liste");
    expect(isPipelineFiltered({ ...EMPTY_PIPELINE_FILTER, view: "liste" })).toBe(false);
    expect(isPipelineFiltered({ ...EMPTY_PIPELINE_FILTER, gapOnly: true })).toBe(true);
  });
});

describe("stages", () => {
  it("puts every status but the draft in exactly one column", () => {
    expect(PIPELINE_STAGES.map((stage) => stage.label)).toEqual([
      "Déposé",
      "En instruction",
      "Proposé",
      "Décidé",
    ]);
    expect(stageOf("FILED")).toBe("depose");
    expect(stageOf("CORRECTION_REQUESTED")).toBe("instruction");
    expect(stageOf("UNDER_INSTRUCTION")).toBe("instruction");
    expect(stageOf("PROPOSED")).toBe("propose");
    expect(stageOf("GRANTED")).toBe("decide");
    expect(stageOf("REFUSED")).toBe("decide");
    expect(stageOf("DRAFT")).toBeNull();
  });
});
