import { expect, test, type Page } from "@playwright/test";

import { newApplicant, signUp } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

/** The confirmation link of the last email sent to `email`, read from the development mailbox. */
async function verificationLink(page: Page, email: string): Promise<string> {
  // Emails leave through the outbox after the transaction commits: give the worker a moment.
  await expect(async () => {
    await page.goto("/dev/mails");
    await expect(page.getByRole("row").filter({ hasText: email }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expectNoAxeViolations(page);
  await page.getByRole("row").filter({ hasText: email }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/confirmez votre adresse/i);
  await expectNoAxeViolations(page);
  const href = await page
    .getByRole("link", { name: /\/verifier-email\// })
    .first()
    .getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

async function expectVerificationNotice(page: Page) {
  await expect(page.getByText(/confirmez votre adresse e-mail/i).first()).toBeVisible();
}

test("a new applicant signs up, lands signed in, and verifies the address from the email", async ({
  page,
}) => {
  const applicant = newApplicant();
  await page.goto("/inscription");
  await expectNoAxeViolations(page);

  await signUp(page, applicant);
  await expect(page).not.toHaveURL(/\/inscription/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Mon espace" })).toBeVisible();
  await expectVerificationNotice(page);
  await expectNoAxeViolations(page);

  const link = await verificationLink(page, applicant.email);
  await page.goto(link);
  await expect(page.getByText(/votre adresse e-mail est confirmée/i).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Verified: the notice asking to verify is gone from the applicant's space.
  await page.goto("/espace");
  await expect(page.getByText(/confirmez votre adresse e-mail/i)).toHaveCount(0);
});

test("the sign-up form explains its errors in French and keeps what was typed", async ({ page }) => {
  await page.goto("/inscription");
  await page.getByLabel(/^prénom/i).fill("Camille");
  await page.getByLabel(/adresse (électronique|e-mail|courriel)/i).fill("pas-une-adresse");
  await page.getByRole("button", { name: /créer (mon|un) compte/i }).click();

  const summary = page
    .getByRole("alert")
    .filter({ hasText: /erreur/i })
    .first();
  await expect(summary).toBeVisible();
  const email = page.getByLabel(/adresse (électronique|e-mail|courriel)/i);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("pas-une-adresse");
  await expect(page.getByLabel(/^prénom/i)).toHaveValue("Camille");
  await expectNoAxeViolations(page);
});

// Axe runs inside the page, so it cannot check these; the same pages are checked above with JavaScript.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same sign-up form works", async ({ page }) => {
    const applicant = newApplicant("sans-js");
    await signUp(page, applicant);
    await expect(page).not.toHaveURL(/\/inscription/);
    await expectVerificationNotice(page);
  });

  test("a sign-up error is shown by the server", async ({ page }) => {
    await page.goto("/inscription");
    await page.getByRole("button", { name: /créer (mon|un) compte/i }).click();
    await expect(page).toHaveURL(/\/inscription/);
    await expect(page.getByLabel(/adresse (électronique|e-mail|courriel)/i)).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });
});
