// The instruction service's side of a dossier, as the e2e tests drive it: the demo instructor, the
// dossiers the instruction specs take (no other spec uses them), downloads checked as PDF or CSV, and the
// development mailbox read for the emails a dossier's applicant receives.
import { expect, type APIResponse, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, type DemoAccount } from "../../../seeds/demo/accounts";
import { escapeRegExp } from "./dossier-journey";

function demoAccount(key: DemoAccount["key"]): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`Compte de démonstration « ${key} » absent de seeds/demo/accounts.ts`);
  return account;
}

/** Julien Bernard, instructor of every scheme and territory. */
export const INSTRUCTOR = demoAccount("instructor");

/**
 * Seeded dossiers, FILED and waiting for instruction, that no other spec touches (dossier-page.spec.ts
 * takes the Cyclopostiers' CAP ASSO dossier). Their applicant is Léa Dubois (porteuse@).
 */
export const JOURNEY_DOSSIER = {
  title: "Garage solidaire et location de véhicules pour l’accès à l’emploi",
};
export const NO_SCRIPT_DOSSIER = {
  title: "Reprise des Menuiseries du Vendômois en SCOP par quatorze salariés",
};
/** Two dossiers already in instruction, entrusted in bulk by the third test. */
export const BULK_DOSSIERS = [
  "Tiers-lieu nourricier et épicerie solidaire dans l’ancienne halle de Valençay",
  "Centrales solaires citoyennes sur les toits des écoles de Bourges Plus",
];

/** The queue's row of a dossier, by its project's title. */
export function queueRow(page: Page, title: string) {
  return page.getByRole("table").getByRole("row").filter({ hasText: title });
}

/** The dossier's instruction page reached from the queue, filtered to the status given. */
export async function openFromQueue(page: Page, title: string, status?: string): Promise<string> {
  await page.goto("/instruction");
  if (status) {
    await page
      .getByRole("form", { name: "Filtrer les dossiers" })
      .getByLabel(status, { exact: true })
      .check();
    await page.getByRole("button", { name: "Filtrer", exact: true }).click();
    await expect(page).toHaveURL(/statut=/);
  }
  const row = queueRow(page, title);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/instruction\/dossiers\/[^/?#]+/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  return instructionIdOf(page);
}

export function instructionIdOf(page: Page): string {
  const match = /\/instruction\/dossiers\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Pas de dossier dans l’adresse ${page.url()}`);
  return match[1]!;
}

/** The dossier's number as its instruction page's heading shows it (« NUMÉRO — titre »). */
export async function numberOnInstructionPage(page: Page): Promise<string> {
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const number = heading.split(" — ")[0]!.trim();
  expect(number).toMatch(/^[A-Z]+-\d{4}-\d{5}$/);
  return number;
}

/** The status shown in the instruction page's header. */
export function instructionStatus(page: Page) {
  return page.locator(".dossier__meta");
}

/** Fetches a link's target with the page's cookies; checks it is a PDF. */
export async function expectPdfLink(page: Page, name: string | RegExp): Promise<APIResponse> {
  const link = page.getByRole("link", { name }).first();
  const href = await link.getAttribute("href");
  expect(href, `lien « ${String(name)} »`).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  return response;
}

/**
 * Opens the newest email to `to` with `subject` in the development mailbox (it outlives the database: the
 * subject carries the dossier's number, and the newest is listed first).
 */
export async function openMail(page: Page, to: string, subject: string): Promise<void> {
  await expect(async () => {
    await page.goto("/dev/mails");
    const link = page
      .getByRole("row")
      .filter({ hasText: to })
      .getByRole("link", { name: subject, exact: true })
      .first();
    await expect(link).toBeVisible({ timeout: 1_000 });
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

export function textPattern(text: string): RegExp {
  return new RegExp(escapeRegExp(text));
}
