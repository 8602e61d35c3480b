import { expect, test } from "@playwright/test";

import { DEMO_ACCOUNTS } from "./support/accounts";
import { freshTotpCode } from "../support/totp";
import { newApplicant, rememberTotpSecret, signIn, signUp } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { uniqueSiret } from "./support/dossier-journey";

const applicant = DEMO_ACCOUNTS.find((account) => account.role === "APPLICANT")!;
/** « 732 829 320 00074 », as people type it. */
const spaced = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");

test("an applicant declares an organisation, then finds it in their space", async ({ page }) => {
  const siret = uniqueSiret();
  const mistyped = `${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`;
  await signIn(page, applicant.email, applicant.password);
  await page.goto("/organisations/nouvelle");
  await expectNoAxeViolations(page);

  // A wrong SIRET is explained in French, next to the field and in the summary.
  await page.getByLabel(/^nom de l’organisation/i).fill("Ressourcerie du Berry");
  await page.getByLabel(/^forme juridique/i).selectOption("ASSOCIATION");
  await page.getByLabel(/^numéro siret/i).fill(spaced(mistyped));
  await page.getByLabel(/^numéro rna/i).fill("W181001234");
  await page.getByLabel(/^adresse(?! électronique)/i).fill("12 rue des Écoles");
  await page.getByLabel(/^code postal/i).fill("18000");
  await page.getByLabel(/^commune/i).fill("Bourges");
  await page.getByLabel(/^nom et prénom/i).fill("Claude Bernard");
  await page.getByLabel(/^fonction/i).fill("Présidente");
  await page.getByLabel(/^adresse électronique de contact/i).fill("contact@ressourcerie-berry.fr");
  await page.getByLabel(/^IBAN/).fill("FR76 3000 6000 0112 3456 7890 189");
  await page.getByRole("button", { name: /enregistrer l’organisation/i }).click();
  await expect(page.getByRole("alert")).toContainText(/SIRET/);
  await expect(page.getByLabel(/^numéro siret/i)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel(/^numéro siret/i).fill(spaced(siret));
  await page.getByRole("button", { name: /enregistrer l’organisation/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ressourcerie du Berry");
  await expect(page.getByLabel(/^IBAN/)).toHaveValue("FR7630006000011234567890189");
  await expectNoAxeViolations(page);

  await page.goto("/espace");
  await expect(page.getByRole("link", { name: "Ressourcerie du Berry" })).toBeVisible();
});

test("the account page lists the devices signed in, closes one, and enrols a second factor", async ({
  page,
  browser,
}) => {
  const person = newApplicant("compte");
  await signUp(page, person);
  await expect(page).not.toHaveURL(/\/inscription/);
  // The same person on another device.
  const elsewhere = await browser.newContext({
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/140.0",
  });
  const phone = await elsewhere.newPage();
  await signIn(phone, person.email, person.password);

  await page.goto("/compte");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon compte");
  await expect(page.getByText(person.email).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "(cet appareil)" })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page
    .getByRole("row")
    .filter({ hasText: "Firefox sur Windows" })
    .getByRole("button", { name: /Fermer/ })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "La session est fermée" })).toBeVisible();
  await phone.goto("/compte");
  await expect(phone).toHaveURL(/\/connexion/);
  await elsewhere.close();

  // Optional for an applicant: enrolled from « Mon compte », then asked at every sign-in.
  await page.getByRole("link", { name: "Protéger mon compte par un second facteur" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = await rememberTotpSecret(page, person.email);
  await page.getByLabel(/^Code à six chiffres/).fill(await freshTotpCode(person.email, secret));
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: /^[A-Z2-7]{5}-[A-Z2-7]{5}$/ })).toHaveCount(10);
  await page.getByRole("link", { name: /J’ai noté mes codes/ }).click();
  await expect(page.getByText(/^Activée depuis le/)).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page).not.toHaveURL(/\/compte/);
  await page.goto("/connexion");
  await page.getByLabel(/adresse e-mail/i).fill(person.email);
  await page.getByLabel(/^mot de passe/i).fill(person.password);
  await page.getByRole("button", { name: /se connecter/i }).click();
  await expect(page.getByLabel(/^Code de vérification/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Code de vérification/).fill(await freshTotpCode(person.email, secret));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/espace/);
});
