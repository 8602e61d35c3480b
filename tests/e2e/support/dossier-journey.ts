// An applicant's way through a dossier, as a person does it in the browser: start it, fill each step,
// attach the pieces, file it, then find the receipt and the email. Shared by the dossier specs, which run
// each scheme with JavaScript and some of them without.
import { readFile } from "node:fs/promises";

import { expect, type Locator, type Page } from "@playwright/test";

import { isValidSiret } from "../../../app/domain/identifiers";
import { DEMO_ACCOUNTS, type DemoAccount } from "../../../seeds/demo/accounts";
import { SAMPLE_FILES } from "../../support/files";
import { pdfText } from "../../support/pdf-text";
import { signIn } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { pdfFile, type UploadFile } from "./dossier-files";

function demoAccount(key: DemoAccount["key"]): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`Compte de démonstration « ${key} » absent de seeds/demo/accounts.ts`);
  return account;
}

/** Camille Martin, who runs the association « Les Cyclopostiers » and is a member of its SCOP. */
export const APPLICANT = demoAccount("applicant");
/** Léa Dubois, who runs the SCOP; the drafts spec makes her a member of the association too. */
export const COLLEAGUE = demoAccount("applicantCooperative");

export const fullName = (account: DemoAccount) => `${account.firstName} ${account.lastName}`;

/** Something no earlier run of the suite typed: runs share the development mailbox. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A valid SIRET (Luhn) no earlier run declared: a SIRET belongs to one organisation only. */
export function uniqueSiret(): string {
  const body = `7${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
  for (let check = 0; check <= 9; check += 1) {
    if (isValidSiret(`${body}${check}`)) return `${body}${check}`;
  }
  throw new Error("unreachable: one check digit always completes a Luhn number");
}

export async function signInAs(page: Page, account: DemoAccount): Promise<void> {
  await signIn(page, account.email, account.password);
}

/**
 * One person's visit. Axe runs inside the page and needs JavaScript: the runs without it check the same
 * pages' behaviour, the runs with it their accessibility.
 */
export class Journey {
  constructor(
    readonly page: Page,
    readonly javaScript: boolean,
  ) {}

  async checkAccessibility(): Promise<void> {
    if (this.javaScript) await expectNoAxeViolations(this.page);
  }

  /**
   * With JavaScript, waits until React has taken over the page loaded from the server: before, a row is
   * added by posting the step and nothing is saved automatically.
   */
  async waitForHydration(): Promise<void> {
    if (!this.javaScript) return;
    await this.page.waitForFunction(() => {
      const main = document.querySelector("main");
      return main !== null && Object.keys(main).some((key) => key.startsWith("__reactProps$"));
    });
    // Refs (react-hook-form's registration) are attached when React commits, just after.
    await this.page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
    );
  }

  /** A page loaded from the server, ready to be used. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.waitForHydration();
  }

  /** `/dossiers/nouveau?…`: the organisation is chosen, the dossier created; returns its id. */
  async startDossier(organisation: string): Promise<string> {
    const { page } = this;
    await page.getByRole("radio", { name: new RegExp(`^${escapeRegExp(organisation)} \\(`) }).check();
    await this.checkAccessibility();
    // « Créer un autre dossier » when the organisation already has a draft for the scheme.
    await page.getByRole("button", { name: /^Créer (le|un autre) dossier$/ }).click();
    await expect(page).toHaveURL(/\/dossiers\/[^/]+\/etapes\//);
    await this.waitForHydration();
    return dossierIdOf(page);
  }

  /** The step's title, then axe on the page as it is shown. */
  async expectStep(title: string): Promise<void> {
    await expect(this.page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
    await this.checkAccessibility();
  }

  /** « Enregistrer et continuer » (or its last-step wording), then the next page. */
  async saveAndContinue(): Promise<void> {
    const { page } = this;
    const before = page.url();
    await page
      .getByRole("button", { name: /^Enregistrer et (continuer|passer aux pièces justificatives)$/ })
      .click();
    await expect(page).not.toHaveURL(before);
  }

  /** Adds a row of a repeated group (in the page with JavaScript, by a post without) and returns it. */
  async addRow(addLabel: string, rowName: string): Promise<Locator> {
    const add = this.page.getByRole("button", { name: addLabel, exact: true });
    await expect(add).toHaveAttribute("type", this.javaScript ? "button" : "submit");
    await add.click();
    const row = this.page.getByRole("group", { name: rowName, exact: true });
    await expect(row).toBeVisible();
    return row;
  }

  row(rowName: string): Locator {
    return this.page.getByRole("group", { name: rowName, exact: true });
  }

  /**
   * A badly typed amount is explained next to its field, in French, and what was typed stays; then the
   * person corrects it. `field` is the amount's input.
   */
  async mistypeAmountThenFix(field: Locator, wrong: string, right: string): Promise<void> {
    const { page } = this;
    const message = "Saisissez un montant en euros, par exemple 12 345,50.";
    const id = await field.getAttribute("id");
    const error = page.locator(`[id="${id}-erreur"]`);
    await field.fill(wrong);
    await field.press("Tab");
    // With JavaScript the field is checked as soon as it is left, with the server's own rules.
    if (this.javaScript) await expect(error).toHaveText(`Erreur : ${message}`);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue(wrong);
    await expect(field).toHaveAttribute("aria-describedby", new RegExp(`${id}-erreur`));
    await expect(error).toHaveText(`Erreur : ${message}`);
    // The summary at the top of the form links to the field.
    const summary = page.getByRole("alert").filter({ hasText: /erreur/ });
    await expect(summary.getByRole("link", { name: new RegExp(escapeRegExp(message)) })).toHaveAttribute(
      "href",
      `#${id}`,
    );
    await this.checkAccessibility();
    await field.fill(right);
  }

  /**
   * The budget step, line after line, amounts typed the French way (« 45 000,50 »); with JavaScript the
   * totals follow the typing and say the plan is balanced.
   */
  async fillBudget(expenses: BudgetLine[], resources: BudgetLine[]): Promise<void> {
    const sides = [
      {
        lines: expenses,
        row: "Dépense",
        add: "Ajouter une dépense",
        category: "Catégorie",
        label: "Nature de la dépense",
      },
      {
        lines: resources,
        row: "Ressource",
        add: "Ajouter une ressource",
        category: "Origine",
        label: "Financeur et précision",
      },
    ];
    for (const side of sides) {
      for (const [index, line] of side.lines.entries()) {
        const name = `${side.row} ${index + 1}`;
        const row = index === 0 ? this.row(name) : await this.addRow(side.add, name);
        await row.getByLabel(side.category).selectOption({ label: line.category });
        await row.getByLabel(side.label).fill(line.label);
        await row.getByLabel("Montant").fill(line.amount);
      }
    }
    if (this.javaScript) {
      await expect(this.page.getByText("Le plan de financement est équilibré.")).toBeVisible();
    }
  }

  /** One block of the pieces page, by the piece's label. */
  piece(label: string): Locator {
    return this.page.getByRole("region", { name: label, exact: true });
  }

  /** Attaches a file to a piece: sent at once with JavaScript, with « Envoyer » without. */
  async attach(label: string, file: UploadFile): Promise<void> {
    const block = this.piece(label);
    await block.getByLabel(/^Ajouter le fichier/).setInputFiles(file);
    if (!this.javaScript) {
      await block.getByRole("button", { name: "Envoyer", exact: true }).click();
      await expect(
        this.page.getByRole("status").filter({ hasText: "La pièce a été ajoutée." }),
      ).toBeVisible();
    }
    await expect(block.getByText("Fournie", { exact: true })).toBeVisible();
    await expect(block.getByRole("link", { name: file.name, exact: true })).toBeVisible();
  }

  /** A Windows program renamed « .pdf » is refused by its content, with a French message; nothing is kept. */
  async attachRenamedExecutable(label: string): Promise<void> {
    const block = this.piece(label);
    await block.getByLabel(/^Ajouter le fichier/).setInputFiles({
      name: "statuts.pdf",
      mimeType: "application/pdf",
      buffer: SAMPLE_FILES.exe,
    });
    if (!this.javaScript) await block.getByRole("button", { name: "Envoyer", exact: true }).click();
    await expect(block.getByRole("alert")).toContainText("Ce type de fichier n’est pas accepté.");
    await expect(block.getByText("À fournir (obligatoire)", { exact: true })).toBeVisible();
    await expect(block.getByRole("link", { name: "statuts.pdf" })).toHaveCount(0);
    await this.checkAccessibility();
  }

  /** Every required piece of the page, each with its own small PDF. */
  async attachEveryRequiredPiece(): Promise<void> {
    const { page } = this;
    await expect(page.getByRole("heading", { level: 2, name: "Pièces justificatives" })).toBeVisible();
    const required = page
      .locator("section.attachment")
      .filter({ has: page.getByText("À fournir (obligatoire)", { exact: true }) });
    const labels = await required.getByRole("heading", { level: 3 }).allTextContents();
    expect(labels.length, "pièces obligatoires à joindre").toBeGreaterThan(0);
    for (const [index, label] of labels.entries()) {
      await this.attach(label, await pdfFile(`piece-${index + 1}.pdf`, label));
    }
    await expect(page.getByText("À fournir (obligatoire)", { exact: true })).toHaveCount(0);
    await this.checkAccessibility();
  }

  /**
   * The filing page says the dossier is complete and eligible; the declaration is ticked and the dossier
   * filed. Returns the number shown on the dossier's page.
   */
  async file(): Promise<string> {
    const { page } = this;
    await page.getByRole("link", { name: "Continuer vers la vérification et le dépôt" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Vérification et dépôt" })).toBeVisible();
    await expect(page.getByText("Le dossier est complet.", { exact: true })).toBeVisible();
    await expect(
      page.getByText("D’après vos réponses, le projet remplit les conditions du dispositif."),
    ).toBeVisible();
    await expect(page.getByText(/: (Non rempli|À préciser)\.$/)).toHaveCount(0);
    await this.checkAccessibility();

    await page.getByRole("checkbox", { name: /sur l’honneur/ }).check();
    await page.getByRole("button", { name: "Déposer le dossier", exact: true }).click();
    await expect(page).toHaveURL(/\/dossiers\/[^/?]+\?message=depose$/);
    await expect(page.getByRole("status").filter({ hasText: "Votre dossier est déposé." })).toBeVisible();
    await expect(page.locator(".dossier__meta")).toContainText("Déposé");
    const number = (await page.getByText(/^N° /).first().textContent())!.replace(/^N° /, "").trim();
    expect(number).toMatch(/^[A-Z]+-\d{4}-\d{5}$/);
    await this.checkAccessibility();
    return number;
  }

  /** Downloads the filing receipt from the dossier's page and returns its text. */
  async receiptText(): Promise<string> {
    const { page } = this;
    const link = page.getByRole("link", { name: /^Récépissé de dépôt/ });
    await expect(link).toHaveAttribute("href", /\/documents\/recepisse$/);
    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Récépissé [A-Z]+-\d{4}-\d{5}\.pdf$/);
    return pdfText(await readFile((await download.path())!));
  }

  /** The complete dossier, printed now, is a PDF of the same dossier. */
  async completeDossierText(): Promise<string> {
    const href = await this.page.getByRole("link", { name: /^Dossier complet/ }).getAttribute("href");
    const response = await this.page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    return pdfText(await response.body());
  }

  /**
   * The filing email in the development mailbox: its subject carries the number, the receipt is attached,
   * and its link leads to this dossier (numbers restart with each fresh database; the mailbox does not).
   */
  async expectFilingEmail(number: string, dossierId: string, to: string = APPLICANT.email): Promise<void> {
    const { page } = this;
    const subject = `Votre dossier ${number} a bien été déposé`;
    await expect(async () => {
      await page.goto("/dev/mails");
      const link = page
        .getByRole("row")
        .filter({ hasText: to })
        .getByRole("link", { name: subject, exact: true })
        .first();
      await expect(link).toBeVisible({ timeout: 1_000 });
      await link.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
      await expect(page.getByRole("link", { name: new RegExp(`/dossiers/${dossierId}$`) })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("listitem").filter({ hasText: `Récépissé ${number}.pdf` })).toContainText(
      "application/pdf",
    );
    await this.checkAccessibility();
  }
}

export interface BudgetLine {
  /** The category (expenses) or origin (resources), as the list shows it. */
  category: string;
  label: string;
  /** As typed. */
  amount: string;
}

export function dossierIdOf(page: Page): string {
  const match = /\/dossiers\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Pas de dossier dans l’adresse ${page.url()}`);
  return match[1]!;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
