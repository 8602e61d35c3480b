// Drafts as an association lives them: a volunteer starts a CAP ASSO dossier, types a little, leaves; finds
// it again later, word for word; a colleague adds a piece meanwhile; nobody starts a second dossier by
// mistake; and two people saving the same step never overwrite each other silently.
import { expect, test, type Browser, type Page } from "@playwright/test";

import { APPLICANT, COLLEAGUE, fullName, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";
import { pdfFile } from "./support/dossier-files";
import { ensureMember } from "./support/organisation-membership";

const ORGANISATION = "Les Cyclopostiers";

/** The step's save status, where autosave says when it last saved. */
const saveStatus = (page: Page) => page.locator("#enregistrement");

/** The next save of the step page `stepId`, answered by the server (`intent`: autosave, save…). */
function stepSaved(page: Page, stepId: string, intent: string) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      new URL(response.url()).pathname.includes(`/etapes/${stepId}`) &&
      (response.request().postData() ?? "").includes(`intent=${intent}`),
  );
}

async function colleaguePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, COLLEAGUE);
  return page;
}

test("a CAP ASSO draft is kept as typed, found again after signing out, and completed by a colleague", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const journey = new Journey(page, true);
  const title = `Vélo-école pour adultes ${uniqueSuffix()}`;
  const description = "Des cours pour apprendre à circuler à vélo en ville, le samedi matin";
  await signInAs(page, APPLICANT);
  const colleague = await colleaguePage(browser);
  await ensureMember(page, colleague, COLLEAGUE, ORGANISATION);

  await journey.open("/dossiers/nouveau?dispositif=cap-asso");
  const dossierId = await journey.startDossier(ORGANISATION);
  await journey.expectStep("Le projet d’activité");

  // Part of step 1, then a pause: autosave keeps it without any button pressed.
  const autosaved = stepSaved(page, "projet", "autosave");
  await page.getByLabel("Intitulé du projet").fill(title);
  await page.getByLabel("Décrivez le projet d’activité").fill(description);
  expect((await autosaved).status()).toBe(200);
  await expect(saveStatus(page)).toHaveText(/^Enregistré à \d{2}:\d{2}$/);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

  // Back later: the draft waits in the applicant's space, with what to do next.
  await signInAs(page, APPLICANT);
  await journey.open("/espace");
  const next = page.getByRole("link", { name: `Compléter et déposer le dossier : ${title}` });
  await expect(next).toBeVisible();
  await journey.checkAccessibility();
  await next.click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".dossier__meta")).toContainText("Brouillon");
  await journey.checkAccessibility();
  await page.getByRole("link", { name: "Compléter et déposer", exact: true }).click();
  await journey.expectStep("Le projet d’activité");
  await expect(page.getByLabel("Intitulé du projet")).toHaveValue(title);
  await expect(page.getByLabel("Décrivez le projet d’activité")).toHaveValue(description);

  // A colleague of the association adds the statutes from her own session.
  const colleagueJourney = new Journey(colleague, true);
  await colleagueJourney.open(`/dossiers/${dossierId}/pieces`);
  await colleagueJourney.attach(
    "Statuts à jour de l’association",
    await pdfFile("statuts-2025.pdf", "Statuts de l’association Les Cyclopostiers"),
  );
  await colleagueJourney.checkAccessibility();
  await colleague.context().close();

  await journey.open(`/dossiers/${dossierId}/pieces`);
  const statutes = journey.piece("Statuts à jour de l’association");
  await expect(statutes.getByText("Fournie", { exact: true })).toBeVisible();
  await expect(statutes.getByRole("listitem")).toContainText(
    new RegExp(`^statuts-2025\\.pdf \\(.+\\) — ajoutée par ${fullName(COLLEAGUE)} le `),
  );

  // Starting CAP ASSO again offers the draft first, before another dossier is created.
  await journey.open("/dossiers/nouveau?dispositif=cap-asso");
  const notice = page.getByRole("heading", { level: 2, name: "Vous avez déjà un brouillon CAP ASSO" });
  await expect(notice).toBeVisible();
  await expect(page.getByRole("button", { name: "Créer un autre dossier" })).toBeVisible();
  await journey.checkAccessibility();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}$`));
});

test("when two members save the same step, the second is told who saved first and keeps what she typed", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const journey = new Journey(page, true);
  await signInAs(page, APPLICANT);
  const colleague = await colleaguePage(browser);
  await ensureMember(page, colleague, COLLEAGUE, ORGANISATION);
  await journey.open("/dossiers/nouveau?dispositif=cap-asso");
  const dossierId = await journey.startDossier(ORGANISATION);
  await journey.expectStep("Le projet d’activité");

  // Both have the step open.
  const colleagueJourney = new Journey(colleague, true);
  await colleagueJourney.open(`/dossiers/${dossierId}/etapes/projet`);
  await expect(colleague.getByLabel("Intitulé du projet")).toHaveValue("");

  // The first saves...
  const firstSaved = stepSaved(page, "projet", "save");
  await page.getByLabel("Territoire d’intervention").fill("Orléans et Fleury-les-Aubrais");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  expect((await firstSaved).status()).toBe(200);

  // ...then the second, who never saw that change.
  const publics = "Les jeunes du quartier de l’Argonne";
  await colleague.getByLabel("Quels publics vise-t-il ?").fill(publics);
  await colleague.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const conflict = colleague.getByRole("alert").filter({
    has: colleague.getByRole("heading", { name: "Ce dossier a été modifié par une autre personne" }),
  });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(
    new RegExp(`${fullName(APPLICANT)} a enregistré ce dossier le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}`),
  );
  await expect(colleague.getByLabel("Quels publics vise-t-il ?")).toHaveValue(publics);
  await colleagueJourney.checkAccessibility();

  // She keeps her version, knowingly.
  const overwritten = stepSaved(colleague, "projet", "overwrite");
  await conflict.getByRole("button", { name: "Enregistrer ma version" }).click();
  expect((await overwritten).status()).toBe(200);
  await expect(conflict).toHaveCount(0);
  await expect(saveStatus(colleague)).toHaveText(/^Enregistré à \d{2}:\d{2}$/);
  await colleague.context().close();

  await journey.open(`/dossiers/${dossierId}/etapes/projet`);
  await expect(page.getByLabel("Quels publics vise-t-il ?")).toHaveValue(publics);
});

// While an autosave is on its way back, « Enregistrer » posts the revision the page had before it: the
// person must not be told that someone else — herself — changed the dossier.
test("a save pressed while autosave is answering is not taken for someone else's change", async ({
  page,
}) => {
  const journey = new Journey(page, true);
  await signInAs(page, APPLICANT);
  await journey.open("/dossiers/nouveau?dispositif=cap-asso");
  await journey.startDossier(ORGANISATION);
  await journey.expectStep("Le projet d’activité");

  // The server has saved the autosave; its answer reaches the browser a moment later (a slow network).
  await page.route("**/etapes/projet.data", async (route) => {
    if (!(route.request().postData() ?? "").includes("intent=autosave")) return route.continue();
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fulfill({ response });
  });
  const autosaving = page.waitForRequest((request) => (request.postData() ?? "").includes("intent=autosave"));
  await page.getByLabel("Intitulé du projet").fill("Atelier mobile de réparation");
  await autosaving;
  await page.getByLabel("Territoire d’intervention").fill("Orléans");
  const saved = stepSaved(page, "projet", "save");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  expect((await saved).status()).toBe(200);
  await expect(
    page.getByRole("heading", { name: "Ce dossier a été modifié par une autre personne" }),
  ).toHaveCount(0);
});

// With JavaScript a field is checked when it is left; leaving it for a save button must not move the
// button away before the click lands: the click saves, and the server's errors are shown.
test("a save clicked straight after a mistyped amount is not lost", async ({ page }) => {
  const journey = new Journey(page, true);
  await signInAs(page, APPLICANT);
  await journey.open("/dossiers/nouveau?dispositif=cap-asso");
  const dossierId = await journey.startDossier(ORGANISATION);
  await journey.open(`/dossiers/${dossierId}/etapes/montants`);
  await page.getByLabel("Montant demandé pour l’année 1").fill("douze mille");
  const saved = stepSaved(page, "montants", "save");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  expect((await saved).status()).toBe(400);
  await expect(page.getByRole("alert").filter({ hasText: "Le formulaire contient 1 erreur" })).toBeVisible();
  await expect(page.getByLabel("Montant demandé pour l’année 1")).toHaveValue("douze mille");
});
