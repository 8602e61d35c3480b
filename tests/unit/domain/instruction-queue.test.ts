import { describe, expect, it } from "vitest";

import {
  csvAmount,
  EMPTY_QUEUE_FILTER,
  filedAtRange,
  parseQueueFilter,
  QUEUE_CSV_HEADER,
  queueCsvRecord,
  queueSearch,
  readQueueFilter,
  siretDigits,
} from "~/domain/instruction-queue";
import { parisDay } from "~/domain/paris-time";

const read = (query: string) => readQueueFilter(new URLSearchParams(query));

describe("readQueueFilter", () => {
  it("reads every filter of a bookmarked queue", () => {
    const { filter, notices } = read(
      "dispositif=cap-asso&statut=FILED&statut=under_instruction&departement=45&territoire=45-orleans-metropole" +
        "&instructeur=moi&appel=call_1&depose_du=2026-03-01&depose_au=2026-03-31&q=%C3%A9chapp%C3%A9e&tri=montant_desc&page=3",
    );
    expect(notices).toEqual([]);
    expect(filter).toEqual({
      scheme: "CAP_ASSO",
      statuses: ["FILED", "UNDER_INSTRUCTION"],
      department: "45",
      territory: "45-orleans-metropole",
      assignee: "moi",
      callId: "call_1",
      filedFrom: "2026-03-01",
      filedTo: "2026-03-31",
      q: "échappée",
      sort: "montant_desc",
      page: 3,
    });
  });

  it("treats the empty fields of the GET form as no filter, silently", () => {
    const { filter, notices } = read("q=&dispositif=&departement=&instructeur=&depose_du=&tri=&statut=");
    expect(notices).toEqual([]);
    expect(filter).toEqual(EMPTY_QUEUE_FILTER);
  });

  it("drops what it cannot read and says so in French, never throws", () => {
    const { filter, notices } = read(
      "dispositif=cap-velo&statut=DRAFT&statut=PROPOSED&statut=PERDU&departement=Loiret&tri=au-hasard&page=-2" +
        "&depose_du=2026-02-30&instructeur=%3Cscript%3E",
    );
    expect(filter.scheme).toBeNull();
    // Drafts never reach the queue, even when asked for.
    expect(filter.statuses).toEqual(["PROPOSED"]);
    expect(filter.department).toBeNull();
    expect(filter.sort).toBe("depot_desc");
    expect(filter.page).toBe(1);
    expect(filter.filedFrom).toBeNull();
    expect(filter.assignee).toBeNull();
    expect(notices).toEqual([
      "Le dispositif « cap-velo » n’existe pas : ce filtre est ignoré.",
      "L’étape « DRAFT » n’existe pas : ce filtre est ignoré.",
      "L’étape « PERDU » n’existe pas : ce filtre est ignoré.",
      "Le département « Loiret » n’existe pas : ce filtre est ignoré.",
      "L’instructeur·rice « <script> » n’existe pas : ce filtre est ignoré.",
      "La date « Déposé du » (« 2026-02-30 ») n’est pas une date valide : elle est ignorée.",
      "Le tri « au-hasard » n’existe pas : les dossiers sont triés par date de dépôt.",
      "La page « -2 » n’existe pas : la première page est affichée.",
    ]);
  });

  it("ignores a filing period given backwards", () => {
    const { filter, notices } = read("depose_du=2026-04-01&depose_au=2026-03-01");
    expect(filter.filedFrom).toBeNull();
    expect(filter.filedTo).toBeNull();
    expect(notices).toEqual([
      "La période de dépôt est inversée (du 01/04/2026 au 01/03/2026) : elle est ignorée.",
    ]);
  });

  it("keeps one copy of a repeated status and ignores parameters it does not know", () => {
    expect(
      parseQueueFilter(new URLSearchParams("statut=FILED&statut=FILED&affectes=3&index")).statuses,
    ).toEqual(["FILED"]);
  });
});

describe("queueSearch", () => {
  it("writes back a filter as a short query that reads as the same filter", () => {
    const filter = parseQueueFilter(
      new URLSearchParams("dispositif=a-vos-id&statut=FILED&statut=PROPOSED&q=Tours&tri=organisation&page=2"),
    );
    const search = queueSearch(filter);
    expect(search).toBe("?dispositif=a-vos-id&statut=FILED&statut=PROPOSED&q=Tours&tri=organisation&page=2");
    expect(parseQueueFilter(new URLSearchParams(search))).toEqual(filter);
  });

  it("leaves defaults out and applies overrides", () => {
    expect(queueSearch(EMPTY_QUEUE_FILTER)).toBe("");
    const mine = queueSearch({ ...EMPTY_QUEUE_FILTER, page: 4 }, { assignee: "moi", page: 1 });
    expect(mine).toBe("?instructeur=moi");
  });
});

describe("filing dates", () => {
  it("covers whole Paris days, the last one included", () => {
    const range = filedAtRange({ filedFrom: "2026-03-01", filedTo: "2026-03-31" });
    // Winter time on 1 March (UTC+1), summer time on 1 April (UTC+2).
    expect(range.gte?.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(range.lt?.toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });

  it("stamps file names with the Paris day", () => {
    expect(parisDay(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
    expect(parisDay(new Date("2026-11-30T10:00:00Z"))).toBe("2026-11-30");
  });
});

describe("search", () => {
  it("reads a SIRET typed with spaces", () => {
    expect(siretDigits("841 000 010 00013")).toBe("84100001000013");
    expect(siretDigits("CAPASSO-2026")).toBeNull();
  });
});

describe("CSV export", () => {
  it("writes amounts as numbers a French spreadsheet reads", () => {
    expect(csvAmount(1234500)).toBe("12345,00");
    expect(csvAmount(5)).toBe("0,05");
    expect(csvAmount(null)).toBe("");
  });

  it("fills one line per dossier in the header's order", () => {
    const record = queueCsvRecord({
      number: "CAPASSO-2026-00001",
      organisation: "L’Échappée belle",
      siret: "84100001000013",
      title: "Un emploi d’animateur",
      scheme: "CAP ASSO",
      department: "45",
      territory: null,
      statusLabel: "Déposé",
      assignee: null,
      requestedAmountCents: 2_000_000,
      proposedAmountCents: null,
      grantedAmountCents: null,
      filedAt: new Date("2026-11-22T10:00:00Z"),
    });
    expect(record).toHaveLength(QUEUE_CSV_HEADER.length);
    expect(record).toEqual([
      "CAPASSO-2026-00001",
      "L’Échappée belle",
      "84100001000013",
      "Un emploi d’animateur",
      "CAP ASSO",
      "45",
      "",
      "Déposé",
      "",
      "20000,00",
      "",
      "",
      "22/11/2026",
    ]);
  });
});
