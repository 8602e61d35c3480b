// The dossier forms of the four schemes: what a typed answer means, what is still missing before filing,
// the rules across fields, and the eligibility questions the answers settle.
import { describe, expect, it } from "vitest";

import {
  answersFromForm,
  dossierSteps,
  prefillAnswers,
  readDossierAnswers,
  readField,
  stepSchema,
  type FieldDef,
  type FormContext,
  type RawAnswers,
} from "~/domain/dossier-forms";
import { capScopScicSubsidyCents } from "~/domain/dossier-forms/cap-scop-scic";
import { evaluateEligibility } from "~/domain/eligibility/evaluate";
import { situationSchema } from "~/domain/eligibility/situation";
import { formatEuros } from "~/domain/format";
import { defaultRuleSetParameters } from "~/domain/schemes";
import type { SchemeCode } from "~/generated/prisma/enums";

const TERRITORIES = [{ value: "45-orleans-metropole", label: "Orléans Métropole (45)" }];

function context<C extends SchemeCode>(code: C): FormContext<C> {
  return { parameters: defaultRuleSetParameters(code), territories: TERRITORIES };
}

const ORGANISATION = { name: "Les Cyclopostiers", legalForm: "ASSOCIATION", siret: null, city: "Orléans" };

const field = (kind: FieldDef["kind"], extra: Partial<FieldDef> = {}): FieldDef => ({
  name: "x",
  kind,
  label: "X",
  required: true,
  ...extra,
});

describe("readField: what a person types, read as a French form would", () => {
  it.each([
    ["12 000", 1_200_000],
    ["12\u202f345,50", 1_234_550],
    ["45 000,5", 4_500_050],
    ["0", 0],
  ])("euros « %s » → %i cents", (typed, cents) => {
    expect(readField(field("euros"), typed)).toEqual({ ok: true, value: cents });
  });

  it("refuses an amount written in words, with a French example", () => {
    expect(readField(field("euros"), "douze mille")).toEqual({
      ok: false,
      error: "Saisissez un montant en euros, par exemple 12 345,50.",
    });
  });

  it("reads decimals with a comma and keeps them within bounds", () => {
    const fte = field("decimal", { min: 0.1, max: 1 });
    expect(readField(fte, "0,5")).toEqual({ ok: true, value: 0.5 });
    expect(readField(fte, "1,5")).toEqual({ ok: false, error: "Indiquez au plus 1." });
    expect(readField(field("integer", { max: 36 }), "12,5").ok).toBe(false);
  });

  it("accepts real calendar dates only", () => {
    expect(readField(field("date"), "2027-02-01")).toEqual({ ok: true, value: "2027-02-01" });
    expect(readField(field("date"), "2027-02-30").ok).toBe(false);
    expect(readField(field("date"), "01/02/2027").ok).toBe(false);
  });

  it("checks a SIRET with its key and a choice against its options", () => {
    expect(readField(field("siret"), "841 235 674 00014")).toEqual({ ok: true, value: "84123567400014" });
    expect(readField(field("siret"), "84123567400015").ok).toBe(false);
    const choice = field("radio", { options: [{ value: "CDI", label: "CDI" }] });
    expect(readField(choice, "CDI").ok).toBe(true);
    expect(readField(choice, "INTERIM")).toEqual({
      ok: false,
      error: "Choisissez une des réponses proposées.",
    });
  });

  it("limits text length", () => {
    expect(readField(field("text", { maxLength: 5 }), "abcdef")).toEqual({
      ok: false,
      error: "5 caractères au plus.",
    });
  });
});

describe("stepSchema: the same zod check in the browser and on the server", () => {
  const [projectStep, jobsStep] = dossierSteps("CAP_ASSO", context("CAP_ASSO"));

  it("lets a draft be saved half-done but refuses what is typed wrongly", () => {
    const schema = stepSchema(projectStep!);
    expect(schema.safeParse({ title: "" }).success).toBe(true);
    const wrong = schema.safeParse({ sector: "PETANQUE" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((issue) => issue.path.join("."))).toEqual(["sector"]);
  });

  it("names the row and field of an error in a repeated group", () => {
    const result = stepSchema(jobsStep!).safeParse({
      jobs: [
        { title: "Animatrice", fte: "1" },
        { title: "Comptable", fte: "deux" },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["jobs.1.fte"]);
  });
});

/** A complete CAP ASSO dossier as a volunteer would type it. */
function capAssoAnswers(overrides: RawAnswers = {}): RawAnswers {
  return {
    title: "Atelier vélo solidaire",
    requestKind: "FIRST",
    activityProject: "Un atelier d’autoréparation.",
    needs: "Mobilité.",
    publics: "Habitants.",
    territory: "Orléans",
    generalInterest: "Intérêt général reconnu.",
    sector: "ENVIRONMENT_TOURISM",
    jobs: [{ title: "Mécanicien", kind: "CREATED", contract: "CDI", fte: "1", startDate: "2027-03-01" }],
    amountYear1: "15 000",
    amountYear2: "15 000",
    amountYear3: "12 000",
    expenses: [{ category: "PERSONNEL", label: "Salaires", amount: "84 000" }],
    resources: [
      { category: "REGION", label: "CAP ASSO", amount: "42 000" },
      { category: "OWN_FUNDS", label: "Recettes", amount: "42 000" },
    ],
    ...overrides,
  };
}

describe("readDossierAnswers: CAP ASSO", () => {
  it("reads a complete dossier: no issue, the request is the sum of the years", () => {
    const reading = readDossierAnswers("CAP_ASSO", context("CAP_ASSO"), capAssoAnswers());
    expect(reading.issues).toEqual([]);
    expect(reading.summary.requestedAmountCents).toBe(4_200_000);
    expect(reading.totalBudgetCents).toBe(8_400_000);
    expect(reading.summary.columns).toMatchObject({ jobsCreatedFte: 1, jobsConsolidatedFte: 0 });
    expect(reading.summary.situation.project).toMatchObject({
      jobsFte: 1,
      cdi: true,
      annualAmountEur: 15_000,
    });
  });

  it("lists each missing answer with the step and the field to go to", () => {
    const reading = readDossierAnswers("CAP_ASSO", context("CAP_ASSO"), { title: "Atelier" });
    expect(reading.issues).toContainEqual({
      stepId: "projet",
      fieldId: "champ-sector",
      label: "Secteur d’activité",
      message: "À renseigner.",
    });
    expect(reading.issues).toContainEqual(
      expect.objectContaining({
        stepId: "emplois",
        fieldId: "liste-jobs",
        message: "Ajoutez au moins un emploi.",
      }),
    );
  });

  it("asks the previous agreement only for a renewal", () => {
    const first = readDossierAnswers("CAP_ASSO", context("CAP_ASSO"), capAssoAnswers());
    expect(first.issues.some((issue) => issue.fieldId === "champ-previousAgreement")).toBe(false);
    const renewal = readDossierAnswers(
      "CAP_ASSO",
      context("CAP_ASSO"),
      capAssoAnswers({ requestKind: "RENEWAL" }),
    );
    expect(renewal.issues.map((issue) => issue.fieldId)).toContain("champ-previousAgreement");
  });

  it("holds each yearly amount within the rule set's floor and ceiling, and jobs to a CDI", () => {
    const reading = readDossierAnswers(
      "CAP_ASSO",
      context("CAP_ASSO"),
      capAssoAnswers({
        amountYear2: "25 000",
        jobs: [{ title: "Mécanicien", kind: "CREATED", contract: "CDD", fte: "1", startDate: "2027-03-01" }],
      }),
    );
    expect(reading.issues.map((issue) => [issue.fieldId, issue.message])).toEqual(
      expect.arrayContaining([
        [
          "champ-amountYear2",
          `Le montant annuel doit être compris entre 2\u202f000\u00a0€ et 20\u202f000\u00a0€.`,
        ],
        ["champ-jobs-0-contract", "CAP ASSO aide des emplois en CDI."],
      ]),
    );
  });

  it("requires the plan to balance and the Region's line to equal the request", () => {
    const reading = readDossierAnswers(
      "CAP_ASSO",
      context("CAP_ASSO"),
      capAssoAnswers({ resources: [{ category: "REGION", label: "CAP ASSO", amount: "40 000" }] }),
    );
    const messages = reading.issues
      .filter((issue) => issue.stepId === "budget")
      .map((issue) => issue.message);
    expect(messages).toContain(
      `Il manque ${formatEuros(4_400_000)} de ressources pour couvrir les dépenses : le plan de financement doit être équilibré.`,
    );
    expect(messages).toContain(
      `Le montant demandé à la Région dans le plan de financement (${formatEuros(4_000_000)}) doit être égal au montant demandé dans le dossier (${formatEuros(4_200_000)}).`,
    );
  });

  it("follows the rule set: a two-year agreement asks two yearly amounts", () => {
    const twoYears = context("CAP_ASSO");
    twoYears.parameters.agreementLengthMonths = 24;
    const amounts = dossierSteps("CAP_ASSO", twoYears).find((step) => step.id === "montants")!;
    expect(amounts.items.map((item) => item.name)).toEqual(["amountYear1", "amountYear2"]);
  });

  it("leaves the jobs criterion « à compléter », not failed, while a job's working time is empty", () => {
    const jobs = [
      { title: "Mécanicien", kind: "CREATED", contract: "CDI", fte: "", startDate: "2027-03-01" },
    ];
    const reading = readDossierAnswers("CAP_ASSO", context("CAP_ASSO"), capAssoAnswers({ jobs }));
    expect(reading.summary.situation.project?.jobsFte).toBeUndefined();
    expect(reading.issues).toContainEqual(
      expect.objectContaining({ fieldId: "champ-jobs-0-fte", message: "À renseigner." }),
    );
    const parameters = context("CAP_ASSO").parameters;
    const situation = situationSchema.parse({
      organisation: { legalForm: "association", department: "45", generalInterest: true },
      project: reading.summary.situation.project,
    });
    const result = evaluateEligibility(situation, {
      CAP_ASSO: { version: 1, parameters },
      A_VOS_ID: { version: 1, parameters: defaultRuleSetParameters("A_VOS_ID") },
      CAP_SCOP_SCIC: { version: 1, parameters: defaultRuleSetParameters("CAP_SCOP_SCIC") },
      EQUITY_ADVANCE: { version: 1, parameters: defaultRuleSetParameters("EQUITY_ADVANCE") },
    }).results[0]!;
    expect(result.eligible).toBeNull();
    expect(result.criteria.find((criterion) => criterion.id === "emploi")?.met).toBeNull();
  });

  it("does not wait for an empty working time when the others already make enough jobs", () => {
    const jobs = [
      { title: "Mécanicien", kind: "CREATED", contract: "CDI", fte: "1", startDate: "2027-03-01" },
      { title: "Animatrice", kind: "CREATED", contract: "CDI", fte: "", startDate: "2027-03-01" },
    ];
    const reading = readDossierAnswers("CAP_ASSO", context("CAP_ASSO"), capAssoAnswers({ jobs }));
    expect(reading.summary.situation.project?.jobsFte).toBe(1);
  });
});

describe("readDossierAnswers: the other schemes", () => {
  it("A VOS ID: the request may not exceed each expense type's rate", () => {
    const reading = readDossierAnswers("A_VOS_ID", context("A_VOS_ID"), {
      expense_OPERATING: "20 000",
      expense_INVESTMENT: "10 000",
      requestedAmount: "16 000",
      priority: "ECOLOGICAL_TRANSITION",
      partners: [{ name: "Commune", role: "Met à disposition la halle" }],
      innovation: "Premier lieu de ce type.",
    });
    expect(reading.issues).toContainEqual(
      expect.objectContaining({
        fieldId: "champ-requestedAmount",
        message: `La subvention demandée dépasse le plafond par type de dépense (${formatEuros(1_500_000)}).`,
      }),
    );
    expect(reading.summary.situation.project).toEqual({
      newOnTerritory: true,
      partnership: true,
      priority: "transition_ecologique",
      eligibleExpensesEur: 30_000,
      requestedAmountEur: 16_000,
    });
    expect(reading.summary.columns.territoryCode).toBeNull();
  });

  it("A VOS ID: LEADER details are asked only when LEADER co-finances", () => {
    const steps = context("A_VOS_ID");
    const without = readDossierAnswers("A_VOS_ID", steps, { leaderCofinancing: "non" });
    expect(without.issues.some((issue) => issue.fieldId === "champ-leaderGroup")).toBe(false);
    const withLeader = readDossierAnswers("A_VOS_ID", steps, { leaderCofinancing: "oui" });
    expect(withLeader.issues.map((issue) => issue.fieldId)).toEqual(
      expect.arrayContaining(["champ-leaderGroup", "champ-leaderAmount"]),
    );
  });

  it("CAP SCOP-SCIC: each contribution doubled within the per-person and per-cooperative ceilings", () => {
    const parameters = defaultRuleSetParameters("CAP_SCOP_SCIC");
    expect(capScopScicSubsidyCents([300_000, 800_000], parameters)).toBe(300_000 + 500_000);
    expect(capScopScicSubsidyCents(Array(30).fill(500_000), parameters)).toBe(10_000_000);
    const reading = readDossierAnswers("CAP_SCOP_SCIC", context("CAP_SCOP_SCIC"), {
      cooperativeStatus: "IN_CREATION",
      employeeAssociates: [
        { firstName: "Léa", lastName: "Martin", contribution: "3 000" },
        { firstName: "Yanis", lastName: "Bernard", contribution: "8 000" },
      ],
    });
    expect(reading.summary.requestedAmountCents).toBe(800_000);
    expect(reading.summary.columns.employeeAssociatesCount).toBe(2);
    // Before registration there is no SIRET to give, but a registration date.
    const fields = reading.issues.map((issue) => issue.fieldId);
    expect(fields).toContain("champ-registrationDate");
    expect(fields).not.toContain("champ-cooperativeSiret");
  });

  it("equity advance: expected EU payments may not exceed the grant", () => {
    const reading = readDossierAnswers("EQUITY_ADVANCE", context("EQUITY_ADVANCE"), {
      euProgramme: "FSE_PLUS",
      euGrantAmount: "100 000",
      advanceAmount: "40 000",
      expectedEuPayments: [
        { date: "2027-06-30", amount: "60 000" },
        { date: "2028-06-30", amount: "60 000" },
      ],
    });
    expect(reading.issues).toContainEqual(
      expect.objectContaining({
        fieldId: "liste-expectedEuPayments",
        message: "Le total des versements attendus dépasse la subvention européenne.",
      }),
    );
    expect(reading.summary.situation.project).toEqual({
      euProgramme: "FSE+",
      euGrantEur: 100_000,
      advanceEur: 40_000,
    });
    expect(reading.summary.requestedAmountCents).toBe(4_000_000);
  });
});

describe("answers carried over", () => {
  it("reads a posted form's nested names as react-hook-form writes them", () => {
    expect(
      answersFromForm([
        ["title", "Atelier"],
        ["jobs.1.title", "Comptable"],
        ["jobs.0.title", "Mécanicien"],
        ["jobs.0.__proto__", "x"],
        ["intent", "next"],
        ["../etc", "x"],
      ]),
    ).toEqual({ title: "Atelier", intent: "next", jobs: [{ title: "Mécanicien" }, { title: "Comptable" }] });
  });

  it("prefills a CAP ASSO dossier from the eligibility questionnaire and the profile", () => {
    const answers = prefillAnswers(
      "CAP_ASSO",
      context("CAP_ASSO"),
      { "project.jobsFte": "1,5", "project.cdi": "oui", "project.annualAmountEur": "15000" },
      ORGANISATION,
    );
    expect(answers).toMatchObject({
      territory: "Orléans",
      amountYear1: "15000",
      amountYear3: "15000",
      jobs: [
        { kind: "CREATED", contract: "CDI", fte: "1" },
        { kind: "CREATED", contract: "CDI", fte: "0,5" },
      ],
    });
  });

  it("prefills the cooperative from a SCOP's own profile", () => {
    const answers = prefillAnswers(
      "CAP_SCOP_SCIC",
      context("CAP_SCOP_SCIC"),
      { "project.cooperativeOperation": "reprise" },
      { name: "Les Cyclopostiers SCOP", legalForm: "SCOP", siret: "84123567400014", city: "Orléans" },
    );
    expect(answers).toEqual({
      operationType: "TAKEOVER",
      cooperativeName: "Les Cyclopostiers SCOP",
      cooperativeForm: "SCOP",
      cooperativeStatus: "REGISTERED",
      cooperativeSiret: "84123567400014",
    });
  });
});
