// A filed dossier's own page, as its applicant uses it: the receipt to download, a message with a file to
// the instruction service, and the consent to share with funders given or withdrawn; with and without
// JavaScript, axe-clean.
import { expect, test } from "@playwright/test";

import { pdfFile } from "./support/dossier-files";
import { APPLICANT, fullName, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";

/** A demo dossier of the association, filed and waiting for instruction. */
const FILED_TITLE = /^Consolider deux emplois de livraison/;

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("the applicant downloads the receipt, writes to the instruction service and chooses to share", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const journey = new Journey(page, javaScript);
      await signInAs(page, APPLICANT);
      await journey.open("/espace");
      await page.getByRole("link", { name: FILED_TITLE }).first().click();
      await expect(page).toHaveURL(/\/dossiers\/[^/?]+$/);
      await journey.waitForHydration();
      await expect(page.getByRole("heading", { level: 2, name: "Prochaine étape" })).toBeVisible();
      await journey.checkAccessibility();

      // The receipt issued at filing.
      const number = (await page.locator(".dossier__number").textContent())!.replace("N° ", "").trim();
      const receipt = await page.request.get(
        (await page.getByRole("link", { name: "Récépissé de dépôt (PDF)" }).getAttribute("href"))!,
      );
      expect(receipt.status()).toBe(200);
      expect(receipt.headers()["content-disposition"]).toContain("attachment");
      expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");
      expect(number).toMatch(/^CAPASSO-\d{4}-\d{5}$/);

      // A message with a file.
      const body = `Bonjour, voici le devis actualisé du vélo-cargo (${uniqueSuffix()}).`;
      const quote = await pdfFile("Devis vélo-cargo.pdf", "Devis du vélo-cargo");
      await page.getByLabel("Votre message").fill(body);
      await page.getByLabel("Pièces jointes (facultatif)").setInputFiles(quote);
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Votre message a été envoyé" })).toBeVisible();
      const message = page.locator(".thread li").filter({ hasText: body });
      await expect(message).toContainText(fullName(APPLICANT));
      const file = message.getByRole("link", { name: "Devis vélo-cargo.pdf" });
      const download = await page.request.get((await file.getAttribute("href"))!);
      expect(Buffer.compare(await download.body(), quote.buffer)).toBe(0);
      await journey.checkAccessibility();

      // An empty message is explained and sends nothing.
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Le formulaire contient" })).toBeVisible();
      await expect(page.locator(".thread li").filter({ hasText: body })).toHaveCount(1);

      // The consent to share: given if it was not, withdrawn if it was; said, and kept in the history.
      const consent = page.getByLabel(
        "J’accepte que ce dossier soit partagé avec la communauté des financeurs",
      );
      const wasShared = await consent.isChecked();
      await consent.setChecked(!wasShared);
      await page.getByRole("button", { name: "Enregistrer mon choix" }).click();
      await expect(
        page
          .getByRole("status")
          .filter({ hasText: wasShared ? "n’est plus partagé" : "est désormais partagé" }),
      ).toBeVisible();
      await expect(page.locator(".sharing-state")).toContainText(
        `${wasShared ? "Accord retiré" : "Accord donné"} le`,
      );
      await expect(page.locator(".sharing-state")).toContainText(fullName(APPLICANT));
      await expect(consent).toBeChecked({ checked: !wasShared });
      await journey.checkAccessibility();
    });
  });
}
