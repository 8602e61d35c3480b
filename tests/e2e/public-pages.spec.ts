import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";

// What anyone reaches without an account: each page must be axe-clean and usable by keyboard alone.
const PUBLIC_PAGES = [
  { path: "/", heading: /économie sociale et solidaire/i },
  { path: "/dispositifs", heading: /dispositifs/i },
  { path: "/accessibilite", heading: /accessibilité/i },
  { path: "/mentions-legales", heading: /mentions légales/i },
  { path: "/donnees-personnelles", heading: /données personnelles/i },
];

for (const { path, heading } of PUBLIC_PAGES) {
  test(`${path} is served, in French, without accessibility violation`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(/\S/);
    await expectNoAxeViolations(page);
  });

  test(`${path}: the skip link is the first stop of the keyboard and moves focus to the main content`, async ({
    page,
  }) => {
    await page.goto(path);
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: /aller au contenu/i });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });
}

test("an unknown address gets a French 404 page without accessibility violation", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/page introuvable/i);
  // The way back is offered, not left to the browser's back button.
  await expect(page.getByRole("main").getByRole("link", { name: /accueil/i })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the legal notice names the publisher, the director of publication and the host, each reachable", async ({
  page,
}) => {
  await page.goto("/mentions-legales");
  for (const section of ["Éditeur", "Directeur de la publication", "Hébergement"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  // The e2e server runs with the defaults: the Region publishes and hosts, with its switchboard.
  await expect(page.getByRole("link", { name: "02 38 70 30 30" }).first()).toHaveAttribute(
    "href",
    "tel:+33238703030",
  );
  await expect(page.getByText("9 rue Saint-Pierre-Lentin", { exact: false }).first()).toBeVisible();
});
