// The equity advance from end to end: an association pre-financing a project co-funded by the FSE+ asks
// for an advance within half of the EU grant, says when the EU funds are due, and files the dossier; with and without JavaScript.
import { expect, test } from "@playwright/test";

import { expectReceipt } from "./support/dossier-files";
import { APPLICANT, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";

const ORGANISATION = "Les Cyclopostiers";

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("an association prepares an equity advance dossier for its FSE+ project and files it", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const journey = new Journey(page, javaScript);
      const title = `Formation de mécaniciens cycles financée par le FSE+ ${uniqueSuffix()}`;
      await signInAs(page, APPLICANT);

      await journey.open("/dossiers/nouveau?dispositif=avance-fonds-propres");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Nouveau dossier Apport en fonds propres avec droit de reprise",
      );
      const dossierId = await journey.startDossier(ORGANISATION);

      // Step 1: the European project.
      await journey.expectStep("Le projet européen");
      await page.getByLabel("Intitulé du projet").fill(title);
      await page
        .getByLabel("Présentez le projet cofinancé")
        .fill(
          "Douze demandeurs d’emploi formés au métier de mécanicien cycles en deux ans, avec stages en atelier.",
        );
      await page.getByRole("radio", { name: "FSE+ (Fonds social européen plus)" }).check();
      await page.getByLabel("Référence du dossier européen").fill("CE0045871");
      await page.getByRole("radio", { name: "Accordée (convention signée ou décision notifiée)" }).check();
      await page.getByLabel("Montant de la subvention européenne").fill("120 000");
      await journey.saveAndContinue();

      // Step 2: the EU payments expected.
      await journey.expectStep("Versements européens attendus");
      const first = journey.row("Versement 1");
      await first.getByLabel("Date attendue").fill("2027-06-30");
      await first.getByLabel("Montant").fill("60 000");
      const second = await journey.addRow("Ajouter un versement", "Versement 2");
      await second.getByLabel("Date attendue").fill("2028-06-30");
      await second.getByLabel("Montant").fill("60 000");
      await journey.saveAndContinue();

      // Step 3: the advance, its amount mistyped first.
      await journey.expectStep("L’avance demandée");
      await journey.mistypeAmountThenFix(
        page.getByLabel("Montant de l’avance demandée"),
        "45 000,50 EUR",
        "45 000,50",
      );
      await page.getByLabel("Durée souhaitée, en mois").fill("24");
      await page.getByLabel("Date à laquelle vous avez besoin de l’avance (facultatif)").fill("2027-02-01");
      await journey.saveAndContinue();
      const requestedCents = 4_500_050;

      // Step 4: the budget.
      await journey.expectStep("Budget et plan de financement");
      await journey.fillBudget(
        [
          { category: "Charges de personnel", label: "Salaires des formateurs", amount: "150 000" },
          { category: "Autres dépenses de fonctionnement", label: "Frais pédagogiques", amount: "30 000,50" },
        ],
        [
          { category: "Union européenne (FSE+, FEDER, LEADER…)", label: "FSE+", amount: "120 000" },
          {
            category: "Région Centre-Val de Loire (montant demandé)",
            label: "Avance en fonds propres",
            amount: "45 000,50",
          },
          { category: "Fonds propres", label: "Réserves de l’association", amount: "15 000" },
        ],
      );
      await journey.saveAndContinue();

      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}/pieces$`));
      await journey.attachEveryRequiredPiece();
      const number = await journey.file();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      expectReceipt(await journey.receiptText(), { number, organisation: ORGANISATION, requestedCents });
      await journey.expectFilingEmail(number, dossierId);
    });
  });
}
