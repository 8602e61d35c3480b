import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { BarChart, wrapLabel } from "~/components/charts/bar-chart";
import {
  computeIndicators,
  formatRatio,
  formatShare,
  readIndicatorYear,
  type IndicatorDossier,
  type SeriesRow,
} from "~/domain/indicators";
import { publicCellLabel, publicIndicators, suppressSeries } from "~/domain/public-indicators";
import { paris } from "~/domain/paris-time";

function dossier(overrides: Partial<IndicatorDossier> = {}): IndicatorDossier {
  return {
    schemeCode: "CAP_ASSO",
    status: "FILED",
    departmentCode: "45",
    filedAt: paris("2026-03-10T10:00"),
    requestedAmountCents: 1_000_000,
    grantedAmountCents: null,
    jobsCreatedFte: null,
    jobsConsolidatedFte: null,
    employeeAssociatesCount: null,
    resourcesByOrigin: {},
    ...overrides,
  };
}

const row = (key: string, dossiers: number): SeriesRow => ({
  key,
  label: key,
  dossiers,
  requestedCents: dossiers * 100_000,
  grantedCents: 0,
});

describe("computeIndicators", () => {
  it("counts and sums by scheme, department and stage, granted amounts only for granted dossiers", () => {
    const result = computeIndicators([
      dossier({ status: "GRANTED", grantedAmountCents: 800_000 }),
      dossier({ status: "REFUSED", grantedAmountCents: 500_000 }),
      dossier({ schemeCode: "A_VOS_ID", departmentCode: "18", requestedAmountCents: 3_000_000 }),
      dossier({ departmentCode: null }),
    ]);
    expect(result.totals).toEqual({
      dossiers: 4,
      requestedCents: 6_000_000,
      grantedCents: 800_000,
      grantedDossiers: 1,
    });
    const schemes = Object.fromEntries(result.series.dispositifs.map((cell) => [cell.label, cell]));
    expect(schemes["CAP ASSO"]).toMatchObject({
      dossiers: 3,
      requestedCents: 3_000_000,
      grantedCents: 800_000,
    });
    expect(schemes["A VOS ID"]).toMatchObject({ dossiers: 1, requestedCents: 3_000_000 });
    // Every scheme and every department of the region is listed, even with no dossier.
    expect(schemes["CAP SCOP-SCIC"]?.dossiers).toBe(0);
    const departments = result.series.departements.map((cell) => [cell.label, cell.dossiers]);
    expect(departments).toContainEqual(["Loiret (45)", 3 - 1]);
    expect(departments).toContainEqual(["Cher (18)", 1]);
    expect(departments).toContainEqual(["Indre (36)", 0]);
    expect(departments).toContainEqual(["Non renseigné ou hors région", 1]);
    const stages = Object.fromEntries(result.series.etapes.map((cell) => [cell.label, cell.dossiers]));
    expect(stages).toMatchObject({ Déposé: 2, Accordé: 1, Refusé: 1 });
    expect(stages).not.toHaveProperty("Brouillon");
  });

  it("files a dossier under its Paris year and filters by it, keeping every year in the by-year series", () => {
    const rows = [
      dossier({ filedAt: paris("2025-12-31T23:30") }),
      // 1 January 2026 at 00:30 in Paris is 31 December 2025 in UTC: it belongs to 2026.
      dossier({ filedAt: paris("2026-01-01T00:30") }),
      dossier({ filedAt: paris("2026-06-01T12:00") }),
    ];
    const all = computeIndicators(rows);
    expect(all.years).toEqual([2026, 2025]);
    expect(all.series.annees.map((cell) => [cell.label, cell.dossiers])).toEqual([
      ["2025", 1],
      ["2026", 2],
    ]);
    const only2026 = computeIndicators(rows, { year: 2026 });
    expect(only2026.year).toBe(2026);
    expect(only2026.totals.dossiers).toBe(2);
    expect(only2026.series.annees).toHaveLength(2);
  });

  it("sums jobs of granted CAP ASSO dossiers and employee-associates of granted CAP SCOP-SCIC ones", () => {
    const result = computeIndicators([
      dossier({ status: "GRANTED", grantedAmountCents: 1, jobsCreatedFte: 1.5, jobsConsolidatedFte: 1 }),
      dossier({ status: "GRANTED", grantedAmountCents: 1, jobsCreatedFte: 0.5, jobsConsolidatedFte: null }),
      dossier({ status: "UNDER_INSTRUCTION", jobsCreatedFte: 9 }),
      dossier({
        schemeCode: "CAP_SCOP_SCIC",
        status: "GRANTED",
        grantedAmountCents: 1_500_000,
        employeeAssociatesCount: 4,
      }),
      dossier({ schemeCode: "CAP_SCOP_SCIC", status: "PROPOSED", employeeAssociatesCount: 12 }),
    ]);
    expect(result.jobs).toEqual({ dossiers: 2, createdFte: 2, consolidatedFte: 1 });
    expect(result.cooperatives).toEqual({
      dossiers: 1,
      employeeAssociates: 4,
      capitalDoubledCents: 1_500_000,
    });
  });

  it("measures the leverage as other funders' euros (not the Region, not own funds) per euro granted", () => {
    const result = computeIndicators([
      dossier({
        status: "GRANTED",
        grantedAmountCents: 1_000_000,
        resourcesByOrigin: {
          REGION: 1_200_000,
          OWN_FUNDS: 500_000,
          STATE: 800_000,
          EPCI: 400_000,
          EU: 300_000,
        },
      }),
      dossier({ status: "GRANTED", grantedAmountCents: 1_000_000, resourcesByOrigin: { REGION: 1_000_000 } }),
      // Not granted: its plan does not count.
      dossier({ resourcesByOrigin: { STATE: 9_000_000 } }),
    ]);
    expect(result.leverage).toMatchObject({
      otherFundersCents: 1_500_000,
      regionCents: 2_000_000,
      ratio: 0.75,
    });
    expect(formatRatio(result.leverage.ratio!)).toBe("0,75");
    expect(computeIndicators([dossier()]).leverage.ratio).toBeNull();
  });

  it("gives the share of dossiers whose plan has a resource from an intercommunality", () => {
    const result = computeIndicators([
      dossier({ resourcesByOrigin: { EPCI: 100_000 } }),
      dossier({ resourcesByOrigin: { STATE: 100_000 } }),
      dossier({ resourcesByOrigin: { EPCI: 0 } }),
      dossier(),
    ]);
    expect(result.epci).toEqual({ dossiers: 4, cofinanced: 1, share: 0.25 });
    expect(formatShare(0.25)).toBe("25\u202f%");
  });
});

describe("suppressSeries", () => {
  it("hides a cell of 1 or 2 dossiers, and no figure of it", () => {
    const [big, tiny] = suppressSeries([row("a", 5), row("b", 2), row("c", 4), row("d", 3)]);
    expect(big).toMatchObject({ suppressed: null, dossiers: 5, requestedCents: 500_000 });
    expect(tiny).toEqual({
      key: "b",
      label: "b",
      suppressed: "small",
      dossiers: null,
      requestedCents: null,
      grantedCents: null,
    });
    expect(publicCellLabel(tiny!, tiny!.dossiers, String)).toBe("moins de 3");
  });

  it("withholds the smallest other cell when the hidden ones add up to 1 or 2 (the total would tell)", () => {
    const cells = suppressSeries([row("a", 10), row("b", 1), row("c", 4), row("d", 0), row("e", 6)]);
    const state = Object.fromEntries(cells.map((cell) => [cell.key, cell.suppressed]));
    expect(state).toEqual({ a: null, b: "small", c: "withheld", d: "small", e: null });
    expect(publicCellLabel(cells[2]!, cells[2]!.dossiers, String)).toBe("non diffusé");
  });

  it("leaves a series alone when the hidden cells together hold 3 dossiers or more", () => {
    const cells = suppressSeries([row("a", 2), row("b", 2), row("c", 7)]);
    expect(cells.map((cell) => cell.suppressed)).toEqual(["small", "small", null]);
  });
});

describe("publicIndicators", () => {
  it("publishes no key figure resting on fewer than 3 dossiers", () => {
    const granted = (overrides: Partial<IndicatorDossier> = {}) =>
      dossier({ status: "GRANTED", grantedAmountCents: 500_000, jobsCreatedFte: 1, ...overrides });
    const indicators = computeIndicators([
      granted(),
      granted(),
      granted({ resourcesByOrigin: { EPCI: 10_000 } }),
      granted({ schemeCode: "CAP_SCOP_SCIC", employeeAssociatesCount: 2 }),
      dossier(),
    ]);
    const published = publicIndicators(indicators);
    expect(published.totals?.dossiers).toBe(5);
    expect(published.jobs).toMatchObject({ dossiers: 3, createdFte: 3 });
    expect(published.leverage?.dossiers).toBe(4);
    // One cooperative: its two employee-associates would be recognisable.
    expect(published.cooperatives).toBeNull();
    // One co-financed dossier out of five: the share would point at it.
    expect(published.epci).toBeNull();
    for (const cells of Object.values(published.series))
      for (const cell of cells) if (cell.dossiers !== null) expect(cell.dossiers).toBeGreaterThanOrEqual(3);
  });
});

describe("readIndicatorYear", () => {
  it("reads a year, and falls back to every year with a notice otherwise", () => {
    expect(readIndicatorYear("2026")).toEqual({ year: 2026, notice: null });
    expect(readIndicatorYear("")).toEqual({ year: null, notice: null });
    expect(readIndicatorYear(null)).toEqual({ year: null, notice: null });
    expect(readIndicatorYear("deux-mille")).toEqual({
      year: null,
      notice: "« deux-mille » n’est pas une année : toutes les années sont affichées.",
    });
  });
});

describe("wrapLabel", () => {
  it("breaks a long scheme name on spaces so it fits beside the bars", () => {
    expect(wrapLabel("Apport en fonds propres avec droit de reprise")).toEqual([
      "Apport en fonds propres avec",
      "droit de reprise",
    ]);
    expect(wrapLabel("Loiret (45)")).toEqual(["Loiret (45)"]);
  });
});

describe("BarChart", () => {
  it("draws a named image, its data table and the CSV link; a hidden value gets no bar", () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        id: "serie-test",
        title: "Dossiers par dispositif",
        description: "Nombre de dossiers.",
        bars: [
          { label: "CAP ASSO", value: 12, valueLabel: "12" },
          { label: "CAP SCOP-SCIC", value: null, valueLabel: "moins de 3" },
        ],
        table: {
          caption: "Dossiers par dispositif : nombre",
          columns: ["Catégorie", "Dossiers"],
          rows: [
            { header: "CAP ASSO", cells: ["12"] },
            { header: "CAP SCOP-SCIC", cells: ["moins de 3"] },
          ],
        },
        csvHref: "/indicateurs/dispositifs.csv",
      }),
    );
    expect(html).toContain(
      '<figcaption id="serie-test-caption" class="bar-chart__caption">Dossiers par dispositif</figcaption>',
    );
    expect(html).toContain('role="img" aria-labelledby="serie-test-title serie-test-desc"');
    expect(html).toContain('<title id="serie-test-title">Dossiers par dispositif</title>');
    expect(html.match(/<rect /g)).toHaveLength(1);
    expect(html).toContain('<caption id="serie-test-table">Dossiers par dispositif : nombre</caption>');
    expect(html).toContain('<th scope="row">CAP SCOP-SCIC</th><td class="number">moins de 3</td>');
    expect(html).toContain('href="/indicateurs/dispositifs.csv"');
    expect(html).toContain("Télécharger les données (CSV)");
  });
});
