// CAP SCOP-SCIC from end to end: a SCOP (its profile already in the form) asks the Region to double the
// capital its employees bring, each within the per-person ceiling; filed with its pieces; with and without JavaScript.
import { expect, test } from "@playwright/test";

import { expectReceipt } from "./support/dossier-files";
import { APPLICANT, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";

const ORGANISATION = "Les Cyclopostiers SCOP";

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("a member of a SCOP prepares a CAP SCOP-SCIC dossier for three new associates and files it", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const journey = new Journey(page, javaScript);
      const title = `Trois livreurs deviennent associés de la SCOP ${uniqueSuffix()}`;
      await signInAs(page, APPLICANT);

      // The applicant's association is listed too, but cannot apply: the SCOP is chosen.
      await journey.open("/dossiers/nouveau?dispositif=cap-scop-scic");
      await expect(
        page.getByRole("radio", {
          name: /^Les Cyclopostiers \(Association.*n’est pas éligible à CAP SCOP-SCIC$/,
        }),
      ).toBeVisible();
      const dossierId = await journey.startDossier(ORGANISATION);

      // Step 1: the operation; the cooperative is the SCOP itself, as its profile says.
      await journey.expectStep("L’opération et la coopérative");
      await expect(page.getByLabel("Nom de la coopérative")).toHaveValue(ORGANISATION);
      await expect(
        page.getByRole("group", { name: "Forme de la coopérative" }).getByRole("radio", { name: "SCOP" }),
      ).toBeChecked();
      await expect(page.getByRole("radio", { name: "Immatriculée (elle a un numéro SIRET)" })).toBeChecked();
      await expect(page.getByLabel("Numéro SIRET de la coopérative")).toHaveValue(/^\d{14}$/);
      await page.getByLabel("Intitulé du projet").fill(title);
      await page.getByRole("radio", { name: "Transformation d’une association en coopérative" }).check();
      await page
        .getByLabel("Activité de la coopérative et emplois")
        .fill("Livraison et collecte à vélo à Orléans ; 420 000 € de chiffre d’affaires, neuf salariés.");
      await journey.saveAndContinue();

      // Step 2: the employee associates; a contribution typed with a letter O is refused, then fixed.
      await journey.expectStep("Les salariés associés");
      const first = journey.row("Salarié associé 1");
      await first.getByLabel("Prénom").fill("Karim");
      await first.getByLabel("Nom", { exact: true }).fill("Benali");
      await journey.mistypeAmountThenFix(first.getByLabel("Apport en capital"), "2 500,5O", "2 500,50");
      const second = await journey.addRow("Ajouter un salarié associé", "Salarié associé 2");
      await second.getByLabel("Prénom").fill("Inès");
      await second.getByLabel("Nom", { exact: true }).fill("Garnier");
      await second.getByLabel("Apport en capital").fill("3 000");
      const third = await journey.addRow("Ajouter un salarié associé", "Salarié associé 3");
      await third.getByLabel("Prénom").fill("Paul");
      await third.getByLabel("Nom", { exact: true }).fill("Lemoine");
      await third.getByLabel("Apport en capital").fill("8 000");
      await journey.saveAndContinue();
      // Each contribution doubled, the third within the 5 000 € ceiling per person.
      const requestedCents = 250_050 + 300_000 + 500_000;

      // Step 3: support.
      await journey.expectStep("Accompagnement");
      await page
        .getByRole("group", { name: /accompagné par l’Union régionale des SCOP et SCIC/ })
        .getByRole("radio", { name: "Oui" })
        .check();
      await page.getByLabel("Chargé·e de mission URSCOP qui vous accompagne").fill("Julie Moreau");
      await page
        .getByLabel("Autres accompagnements et financements (banques, France Active…) (facultatif)")
        .fill("Prêt participatif de France Active Centre-Val de Loire.");
      await journey.saveAndContinue();

      // Step 4: the budget.
      await journey.expectStep("Budget et plan de financement");
      await journey.fillBudget(
        [
          { category: "Investissements", label: "Deux vélos-cargos et un atelier", amount: "30 000" },
          {
            category: "Autres dépenses de fonctionnement",
            label: "Formation des nouveaux associés",
            amount: "4 001",
          },
        ],
        [
          {
            category: "Région Centre-Val de Loire (montant demandé)",
            label: "CAP SCOP-SCIC",
            amount: "10 500,50",
          },
          { category: "Fonds propres", label: "Apports des salariés associés", amount: "13 500,50" },
          {
            category: "Banque publique (Bpifrance, Banque des Territoires)",
            label: "Prêt Bpifrance",
            amount: "10 000",
          },
        ],
      );
      await journey.saveAndContinue();

      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}/pieces$`));
      await journey.attachEveryRequiredPiece();
      const number = await journey.file();
      expect(number).toMatch(/^CAPSCOP/);
      expectReceipt(await journey.receiptText(), { number, organisation: ORGANISATION, requestedCents });
      await journey.expectFilingEmail(number, dossierId);
    });
  });
}
