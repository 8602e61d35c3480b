// Making a colleague a member of an organisation the way its owner does: an invitation from the
// organisation's page, accepted from the link of the email.
import { expect, type Page } from "@playwright/test";

import type { DemoAccount } from "../../../seeds/demo/accounts";

/**
 * `owner` (signed in, owner of `organisation`) invites `colleague`, who accepts from her own signed-in
 * page. Nothing happens when she is a member already: the demo data may say so.
 */
export async function ensureMember(
  owner: Page,
  colleaguePage: Page,
  colleague: DemoAccount,
  organisation: string,
): Promise<void> {
  await owner.goto("/espace");
  await owner.getByRole("link", { name: organisation, exact: true }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(organisation);
  const members = owner.getByRole("table", { name: "Membres de l’organisation" });
  await expect(members).toBeVisible();
  if ((await members.getByRole("row").filter({ hasText: colleague.email }).count()) > 0) return;

  await owner.getByLabel("Adresse électronique de la personne à inviter").fill(colleague.email);
  await owner.getByRole("radio", { name: /^Membre/ }).check();
  await owner.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(owner.getByText(colleague.email).first()).toBeVisible();

  // The mailbox outlives the database: older invitations' links lead nowhere, the newest one is hers.
  const subject = `Invitation à rejoindre ${organisation}`;
  await expect(async () => {
    await colleaguePage.goto("/dev/mails");
    const mail = colleaguePage
      .getByRole("row")
      .filter({ hasText: colleague.email })
      .getByRole("link", { name: subject, exact: true })
      .first();
    await expect(mail).toBeVisible({ timeout: 1_000 });
    await mail.click();
    const link = colleaguePage.getByRole("link", { name: /\/invitations\// }).first();
    await colleaguePage.goto((await link.getAttribute("href", { timeout: 1_000 }))!);
    await expect(colleaguePage.getByRole("button", { name: "Accepter l’invitation" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await colleaguePage.getByRole("button", { name: "Accepter l’invitation" }).click();
  await expect(colleaguePage).toHaveURL(/\/organisations\/[^/?]+\?message=invitation-acceptee$/);
}
