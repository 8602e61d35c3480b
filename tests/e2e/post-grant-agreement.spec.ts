// After the grant, the agreement: on the demo A VOS ID dossier of Les Cyclopostiers (granted, owned by
// Camille Martin), the owner accepts the agreement online with JavaScript; the instructor records the
// Region's acceptance without JavaScript; the certificate states both signatories and the agreement's
// SHA-256; the money timeline then shows the advance planned and requestable. Axe runs on every page.
import { readFile } from "node:fs/promises";

import { expect, test, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../seeds/demo/accounts";
import { pdfText } from "../support/pdf-text";
import { signIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { APPLICANT } from "./support/dossier-journey";

const INSTRUCTOR = DEMO_ACCOUNTS.find((account) => account.key === "instructor")!;
const TITLE = "Livraison à vélo et collecte des biodéchets dans la métropole orléanaise — amorçage";

test.describe.configure({ mode: "serial" });
// Several pages, each checked by axe at two widths, on a machine shared with other suites.
test.beforeEach(() => test.setTimeout(120_000));

let dossierId = "";
let sha256 = "";

async function openDossier(page: Page): Promise<void> {
  await page.goto("/espace");
  await page.getByRole("link", { name: TITLE, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  dossierId = /\/dossiers\/([^/?#]+)/.exec(new URL(page.url()).pathname)![1]!;
}

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

test("the association's owner reads the agreement and accepts it online", async ({ page }) => {
  await signIn(page, APPLICANT.email, APPLICANT.password);
  await openDossier(page);
  const nextStep = page.getByRole("region", { name: "Prochaine étape" });
  await expect(nextStep).toContainText("Accepter la convention");
  await expectNoAxeViolations(page);
  await nextStep.getByRole("link", { name: "Lire et accepter la convention" }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${dossierId}/convention$`));
  await expect(page.getByRole("heading", { name: "Ses principaux articles" })).toBeVisible();
  await expect(page.getByText("Une avance de 30", { exact: false })).toBeVisible();
  sha256 = (await page.locator(".agreement__hash code").textContent())!.trim();
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  await expectNoAxeViolations(page);

  // Without the declaration ticked: refused, what was typed kept.
  await page.getByLabel("Votre nom et prénom").fill("Camille Martin");
  await page.getByLabel("En qualité de").fill("présidente");
  await page.getByRole("button", { name: "J’accepte la convention" }).click();
  await expect(page.getByRole("alert")).toContainText("Cochez la déclaration");
  await expect(page.getByLabel("En qualité de")).toHaveValue("présidente");
  await expectNoAxeViolations(page);

  await page.getByLabel(/^Je déclare avoir lu la convention/).check();
  await page.getByRole("button", { name: "J’accepte la convention" }).click();
  await expect(page.getByRole("status")).toContainText("Votre acceptation de la convention est enregistrée");
  await expect(page.getByRole("listitem").filter({ hasText: "Pour le bénéficiaire" })).toContainText(
    "acceptée en ligne par Camille Martin, présidente",
  );
  await expect(page.getByRole("button", { name: "J’accepte la convention" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the instructor records the Region's acceptance", async ({ page }) => {
    await signIn(page, INSTRUCTOR.email, INSTRUCTOR.password);
    await page.goto(`/instruction/dossiers/${dossierId}/convention`);
    await expect(page.getByRole("listitem").filter({ hasText: "Pour le bénéficiaire" })).toContainText(
      "Camille Martin, présidente",
    );
    // The name without its capacity: refused, nothing recorded.
    await page
      .getByLabel("Nom de la personne qui signe pour la Région")
      .fill("Le Président du Conseil régional");
    await page.getByLabel(/^J’enregistre l’acceptation/).check();
    await page.getByRole("button", { name: "Enregistrer l’acceptation de la Région" }).click();
    await expect(page.getByText("Indiquez en quelle qualité elle signe").first()).toBeVisible();
    await expect(page.getByLabel("Nom de la personne qui signe pour la Région")).toHaveValue(
      "Le Président du Conseil régional",
    );
    await page
      .getByLabel("En qualité de")
      .first()
      .fill("par délégation, la directrice de l’Économie sociale et solidaire");
    await page.getByLabel(/^J’enregistre l’acceptation/).check();
    await page.getByRole("button", { name: "Enregistrer l’acceptation de la Région" }).click();
    await expect(page.getByRole("status")).toContainText("la convention est acceptée par les deux parties");
    await expect(page.getByText("elle a pris effet le")).toBeVisible();
  });
});

test("the certificate states both acceptances and the agreement's SHA-256; the advance may be requested", async ({
  page,
}) => {
  await signIn(page, INSTRUCTOR.email, INSTRUCTOR.password);
  await page.goto(`/instruction/dossiers/${dossierId}/convention`);
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le certificat d’acceptation (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Certificat d’acceptation AVOSID-\d{4}-\d{5}\.pdf$/);
  const text = flat(await pdfText(await readFile((await download.path())!)));
  expect(text).toContain("Certificat d’acceptation de la convention");
  expect(text.replace(/ /g, "")).toContain(sha256);
  expect(text).toContain("Camille Martin, présidente");
  expect(text).toContain("Le Président du Conseil régional, par délégation");
  expect(text).toContain("Acceptation en ligne sur le portail");

  await page.goto(`/instruction/dossiers/${dossierId}`);
  const after = page.getByRole("region", { name: "Après l’octroi" });
  await expect(after.getByRole("row", { name: /^Avance/ })).toContainText("Prévu");
  await expect(after.getByRole("link", { name: "Convention et acceptations" })).toHaveAttribute(
    "href",
    `/instruction/dossiers/${dossierId}/convention`,
  );
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await signIn(page, APPLICANT.email, APPLICANT.password);
  await page.goto(`/dossiers/${dossierId}`);
  const money = page.getByRole("region", { name: "Suivi de l’aide" });
  const advance = money.getByRole("row", { name: /^Avance/ });
  await expect(advance).toContainText("Prévu");
  await expect(advance).toContainText("Peut être demandé maintenant.");
  await expect(advance.getByRole("link", { name: /^Demander/ })).toHaveAttribute(
    "href",
    `/dossiers/${dossierId}/versements/1`,
  );
  await expect(money).toContainText("Acceptée par les deux parties le");
  await expect(page.getByRole("region", { name: "Prochaine étape" })).toContainText(
    "Demander le versement « Avance »",
  );
  await expect(page.getByRole("link", { name: /^Certificat d’acceptation de la convention/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
