// The equity advance after its payment, through the pages as the association and the instructor use them:
// the demo advance of Brenne Patrimoine Vivant (24 000 € paid twelve days before the seed, nine quarterly
// instalments from the twelfth month) is partly repaid, rescheduled after a delayed EU payment (reason and
// the paying agency's letter), then repaid in full; the amendment, the new schedule and the final statement
// are read to the cent and the day. With JavaScript up to the request, without it from the decision on.
// Every page is checked by axe. Only this advance moves: the readers of the demo state after this spec
// (post-grant-views, the funders' and instructors' queues) never read it, and it is never late.
import { readFile } from "node:fs/promises";

import { expect, test, type Browser, type Download, type Page } from "@playwright/test";

import { formatEuros } from "../../app/domain/format";
import { pdfText } from "../support/pdf-text";
import { expectNoAxeViolations } from "./support/axe";
import { pdfFile } from "./support/dossier-files";
import { COLLEAGUE, signInAs } from "./support/dossier-journey";
import { INSTRUCTOR } from "./support/instruction";

// seeds/demo/post-grant-dossiers.ts, ADVANCE_JUST_PAID (titles copied: the spec loads no seed module).
const TITLE = "Préfinancer les chantiers d’insertion du sentier des étangs de la Brenne (LEADER)";

test.describe.configure({ mode: "serial" });

const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");
const euros = (cents: number) => flat(formatEuros(cents));
/** An amount in a page's text, whatever kind of space separates the thousands. */
const inText = (cents: number) => new RegExp(euros(cents).replace(/ /g, "[\\s\\u00a0\\u202f]"));

/** Calendar days as the portal counts them, in Paris, written AAAA-MM-JJ. */
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}
function addMonths(day: string, count: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + count;
  const last = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-${pad(Math.min(date, last))}`;
}
const french = (day: string) => day.split("-").reverse().join("/");
const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const inWords = (day: string) => {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return `${date === 1 ? "1er" : date} ${MONTHS[month - 1]} ${year}`;
};

const today = parisToday();
const paidOn = addDays(today, -12);
// What the association asks: the rest in eight quarterly instalments, from the 15th of the month two years on.
const firstDue = `${addMonths(today, 24).slice(0, 8)}15`;
const newDates = Array.from({ length: 8 }, (_, index) => addMonths(firstDue, 3 * index));
const REASON = "L’autorité de gestion LEADER reporte le versement de la subvention européenne d’un an.";

let dossierId = "";

async function pdfOf(page: Page, link: string): Promise<string> {
  const downloading: Promise<Download> = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  return flat(await pdfText(await readFile((await (await downloading).path())!)));
}

/**
 * axe runs scripts in the page, which a context without JavaScript refuses: the same address is checked in a
 * twin context that has the same session cookies and JavaScript on.
 */
async function expectAxeCleanWithoutScripts(page: Page, browser: Browser): Promise<void> {
  const twin = await browser.newContext({
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
  });
  try {
    const view = await twin.newPage();
    await view.goto(page.url());
    await expectNoAxeViolations(view);
  } finally {
    await twin.close();
  }
}

function summary(page: Page) {
  return page.locator("dl.key-values").first();
}

test("with JavaScript: the association sees what it owes, a partial repayment, then asks for a rescheduling", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const holder = await (await browser.newContext()).newPage();
  const instructor = await (await browser.newContext()).newPage();
  await signInAs(holder, COLLEAGUE);
  await signInAs(instructor, INSTRUCTOR);

  await holder.goto("/espace");
  await holder.getByRole("link", { name: TITLE, exact: true }).first().click();
  await expect(holder.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  dossierId = /\/dossiers\/([^/?#]+)/.exec(new URL(holder.url()).pathname)![1]!;
  await holder
    .getByRole("link", { name: /remboursements de l’avance/i })
    .first()
    .click();
  await expect(holder).toHaveURL(new RegExp(`/dossiers/${dossierId}/remboursements$`));

  // Paid twelve days ago; nine instalments of 2 666,66 € (the cents left over on the last), the first a
  // year after the payment, never after the decision.
  await expect(summary(holder)).toContainText(new RegExp(`${inText(2_400_000).source} le ${french(paidOn)}`));
  await expect(summary(holder)).toContainText(
    new RegExp(`Reste à rembourser\\s*${inText(2_400_000).source}`),
  );
  await expect(summary(holder)).toContainText(
    new RegExp(`Prochaine échéance\\s*${inText(266_666).source} le ${french(addMonths(paidOn, 12))}`),
  );
  const schedule = holder.getByRole("table", { name: "Échéances de remboursement" });
  await expect(schedule.getByRole("row")).toHaveCount(10);
  await expect(schedule.getByRole("row").last()).toContainText(inText(266_672));
  await expectNoAxeViolations(holder);

  // The instructor records 1 000 € received today: allocated to the first instalment.
  await instructor.goto(`/instruction/dossiers/${dossierId}/remboursements`);
  await instructor.getByLabel("Montant reçu (en euros)").fill("1 000,00");
  await instructor.getByLabel("Référence (titre de recette, encaissement)").fill("TR-2026-004512");
  await instructor.getByRole("button", { name: "Enregistrer le remboursement" }).click();
  await expect(instructor.getByRole("status")).toContainText("Le remboursement est enregistré");
  await expect(summary(instructor)).toContainText(new RegExp(`Déjà remboursé\\s*${inText(100_000).source}`));
  await expect(summary(instructor)).toContainText(
    new RegExp(`Reste à rembourser\\s*${inText(2_300_000).source}`),
  );
  await expectNoAxeViolations(instructor);

  // The EU payment is delayed: the association asks for eight quarterly instalments, with the letter.
  await holder.reload();
  await expect(summary(holder)).toContainText(
    new RegExp(`Reste à rembourser\\s*${inText(2_300_000).source}`),
  );
  await holder.getByLabel("Motif du retard").fill(REASON);
  await holder.getByLabel("Date de la première échéance").fill(firstDue);
  await holder.getByLabel("Périodicité").selectOption({ label: "Trimestrielle" });
  await holder.getByLabel("Nombre d’échéances").fill("8");
  await holder
    .getByLabel("Justificatif de l’autorité de paiement européenne")
    .setInputFiles(await pdfFile("report-versement-leader.pdf", "Report du versement LEADER"));
  await holder.getByRole("button", { name: "Envoyer la demande de rééchelonnement" }).click();
  await expect(holder.getByRole("status")).toContainText("Votre demande de rééchelonnement est transmise");
  await expect(holder.getByText("En attente de décision")).toBeVisible();
  await expectNoAxeViolations(holder);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the rescheduling granted by amendment, then the advance repaid in full", async ({ browser }) => {
    test.setTimeout(120_000);
    expect(dossierId, "the first part found the advance").not.toBe("");
    const holder = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const instructor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInAs(holder, COLLEAGUE);
    await signInAs(instructor, INSTRUCTOR);
    const staffPage = `/instruction/dossiers/${dossierId}/remboursements`;

    await instructor.goto(staffPage);
    await expect(
      instructor.getByRole("heading", { name: "Demande de rééchelonnement à décider" }),
    ).toBeVisible();
    await expect(instructor.getByRole("link", { name: "report-versement-leader.pdf" })).toBeVisible();
    await expectAxeCleanWithoutScripts(instructor, browser);
    await instructor
      .getByLabel("Motif (obligatoire pour un refus)")
      .fill("Report attesté par le GAL : accordé dans la limite de 48 mois.");
    await instructor.getByRole("button", { name: "Accorder le rééchelonnement" }).click();
    await expect(instructor.getByRole("status")).toContainText("Le rééchelonnement est accordé");
    await expectAxeCleanWithoutScripts(instructor, browser);

    // The amendment: 23 000 € in eight instalments of 2 875 €, the last within 48 months of the payment.
    const amendment = await pdfOf(instructor, "Dernier avenant de rééchelonnement (PDF)");
    expect(amendment).toContain("Avenant de rééchelonnement n° 1");
    expect(amendment).toContain(REASON);
    expect(amendment).toContain(euros(2_300_000));
    for (const day of newDates) expect(amendment).toContain(`${french(day)} ${euros(287_500)}`);
    // The new schedule, n° 2, from the same figures.
    const newSchedule = await pdfOf(instructor, "Échéancier de remboursement en vigueur (PDF)");
    expect(newSchedule).toContain("Échéancier de remboursement n° 2");
    expect(newSchedule).toContain(`Versée le ${french(paidOn)}`);
    for (const day of newDates) expect(newSchedule).toContain(`${french(day)} ${euros(287_500)}`);
    expect(newSchedule).toContain(`Total ${euros(2_300_000)}`);

    // The association reads the new schedule; then the EU money comes and the rest is repaid at once.
    await holder.goto(`/dossiers/${dossierId}/remboursements`);
    await expect(summary(holder)).toContainText(
      new RegExp(`Prochaine échéance\\s*${inText(287_500).source} le ${french(firstDue)}`),
    );
    await expect(holder.getByRole("heading", { name: "Échéancier en vigueur (n° 2)" })).toBeVisible();
    await expectAxeCleanWithoutScripts(holder, browser);

    await instructor.goto(staffPage);
    await instructor.getByLabel("Montant reçu (en euros)").fill("23 000,00");
    await instructor.getByLabel("Référence (titre de recette, encaissement)").fill("TR-2026-004987");
    await instructor.getByRole("button", { name: "Enregistrer le remboursement" }).click();
    await expect(summary(instructor)).toContainText("Rien : avance intégralement remboursée");

    await holder.goto(`/dossiers/${dossierId}/remboursements`);
    await expect(summary(holder)).toContainText(new RegExp(`Déjà remboursé\\s*${inText(2_400_000).source}`));
    await expect(holder.getByRole("button", { name: /Déclarer le remboursement anticipé/ })).toHaveCount(0);
    await expectAxeCleanWithoutScripts(holder, browser);
    const statement = await pdfOf(holder, "Attestation de remboursement intégral (PDF)");
    expect(statement).toContain("Attestation de remboursement intégral");
    expect(statement).toContain(`Avance versée ${euros(2_400_000)} Versée le ${french(paidOn)}`);
    expect(statement).toContain("a intégralement remboursé l’avance");
    expect(statement).toContain(`${french(today)} TR-2026-004512 ${euros(100_000)}`);
    expect(statement).toContain(`${french(today)} TR-2026-004987 ${euros(2_300_000)}`);
    expect(statement).toContain(`Total ${euros(2_400_000)}`);
    expect(statement).toContain(`reçu le ${inWords(today)}`);
  });
});
