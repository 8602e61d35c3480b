import { expect, test } from "@playwright/test";

import { DEMO_ACCOUNTS } from "./support/accounts";
import { signIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

// Each role's home, and the navigation entry that leads there.
const ROLE_HOMES = {
  APPLICANT: { path: "/espace", nav: "Mon espace" },
  INSTRUCTOR: { path: "/instruction", nav: "Instruction" },
  FUNDER: { path: "/financeurs", nav: "Espace financeurs" },
  ADMIN: { path: "/admin", nav: "Administration" },
} as const;

type Role = keyof typeof ROLE_HOMES;

/**
 * Homes a role reaches besides its own: admins supervise instruction (they alone reopen a dossier), and Region
 * staff take part in the funders' community.
 */
const ALSO_ALLOWED: Partial<Record<Role, Role[]>> = {
  INSTRUCTOR: ["FUNDER"],
  ADMIN: ["INSTRUCTOR", "FUNDER"],
};

for (const account of DEMO_ACCOUNTS) {
  const home = ROLE_HOMES[account.role as Role];
  const also = ALSO_ALLOWED[account.role as Role] ?? [];
  const others = (Object.keys(ROLE_HOMES) as Role[]).filter(
    (role) => role !== account.role && !also.includes(role),
  );

  test(`${account.email} signs in, finds « ${home.nav} » and nothing of the other roles`, async ({
    page,
  }) => {
    await signIn(page, account.email, account.password);
    await expectNoAxeViolations(page);

    const navigation = page.getByRole("navigation", { name: /principal/i });
    await navigation.getByRole("link", { name: home.nav, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    for (const role of others) {
      await expect(navigation.getByRole("link", { name: ROLE_HOMES[role].nav, exact: true })).toHaveCount(0);
      const response = await page.goto(ROLE_HOMES[role].path);
      expect(response?.status(), `${account.role} sur ${ROLE_HOMES[role].path}`).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/accès (refusé|interdit)/i);
      await expectNoAxeViolations(page);
    }
    for (const role of also) {
      await navigation.getByRole("link", { name: ROLE_HOMES[role].nav, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${ROLE_HOMES[role].path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
  });
}

test("a visitor who is not signed in is sent to the sign-in page from a role's home", async ({ page }) => {
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/connexion|se connecter/i);
});

test("a wrong password is refused with a French message and the visitor stays signed out", async ({
  page,
}) => {
  const applicant = DEMO_ACCOUNTS.find((account) => account.role === "APPLICANT")!;
  await page.goto("/connexion");
  await page.getByLabel(/adresse (électronique|e-mail|courriel)/i).fill(applicant.email);
  await page.getByLabel(/^mot de passe/i).fill(`${applicant.password}-faux`);
  await page.getByRole("button", { name: /se connecter/i }).click();

  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByText(/(adresse|identifiants?).*(mot de passe)?.*incorrect/i).first()).toBeVisible();
  await expect(page.getByLabel(/adresse (électronique|e-mail|courriel)/i)).toHaveValue(applicant.email);
  await expectNoAxeViolations(page);

  const response = await page.goto("/espace");
  expect(response?.url()).toMatch(/\/connexion/);
});
