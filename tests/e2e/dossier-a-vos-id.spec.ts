// A VOS ID from end to end: an association's innovative initiative with its partners, eligible expenses
// by type and LEADER co-financing, filed with its pieces; with and without JavaScript.
import { expect, test } from "@playwright/test";

import { expectReceipt } from "./support/dossier-files";
import { APPLICANT, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";

const ORGANISATION = "Les Cyclopostiers";

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("an association prepares an A VOS ID dossier with its partners and files it", async ({ page }) => {
      test.setTimeout(120_000);
      const journey = new Journey(page, javaScript);
      const title = `Vélos-cargos partagés pour les commerces de quartier ${uniqueSuffix()}`;
      await signInAs(page, APPLICANT);

      await journey.open("/dossiers/nouveau?dispositif=a-vos-id");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau dossier A VOS ID");
      const dossierId = await journey.startDossier(ORGANISATION);

      // Step 1: the initiative.
      await journey.expectStep("L’initiative");
      await page.getByLabel("Intitulé de l’initiative").fill(title);
      await page
        .getByLabel("Présentez l’initiative en quelques lignes")
        .fill(
          "Une flotte de vélos-cargos mutualisée entre les commerçants et l’association pour les livraisons du dernier kilomètre.",
        );
      await page
        .getByLabel("Qu’a-t-elle de nouveau sur son territoire ?")
        .fill("Aucune offre de livraison mutualisée à vélo n’existe dans les quartiers nord d’Orléans.");
      await page
        .getByRole("group", { name: "Étape du projet" })
        .getByRole("radio", { name: "Expérimentation" })
        .check();
      await page
        .getByRole("group", { name: "Priorité régionale à laquelle il répond" })
        .getByRole("radio", { name: "Transition écologique et adaptation au changement climatique" })
        .check();
      await page
        .getByLabel("Territoire de contrat régional (CRST)")
        .selectOption({ label: "Orléans Métropole (45)" });
      await page
        .getByLabel("Impact attendu")
        .fill(
          "Deux emplois de livreurs, trente commerces desservis, 40 000 km en camionnette évités par an.",
        );
      await journey.saveAndContinue();

      // Step 2: the partners, one row each.
      await journey.expectStep("Les partenaires");
      const first = journey.row("Partenaire 1");
      await first.getByLabel("Nom du partenaire").fill("Union des commerçants d’Orléans Nord");
      await first
        .getByLabel("Rôle dans le projet")
        .fill("Recense les besoins et finance une part des livraisons");
      const second = await journey.addRow("Ajouter un partenaire", "Partenaire 2");
      await second.getByLabel("Nom du partenaire").fill("Orléans Métropole");
      await second.getByLabel("Rôle dans le projet").fill("Met à disposition un local de stationnement");
      await journey.saveAndContinue();

      // Step 3: eligible expenses by type, the subsidy (mistyped first) and LEADER.
      await journey.expectStep("Dépenses et cofinancements");
      await page.getByLabel("Dépenses de fonctionnement éligibles (facultatif)").fill("24 000");
      await page.getByLabel("Dépenses d’investissement éligibles (facultatif)").fill("16 000,50");
      await page
        .getByRole("group", { name: "Le projet est-il cofinancé par le programme européen LEADER ?" })
        .getByRole("radio", { name: "Oui" })
        .check();
      await journey.mistypeAmountThenFix(
        page.getByLabel("Subvention demandée à la Région"),
        "20 000,500",
        "20 000",
      );
      await page
        .getByLabel("Groupe d’action locale (GAL) LEADER")
        .fill("GAL Forêt d’Orléans – Loire – Sologne");
      await page.getByLabel("Montant LEADER demandé ou obtenu").fill("8 000");
      await journey.saveAndContinue();
      const requestedCents = 20_000 * 100;

      // Step 4: the budget.
      await journey.expectStep("Budget et plan de financement");
      await journey.fillBudget(
        [
          {
            category: "Autres dépenses de fonctionnement",
            label: "Animation et coordination",
            amount: "24 000",
          },
          { category: "Investissements", label: "Trois vélos-cargos électriques", amount: "16 000,50" },
        ],
        [
          { category: "Région Centre-Val de Loire (montant demandé)", label: "A VOS ID", amount: "20 000" },
          { category: "Union européenne (FSE+, FEDER, LEADER…)", label: "LEADER", amount: "8 000" },
          { category: "Fonds propres", label: "Réserves de l’association", amount: "12 000,50" },
        ],
      );
      await journey.saveAndContinue();

      // The pieces, then filing, the receipt and the email.
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}/pieces$`));
      await journey.attachEveryRequiredPiece();
      const number = await journey.file();
      expect(number).toMatch(/^AVOSID-/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      expectReceipt(await journey.receiptText(), { number, organisation: ORGANISATION, requestedCents });
      await journey.expectFilingEmail(number, dossierId);
    });
  });
}
