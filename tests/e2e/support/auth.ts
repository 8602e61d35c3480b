import { expect, type Cookie, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../../seeds/demo/accounts";
import { freshTotpCode } from "../../support/totp";

/** A fresh address per call: the e2e database lives as long as the server, and tests may run again. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;
}

export interface NewApplicant {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

export function newApplicant(prefix = "porteur"): NewApplicant {
  return {
    firstName: "Camille",
    lastName: "Durand",
    email: uniqueEmail(prefix),
    password: "Un mot de passe solide 2026",
  };
}

/** Fills and sends the sign-up form of /inscription, as a person would. */
export async function signUp(page: Page, applicant: NewApplicant): Promise<void> {
  await page.goto("/inscription");
  await page.getByLabel(/^prénom/i).fill(applicant.firstName);
  await page.getByLabel(/^nom/i).fill(applicant.lastName);
  await page.getByLabel(/adresse (électronique|e-mail|courriel)/i).fill(applicant.email);
  await page.getByLabel(/^mot de passe/i).fill(applicant.password);
  await page.getByLabel(/^confirmation du mot de passe/i).fill(applicant.password);
  await page.getByRole("button", { name: /créer (mon|un) compte/i }).click();
}

/** The TOTP secrets of the accounts enrolled during the run, beside the demo ones. */
const enrolledSecrets = new Map<string, string>();

/** Reads the key shown by an enrolment page, for the next sign-ins of `email`. */
export async function rememberTotpSecret(page: Page, email: string): Promise<string> {
  const secret = (await page.locator(".secret-key").innerText()).replace(/\s/g, "");
  enrolledSecrets.set(email, secret);
  return secret;
}

/**
 * Signs in through /connexion and waits until the sign-in pages are gone. Staff give the code of their
 * authenticator (the demo secret, or the one enrolled here); a staff member without one enrols it, as the
 * page asks, reading the secret from the page.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  // A staff member signed in earlier in this run gets that session back while the server still holds it
  // (the sign-in page then sends them to their home): a person may pass the second step only three times
  // in 30 seconds, and the suite signs its instructor in far more often than that.
  const saved = staffSessions.get(email);
  if (saved) await page.context().addCookies(saved);
  await page.goto("/connexion");
  if (saved && new URL(page.url()).pathname !== "/connexion") return;
  await page.getByLabel(/adresse (électronique|e-mail|courriel)/i).fill(email);
  await page.getByLabel(/^mot de passe/i).fill(password);
  await page.getByRole("button", { name: /se connecter/i }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion");
  if (new URL(page.url()).pathname === "/connexion/verification") {
    await secondStep(page, email);
    await expect(page).not.toHaveURL(/\/connexion/);
    staffSessions.set(
      email,
      (await page.context().cookies()).filter((cookie) => cookie.name === "portail_session"),
    );
  }
  await expect(page).not.toHaveURL(/\/connexion/);
}

/** The session cookie of each staff member signed in during this run (this worker process). */
const staffSessions = new Map<string, Cookie[]>();

async function secondStep(page: Page, email: string): Promise<void> {
  if (await page.locator(".secret-key").count()) {
    const secret = await rememberTotpSecret(page, email);
    await page.getByLabel(/^code à six chiffres/i).fill(await freshTotpCode(email, secret));
    await page.getByRole("button", { name: /activer la double authentification/i }).click();
    await page.getByRole("link", { name: /j’ai noté mes codes/i }).click();
    return;
  }
  const secret =
    enrolledSecrets.get(email) ?? DEMO_ACCOUNTS.find((account) => account.email === email)?.totpSecret;
  if (!secret) throw new Error(`Pas de clé TOTP connue pour ${email}`);
  // More tries in case codes were spent by a process this one does not know of (Playwright starts a new
  // worker after a failed test, and the steps it remembered go with the old one): each try takes the
  // next step, waiting for it once the three the server accepts are spent.
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.getByLabel(/^code de vérification/i).fill(await freshTotpCode(email, secret));
    await page.getByRole("button", { name: /^valider$/i }).click();
    const refused = page.getByRole("alert").filter({ hasText: /n’est pas valable/ });
    await expect(
      refused.or(page.locator("h1").filter({ hasNotText: /double authentification/i })),
    ).toBeVisible();
    if (new URL(page.url()).pathname !== "/connexion/verification") return;
  }
}
