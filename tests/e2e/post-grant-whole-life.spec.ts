// A grant's whole life, from the agreement to « Soldé », driven through the pages as the association and
// the instructor use them: the demo CAP ASSO dossier of Brenne Patrimoine Vivant (granted, not yet
// accepted: 36 000 € over three years, 12 000 € a year) goes through its six payments and three financial
// reports with JavaScript; the A VOS ID dossier of Les Cyclopostiers (accepted by post-grant-agreement,
// which runs before) is paid its advance, reports lower expenses and repays the difference, without
// JavaScript. Each PDF is read and its amounts checked to the cent. Named to run after post-grant-views,
// which reads the demo state as seeded.
import { readFile } from "node:fs/promises";

import { expect, test, type Download, type Page } from "@playwright/test";

import { formatEuros } from "../../app/domain/format";
import { pdfText } from "../support/pdf-text";
import { expectNoAxeViolations } from "./support/axe";
import { pdfFile } from "./support/dossier-files";
import { APPLICANT, COLLEAGUE, signInAs } from "./support/dossier-journey";
import { INSTRUCTOR } from "./support/instruction";

const CAP_ASSO = "Randonnées santé et sport adapté dans le Parc naturel régional de la Brenne";
const CAP_SCOP =
  "Entrée au capital des salariés de l’atelier de maintenance de la SCIC Berry Énergies Citoyennes";
const A_VOS_ID = "Livraison à vélo et collecte des biodéchets dans la métropole orléanaise — amorçage";

test.describe.configure({ mode: "serial" });

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");
const euros = (cents: number) => flat(formatEuros(cents));
/** An amount as the portal writes it, whatever kind of space separates the thousands. */
function amount(cents: number, { unit = true } = {}): RegExp {
  const written = unit ? euros(cents) : euros(cents).replace(/ €$/, "");
  return new RegExp(`^${written.replace(/ /g, "[\\s\\u00a0\\u202f]")}$`);
}
const inText = (cents: number) => new RegExp(amount(cents).source.slice(1, -1));
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

async function pdfOf(download: Download): Promise<string> {
  return flat(await pdfText(await readFile((await download.path())!)));
}

async function dossierIdByTitle(page: Page, title: string): Promise<string> {
  await page.goto("/espace");
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return /\/dossiers\/([^/?#]+)/.exec(new URL(page.url()).pathname)![1]!;
}

/** The holder asks for payment `position`, with the proofs its form requires. */
async function requestPayment(
  page: Page,
  dossierId: string,
  position: number,
  proofs = 0,
  { stay = false } = {},
) {
  if (!stay) await page.goto(`/dossiers/${dossierId}/versements/${position}`);
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Demander le versement" }) });
  const files = form.locator('input[type="file"][required]');
  for (let index = 0; index < proofs; index++) {
    await files
      .nth(index)
      .setInputFiles(await pdfFile(`justificatif-${position}-${index}.pdf`, "Justificatif"));
  }
  await page.getByRole("button", { name: "Demander le versement" }).click();
  await expect(page.getByText("Votre demande de versement a été transmise")).toBeVisible();
}

/** The instructor approves the amount proposed (checked) and records the payment. */
async function approveAndPay(page: Page, dossierId: string, position: number, cents: number) {
  await page.goto(`/instruction/dossiers/${dossierId}/versements/${position}`);
  await expect(page.getByLabel("Montant approuvé")).toHaveValue(amount(cents, { unit: false }));
  await page.getByRole("button", { name: "Approuver le versement" }).click();
  await expect(page.getByText(/Le versement est approuvé/)).toBeVisible();
  await page.getByLabel("Date du paiement").fill(parisToday());
  await page
    .getByLabel("Référence du mandat de paiement")
    .fill(`MDT-2026-${String(position).padStart(6, "0")}`);
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByText(/Le paiement est enregistré/)).toBeVisible();
}

/**
 * The holder fills the period's report: the actual figure of each budget line as planned except the
 * lines `lower` names (their actual figure typed instead, with an explanation), and sends it.
 */
async function sendReport(
  page: Page,
  dossierId: string,
  period: number,
  figures: { indicators: Record<string, string>; eligibleExpenses?: string; lower?: Record<string, string> },
) {
  await page.goto(`/dossiers/${dossierId}/comptes-rendus/${period}`);
  await page.getByLabel("Actions réalisées").fill(`Année ${period} : randonnées hebdomadaires et ateliers.`);
  await page.getByLabel("Public touché").fill("Cent vingt personnes âgées ou en affection de longue durée.");
  await page.getByLabel("Dates et lieux de réalisation").fill("Toute l’année, dans douze communes.");
  const lines = page.locator("fieldset.report-line");
  const count = await lines.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const line = lines.nth(index);
    const label = (await line.locator("legend").textContent())!.trim();
    const forecast = /:\s*([\d\s\u00a0\u202f]+,\d{2})/.exec(
      (await line.locator("p").first().textContent())!,
    )![1]!;
    const lower = figures.lower?.[label];
    await line.getByLabel("Réalisé (en euros)").fill(lower ?? forecast.replace(/[\s\u00a0\u202f]/g, ""));
    if (lower) await line.getByLabel("Explication de l’écart").fill("Le chantier a coûté moins que prévu.");
  }
  if (figures.eligibleExpenses) {
    await page
      .getByLabel("Dépenses éligibles effectivement payées (en euros)")
      .fill(figures.eligibleExpenses);
  }
  for (const [label, value] of Object.entries(figures.indicators)) await page.getByLabel(label).fill(value);
  // Each required piece, once: a chosen file leaves its input required, so the list does not shrink.
  const files = page.locator('input[type="file"][required]');
  const pieces = await files.count();
  for (let index = 0; index < pieces; index++) {
    await files
      .nth(index)
      .setInputFiles(await pdfFile(`piece-${period}-${index}.pdf`, "Pièce du compte rendu"));
  }
  await page.getByRole("button", { name: "Envoyer le compte rendu" }).click();
  await expect(page.getByText("Votre compte rendu financier est envoyé")).toBeVisible();
}

/** The instructor approves the report with the subsidy the portal retains (checked). */
async function approveReport(page: Page, dossierId: string, period: number, retainedCents: number) {
  await page.goto(`/instruction/dossiers/${dossierId}/comptes-rendus/${period}`);
  const retained = page.getByLabel("Subvention retenue pour la période (en euros)");
  if (await retained.count()) {
    await expect(retained).toHaveValue(amount(retainedCents, { unit: false }));
  } else {
    await expect(page.getByText(`Subvention retenue, calculée : ${euros(retainedCents)}`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Approuver le compte rendu" }).click();
  await expect(page.getByText("Le compte rendu est approuvé")).toBeVisible();
}

async function settle(page: Page, dossierId: string) {
  await page.goto(`/instruction/dossiers/${dossierId}/solde`);
  await page.getByRole("button", { name: "Solder le dossier" }).click();
  await expect(page.getByText("Le dossier est soldé.")).toBeVisible();
}

/** The holder's owner accepts the agreement online, then the instructor records the Region's acceptance. */
async function acceptBothSides(
  holder: Page,
  instructor: Page,
  dossierId: string,
  signatory: { name: string; capacity: string },
) {
  await holder.goto(`/dossiers/${dossierId}/convention`);
  await holder.getByLabel("Votre nom et prénom").fill(signatory.name);
  await holder.getByLabel("En qualité de").fill(signatory.capacity);
  await holder.getByLabel(/^Je déclare avoir lu la convention/).check();
  await holder.getByRole("button", { name: "J’accepte la convention" }).click();
  await expect(holder.getByRole("status")).toContainText(
    "Votre acceptation de la convention est enregistrée",
  );

  await instructor.goto(`/instruction/dossiers/${dossierId}/convention`);
  await instructor.getByLabel("Nom de la personne qui signe pour la Région").fill("François Bonneau");
  await instructor.getByLabel("En qualité de").first().fill("président du Conseil régional");
  await instructor.getByLabel(/^J’enregistre l’acceptation/).check();
  await instructor.getByRole("button", { name: "Enregistrer l’acceptation de la Région" }).click();
  await expect(instructor.getByRole("status")).toContainText("acceptée par les deux parties");
}

test("CAP ASSO: three years of advances, reports and balances, then « Soldé »", async ({ browser }) => {
  test.setTimeout(300_000);
  const holder = await (await browser.newContext()).newPage();
  const instructor = await (await browser.newContext()).newPage();
  await signInAs(holder, COLLEAGUE);
  await signInAs(instructor, INSTRUCTOR);
  const dossierId = await dossierIdByTitle(holder, CAP_ASSO);

  await acceptBothSides(holder, instructor, dossierId, { name: "Anne Chevalier", capacity: "présidente" });

  for (const year of [1, 2, 3]) {
    const advance = 2 * year - 1;
    await requestPayment(holder, dossierId, advance);
    if (year === 1) await expectNoAxeViolations(holder);
    await approveAndPay(instructor, dossierId, advance, 600_000);
    await sendReport(holder, dossierId, year, {
      indicators: {
        "Emplois créés (en équivalent temps plein)": year === 1 ? "1" : "0",
        "dont emplois créés en CDI (nombre de personnes)": year === 1 ? "1" : "0",
        "Emplois consolidés (en équivalent temps plein)": year === 1 ? "0" : "1",
        "dont emplois consolidés en CDI (nombre de personnes)": year === 1 ? "0" : "1",
      },
    });
    if (year === 1) await expectNoAxeViolations(holder);
    await requestPayment(holder, dossierId, advance + 1);
    await approveReport(instructor, dossierId, year, 1_200_000);
    if (year === 1) await expectNoAxeViolations(instructor);
    await approveAndPay(instructor, dossierId, advance + 1, 600_000);

    // The report's PDF, as the association downloads it: the year's subsidy and the totals.
    await holder.goto(`/dossiers/${dossierId}/comptes-rendus/${year}`);
    const downloading = holder.waitForEvent("download");
    await holder.getByRole("link", { name: /PDF/ }).first().click();
    const report = await pdfOf(await downloading);
    expect(report).toContain("Compte rendu financier de subvention");
    expect(report).toContain(`Subvention accordée ${euros(3_600_000)}`);
    expect(report).toContain(`Subvention de la période ${euros(1_200_000)}`);
  }

  await settle(instructor, dossierId);
  await holder.goto(`/dossiers/${dossierId}`);
  const money = holder.getByRole("region", { name: "Suivi de l’aide" });
  await expect(money).toContainText(/Dossier soldé\s*le \d{2}\/\d{2}\/\d{4}/);
  await expect(money).toContainText(new RegExp(`Déjà versé\\s*${inText(3_600_000).source}`));
  for (const year of [1, 2, 3]) {
    for (const kind of ["Avance", "Solde"]) {
      await expect(money.getByRole("row", { name: new RegExp(`^${kind} de l’année ${year}`) })).toContainText(
        inText(600_000),
      );
    }
  }
  await expectNoAxeViolations(holder);
});

test("CAP SCOP-SCIC: the payment on proof of paid-up capital, then « Soldé »", async ({ browser }) => {
  test.setTimeout(180_000);
  const holder = await (await browser.newContext()).newPage();
  const instructor = await (await browser.newContext()).newPage();
  await signInAs(holder, COLLEAGUE);
  await signInAs(instructor, INSTRUCTOR);
  const dossierId = await dossierIdByTitle(holder, CAP_SCOP);
  await acceptBothSides(holder, instructor, dossierId, {
    name: "Paul Renaud",
    capacity: "directeur général",
  });

  // Each associate paid up the capital they subscribed (as the dossier declared it), on the certificate.
  await holder.goto(`/dossiers/${dossierId}/versements/1`);
  const associates = holder.getByRole("group", { name: /^Salarié associé \d+$/ });
  const count = await associates.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const associate = associates.nth(index);
    await associate
      .getByLabel("Capital libéré")
      .fill(await associate.getByLabel("Capital souscrit").inputValue());
  }
  await requestPayment(holder, dossierId, 1, 1, { stay: true });
  await expectNoAxeViolations(holder);
  await approveAndPay(instructor, dossierId, 1, 4_600_000);
  await settle(instructor, dossierId);

  await holder.goto(`/dossiers/${dossierId}`);
  const money = holder.getByRole("region", { name: "Suivi de l’aide" });
  await expect(money).toContainText(/Dossier soldé/);
  await expect(money.getByRole("row", { name: /^Versement unique/ })).toContainText(inText(4_600_000));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("A VOS ID: the advance, lower expenses on the final report, the recovery, then « Soldé »", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const holder = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const instructor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInAs(holder, APPLICANT);
    await signInAs(instructor, INSTRUCTOR);
    const dossierId = await dossierIdByTitle(holder, A_VOS_ID);

    // 25 000 € granted for 62 000 € of eligible expenses: an advance of 30 %, 7 500 €.
    await requestPayment(holder, dossierId, 1);
    await approveAndPay(instructor, dossierId, 1, 750_000);

    // The project cost less: 15 500 € of eligible expenses paid, so the subsidy falls to
    // 15 500 × 25 000 / 62 000 = 6 250 €, less than the advance.
    await sendReport(holder, dossierId, 1, {
      indicators: {
        "Emplois créés (en équivalent temps plein)": "1,5",
        "Services ou activités créés (nombre)": "2",
      },
      eligibleExpenses: "15 500",
      lower: {
        "Coordination et animation du réseau de collecte": "5 500",
        "Formation des cyclistes, communication, assurances": "5 000",
        "Trois vélos-cargos à assistance électrique et remorques": "5 000",
      },
    });
    await holder.goto(`/dossiers/${dossierId}/versements/2`);
    await holder.getByLabel("Total des dépenses éligibles effectivement payées").fill("15 500");
    await holder
      .locator('input[type="file"][required]')
      .first()
      .setInputFiles(await pdfFile("etat-des-depenses.pdf", "État récapitulatif des dépenses"));
    // Nothing is left to pay on these figures: the balance cannot be asked, and the form says why.
    await holder.getByRole("button", { name: "Demander le versement" }).click();
    await expect(holder.getByRole("alert")).toContainText("plus rien n’est dû pour ce versement");

    await approveReport(instructor, dossierId, 1, 625_000);
    // The approval brought the balance to nothing: it is cancelled, with the reason.
    await instructor.goto(`/instruction/dossiers/${dossierId}/versements/2`);
    const facts = instructor.locator("main");
    await expect(facts).toContainText(/Statut\s*Annulé/);
    await expect(facts).toContainText(
      new RegExp(`Subvention retenue au compte rendu financier approuvé \\(${inText(625_000).source}\\)`),
    );
    await expect(facts).toContainText(new RegExp(`À reverser\\s*${inText(125_000).source}`));

    // The portal proposes the 1 250 € paid beyond the final subsidy; the order goes out with its PDF.
    await instructor.goto(`/instruction/dossiers/${dossierId}/reversements`);
    await expect(instructor.getByLabel("Montant à reverser (en euros)")).toHaveValue(
      amount(125_000, { unit: false }),
    );
    await instructor.getByLabel("Motif").fill("Dépenses éligibles réalisées inférieures au prévu.");
    await instructor.getByRole("button", { name: "Émettre la demande de reversement" }).click();
    const recovery = instructor.getByRole("region", { name: inText(125_000) });
    await expect(recovery).toBeVisible();
    const ordering = instructor.waitForEvent("download");
    await instructor.getByRole("link", { name: "Dernière demande de reversement (PDF)" }).click();
    const order = await pdfOf(await ordering);
    expect(order).toContain(`Subvention accordée ${euros(2_500_000)}`);
    expect(order).toContain(`Sommes versées par la Région ${euros(750_000)}`);
    expect(order).toContain(`Subvention finalement due ${euros(625_000)}`);
    expect(order).toContain(`Montant à reverser ${euros(125_000)}`);

    // Settling before the money came back is refused, saying what is still open.
    await instructor.goto(`/instruction/dossiers/${dossierId}/solde`);
    await instructor.getByRole("button", { name: "Solder le dossier" }).click();
    await expect(instructor.getByRole("alert").first()).toContainText("un reversement n’est pas réglé");
    await instructor.goto(`/instruction/dossiers/${dossierId}/reversements`);
    await recovery.getByLabel("Date de réception du reversement").fill(parisToday());
    await recovery.getByLabel("Référence (titre de recette, encaissement)").fill("TR-2026-001250");
    await recovery.getByRole("button", { name: "Enregistrer le reversement reçu" }).click();
    await expect(instructor.getByText(/\(référence TR-2026-001250\)/)).toBeVisible();
    await settle(instructor, dossierId);

    await holder.goto(`/dossiers/${dossierId}`);
    const money = holder.getByRole("region", { name: "Suivi de l’aide" });
    await expect(money).toContainText(/Dossier soldé/);
    await expect(money.getByRole("row", { name: new RegExp(inText(125_000).source) })).toContainText(
      /Reversé le \d{2}\/\d{2}\/\d{4}/,
    );
  });
});
