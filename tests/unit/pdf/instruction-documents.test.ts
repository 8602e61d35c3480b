import { describe, expect, it } from "vitest";

import { RECOURSE_NOTICE } from "~emails/dossier-decided";

import { formatEuros } from "~/domain/format";
import { paris } from "~/domain/paris-time";
import { agreementTermsOf, scheduleTable } from "~/domain/post-grant/agreement";
import { defaultRuleSetParameters } from "~/domain/schemes";
import { capAssoPaymentSchedule } from "~/domain/schedules";
import { renderAgreement, type AgreementData } from "~/pdf/agreement.server";
import { renderCommissionAgenda, type CommissionAgendaData } from "~/pdf/commission-agenda.server";
import { renderDecisionLetter, type DecisionLetterData } from "~/pdf/decision-letter.server";
import { renderInstructorReport, type InstructorReportData } from "~/pdf/instructor-report.server";
import { createDocument, drawTitle, toBuffer } from "~/pdf/layout.server";
import { renderSchedule } from "~/pdf/schedule.server";

import { expectArchivable, renderRecorded } from "../../support/pdf-archive";
import { pdfInfo, pdfText } from "../../support/pdf-text";

const dossier = {
  number: "CAPASSO-2026-00042",
  title: "Ressourcerie solidaire du Berry",
  schemeName: "CAP ASSO",
  organisationName: "L’Échappée belle",
  organisationAddress: "12 rue de la Poterne, 18000 Bourges",
  siret: "12345678900012",
  legalRepresentative: "Mme Claire Martin, présidente",
};

const equityDossier = {
  ...dossier,
  number: "AVANCEFP-2026-00007",
  title: "Chantier d’insertion cofinancé FSE+",
  schemeName: "Apport en fonds propres avec droit de reprise",
};

/** The extracted text with every kind of space as one ordinary space, for sentences that may wrap. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

async function read(bytes: Buffer) {
  const text = await pdfText(bytes);
  return { text, flat: flat(text), pages: text.split("\f"), info: await pdfInfo(bytes) };
}

const SESSION = paris("2026-12-15T10:00");
const DECIDED = paris("2026-12-16T09:00");
/** The terms of the scheme's default rule set and the schedule they plan, relative to the acceptance. */
const termsOf = (
  code: "CAP_ASSO" | "A_VOS_ID" | "CAP_SCOP_SCIC" | "EQUITY_ADVANCE",
  amountCents: number,
  yearlyAmountsCents: number[] = [],
) => {
  const terms = agreementTermsOf(code, defaultRuleSetParameters(code));
  return { terms, table: scheduleTable({ terms, grantedAmountCents: amountCents, yearlyAmountsCents }) };
};
const capAssoSchedule = () => capAssoPaymentSchedule([2_000_000, 2_000_000, 2_000_000], paris("2027-01-15"));

function report(overrides: Partial<InstructorReportData> = {}): InstructorReportData {
  return {
    dossier,
    filedAt: paris("2026-11-22T14:05"),
    ruleSetVersion: 2,
    requestedAmountCents: 6_000_000,
    totalBudgetCents: 18_543_210,
    eligibility: [
      { label: "Forme juridique", met: true, explanation: "Association déclarée (loi 1901)." },
      { label: "Siège dans la région", met: null, explanation: "Adresse du siège à confirmer." },
      { label: "Emploi en CDI", met: false, explanation: "Le poste est proposé en CDD." },
    ],
    completeness: [
      { label: "Statuts à jour de l’association", checked: true },
      { label: "Relevé d’identité bancaire", checked: false },
    ],
    opinion: {
      favourable: true,
      motivation: "Projet ancré dans le quartier, modèle économique crédible.",
      proposedAmountCents: 6_000_000,
      yearlyAmountsCents: [2_000_000, 2_000_000, 2_000_000],
    },
    schedule: capAssoSchedule(),
    instructorName: "Julien Moreau",
    createdAt: paris("2026-12-01T10:00"),
    ...overrides,
  };
}

describe("renderInstructorReport", () => {
  it("runs onto numbered pages when there are many criteria, and keeps every one", async () => {
    const eligibility = Array.from({ length: 60 }, (_, index) => ({
      label: `Critère n° ${index + 1}`,
      met: index % 2 === 0,
      explanation: `Explication du critère ${index + 1}.`,
    }));
    const { text, pages } = await read(await renderInstructorReport(report({ eligibility })));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pages.length}`));
    expect(text).toContain("Critère n° 60 Non rempli Explication du critère 60.");
  });

  it("identifies the dossier, its rules and the amounts at stake", async () => {
    const { text, info } = await read(await renderInstructorReport(report()));
    expect(text).toContain("Rapport d’instruction");
    expect(text).toContain("Déposé le 22/11/2026");
    expect(text).toContain("Règlement appliqué CAP ASSO, version 2");
    expect(text).toContain(`Montant demandé ${formatEuros(6_000_000)}`);
    expect(text).toContain(`Budget total du projet ${formatEuros(18_543_210)}`);
    expect(text).toContain("L’Échappée belle");
    expect(info.Title).toBe("Rapport d’instruction — dossier CAPASSO-2026-00042");
  });

  it("gives each criterion's result with its explanation, and the completeness checks", async () => {
    const { text } = await read(await renderInstructorReport(report()));
    expect(text).toContain("3 critères examinés\u00a0: 1 non rempli, 1 à vérifier.");
    // Each column as wide as its longest word: « Résultat », « Rempli » are never cut.
    expect(text).toContain("Critère Résultat Explication");
    expect(text).toContain("Forme juridique Rempli Association déclarée (loi 1901).");
    expect(text).toContain("Siège dans la région À vérifier Adresse du siège à confirmer.");
    expect(text).toContain("Emploi en CDI Non rempli Le poste est proposé en CDD.");
    expect(text).toContain("1 élément vérifié sur 2.");
    expect(text).toContain("Statuts à jour de l’association ☑ Vérifié");
    expect(text).toContain("Relevé d’identité bancaire ☐ Non vérifié");
  });

  it("states a favourable opinion with the amount in figures and words, the yearly amounts and the schedule", async () => {
    const { text, flat: all } = await read(await renderInstructorReport(report()));
    expect(text).toContain("Avis Favorable");
    expect(text).toContain(`Montant proposé ${formatEuros(6_000_000)} (soixante mille euros)`);
    expect(text).toContain(`Année 3 ${formatEuros(2_000_000)}`);
    expect(all).toContain("Projet ancré dans le quartier, modèle économique crédible.");
    expect(text).toContain("Échéancier de versement proposé");
    expect(text).toContain(`2 15/01/2028 ${formatEuros(2_000_000)}`);
    expect(text).toContain(`Total ${formatEuros(6_000_000)}`);
    expect(all).toContain("Rapport établi par Julien Moreau, le 1er décembre 2026.");
  });

  it("proposes no amount with an unfavourable opinion, and no schedule when there is none", async () => {
    const data = report({ schedule: null, filedAt: null, requestedAmountCents: null });
    const { text } = await read(
      await renderInstructorReport({
        ...data,
        opinion: {
          favourable: false,
          motivation: "Aucun emploi en CDI.",
          proposedAmountCents: 0,
          yearlyAmountsCents: [],
        },
      }),
    );
    expect(text).toContain("Avis Défavorable");
    expect(text).toContain("Aucun emploi en CDI.");
    expect(text).not.toContain("Montant proposé");
    expect(text).not.toContain("Échéancier");
    expect(text).toContain("Déposé le Non déposé");
    expect(text).toContain("Montant demandé Non renseigné");
  });
});

function letter(overrides: Partial<DecisionLetterData> = {}): DecisionLetterData {
  return {
    dossier,
    granted: true,
    amountCents: 6_000_000,
    yearlyAmountsCents: [2_000_000, 2_000_000, 2_000_000],
    motivation: "",
    sessionDate: SESSION,
    decidedAt: DECIDED,
    recourseNotice: RECOURSE_NOTICE,
    signatory:
      "Pour la Présidente ou le Président du Conseil régional et par délégation, la directrice de l’Économie sociale et solidaire",
    ...overrides,
  };
}

describe("renderDecisionLetter", () => {
  it("notifies a grant to the legal representative, in figures and in words, year by year", async () => {
    const { text, flat: all, pages } = await read(await renderDecisionLetter(letter()));
    expect(text).toContain("À l’attention de Mme Claire Martin, présidente");
    expect(all).toContain("Orléans, le 16 décembre 2026");
    expect(all).toContain("Objet : décision de la Commission permanente du 15 décembre 2026");
    expect(all).toContain("réunie le 15 décembre 2026, a décidé d’attribuer à l’Échappée belle une aide");
    expect(all).toContain(
      `d’un montant de ${flat(formatEuros(6_000_000))} (soixante mille euros) au titre du dispositif CAP ASSO`,
    );
    expect(all).toContain("pour le projet « Ressourcerie solidaire du Berry »");
    expect(text).toContain(`Année 2 ${formatEuros(2_000_000)}`);
    expect(all).toContain("convention établie entre la Région et votre structure");
    expect(all).toContain("le premier versement suit l’acceptation de la convention par les deux parties");
    expect(all).not.toContain("signature par les deux parties");
    expect(all).toContain(flat(RECOURSE_NOTICE));
    expect(all).toContain("la directrice de l’Économie sociale et solidaire");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("Page 1 / 1");
  });

  it("dates the letter by the Paris calendar", async () => {
    // 23:30 UTC on 15 December is already 16 December in Paris (UTC+1).
    const { text } = await read(
      await renderDecisionLetter(letter({ decidedAt: new Date("2026-12-15T23:30:00Z") })),
    );
    expect(flat(text)).toContain("Orléans, le 16 décembre 2026");
  });

  it("gives the reasons of a refusal, and the recourse notice", async () => {
    const { text, flat: all } = await read(
      await renderDecisionLetter(
        letter({
          granted: false,
          amountCents: null,
          yearlyAmountsCents: [],
          motivation: "Le projet ne crée aucun emploi.",
        }),
      ),
    );
    expect(all).toContain("n’a pas retenu la demande d’aide de l’Échappée belle");
    expect(text).toContain("Motif de la décision\u00a0: Le projet ne crée aucun emploi.");
    expect(text).not.toContain("€");
    expect(text).toContain("Voies et délais de recours");
    expect(all).toContain("tribunal administratif d’Orléans dans un délai de deux mois");
  });
});

function agreement(overrides: Partial<AgreementData> = {}): AgreementData {
  return {
    dossier,
    schemeCode: "CAP_ASSO",
    amountCents: 6_000_000,
    yearlyAmountsCents: [2_000_000, 2_000_000, 2_000_000],
    sessionDate: SESSION,
    agreementMonths: 36,
    ...termsOf("CAP_ASSO", 6_000_000, [2_000_000, 2_000_000, 2_000_000]),
    iban: "FR7630006000011234567890189",
    createdAt: DECIDED,
    ...overrides,
  };
}

describe("the decision letter's French", () => {
  it("writes « aux », « du » and « 1er » as letters do", async () => {
    const granted = await read(
      await renderDecisionLetter(
        letter({
          dossier: { ...dossier, organisationName: "Les Jardins Partagés de l’Orléanais" },
          sessionDate: paris("2027-03-01T09:30"),
          decidedAt: paris("2027-03-01T16:00"),
        }),
      ),
    );
    expect(granted.flat).toContain(
      "réunie le 1er mars 2027, a décidé d’attribuer aux Jardins Partagés de l’Orléanais",
    );
    expect(granted.flat).toContain("Orléans, le 1er mars 2027");
    expect(granted.flat).not.toContain("à Les");
    const refused = await read(
      await renderDecisionLetter(
        letter({
          dossier: { ...dossier, organisationName: "Le Grenier Solidaire" },
          granted: false,
          amountCents: null,
          yearlyAmountsCents: [],
          motivation: "Hors priorités.",
        }),
      ),
    );
    expect(refused.flat).toContain("la demande d’aide du Grenier Solidaire");
  });
});

describe("renderAgreement", () => {
  it("binds the Region and the organisation for a CAP ASSO project over three years", async () => {
    const { text, flat: all, pages } = await read(await renderAgreement(agreement()));
    expect(text).toContain("Convention");
    expect(all).toContain("délibération de la Commission permanente du 15 décembre 2026");
    expect(all).toContain("Fait en deux exemplaires originaux, à Orléans, le 16 décembre 2026.");
    expect(all).toContain("représentée par Mme Claire Martin, présidente, ci-après « le bénéficiaire »");
    expect(all).toContain("le projet « Ressourcerie solidaire du Berry »");
    expect(all).toContain("emplois en contrat à durée indéterminée");
    expect(text).toContain(`Montant ${formatEuros(6_000_000)} (soixante mille euros)`);
    expect(all).toContain("pour une durée de 36 mois (3 ans)");
    // One story with the portal: in force once both parties accepted, payments per the rule set's terms.
    expect(all).toContain("La convention prend effet à la date à laquelle les deux parties l’ont acceptée");
    expect(all).toContain(
      "une avance de 50 % du montant de l’année, à l’acceptation de la convention par les deux parties",
    );
    expect(all).toContain("au plus tard 6 mois après la fin de l’année de convention");
    expect(flat(text)).toContain("Montant prévu");
    expect(text).not.toContain("Montant versé");
    expect(all).toContain("Avance de l’année 1");
    expect(all).toContain("Solde de l’année 3");
    expect(text).toContain(formatEuros(1_000_000));
    expect(text).not.toMatch(/\d\d\/\d\d\/20\d\d/);
    expect(all).toContain("IBAN FR76 3000 6000 0112 3456 7890 189");
    expect(all).toContain("mentionne le soutien de la Région Centre-Val de Loire");
    expect(all).toContain("tribunal administratif d’Orléans");
    expect(text).toContain("Pour L’Échappée belle");
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pages.length}`));
  });

  it("words an equity advance as a contribution with a right of recovery, repaid per the schedule", async () => {
    const { text, flat: all } = await read(
      await renderAgreement(
        agreement({
          dossier: equityDossier,
          schemeCode: "EQUITY_ADVANCE",
          amountCents: 10_000_000,
          yearlyAmountsCents: [],
          agreementMonths: null,
          ...termsOf("EQUITY_ADVANCE", 10_000_000),
          iban: null,
        }),
      ),
    );
    expect(all).toContain("apport en fonds propres avec droit de reprise, sans intérêt");
    expect(text).toContain(`Montant ${formatEuros(10_000_000)} (cent mille euros)`);
    expect(all).toContain("Elle court jusqu’au complet remboursement de l’apport.");
    expect(all).toContain(
      "L’apport est versé en une fois après l’acceptation de la convention par les deux parties",
    );
    expect(all).toContain("12 mois après le versement de l’apport");
    expect(all).toContain("36 mois après le versement de l’apport");
    expect(text).toContain(formatEuros(8_888_889));
    expect(text).toContain(formatEuros(1_111_112));
    expect(text).not.toContain("IBAN");
    expect(text).not.toContain("subvention");
  });

  it("pays an A VOS ID subsidy with an advance at acceptance and the balance on the report", async () => {
    const { text, flat: all } = await read(
      await renderAgreement(
        agreement({
          schemeCode: "A_VOS_ID",
          amountCents: 4_000_000,
          yearlyAmountsCents: [],
          agreementMonths: null,
          ...termsOf("A_VOS_ID", 4_000_000),
        }),
      ),
    );
    expect(all).toContain("innovation sociale, écologique et territoriale");
    expect(text).toContain(`Montant ${formatEuros(4_000_000)} (quarante mille euros)`);
    expect(all).toContain("Une avance de 30 % du montant de la subvention est versée à l’acceptation");
    expect(all).toContain("état récapitulatif des dépenses acquittées");
    expect(text).toContain(formatEuros(1_200_000));
    expect(text).toContain(formatEuros(2_800_000));
    expect(all).toContain("Sur le compte rendu financier du projet");
    expect(text).not.toContain("Année 1");
  });
});

describe("renderSchedule", () => {
  it("prints a repayment schedule with what remains due after each instalment", async () => {
    const { text, info } = await read(
      await renderSchedule({
        dossier: equityDossier,
        amountCents: 10_000_000,
        table: termsOf("EQUITY_ADVANCE", 10_000_000).table,
        createdAt: DECIDED,
      }),
    );
    expect(text).toContain("Échéancier de remboursement");
    expect(info.Title).toBe("Échéancier de remboursement — dossier AVANCEFP-2026-00007");
    expect(text).toContain(`Montant de l’avance ${formatEuros(10_000_000)} (cent mille euros)`);
    expect(text).toContain("Nombre d’échéances 9");
    expect(text).toContain(formatEuros(4_444_445));
    expect(text).toContain(`Total ${formatEuros(10_000_000)}`);
    expect(flat(text)).toContain("comptée à partir de son versement");
    expect(text).not.toContain("diffère");
  });

  it("prints a payment schedule without the remaining column", async () => {
    const { text } = await read(
      await renderSchedule({
        dossier,
        amountCents: 6_000_000,
        table: termsOf("CAP_ASSO", 6_000_000, [2_000_000, 2_000_000, 2_000_000]).table,
        createdAt: DECIDED,
      }),
    );
    expect(text).toContain("Échéancier de versement");
    expect(text).toContain(`Montant de l’aide ${formatEuros(6_000_000)} (soixante mille euros)`);
    expect(text).not.toContain("Restant dû");
    expect(flat(text)).toContain("Montant prévu");
    expect(flat(text)).toContain("À l’acceptation de la convention par les deux parties");
    expect(flat(text)).toContain("Année 2, une fois approuvé le compte rendu financier de l’année 1");
    expect(text).toContain(formatEuros(1_000_000));
    expect(flat(text)).toContain("Ces montants sont prévus, non encore versés");
    expect(text).not.toMatch(/\d\d\/\d\d\/20\d\d/);
  });
});

function agenda(): CommissionAgendaData {
  const item = (overrides: Partial<CommissionAgendaData["items"][number]>) => ({
    number: "CAPASSO-2026-00042",
    title: "Ressourcerie solidaire du Berry",
    organisationName: "L’Échappée belle",
    schemeName: "CAP ASSO",
    departmentCode: "18",
    requestedAmountCents: 6_000_000,
    proposedAmountCents: 6_000_000,
    favourable: true,
    ...overrides,
  });
  return {
    title: "Séance de décembre",
    sessionDate: SESSION,
    createdAt: paris("2026-12-01T10:00"),
    items: [
      item({}),
      item({
        number: "CAPASSO-2026-00043",
        organisationName: "Le Grand Bazar",
        title: "Café associatif",
        departmentCode: "37",
        requestedAmountCents: 4_000_000,
        proposedAmountCents: 4_000_000,
        favourable: false,
      }),
      item({
        number: "AVOSID-2026-00001",
        schemeName: "A VOS ID",
        organisationName: "Commune de Saint-Aignan",
        title: "Tiers-lieu rural",
        departmentCode: "41",
        requestedAmountCents: 8_000_000,
        proposedAmountCents: 5_000_000,
      }),
      item({
        number: "CAPASSO-2026-00050",
        organisationName: "Les Jardins de Cocagne",
        title: "Maraîchage d’insertion",
        departmentCode: null,
        requestedAmountCents: 3_000_000,
        proposedAmountCents: 2_500_050,
      }),
    ],
  };
}

/** Each of `units` (a word, an amount, a name joined by no-break spaces) is read whole on one line. */
function expectNoBrokenWord(text: string, units: string[]) {
  const lines = text.split(/[\n\f]/);
  for (const unit of units) {
    expect(
      lines.some((line) => line.includes(unit)),
      `« ${unit} » is cut`,
    ).toBe(true);
  }
}

describe("renderCommissionAgenda", () => {
  it("sizes its columns to their content: no word, number or amount is cut", async () => {
    const data = agenda();
    data.items.push({
      number: "CAPSCOPSCIC-2026-00002",
      title: "Reprise des Menuiseries du Vendômois par leurs salariés, avec un atelier d’apprentissage",
      organisationName: "Collectif des salariés des Menuiseries du Vendômois",
      schemeName: "CAP SCOP-SCIC",
      departmentCode: "41",
      requestedAmountCents: 123_456_789,
      proposedAmountCents: 100_000_000,
      favourable: true,
    });
    const { text } = await read(await renderCommissionAgenda(data));
    expectNoBrokenWord(text, [
      "N°",
      "Dépt",
      "Demandé",
      "Proposé",
      "Favorable",
      "Défavorable",
      ...data.items.flatMap((item) => [item.number, ...`${item.organisationName} ${item.title}`.split(" ")]),
      "Total CAP\u00a0ASSO",
      "Total CAP\u00a0SCOP-SCIC",
      formatEuros(123_456_789),
      formatEuros(100_000_000),
    ]);
  });

  it("lists the dossiers by scheme, numbered in order, with their amounts and opinions", async () => {
    const { text, flat: all, info } = await read(await renderCommissionAgenda(agenda()));
    expect(all).toContain("Commission permanente du 15 décembre 2026 — ordre du jour");
    expect(flat(String(info.Title))).toBe("Commission permanente du 15 décembre 2026 — ordre du jour");
    expect(text).toContain("4 dossiers inscrits, dont 3 avec un avis favorable.");
    expect(text).toContain(
      `1 CAPASSO-2026-00042 L’Échappée belle Ressourcerie solidaire du Berry 18 ${formatEuros(6_000_000)} ${formatEuros(6_000_000)} Favorable`,
    );
    // An unfavourable opinion proposes nothing to vote.
    expect(text).toContain(
      `2 CAPASSO-2026-00043 Le Grand Bazar Café associatif 37 ${formatEuros(4_000_000)} — Défavorable`,
    );
    expect(text).toContain(`4 AVOSID-2026-00001 Commune de Saint-Aignan Tiers-lieu rural 41`);
    expect(text).toContain(
      `3 CAPASSO-2026-00050 Les Jardins de Cocagne Maraîchage d’insertion — ${formatEuros(3_000_000)}`,
    );
  });

  it("totals each scheme and the whole session", async () => {
    const { text } = await read(await renderCommissionAgenda(agenda()));
    const nbsp = (name: string) => name.replace(/ /g, "\u00a0");
    expect(text).toContain(
      `Total ${nbsp("CAP ASSO")} 3 dossiers ${formatEuros(13_000_000)} ${formatEuros(8_500_050)}`,
    );
    expect(text).toContain(
      `Total ${nbsp("A VOS ID")} 1 dossier ${formatEuros(8_000_000)} ${formatEuros(5_000_000)}`,
    );
    expect(text).toContain(`CAP ASSO 3 2 ${formatEuros(13_000_000)} ${formatEuros(8_500_050)}`);
    expect(text).toContain(`Total général 4 3 ${formatEuros(21_000_000)} ${formatEuros(13_500_050)}`);
  });

  it("says so when no dossier is on the agenda", async () => {
    const { text } = await read(await renderCommissionAgenda({ ...agenda(), items: [] }));
    expect(text).toContain("Aucun dossier n’est inscrit à l’ordre du jour.");
    expect(text).not.toContain("Total général");
  });
});

describe("the bold capital E", () => {
  it("reads « Entre » even after a document whose only bold E was the one inside « É »", async () => {
    const before = createDocument({ title: "Échéancier", subject: "Échéancier", createdAt: DECIDED });
    drawTitle(before, "Échéancier");
    await toBuffer(before);
    const { text } = await read(await renderAgreement(agreement()));
    expect(text).toContain("Entre les soussignés");
  });
});

describe("every instruction document", () => {
  it.each([
    [
      "the instructor report",
      () => renderInstructorReport(report()),
      ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
    ],
    ["the decision letter", () => renderDecisionLetter(letter()), ["H1", "H2", "L", "LI"]],
    ["the agreement", () => renderAgreement(agreement()), ["H1", "H2", "L", "LI", "Table", "TH", "TD"]],
    [
      "the repayment schedule",
      () =>
        renderSchedule({
          dossier: equityDossier,
          amountCents: 10_000_000,
          table: termsOf("EQUITY_ADVANCE", 10_000_000).table,
          createdAt: DECIDED,
        }),
      ["H1", "H2", "L", "LI", "Table", "TH", "TD"],
    ],
    ["the commission agenda", () => renderCommissionAgenda(agenda()), ["H1", "H2", "Table", "TH", "TD"]],
  ] as const)("%s is tagged PDF/A-2a and reads back as written", async (_, render, roles) => {
    await expectArchivable(await renderRecorded(render), roles);
  });
});
