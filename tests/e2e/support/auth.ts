import { expect, type Page } from "@playwright/test";

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

/** Signs in through /connexion and waits until the form is gone. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel(/adresse (électronique|e-mail|courriel)/i).fill(email);
  await page.getByLabel(/^mot de passe/i).fill(password);
  await page.getByRole("button", { name: /se connecter/i }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}
