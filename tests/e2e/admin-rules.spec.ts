// A Region administrator changes a scheme's rules as the Commission permanente voted them: a new CAP ASSO
// version with a higher ceiling, previewed, then published for today. The public pages follow at once, and
// the dossiers filed under version 1 keep it. This spec runs last (project « administration »): the new
// version stays in force for the rest of the database's life.
import { expect, test, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "./support/accounts";
import { signIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

const admin = DEMO_ACCOUNTS.find((account) => account.role === "ADMIN")!;

function capAssoResult(page: Page) {
  return page.getByRole("region", { name: /^CAP ASSO :/ });
}

/** The public questionnaire, without an account: an association of the Loiret asking 25 000 € a year. */
async function askFor25000(page: Page) {
  await page.goto("/eligibilite");
  await page.getByRole("radio", { name: "Association (loi 1901)" }).check();
  await page.getByLabel(/dans quel département/i).fill("45");
  await page.getByRole("button", { name: "Continuer" }).click();
  await page
    .getByRole("group", { name: /intérêt général/i })
    .getByLabel("Oui")
    .check();
  await page.getByLabel(/combien d’emplois/i).fill("1,5");
  await page.getByRole("group", { name: /CDI/ }).getByLabel("Oui").check();
  await page.getByLabel(/montant annuel/i).fill("25 000");
  await page.getByRole("button", { name: /mettre à jour/i }).click();
}

test("the demo admin publishes a CAP ASSO version with a higher ceiling, and the public checker follows it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // Before: 25 000 € a year is above version 1's ceiling.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await askFor25000(visitor);
  await expect(capAssoResult(visitor).getByRole("heading")).toContainText("Non éligible");

  await signIn(page, admin.email, admin.password);
  await page.goto("/admin");
  await expectNoAxeViolations(page);
  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Dispositifs et règles" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "CAP ASSO", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Règles de CAP ASSO");
  await page.getByRole("button", { name: "Préparer une nouvelle version" }).click();

  // The draft starts as a copy of version 1.
  await expect(page).toHaveURL(/\/admin\/dispositifs\/cap-asso\/versions\/2/);
  const ceiling = page.getByLabel("Montant annuel maximal par projet");
  await expect(ceiling).toHaveValue(/20\s?000/);
  await expectNoAxeViolations(page);

  // A ceiling below the floor is refused next to the field, and nothing is lost.
  await ceiling.fill("1 000");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("alert").first()).toContainText(/montant annuel maximal/i);
  await expect(ceiling).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await ceiling.fill("30 000");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le brouillon est enregistré" })).toBeVisible();
  await expect(ceiling).toHaveValue(/30\s?000/);
  // The preview judges the sample situations under both versions: 25 000 € a year changes verdict.
  await expect(page.getByRole("main")).toContainText(/25\s000/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Délibération").fill("CP n° 26.12.01 du 01/12/2026");
  // Publishing cannot be undone: one click is not enough, the admin confirms first.
  await page.getByRole("button", { name: "Publier la version" }).click();
  await expect(page.getByText("Cochez la case pour confirmer la publication").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer le brouillon" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Délibération").fill("CP n° 26.12.01 du 01/12/2026");
  await page.getByRole("checkbox", { name: /Je confirme la publication/ }).check();
  await page.getByRole("button", { name: "Publier la version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "La version est publiée" })).toBeVisible();
  // Published: read-only from now on.
  await expect(page.getByRole("button", { name: "Enregistrer le brouillon" })).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("CP n° 26.12.01 du 01/12/2026");
  await expectNoAxeViolations(page);

  // Version 1 keeps its dossiers; version 2 has none yet.
  await page.goto("/admin/dispositifs/cap-asso");
  const versions = page.getByRole("table");
  await expect(versions.getByRole("row", { name: /Version 2/ })).toContainText(/En vigueur/);
  await expect(versions.getByRole("row", { name: /Version 1/ })).not.toContainText(/En vigueur/);
  await expect(
    versions
      .getByRole("row", { name: /Version 1/ })
      .getByRole("cell")
      .last(),
  ).not.toHaveText("0");
  await expectNoAxeViolations(page);

  // The public checker and the scheme's page now answer with version 2.
  await askFor25000(visitor);
  await expect(capAssoResult(visitor).getByRole("heading")).toContainText("Éligible");
  await expect(capAssoResult(visitor)).toContainText(/Montant maximal : 30\s000,00\s€ par an/);
  await expectNoAxeViolations(visitor);
  await visitor.goto("/dispositifs/cap-asso");
  await expect(visitor.getByRole("main")).toContainText(/30\s000,00\s€/);
  await expect(visitor.getByRole("main")).toContainText("Règles en vigueur : version 2.");
  await visitorContext.close();
});
