// The funders' community as a new funder member lives it: find the shared projects that fit, see who else
// is in and what is left to cover, state a pledge, discuss with the other funders and the Region, and walk
// into a project review with its agenda printed. Consent rules are checked from the browser too.
import { expect, test } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../seeds/demo/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { escapeRegExp, signInAs, uniqueSuffix } from "./support/dossier-journey";
import { expectPdfLink, INSTRUCTOR, openMail } from "./support/instruction";

const FUNDER = DEMO_ACCOUNTS.find((account) => account.key === "funder")!;
const APPLICANT = DEMO_ACCOUNTS.find((account) => account.key === "applicant")!;
/** Shared with the funders by its holder; the Banque des Territoires already considers it. */
const SHARED_DOSSIER = "Tiers-lieu nourricier et épicerie solidaire dans l’ancienne halle de Valençay";

test("a funder filters the pipeline, pledges, mentions the Region in the discussion and prepares a project review", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, FUNDER);
  await page
    .getByRole("navigation", { name: /principal/i })
    .getByRole("link", { name: "Espace financeurs" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Projets partagés" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The pipeline, filtered to A VOS ID projects in Indre, as a list.
  await page.getByLabel("Dispositif").selectOption({ label: "A VOS ID" });
  await page.getByLabel("Département").selectOption({ label: "Indre (36)" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/dispositif=a-vos-id/);
  await expect(page.getByRole("link", { name: SHARED_DOSSIER })).toBeVisible();
  await page.getByRole("link", { name: "En liste" }).click();
  await expect(page.getByRole("table", { name: /projets? partagés?/ })).toContainText("A VOS ID");
  await expectNoAxeViolations(page);
  // One column's projects in a list, as the board's « Voir les N projets » link of a long column opens it.
  await page.goto("/financeurs?vue=liste&etape=decide");
  await expect(page.getByRole("table", { name: /Étape « Décidé »/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir les projets de toutes les étapes" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();

  // The dossier's summary: the co-financing plan and the positions.
  await page.getByRole("link", { name: SHARED_DOSSIER }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SHARED_DOSSIER);
  await expect(page.getByRole("heading", { name: "Cofinancement" })).toBeVisible();
  await expect(page.getByText(/IBAN/)).toHaveCount(0);
  // The plan balances at 150 000 €: financed at 100 %, only the commune's own 20 000 € confirmed so far.
  const cofinancing = page.locator("section.co-financing");
  await expect(cofinancing).toContainText(/finance 100\s%\sdu budget de 150\s000,00\s€/);
  await expect(cofinancing).toContainText(/20\s000,00\s€ sont confirmés \(13\s%\sdu budget\)/);
  await expect(cofinancing).not.toContainText("Reste à couvrir");
  await expectNoAxeViolations(page);

  // The Banque des Territoires commits 20 000 € as a grant, and shows it.
  const position = page.locator("#communaute");
  await position.getByLabel(/^Engagé/).check();
  await position.getByLabel("Instrument").selectOption({ label: "Subvention" });
  await position.getByLabel(/^Montant/).fill("20 000");
  await position.getByLabel(/^Note/).fill("Engagement voté au comité régional de novembre.");
  await position.getByLabel("Montrer cette position aux autres financeurs et à la Région").check();
  await position.getByRole("button", { name: "Enregistrer votre position" }).click();
  const positions = page.getByRole("table", { name: /positions/i }).first();
  await expect(positions).toContainText("Banque des Territoires");
  await expect(positions).toContainText("Engagé");
  await expect(positions).toContainText(/20\s000,00\s€/);
  // It confirms the bank's 15 000 € line; the 5 000 € beyond it are shown on top of the plan, not as cover.
  const plan = page.getByRole("table", { name: /Plan de financement du porteur/ });
  await expect(plan.getByRole("row", { name: /Banque des Territoires — ingénierie/ })).toContainText(
    "Confirmé (engagé par Banque des Territoires)",
  );
  await expect(page.locator("section.co-financing")).toContainText(
    /35\s000,00\s€ sont confirmés \(23\s%\sdu budget\)/,
  );
  await expect(page.locator("section.co-financing")).toContainText(
    /En plus du plan.*5\s000,00\s€ engagés par Banque des Territoires/,
  );
  await expectNoAxeViolations(page);

  // A message to the community, with the instructor told by email.
  const message = `Qui d’autre envisage de soutenir ce tiers-lieu ? (${uniqueSuffix()})`;
  await position.getByLabel(/^Votre message/).fill(message);
  await position.getByLabel(/Julien Bernard/).check();
  await position.getByRole("button", { name: "Publier le message" }).click();
  await expect(page.getByText(message)).toBeVisible();
  await openMail(page, INSTRUCTOR.email, `${await dossierNumber(page)} : Sophie Lefèvre vous mentionne`);
  await expect(page.getByText(message)).toBeVisible();

  // A project review, with this dossier on its agenda and another organisation invited.
  await page.goto("/financeurs/revues");
  await expect(page.getByRole("heading", { level: 1, name: "Revues de projets" })).toBeVisible();
  await expectNoAxeViolations(page);
  const title = `Revue des projets de l’Indre ${uniqueSuffix()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Date").fill(futureDay(21));
  await page.getByLabel("Heure").fill("14:00");
  await page.getByLabel("Lieu ou lien de visioconférence").fill("Hôtel de Région, salle Jean Zay, Orléans");
  await page.getByRole("button", { name: "Prévoir la revue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await page.getByLabel(new RegExp(escapeRegExp(SHARED_DOSSIER))).check();
  await page.getByRole("button", { name: "Enregistrer l’ordre du jour" }).click();
  await expect(page.getByRole("heading", { name: "Ordre du jour" })).toBeVisible();
  await expect(page.getByText(SHARED_DOSSIER).first()).toBeVisible();
  // The offer says who will be emailed; the organiser's own organisation is not offered.
  const invite = page.getByRole("group", { name: "Organisations à inviter" });
  await expect(invite).not.toContainText("Banque des Territoires");
  await expect(invite.getByRole("checkbox", { name: /DREETS.*aucun membre actif/ })).toBeVisible();
  await invite.getByRole("checkbox", { name: /DREETS/ }).check();
  await page.getByRole("button", { name: "Inviter", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("personne n’a reçu de courriel");
  await expect(page.getByText(/DREETS Centre-Val de Loire \(aucun membre actif/)).toBeVisible();
  await expect(page.getByText(/Le compte rendu s’écrit ici une fois la revue tenue/)).toBeVisible();
  await expectNoAxeViolations(page);
  await expectPdfLink(page, "Télécharger l’ordre du jour (PDF)");

  // The community's indicators read at a glance, with their numbers beside them.
  await page.goto("/financeurs/indicateurs");
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs" })).toBeVisible();
  await expect(page.getByRole("img").first()).toBeVisible();
  // What the grants achieved: amounts paid beside granted, jobs reported beside planned, each with its CSV.
  await expect(page.getByRole("heading", { level: 2, name: /Ce que les aides ont permis/ })).toBeVisible();
  await expect(page.locator('a[href^="/financeurs/indicateurs/versements.csv"]')).toHaveCount(1);
  await expect(page.locator('a[href^="/financeurs/indicateurs/emplois.csv"]')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test("a funder records a meeting held outside the portal, its minutes show on the dossier, and a saved filter asks before emailing", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, FUNDER);
  await page.goto("/financeurs/revues");
  const title = `Comité tenu au téléphone ${uniqueSuffix()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Date").fill(futureDay(-7));
  await page.getByLabel("Heure").fill("09:30");
  await page.getByLabel("Lieu ou lien de visioconférence").fill("Téléphone");
  await page.getByRole("button", { name: "Prévoir la revue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await page.getByLabel(new RegExp(escapeRegExp(SHARED_DOSSIER))).check();
  await page.getByRole("button", { name: "Enregistrer l’ordre du jour" }).click();
  const minutes = `Soutien de principe, montage LEADER à confirmer (${uniqueSuffix()}).`;
  await page.getByRole("textbox", { name: new RegExp(escapeRegExp(SHARED_DOSSIER)) }).fill(minutes);
  await page.getByRole("button", { name: /compte rendu/i }).click();
  await expect(page.getByRole("status")).toContainText("Le compte rendu est enregistré.");
  await expectNoAxeViolations(page);

  await page
    .getByRole("link", { name: new RegExp(escapeRegExp(SHARED_DOSSIER)) })
    .first()
    .click();
  const reviews = page.getByRole("region", { name: "Revues de projets" });
  await expect(reviews).toContainText(title);
  await expect(reviews).toContainText(minutes);
  await expectNoAxeViolations(page);

  // Saving a filter without ticking the box subscribes to nothing.
  await page.goto("/financeurs?dispositif=a-vos-id");
  const name = `A VOS ID ${uniqueSuffix()}`;
  await page.getByLabel("Nom du filtre").fill(name);
  await expect(page.getByLabel(/M’envoyer chaque lundi/)).not.toBeChecked();
  await page.getByRole("button", { name: "Enregistrer ce filtre" }).click();
  await expect(page.getByRole("status")).toContainText("Vous ne recevrez pas de courriel");
  await expect(page.getByRole("row", { name: new RegExp(escapeRegExp(name)) })).toContainText(
    "Pas d’abonnement",
  );
  await expectNoAxeViolations(page);
});

test("consent rules: an unknown or unshared dossier is not found, applicants never enter, the public sees aggregates only", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAs(page, FUNDER);
  const missing = await page.goto("/financeurs/dossiers/ce-dossier-n-existe-pas");
  expect(missing?.status()).toBe(404);
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await signInAs(page, APPLICANT);
  const refused = await page.goto("/financeurs");
  expect(refused?.status()).toBe(403);

  await page.context().clearCookies();
  const response = await page.goto("/indicateurs");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Tiers-lieu nourricier")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

async function dossierNumber(page: import("@playwright/test").Page): Promise<string> {
  const text = (await page.locator("main").textContent()) ?? "";
  const match = /AVOSID-\d{4}-\d{5}/.exec(text);
  expect(match, "numéro du dossier").not.toBeNull();
  return `Dossier ${match![0]}`;
}

function futureDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}
