// The end of a grant's life, from the demo seeds' state (named to run after post-grant-views, which reads
// that state as seeded): a CAP SCOP-SCIC payment requested on proof is
// approved, recorded as paid and the dossier settled (with JavaScript); an A VOS ID dossier whose expenses
// fell has its recovery received and is settled (without JavaScript). The association then reads « Soldé »
// with the amounts to the cent.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";
import { COLLEAGUE, signInAs } from "./support/dossier-journey";
import { INSTRUCTOR } from "./support/instruction";

// Demo dossiers of seeds/demo/post-grant-dossiers.ts (titles copied: the spec loads no app module).
const SCOP_REQUESTED = "Reprise de la Scierie du Perche vendômois en SCOP par ses quatorze salariés";
const RECOVERY = "Ombrières photovoltaïques citoyennes sur le parking de la maison du Pays de La Châtre";
const row = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
const euros = (text: string) => new RegExp(text.replace(/ /g, "[\\s\\u00a0\\u202f]"));

/** Opens the follow-up line of a dossier and returns its id. */
async function openFollowUp(page: Page, title: string, kind: RegExp): Promise<string> {
  await page.goto("/instruction/suivi");
  await page.getByRole("navigation", { name: "Suivi par type" }).getByRole("link", { name: kind }).click();
  await page.waitForURL(/quoi=/);
  await page
    .getByRole("row", { name: row(title) })
    .getByRole("link")
    .first()
    .click();
  await page.waitForURL(/\/instruction\/dossiers\/[^/]+\//);
  const id = /\/instruction\/dossiers\/([^/]+)\//.exec(page.url())?.[1];
  expect(id, page.url()).toBeTruthy();
  return id!;
}

/** Settles the dossier from its « Solde » page; axe runs where the page has JavaScript (it needs it). */
async function settle(page: Page, dossierId: string, { axe }: { axe: boolean }) {
  await page.goto(`/instruction/dossiers/${dossierId}/solde`);
  await expect(page.getByRole("heading", { level: 1, name: "Solde du dossier" })).toBeVisible();
  if (axe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Solder le dossier" }).click();
  await expect(page.getByText("Le dossier est soldé.")).toBeVisible();
  await expect(page.getByText(/Dossier soldé le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
}

test("a CAP SCOP-SCIC payment on proof is approved, paid, and the dossier settled", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, INSTRUCTOR);
  const dossierId = await openFollowUp(page, SCOP_REQUESTED, /Versements à vérifier|Demandes de versement/);
  await expect(page.getByText(euros("45 437,50 €")).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await expect(page.getByLabel("Montant approuvé")).toHaveValue(euros("45 437,50"));
  await page.getByRole("button", { name: "Approuver le versement" }).click();
  await expect(page.getByText(/Le versement est approuvé/)).toBeVisible();
  await page.getByLabel("Date du paiement").fill(parisToday());
  await page.getByLabel("Référence du mandat de paiement").fill("MDT-2026-004512");
  await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(page.getByText(/Le paiement est enregistré/)).toBeVisible();
  await expectNoAxeViolations(page);

  await settle(page, dossierId, { axe: true });

  // The cooperative's manager reads the end of the story on the dossier's page.
  const holder = await (await browser.newContext()).newPage();
  await signInAs(holder, COLLEAGUE);
  await holder.goto(`/dossiers/${dossierId}`);
  await expect(holder.getByText("Soldé").first()).toBeVisible();
  await expect(holder.getByText(euros("45 437,50 €")).first()).toBeVisible();
  await expectNoAxeViolations(holder);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an A VOS ID recovery is received and the dossier settled", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, INSTRUCTOR);
    const dossierId = await openFollowUp(page, RECOVERY, /Reversements/);
    await expect(page).toHaveURL(new RegExp(`/instruction/dossiers/${dossierId}/reversements$`));

    // Settling before the money came back is refused, with what is still open.
    await page.goto(`/instruction/dossiers/${dossierId}/solde`);
    await page.getByRole("button", { name: "Solder le dossier" }).click();
    await expect(page.getByRole("alert").first()).toContainText(/reversement/i);

    await page.goto(`/instruction/dossiers/${dossierId}/reversements`);
    const recovery = page.getByRole("region", { name: euros("Reversement de 1 588,48 €") });
    await recovery.getByLabel("Date de réception du reversement").fill(parisToday());
    await recovery.getByLabel("Référence (titre de recette, encaissement)").fill("TR-2026-000871");
    await recovery.getByRole("button", { name: "Enregistrer le reversement reçu" }).click();
    await expect(page.getByText(/Reçu le \d{2}\/\d{2}\/\d{4} \(référence TR-2026-000871\)/)).toBeVisible();

    await settle(page, dossierId, { axe: false });
  });
});
