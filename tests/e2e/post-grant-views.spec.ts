// What the instructor sees after the grant, at the demo seeds' state: the follow-up queue with its kinds,
// filters and CSV export, with and without JavaScript.
import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";
import { signInAs } from "./support/dossier-journey";
import { INSTRUCTOR } from "./support/instruction";

// Demo dossiers of seeds/demo/post-grant-dossiers.ts (titles copied: the spec loads no app module).
const REPORT_OVERDUE = "Un poste de coach sportif pour les personnes en parcours d’insertion en Touraine";
const SCOP_REQUESTED = "Reprise de la Scierie du Perche vendômois en SCOP par ses quatorze salariés";
const RECOVERY = "Ombrières photovoltaïques citoyennes sur le parking de la maison du Pays de La Châtre";
const row = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

test("the instructor finds what waits after the grant and exports it", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, INSTRUCTOR);
  await page.goto("/instruction");
  await page
    .getByRole("navigation", { name: "Instruction" })
    .getByRole("link", { name: "Suivi des aides accordées" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Suivi des aides accordées" })).toBeVisible();
  const table = page.getByRole("table");
  // The overdue CAP ASSO report, the CAP SCOP-SCIC request recomputed to the cent, the A VOS ID recovery.
  await expect(table).toContainText(REPORT_OVERDUE);
  await expect(table).toContainText(/En retard de \d+ jours/);
  await expect(table.getByRole("row", { name: row(SCOP_REQUESTED) })).toContainText(/45\s437,50\s€/);
  await expectNoAxeViolations(page);

  // Only the recoveries: 1 588,48 € to repay, the line opening the dossier's recoveries page.
  await page
    .getByRole("navigation", { name: "Suivi par type" })
    .getByRole("link", { name: /Reversements/ })
    .click();
  await expect(page).toHaveURL(/quoi=reversements-a-recouvrer/);
  const recovery = page.getByRole("row", { name: row(RECOVERY) });
  await expect(recovery).toContainText(/1\s588,48\s€/);
  await expect(recovery.getByRole("link", { name: /Reversement à recouvrer/ })).toHaveAttribute(
    "href",
    /^\/instruction\/dossiers\/[^/]+\/reversements$/,
  );
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV (filtre en cours)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^suivi-\d{4}-\d{2}-\d{2}\.csv$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form narrows the follow-up to a scheme", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, INSTRUCTOR);
    await page.goto("/instruction/suivi");
    await page.getByLabel("Dispositif").selectOption({ label: "CAP SCOP-SCIC" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/dispositif=cap-scop-scic/);
    const table = page.getByRole("table");
    await expect(table).toContainText(SCOP_REQUESTED);
    await expect(table).not.toContainText(REPORT_OVERDUE);
  });
});
