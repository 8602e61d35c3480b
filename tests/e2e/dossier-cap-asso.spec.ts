// CAP ASSO from end to end, as the association's president does it: the eligibility questionnaire, the
// dossier it prepares (answers carried over), every step, the pieces, filing, the receipt and its email.
// Once with JavaScript, once without: the same journey must work both ways.
import { expect, test } from "@playwright/test";

import { expectReceipt } from "./support/dossier-files";
import { APPLICANT, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";

const ORGANISATION = "Les Cyclopostiers";

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("an association checks its eligibility, prepares its CAP ASSO dossier and files it", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const journey = new Journey(page, javaScript);
      const title = `Atelier solidaire de réparation de vélos ${uniqueSuffix()}`;
      await signInAs(page, APPLICANT);

      // The questionnaire, answered as a person would.
      await journey.open("/eligibilite");
      await page.getByRole("radio", { name: "Association (loi 1901)" }).check();
      await page.getByLabel(/dans quel département/i).fill("45");
      if (!javaScript) await page.getByRole("button", { name: "Continuer" }).click();
      await page
        .getByRole("group", { name: /intérêt général/i })
        .getByLabel("Oui")
        .check();
      await page.getByLabel(/combien d’emplois/i).fill("1");
      await page.getByRole("group", { name: /CDI/ }).getByLabel("Oui").check();
      await page.getByLabel(/montant annuel/i).fill("15 000");
      if (!javaScript) await page.getByRole("button", { name: /mettre à jour/i }).click();
      const capAsso = page.getByRole("region", { name: /^CAP ASSO :/ });
      await expect(capAsso.getByRole("heading")).toContainText("Éligible");
      await journey.checkAccessibility();
      await capAsso.getByRole("link", { name: "Préparer un dossier CAP ASSO" }).click();

      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau dossier CAP ASSO");
      await expect(
        page.getByText(
          "Les réponses données au questionnaire d’éligibilité seront reprises dans le dossier.",
        ),
      ).toBeVisible();
      await journey.waitForHydration();
      const dossierId = await journey.startDossier(ORGANISATION);

      // Step 1: the activity project.
      await journey.expectStep("Le projet d’activité");
      await page.getByLabel("Intitulé du projet", { exact: true }).fill(title);
      await page.getByRole("radio", { name: "Première demande" }).check();
      await page
        .getByLabel("Décrivez le projet d’activité")
        .fill(
          "Un atelier ouvert à tous où l’on apprend à réparer son vélo, avec un mécanicien salarié et des bénévoles, trois jours par semaine.",
        );
      await page
        .getByLabel("À quels besoins répond-il ?")
        .fill("Se déplacer à moindre coût et réduire les déchets.");
      await page
        .getByLabel("Quels publics vise-t-il ?")
        .fill("Étudiants, demandeurs d’emploi, familles des quartiers prioritaires.");
      await page.getByLabel("Territoire d’intervention").fill("Orléans Métropole");
      await page.getByLabel("Partenaires du projet (facultatif)").fill("Ville d’Orléans, Emmaüs Loiret.");
      await page
        .getByLabel(/^En quoi l’association poursuit-elle un but d’intérêt général/)
        .fill("Association d’éducation populaire ouverte à tous, gestion désintéressée.");
      await page.getByLabel("Secteur d’activité").selectOption({ label: "Environnement et tourisme" });
      await journey.saveAndContinue();

      // Step 2: the jobs; the first one comes from the questionnaire (one full-time job in CDI).
      await journey.expectStep("Les emplois");
      const firstJob = journey.row("Emploi 1");
      await expect(firstJob.getByRole("radio", { name: "Création d’emploi" })).toBeChecked();
      await expect(firstJob.getByLabel("Contrat")).toHaveValue("CDI");
      await expect(firstJob.getByLabel("Temps de travail (ETP)")).toHaveValue("1");
      await firstJob.getByLabel("Intitulé du poste").fill("Mécanicien cycles");
      await firstJob.getByLabel("Date d’embauche (ou prévue)").fill("2027-01-04");
      const secondJob = await journey.addRow("Ajouter un emploi", "Emploi 2");
      await secondJob.getByLabel("Intitulé du poste").fill("Animatrice d’atelier");
      await secondJob.getByRole("radio", { name: "Consolidation d’un emploi existant" }).check();
      await secondJob.getByLabel("Contrat").selectOption("CDI");
      await secondJob.getByLabel("Temps de travail (ETP)").fill("0,5");
      await secondJob.getByLabel("Date d’embauche (ou prévue)").fill("2025-09-01");
      await journey.saveAndContinue();

      // Step 3: the yearly amounts, the questionnaire's amount already in each year; one is mistyped.
      await journey.expectStep("Montants demandés");
      await expect(page.getByLabel("Montant demandé pour l’année 1")).toHaveValue("15 000");
      await expect(page.getByLabel("Montant demandé pour l’année 3")).toHaveValue("15 000");
      await journey.mistypeAmountThenFix(
        page.getByLabel("Montant demandé pour l’année 2"),
        "18 000 euros",
        "18 000",
      );
      await page.getByLabel("Montant demandé pour l’année 3").fill("20 000");
      await journey.saveAndContinue();
      const requestedCents = (15_000 + 18_000 + 20_000) * 100;

      // Step 4: the budget, balanced, the Region's share equal to the amounts asked.
      await journey.expectStep("Budget et plan de financement");
      await journey.fillBudget(
        [
          {
            category: "Charges de personnel",
            label: "Salaires et charges des deux postes, trois ans",
            amount: "120 000",
          },
          {
            category: "Autres dépenses de fonctionnement",
            label: "Outillage et pièces détachées",
            amount: "45 000,50",
          },
        ],
        [
          { category: "Région Centre-Val de Loire (montant demandé)", label: "CAP ASSO", amount: "53 000" },
          { category: "Recettes d’activité", label: "Réparations et ventes de vélos", amount: "82 000,50" },
          { category: "Intercommunalité (EPCI)", label: "Orléans Métropole", amount: "30 000" },
        ],
      );
      await journey.saveAndContinue();

      // The pieces: a program renamed « .pdf » is refused, then each piece is given.
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}/pieces$`));
      await journey.attachRenamedExecutable("Statuts à jour de l’association");
      await journey.attachEveryRequiredPiece();

      // Filing, the receipt, the email.
      const number = await journey.file();
      expect(number).toMatch(/^CAPASSO-/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      expectReceipt(await journey.receiptText(), { number, organisation: ORGANISATION, requestedCents });
      expect(await journey.completeDossierText()).toContain(title);
      await journey.expectFilingEmail(number, dossierId);
    });
  });
}
