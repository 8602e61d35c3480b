import { describe, expect, it } from "vitest";

import {
  auditActionLabel,
  auditActionOptions,
  auditLogCsvRecord,
  auditLogRange,
  auditLogSearch,
  describeAuditDetails,
  describeDossierEvent,
  readAuditLogFilter,
  readDay,
} from "~/domain/audit-log";
import { paris } from "~/domain/paris-time";

const read = (query: string) => readAuditLogFilter(new URLSearchParams(query));

describe("readAuditLogFilter", () => {
  it("reads every filter and writes it back in the same link", () => {
    const query =
      "personne=martin&dossier=CAPASSO-2026-00042&action=admin.territory_created&du=2026-03-01&au=2026-03-31&page=2";
    const { filter, notices } = read(query);
    expect(notices).toEqual([]);
    expect(filter).toEqual({
      person: "martin",
      dossier: "CAPASSO-2026-00042",
      action: "admin.territory_created",
      from: "2026-03-01",
      to: "2026-03-31",
      page: 2,
    });
    expect(auditLogSearch(filter)).toBe(`?${query}`);
    expect(auditLogSearch(filter, { page: 1 })).not.toContain("page=");
  });

  it("treats the GET form's empty fields as no filter", () => {
    expect(read("personne=&dossier=&action=&du=&au=")).toEqual({
      filter: { person: null, dossier: null, action: null, from: null, to: null, page: 1 },
      notices: [],
    });
  });

  it("accepts a date typed dd/mm/yyyy where the browser has no date picker", () => {
    expect(read("du=05/03/2026").filter.from).toBe("2026-03-05");
  });

  it("ignores what it cannot read and says so in French", () => {
    const { filter, notices } = read(
      "action=admin.nimporte_quoi&du=31/02/2026&au=hier&page=0&dossier=<script>",
    );
    expect(filter).toEqual({ person: null, dossier: null, action: null, from: null, to: null, page: 1 });
    expect(notices).toEqual([
      "« <script> » n’est ni un numéro ni un identifiant de dossier\u202f: ce filtre est ignoré.",
      "L’action « admin.nimporte_quoi » n’existe pas\u202f: ce filtre est ignoré.",
      "La date « Du » (« 31/02/2026 ») n’est pas une date valide\u202f: elle est ignorée.",
      "La date « Au » (« hier ») n’est pas une date valide\u202f: elle est ignorée.",
      "La page « 0 » n’existe pas\u202f: la première page est affichée.",
    ]);
  });

  it("drops an inverted period rather than showing nothing", () => {
    const { filter, notices } = read("du=2026-04-10&au=2026-04-01");
    expect(filter.from).toBeNull();
    expect(filter.to).toBeNull();
    expect(notices[0]).toContain("du 10/04/2026 au 01/04/2026");
  });
});

describe("readDay", () => {
  it("keeps real calendar days only", () => {
    expect(readDay("2028-02-29")).toBe("2028-02-29");
    expect(readDay("2026-02-29")).toBeNull();
    expect(readDay("29/02/2028")).toBe("2028-02-29");
    expect(readDay("2026-1-5")).toBeNull();
  });
});

describe("auditLogRange", () => {
  it("covers whole Paris days, the last one up to midnight, across a change of time", () => {
    expect(auditLogRange({ from: "2026-03-28", to: "2026-03-29" })).toEqual({
      gte: paris("2026-03-28T00:00"),
      lt: paris("2026-03-30T00:00"),
    });
    expect(auditLogRange({ from: null, to: null })).toEqual({});
  });
});

describe("the log in words", () => {
  it("names every action in French, and an unknown one as stored", () => {
    expect(auditActionLabel("admin.territory_updated")).toBe("Territoire modifié");
    expect(auditActionLabel("dossier.view")).toBe("dossier.view");
    const options = auditActionOptions();
    expect(options.map((option) => option.label)).toEqual(
      [...options.map((option) => option.label)].sort((a, b) => a.localeCompare(b, "fr")),
    );
  });

  it("tells an edit's changes, before and after, with French values", () => {
    expect(
      describeAuditDetails({
        code: "37-chinonais",
        changes: {
          name: { before: "Pays du Chinonais", after: "Chinonais" },
          kind: { before: "PAYS", after: "PETR" },
        },
      }),
    ).toBe(
      "Code\u202f: 37-chinonais\u202f; modifications\u202f: (nom\u202f: Pays du Chinonais → Chinonais\u202f; type\u202f: Pays → Pôle d’équilibre territorial et rural (PETR))",
    );
    expect(describeAuditDetails({ active: { before: true, after: false } })).toBe("Actif\u202f: oui → non");
    expect(describeAuditDetails({ schemes: [], departmentCodes: ["37"] })).toBe(
      "Dispositifs\u202f: (aucun\u202f: tous)\u202f; départements\u202f: 37",
    );
    expect(describeAuditDetails(null)).toBe("");
  });

  it("tells a dossier event's status change and reason", () => {
    expect(
      describeDossierEvent({
        kind: "STATUS_CHANGE",
        fromStatus: "UNDER_INSTRUCTION",
        toStatus: "CORRECTION_REQUESTED",
        reason: "Budget incomplet",
      }),
    ).toBe("Statut\u202f: En instruction → Correction demandée\u202f; motif\u202f: Budget incomplet");
  });

  it("writes a CSV line with the Paris date and time apart", () => {
    expect(
      auditLogCsvRecord({
        id: "audit-1",
        source: "audit",
        createdAt: paris("2026-07-14T09:05"),
        actor: null,
        action: "Connexion",
        target: null,
        details: "",
        ip: "203.0.113.7",
      }),
    ).toEqual([
      "14/07/2026",
      "09:05",
      "Le portail (aucun compte)",
      "",
      "Connexion",
      "",
      "",
      "203.0.113.7",
      "Journal d’audit",
    ]);
  });
});
