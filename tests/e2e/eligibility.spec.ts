import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";

const SCHEME_PAGES = [
  { slug: "cap-asso", name: "CAP ASSO", amount: /20\s000,00\s€/ },
  { slug: "a-vos-id", name: "A VOS ID", amount: /80\s000,00\s€/ },
  { slug: "cap-scop-scic", name: "CAP SCOP-SCIC", amount: /100\s000,00\s€/ },
  { slug: "avance-fonds-propres", name: "Apport en fonds propres", amount: /100\s000,00\s€/ },
];

function result(page: Page, scheme: string) {
  return page.getByRole("region", { name: new RegExp(`^${scheme} :`) });
}

async function answerAssociation(page: Page) {
  await page.getByRole("radio", { name: "Association (loi 1901)" }).check();
  await page.getByLabel(/dans quel département/i).fill("45");
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an association of the Loiret answers step by step and learns it can apply to CAP ASSO, for how much", async ({
    page,
  }) => {
    await page.goto("/eligibilite");
    // First step: only the legal form and the department are asked.
    await expect(page.getByLabel(/emplois/i)).toHaveCount(0);
    await answerAssociation(page);
    await page.getByRole("button", { name: "Continuer" }).click();

    // Second step: the questions the open schemes still need.
    await page
      .getByRole("group", { name: /intérêt général/i })
      .getByLabel("Oui")
      .check();
    await page.getByLabel(/combien d’emplois/i).fill("1,5");
    await page.getByRole("group", { name: /CDI/ }).getByLabel("Oui").check();
    await page.getByLabel(/montant annuel/i).fill("15 000");
    await page.getByRole("button", { name: /mettre à jour/i }).click();

    const capAsso = result(page, "CAP ASSO");
    await expect(capAsso.getByRole("heading")).toContainText("Éligible");
    await expect(capAsso).toContainText("Le projet crée ou consolide 1,5 ETP.");
    await expect(capAsso).toContainText(/Montant maximal : 20\s000,00\s€ par an/);
    await expect(result(page, "CAP SCOP-SCIC").getByRole("heading")).toContainText("Non éligible");
    await expect(page.getByLabel(/combien d’emplois/i)).toHaveValue("1,5");
  });

  test("a SCOP learns why CAP ASSO is closed to it and where to turn", async ({ page }) => {
    await page.goto("/eligibilite");
    await page.getByRole("radio", { name: /^SCOP/ }).check();
    await page.getByLabel(/dans quel département/i).fill("37");
    await page.getByRole("button", { name: "Continuer" }).click();

    const capAsso = result(page, "CAP ASSO");
    await expect(capAsso.getByRole("heading")).toContainText("Non éligible");
    await expect(capAsso).toContainText(
      "Le dispositif est réservé aux formes juridiques suivantes : association.",
    );
    // Questions of CAP ASSO are no longer asked; those of CAP SCOP-SCIC are.
    await expect(page.getByLabel(/combien d’emplois/i)).toHaveCount(0);
    await expect(page.getByLabel(/apport en capital/i)).toBeVisible();
    await expect(page.getByRole("region", { name: "Vers qui vous tourner" })).toContainText("CAP SCOP-SCIC");
  });

  test("a badly typed amount is explained in French and changes nothing else", async ({ page }) => {
    await page.goto("/eligibilite");
    await answerAssociation(page);
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByLabel(/montant annuel/i).fill("quinze mille");
    await page.getByRole("button", { name: /mettre à jour/i }).click();

    await expect(page.getByRole("alert")).toContainText("Indiquez un montant en euros");
    await expect(page.getByLabel(/montant annuel/i)).toHaveValue("quinze mille");
    await expect(page.getByLabel(/montant annuel/i)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("radio", { name: "Association (loi 1901)" })).toBeChecked();
  });
});

test("with JavaScript, results follow the answers without a page load", async ({ page }) => {
  await page.goto("/eligibilite");
  await expectNoAxeViolations(page);
  await page.evaluate(() => ((window as unknown as { sansRechargement: boolean }).sansRechargement = true));

  await answerAssociation(page);
  await expect(result(page, "CAP ASSO").getByRole("heading")).toContainText("À compléter");
  await expect(page.getByLabel(/combien d’emplois/i)).toBeVisible();
  await page.getByLabel(/combien d’emplois/i).fill("0");
  await expect(result(page, "CAP ASSO").getByRole("heading")).toContainText("Non éligible");
  await expect(result(page, "CAP ASSO")).toContainText(
    "Le projet doit créer ou consolider au moins un emploi.",
  );
  await page.getByLabel(/combien d’emplois/i).fill("2");
  await expect(result(page, "CAP ASSO").getByRole("heading")).toContainText("À compléter");

  // Still the same document: nothing was reloaded.
  expect(
    await page.evaluate(() => (window as unknown as { sansRechargement?: boolean }).sansRechargement),
  ).toBe(true);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "En savoir plus sur CAP ASSO" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CAP ASSO");
});

for (const scheme of SCHEME_PAGES) {
  test(`the ${scheme.name} page gives its amounts from the rule set in force`, async ({ page }) => {
    await page.goto(`/dispositifs/${scheme.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(scheme.name);
    await expect(page.getByRole("main")).toContainText(scheme.amount);
    await expect(page.getByRole("main")).toContainText("Règles en vigueur : version 1.");
    await expectNoAxeViolations(page);
  });
}
