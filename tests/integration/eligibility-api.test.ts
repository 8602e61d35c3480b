import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  COOPERATIVE_OPERATION_ANSWERS,
  EU_PROGRAMME_ANSWERS,
  LEGAL_FORM_ANSWERS,
  PRIORITY_ANSWERS,
} from "~/domain/eligibility/situation";
import { defaultRuleSetParameters } from "~/domain/schemes";
import { RuleSetStatus } from "~/generated/prisma/enums";
import {
  forgetRuleSetsInForce,
  handleEligibilityRequest,
  MAX_BODY_BYTES,
} from "~/services/schemes/eligibility.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";

const URL_ = "http://localhost/api/eligibility";
const SCHEMES = ["cap-asso", "a-vos-id", "cap-scop-scic", "avance-fonds-propres"];

function post(body: string, contentType = "application/json"): Request {
  return new Request(URL_, { method: "POST", headers: { "Content-Type": contentType }, body });
}

interface ApiResult {
  scheme: string;
  ruleSetVersion: number;
  eligible: boolean | null;
  criteria: Array<{ id: string; label: string; met: boolean | null; explanation: string }>;
  missing: string[];
  maxAmountEur: number | null;
}
interface ApiReport {
  results: ApiResult[];
  orientation: Array<{ scheme: string; reason: string }>;
}
interface ApiError {
  message: string;
  errors: Record<string, string>;
}

const REALISTIC = {
  organisation: { legalForm: "association", department: "45", generalInterest: true },
  project: {
    jobsFte: 1.5,
    cdi: true,
    annualAmountEur: 15_000,
    newOnTerritory: true,
    partnership: true,
    priority: "services_proximite",
    eligibleExpensesEur: 40_000,
    requestedAmountEur: 15_000,
    euProgramme: "FSE+",
    euGrantEur: 60_000,
  },
};

// What every answer of the API must satisfy, whatever it was asked.
function expectCoherentReport(report: ApiReport) {
  expect(report.results.map((result) => result.scheme)).toEqual(SCHEMES);
  for (const result of report.results) {
    expect(Object.keys(result)).toEqual([
      "scheme",
      "ruleSetVersion",
      "eligible",
      "criteria",
      "missing",
      "maxAmountEur",
    ]);
    expect(result.criteria.length).toBeGreaterThan(0);
    const verdicts = result.criteria.map((criterion) => criterion.met);
    if (result.eligible === true) expect(verdicts.every((met) => met === true)).toBe(true);
    if (result.eligible === false) expect(verdicts).toContain(false);
    if (result.eligible === null) {
      expect(verdicts).not.toContain(false);
      expect(result.missing.length).toBeGreaterThan(0);
    } else {
      expect(result.missing).toEqual([]);
    }
    // Refused on the amount alone, the answer still says the most that would be eligible; on anything else, no amount.
    const failedOtherwise = result.criteria.some(
      (criterion) => criterion.met === false && !AMOUNT_CRITERIA.has(criterion.id),
    );
    if (failedOtherwise) expect(result.maxAmountEur).toBeNull();
  }
}

const AMOUNT_CRITERIA = new Set(["montant", "montant-annuel", "taux", "part-subvention"]);

function expectFrenchError(body: ApiError) {
  expect(typeof body.message).toBe("string");
  expect(body.message.length).toBeGreaterThan(0);
  for (const message of Object.values(body.errors)) expect(typeof message).toBe("string");
}

describe.each(databaseKinds())("POST /api/eligibility on %s", (kind) => {
  let database: TestDatabase;
  const ask = (request: Request) => handleEligibilityRequest(database.db, request);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReference(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("refuses an advance above half the EU grant but gives the most that would be eligible", async () => {
    const body = {
      organisation: { legalForm: "association", department: "41" },
      project: { euProgramme: "FSE+", euGrantEur: 120_000, advanceEur: 70_000 },
    };
    const response = await ask(post(JSON.stringify(body)));
    const report = (await response.json()) as ApiReport;
    expectCoherentReport(report);
    expect(report.results[3]).toMatchObject({
      scheme: "avance-fonds-propres",
      eligible: false,
      missing: [],
      maxAmountEur: 60_000,
    });
  });

  it("answers a realistic request with the four verdicts, criteria, missing answers and ceilings", async () => {
    const response = await ask(post(JSON.stringify(REALISTIC)));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const report = (await response.json()) as ApiReport;
    expectCoherentReport(report);
    expect(
      report.results.map(({ scheme, ruleSetVersion, eligible, missing, maxAmountEur }) => ({
        scheme,
        ruleSetVersion,
        eligible,
        missing,
        maxAmountEur,
      })),
    ).toEqual([
      { scheme: "cap-asso", ruleSetVersion: 1, eligible: true, missing: [], maxAmountEur: 20_000 },
      { scheme: "a-vos-id", ruleSetVersion: 1, eligible: true, missing: [], maxAmountEur: 20_000 },
      { scheme: "cap-scop-scic", ruleSetVersion: 1, eligible: false, missing: [], maxAmountEur: null },
      {
        scheme: "avance-fonds-propres",
        ruleSetVersion: 1,
        eligible: null,
        missing: ["project.advanceEur"],
        maxAmountEur: 30_000,
      },
    ]);
    expect(report.results[0]!.criteria.map((criterion) => criterion.id)).toEqual([
      "territoire",
      "forme-juridique",
      "interet-general",
      "emploi",
      "cdi",
      "montant-annuel",
    ]);
    const failed = report.results[2]!.criteria.find((criterion) => criterion.met === false);
    expect(failed).toEqual({
      id: "forme-juridique",
      label: "Forme juridique",
      met: false,
      explanation: expect.stringContaining("réservé aux formes juridiques suivantes"),
    });
    expect(report.orientation.map((orientation) => orientation.scheme)).toEqual([
      "cap-asso",
      "a-vos-id",
      "avance-fonds-propres",
      "france-active",
    ]);
  });

  it("accepts a charset in the content type and an empty object", async () => {
    const response = await ask(post("{}", "application/json; charset=utf-8"));
    expect(response.status).toBe(200);
    const report = (await response.json()) as ApiReport;
    expectCoherentReport(report);
    expect(report.results.every((result) => result.eligible === null)).toBe(true);
  });

  it.each([
    [
      "a body that is not JSON",
      post("{organisation:"),
      "Le corps de la requête n’est pas un JSON valide.",
      {},
    ],
    ["an empty body", post(""), "Le corps de la requête n’est pas un JSON valide.", {}],
    [
      "a JSON array",
      post("[]"),
      "Certaines réponses ne sont pas valides.",
      { "": "Le corps de la requête doit être un objet JSON." },
    ],
    [
      "wrong types",
      post(JSON.stringify({ organisation: { department: 45 }, project: { jobsFte: "1,5", cdi: "oui" } })),
      "Certaines réponses ne sont pas valides.",
      {
        "organisation.department": "Département : indiquez un code de département (ex. 45).",
        "project.jobsFte": "Emplois : indiquez un nombre d’équivalents temps plein (ex. 1,5).",
        "project.cdi": "Emplois en CDI : répondez par true (oui) ou false (non).",
      },
    ],
    [
      "an unknown legal form",
      post(JSON.stringify({ organisation: { legalForm: "sarl" } })),
      "Certaines réponses ne sont pas valides.",
      {
        "organisation.legalForm":
          "Forme juridique : valeur inconnue, choisissez parmi association, scop, scic, cae, entreprise_ess, societe, collectivite, etablissement_public, salaries_repreneurs.",
      },
    ],
    [
      "a negative amount",
      post(JSON.stringify({ project: { employeeAssociates: [{ contributionEur: -10 }] } })),
      "Certaines réponses ne sont pas valides.",
      {
        "project.employeeAssociates.0.contributionEur":
          "Apport en capital du salarié associé : le montant ne peut pas être négatif.",
      },
    ],
    [
      "a form instead of JSON",
      post("organisation.department=45", "application/x-www-form-urlencoded"),
      "Le corps de la requête doit être du JSON (Content-Type: application/json).",
      {},
    ],
    [
      "JSON sent as text",
      post("{}", "text/plain"),
      "Le corps de la requête doit être du JSON (Content-Type: application/json).",
      {},
    ],
    [
      "no content type",
      new Request(URL_, { method: "POST", body: new Uint8Array([123, 125]) }),
      "Le corps de la requête doit être du JSON (Content-Type: application/json).",
      {},
    ],
  ])("answers 400 to %s, in French", async (_case, request, message, errors) => {
    const response = await ask(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message, errors });
  });

  it("answers 405 to a GET", async () => {
    const response = await ask(new Request(URL_));
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
    expect(await response.json()).toEqual({
      message: "Utilisez la méthode POST avec un corps JSON.",
      errors: {},
    });
  });

  it("answers 413 to a body over 64 KiB, and not to one just under", async () => {
    const padded = (bytes: number) => {
      const shell = JSON.stringify({ organisation: { department: "45" }, padding: "" });
      return shell.replace('"padding":""', `"padding":"${"x".repeat(bytes - shell.length)}"`);
    };
    expect(padded(MAX_BODY_BYTES)).toHaveLength(MAX_BODY_BYTES);
    expect((await ask(post(padded(MAX_BODY_BYTES)))).status).toBe(200);
    const tooLarge = await ask(post(padded(MAX_BODY_BYTES + 1)));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ message: "La requête dépasse 64 Kio.", errors: {} });
    // Multi-byte characters count in bytes, not in characters.
    expect((await ask(post(JSON.stringify({ padding: "é".repeat(33_000) })))).status).toBe(413);
    const declared = new Request(URL_, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(MAX_BODY_BYTES + 1) },
      body: "{}",
    });
    expect((await ask(declared)).status).toBe(413);
  });

  describe("never answers 500, whatever it is sent", () => {
    // Any value, including undefined, NaN and -0, written as JSON the way a client would.
    const loose = fc.oneof(fc.anything(), fc.jsonValue());
    // Mostly valid answers, so that a good share of the requests reaches the evaluation.
    const answer = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 10 }, { arbitrary: loose, weight: 1 });
    const amount = answer(
      fc.oneof(
        { arbitrary: fc.double({ min: 0, max: 200_000, noNaN: true }), weight: 8 },
        { arbitrary: fc.integer({ min: -1_000, max: 200_000 }), weight: 1 },
        {
          arbitrary: fc.constantFrom(Infinity, -0, 4_999.999, 0.005, 1_000_000_001, Number.MAX_SAFE_INTEGER),
          weight: 1,
        },
      ),
    );
    const flag = answer(fc.boolean());
    const contractShaped = fc.record(
      {
        organisation: answer(
          fc.record(
            {
              legalForm: answer(fc.constantFrom(...LEGAL_FORM_ANSWERS)),
              department: answer(fc.constantFrom("18", "28", "36", "37", "41", "45", "75", "2a", " 974 ")),
              generalInterest: flag,
            },
            { requiredKeys: [] },
          ),
        ),
        project: answer(
          fc.record(
            {
              jobsFte: amount,
              cdi: flag,
              annualAmountEur: amount,
              newOnTerritory: flag,
              partnership: flag,
              priority: answer(fc.constantFrom(...PRIORITY_ANSWERS)),
              eligibleExpensesEur: amount,
              requestedAmountEur: amount,
              cooperativeOperation: answer(fc.constantFrom(...COOPERATIVE_OPERATION_ANSWERS)),
              employeeAssociates: answer(
                fc.array(answer(fc.record({ contributionEur: amount }, { requiredKeys: [] })), {
                  maxLength: 8,
                }),
              ),
              euProgramme: answer(fc.constantFrom(...EU_PROGRAMME_ANSWERS, null)),
              euGrantEur: amount,
              advanceEur: amount,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );

    /** The status the API answers `body` with, after checking that answer is one it may give. */
    async function statusAnswering(body: string): Promise<number> {
      const response = await ask(post(body));
      const oversize = Buffer.byteLength(body) > MAX_BODY_BYTES;
      expect(oversize ? [413] : [200, 400]).toContain(response.status);
      if (response.status === 200) expectCoherentReport((await response.json()) as ApiReport);
      else expectFrenchError((await response.json()) as ApiError);
      return response.status;
    }
    // A property fails on any returned value but undefined or true.
    const expectNoServerError = async (body: string) => {
      await statusAnswering(body);
    };

    const runs = { numRuns: 300 };

    it("arbitrary JSON documents", async () => {
      await fc.assert(fc.asyncProperty(fc.json(), expectNoServerError), runs);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), (value) => expectNoServerError(JSON.stringify(value))),
        runs,
      );
    });

    it("objects shaped like the contract with wrong or random answers", async () => {
      const statuses: number[] = [];
      await fc.assert(
        fc.asyncProperty(contractShaped, async (situation) => {
          statuses.push(await statusAnswering(JSON.stringify(situation)));
        }),
        runs,
      );
      // Both outcomes are exercised, not only the refusals.
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(30);
      expect(statuses.filter((status) => status === 400).length).toBeGreaterThan(30);
    });

    it("arbitrary strings, including oversized ones", async () => {
      const text = fc.oneof(
        fc.string(),
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc
          .integer({ min: MAX_BODY_BYTES - 10, max: MAX_BODY_BYTES + 10 })
          .map((n) => "{" + " ".repeat(n - 2) + "}"),
      );
      await fc.assert(fc.asyncProperty(text, expectNoServerError), runs);
    });
  });

  // Last: it publishes version 2 of CAP ASSO in this file's database.
  it("judges by a newly published rule-set version once the rule sets in force are reloaded", async () => {
    const { db } = database;
    const body = JSON.stringify({
      organisation: { legalForm: "association", department: "18", generalInterest: true },
      project: { jobsFte: 1, cdi: true, annualAmountEur: 22_000 },
    });
    const verdict = async () => ((await (await ask(post(body))).json()) as ApiReport).results;

    const before = await verdict();
    expect(before[0]).toMatchObject({ scheme: "cap-asso", ruleSetVersion: 1, eligible: false });

    const scheme = await db.scheme.findUniqueOrThrow({ where: { code: "CAP_ASSO" } });
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    await db.ruleSet.create({
      data: {
        schemeId: scheme.id,
        version: 2,
        status: RuleSetStatus.PUBLISHED,
        parameters: { ...defaultRuleSetParameters("CAP_ASSO"), maxAnnualAmountCents: 2_500_000 },
        effectiveFrom: yesterday,
        publishedAt: yesterday,
      },
    });
    // A draft and a version not yet in force are never used.
    await db.ruleSet.createMany({
      data: [
        {
          schemeId: scheme.id,
          version: 3,
          status: RuleSetStatus.DRAFT,
          parameters: { ...defaultRuleSetParameters("CAP_ASSO"), maxAnnualAmountCents: 2_100_000 },
        },
        {
          schemeId: scheme.id,
          version: 4,
          status: RuleSetStatus.PUBLISHED,
          parameters: { ...defaultRuleSetParameters("CAP_ASSO"), maxAnnualAmountCents: 2_100_000 },
          effectiveFrom: new Date(Date.now() + 30 * 24 * 3600 * 1000),
          publishedAt: yesterday,
        },
      ],
    });

    // Until the cache is told, the rule sets already loaded still answer.
    expect((await verdict())[0]).toMatchObject({ ruleSetVersion: 1, eligible: false });

    forgetRuleSetsInForce(db);
    const after = await verdict();
    expect(after[0]).toMatchObject({
      scheme: "cap-asso",
      ruleSetVersion: 2,
      eligible: true,
      maxAmountEur: 25_000,
    });
    expect(after.slice(1).map((result) => result.ruleSetVersion)).toEqual([1, 1, 1]);
  });
});
