// A new Region administrator prepares next year: corrects the envelope voted for 2027,
// opens a dated call for 2028, invites an instructor scoped to A VOS ID in the Loiret who activates the
// account from the email and sees only that part of the queue, then deactivates the account, which ends the
// person's session at once. Every act is in the audit log; every page passes axe.
import { expect, test, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "./support/accounts";
import { freshTotpCode } from "../support/totp";
import { signIn, uniqueEmail } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

const admin = DEMO_ACCOUNTS.find((account) => account.role === "ADMIN")!;

/** The activation link of the newest email sent to `email`, read from the development mailbox. */
async function activationLink(page: Page, email: string): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto("/dev/mails");
    await page
      .getByRole("row")
      .filter({ hasText: email })
      .first()
      .getByRole("link")
      .click({ timeout: 1_000 });
    href = await page
      .getByRole("link", { name: /\/activer-mon-compte\// })
      .first()
      .getAttribute("href", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return href!;
}

test("next year's calls are set up and a new instructor is invited, scoped, then deactivated", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, admin.email, admin.password);

  // The 2027 CAP ASSO call exists with a provisional envelope: the admin enters the voted one.
  await page.goto("/admin/appels?annee=2027");
  await expectNoAxeViolations(page);
  await page
    .getByRole("link", { name: /CAP ASSO.*2027/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: /^Enveloppe budgétaire/ }).fill("9 500 000");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Les modifications de l’appel sont enregistrées" }),
  ).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/9\s500\s000,00\s€/);
  await expectNoAxeViolations(page);

  // A dated A VOS ID call for 2028.
  await page.goto("/admin/appels/nouveau");
  await expectNoAxeViolations(page);
  await page.getByLabel("Dispositif").selectOption({ label: "A VOS ID" });
  await page.getByRole("textbox", { name: /^Année/ }).fill("2028");
  await page.getByLabel("Titre de l’appel").fill("A VOS ID 2028 — appel de printemps");
  await page.getByRole("radio", { name: /^Appel daté/ }).check();
  await page.getByLabel("Premier jour de dépôt").fill("2028-03-01");
  await page.getByLabel("Dernier jour de dépôt").fill("2028-04-30");
  await page.getByRole("textbox", { name: /^Enveloppe budgétaire/ }).fill("1 200 000");
  await page.getByRole("button", { name: "Créer l’appel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L’appel à projets est créé." })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("01/03/2028");
  await expectNoAxeViolations(page);

  // An instructor for A VOS ID in the Loiret.
  const email = uniqueEmail("instructrice");
  await page.goto("/admin/comptes/inviter");
  await expectNoAxeViolations(page);
  await page.getByLabel("Prénom").fill("Inès");
  await page.getByRole("textbox", { name: /^Nom/ }).fill("Marchand");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("radio", { name: "Instructeur·rice" }).check();
  await page.getByRole("radio", { name: /Définir le périmètre maintenant/ }).check();
  await page.getByRole("group", { name: "Dispositifs" }).getByLabel("A VOS ID").check();
  await page
    .getByRole("group", { name: "Départements" })
    .getByLabel(/Loiret/)
    .check();
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "L’invitation est envoyée" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Invitation en attente");
  await expectNoAxeViolations(page);
  const accountUrl = page.url();

  // She activates her account from the email and signs in.
  const context = await browser.newContext();
  const instructor = await context.newPage();
  await instructor.goto(await activationLink(instructor, email));
  await expect(instructor.getByRole("heading", { level: 1 })).toHaveText("Choisissez votre mot de passe");
  await expectNoAxeViolations(instructor);
  const password = "Instruire les projets 2027";
  await instructor.getByLabel(/^Mot de passe/).fill(password);
  await instructor.getByLabel(/^Confirmation du mot de passe/).fill(password);
  await instructor.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(instructor).toHaveURL(/\/connexion/);
  // Staff: after her password, she enrols an authenticator (QR code or key), then keeps her recovery codes.
  await instructor.getByLabel(/adresse e-mail/i).fill(email);
  await instructor.getByLabel(/^mot de passe/i).fill(password);
  await instructor.getByRole("button", { name: /se connecter/i }).click();
  await expect(instructor.getByRole("heading", { level: 1 })).toHaveText("Double authentification");
  await expect(instructor.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(instructor);
  const secret = (await instructor.locator(".secret-key").innerText()).replace(/\s/g, "");
  await instructor.getByLabel(/^Code à six chiffres/).fill(await freshTotpCode(email, secret));
  await instructor.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(instructor.getByRole("listitem").filter({ hasText: /^[A-Z2-7]{5}-[A-Z2-7]{5}$/ })).toHaveCount(
    10,
  );
  await expectNoAxeViolations(instructor);
  await instructor.getByRole("link", { name: /J’ai noté mes codes/ }).click();

  // Her queue holds A VOS ID dossiers of the Loiret only.
  await instructor.goto("/instruction");
  const rows = instructor.getByRole("table").first().getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  for (const row of await rows.all()) {
    const text = await row.innerText();
    if (/CAPASSO|CAPSCOP|AVANCEFP/.test(text)) throw new Error(`Hors périmètre : ${text}`);
  }
  await expectNoAxeViolations(instructor);

  // Deactivated: her open page stops working at once.
  await page.goto(accountUrl);
  await page.getByRole("button", { name: /Désactiver le compte/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le compte est désactivé" })).toBeVisible();
  await instructor.goto("/instruction");
  await expect(instructor).toHaveURL(/\/connexion/);
  await context.close();
  // Her phone lost, the admin resets her second factor: she will enrol again at her next sign-in.
  await page.goto(accountUrl);
  await page.getByRole("button", { name: /Réinitialiser la double authentification/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "double authentification est réinitialisée" }),
  ).toBeVisible();

  // The audit log tells the story, filtered by the person.
  await page.goto("/admin/journal");
  await page.getByLabel("Personne").fill(email);
  await page.getByRole("button", { name: "Filtrer" }).click();
  const log = page.getByRole("table");
  await expect(log).toContainText("Compte invité");
  await expect(log).toContainText("Invitation acceptée, compte activé");
  await expect(log).toContainText("Compte désactivé");
  await expect(log).toContainText("Double authentification activée");
  await expect(log).toContainText("Double authentification réinitialisée");
  await expectNoAxeViolations(page);

  // The other admin pages, as a new administrator browses them.
  for (const path of ["/admin/financeurs", "/admin/territoires", "/admin/conservation", "/admin/comptes"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an invitation with mistakes is explained field by field, keeps what was typed, and creates nothing", async ({
    page,
  }) => {
    await signIn(page, admin.email, admin.password);
    await page.goto("/admin/comptes/inviter");
    // Without JavaScript every field shows, the funder's organisation and the scope included.
    await expect(page.getByLabel("Organisation financeuse")).toBeVisible();
    await page.getByLabel("Prénom").fill("Jules");
    await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await page.getByRole("radio", { name: "Financeur" }).check();
    await page.getByRole("button", { name: "Envoyer l’invitation" }).click();

    const summary = page.getByRole("alert").first();
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveCount(3);
    await expect(page.getByRole("textbox", { name: /^Nom/ })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue("pas-une-adresse");
    await expect(page.getByLabel("Prénom")).toHaveValue("Jules");
    await expect(page.getByRole("radio", { name: "Financeur" })).toBeChecked();

    await page.goto("/admin/comptes?q=Jules");
    await expect(page.getByRole("main").getByRole("link", { name: /Jules/ })).toHaveCount(0);
  });
});
