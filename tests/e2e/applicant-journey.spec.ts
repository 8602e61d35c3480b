// What applicants met when they used the portal for real (issue 23): typing before the page's scripts
// have loaded, the way from the eligibility results to a first dossier for a new visitor, an amount above a
// scheme's maximum, and the size of the controls on the organisation and eligibility forms.
import { expect, test, type Page } from "@playwright/test";

import { newApplicant } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { APPLICANT, Journey, signInAs, uniqueSiret, uniqueSuffix } from "./support/dossier-journey";

const narrow = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

test("what is typed before the page's scripts have loaded is kept and saved", async ({ page }) => {
  const journey = new Journey(page, true);
  await signInAs(page, APPLICANT);
  await journey.open("/dossiers/nouveau?dispositif=cap-asso");
  const dossierId = await journey.startDossier("Les Cyclopostiers");
  const budget = `/dossiers/${dossierId}/etapes/budget`;
  await journey.open(budget);
  const expense = journey.row("Dépense 1");
  await expense.getByLabel("Catégorie").selectOption({ label: "Investissements" });
  await expense.getByLabel("Nature de la dépense").fill("Outillage");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Enregistré à/ })).toBeVisible();

  // A slow connection: the scripts arrive 2.5 s after the page.
  await page.route("**/build/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.goto(budget, { waitUntil: "commit" });
  await expense.getByLabel("Catégorie").selectOption({ label: "Charges de personnel" });
  await expense.getByLabel("Nature de la dépense").fill("Salaire du mécanicien");
  // Saved as soon as the scripts run, without another keystroke.
  const saved = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/etapes/budget"),
  );
  await journey.waitForHydration();
  await expect(expense.getByLabel("Catégorie")).toHaveValue("PERSONNEL");
  await expect(expense.getByLabel("Nature de la dépense")).toHaveValue("Salaire du mécanicien");
  expect((await saved).status()).toBe(200);

  await page.unroute("**/build/**");
  await journey.open(budget);
  await expect(expense.getByLabel("Catégorie")).toHaveValue("PERSONNEL");
  await expect(expense.getByLabel("Nature de la dépense")).toHaveValue("Salaire du mécanicien");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a new visitor goes from the results to a dossier through sign-up and their organisation, answers kept", async ({
    page,
  }) => {
    await page.goto(
      "/eligibilite?organisation.legalForm=association&organisation.department=45&organisation.generalInterest=oui&project.jobsFte=1&project.cdi=oui&project.annualAmountEur=12000",
    );
    const capAsso = page.getByRole("region", { name: /^CAP ASSO :/ });
    await expect(capAsso.getByRole("heading")).toContainText("Éligible");
    await capAsso.getByRole("link", { name: "Préparer un dossier CAP ASSO" }).click();

    // Told why an account is needed, and the way back is kept through sign-up.
    await expect(page).toHaveURL(/\/connexion\?redirectTo=/);
    await expect(page.getByText(/Pour préparer un dossier, connectez-vous ou créez un compte/)).toBeVisible();
    await expect(
      page.getByText(/Les réponses données au questionnaire d’éligibilité seront reprises/),
    ).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Créer un compte" }).click();
    const person = newApplicant("parcours");
    await page.getByLabel(/^prénom/i).fill(person.firstName);
    await page.getByLabel(/^nom/i).fill(person.lastName);
    await page.getByLabel(/adresse e-mail/i).fill(person.email);
    await page.getByLabel(/^mot de passe/i).fill(person.password);
    await page.getByLabel(/^confirmation du mot de passe/i).fill(person.password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    await expect(page).toHaveURL(/\/dossiers\/nouveau\?dispositif=cap-asso/);
    await expect(
      page.getByText(/réponses données au questionnaire d’éligibilité seront reprises/),
    ).toBeVisible();
    await page.getByRole("link", { name: "Déclarer une organisation" }).click();

    const name = `Atelier du Loiret ${uniqueSuffix()}`;
    await page.getByLabel("Nom de l’organisation").fill(name);
    await page.getByLabel("Forme juridique").selectOption({ label: "Association (loi 1901)" });
    await page.getByLabel("Numéro SIRET").fill(uniqueSiret());
    await page.getByLabel("Numéro RNA").fill("W452001234");
    await page.getByLabel("Adresse", { exact: true }).fill("3 rue des Carmes");
    await page.getByLabel("Code postal").fill("45000");
    await page.getByLabel("Commune").fill("Orléans");
    await page.getByLabel("Nom et prénom").fill("Camille Durand");
    await page.getByLabel("Fonction").fill("présidente");
    await page.getByLabel("Adresse électronique de contact").fill(person.email);
    await page.getByRole("button", { name: "Enregistrer l’organisation et continuer" }).click();

    await expect(page).toHaveURL(/\/dossiers\/nouveau\?dispositif=cap-asso&.*project\.annualAmountEur=12000/);
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(page).toHaveURL(/\/dossiers\/[^/]+\/etapes\//);
    await page.getByRole("link", { name: /Montants demandés/ }).click();
    await expect(page.getByLabel(/Montant demandé pour l’année 1/)).toHaveValue("12000");
  });

  test("an advance above half the EU grant is refused for that amount, offered up to the maximum", async ({
    page,
  }) => {
    await page.goto(
      "/eligibilite?organisation.legalForm=association&organisation.department=41&project.euProgramme=FSE%2B&project.euGrantEur=120000&project.advanceEur=70000",
    );
    const advance = page.getByRole("region", { name: /^Apport en fonds propres/ });
    await expect(advance.getByRole("heading")).toContainText("Non éligible pour ce montant");
    expect(narrow(await advance.innerText())).toContain("Pas pour 70 000 € : éligible jusqu’à 60 000 €.");
    const prepare = advance.getByRole("link", { name: /Préparer un dossier .* à 60 000 €/ });
    await expect(prepare).toHaveAttribute("href", /project\.advanceEur=60000/);
  });

  test("outside the region, the department's own region is named", async ({ page }) => {
    await page.goto("/eligibilite?organisation.legalForm=association&organisation.department=35");
    const orientation = page.getByRole("region", { name: "Vers qui vous tourner" });
    await expect(orientation).toContainText("département 35, en Bretagne");
    await expect(orientation).toContainText("de la Région Bretagne");
    await expect(orientation).not.toContainText("Centre-Val de Loire Centre");
    await expect(orientation).not.toContainText("France Active Centre-Val de Loire");
  });
});

async function boxOf(page: Page, selector: ReturnType<Page["getByRole"]>) {
  const box = await selector.boundingBox();
  if (!box) throw new Error("not on screen");
  return box;
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the eligibility questionnaire's buttons and radios are full size", async ({ page }) => {
    await page.goto("/eligibilite");
    const button = page.getByRole("button", { name: "Continuer" });
    expect((await boxOf(page, button)).height).toBeGreaterThanOrEqual(40);
    expect(await button.evaluate((element) => getComputedStyle(element).fontSize)).toBe("16px");
    // The longest label: its radio keeps its 20 × 20 px.
    const radio = page.getByRole("radio", { name: /Groupe de salarié·es fondant ou reprenant/ });
    const box = await boxOf(page, radio);
    expect(Math.round(box.width)).toBe(20);
    expect(Math.round(box.height)).toBe(20);
    await expectNoAxeViolations(page);
  });
});

test("the organisation form is styled like the other forms", async ({ page }) => {
  await signInAs(page, APPLICANT);
  await page.goto("/organisations/nouvelle");
  const name = page.getByLabel("Nom de l’organisation");
  const label = page.getByText("Nom de l’organisation", { exact: true });
  // The label above its input, the input wide enough for a long name and an IBAN.
  expect((await boxOf(page, label)).y).toBeLessThan((await boxOf(page, name)).y);
  expect((await name.boundingBox())!.width).toBeGreaterThan(400);
  expect((await page.getByLabel(/^IBAN/).boundingBox())!.width).toBeGreaterThan(400);
  const save = page.getByRole("button", { name: "Enregistrer l’organisation" });
  expect((await boxOf(page, save)).height).toBeGreaterThanOrEqual(40);
  await expectNoAxeViolations(page);
});
