// The instructor's journey through a dossier (issue #5): from the queue to instruction, a correction
// answered by the applicant, the proposal with its report, the Commission permanente's agenda and
// decisions, and the applicant's decision letter and agreement; each page axe-clean. Then the same forms
// without JavaScript (errors kept next to the fields, a stale page refused), and the queue's bulk
// assignment and CSV export.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";
import { COLLEAGUE, fullName, Journey, signInAs, uniqueSuffix } from "./support/dossier-journey";
import {
  BULK_DOSSIERS,
  expectPdfLink,
  INSTRUCTOR,
  instructionStatus,
  JOURNEY_DOSSIER,
  NO_SCRIPT_DOSSIER,
  numberOnInstructionPage,
  openFromQueue,
  openMail,
  queueRow,
} from "./support/instruction";

const SUMMARY_LABEL = "Présentez l’initiative en quelques lignes";
const OLD_SUMMARY =
  "Un garage solidaire et une flotte de voitures et de scooters loués à petit prix aux personnes qui reprennent un emploi ou une formation sans moyen de transport.";

/** `2026-12-07`: the Paris calendar day `days` days from now, as a date field takes it. */
function parisDayIn(days: number): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The correction form, the opinion form… by their headings. */
function actionForm(page: Page, title: string) {
  return page.getByRole("form", { name: title });
}

test.describe("the instructor's journey, with JavaScript", () => {
  test("filed, corrected, proposed, decided by the Commission permanente, notified", async ({ browser }) => {
    test.setTimeout(240_000);
    const instructorContext = await browser.newContext();
    const applicantContext = await browser.newContext();
    const staff = await instructorContext.newPage();
    const applicant = await applicantContext.newPage();
    const staffJourney = new Journey(staff, true);
    const applicantJourney = new Journey(applicant, true);
    const suffix = uniqueSuffix();

    // 1. The queue, filtered to the filed dossiers by its form; the dossier; instruction; a correction.
    await signInAs(staff, INSTRUCTOR);
    await staff
      .getByRole("navigation", { name: /principal/i })
      .getByRole("link", { name: "Instruction" })
      .click();
    await expect(staff.getByRole("heading", { level: 1, name: "File des dossiers" })).toBeVisible();
    await staffJourney.waitForHydration();
    await expectNoAxeViolations(staff);
    const dossierId = await openFromQueue(staff, JOURNEY_DOSSIER.title, "Déposé");
    // The filter is really applied: only filed dossiers were listed.
    await staff.goBack();
    await expect(staff.getByRole("table").getByRole("row").filter({ hasText: "En instruction" })).toHaveCount(
      0,
    );
    await expectNoAxeViolations(staff);
    await queueRow(staff, JOURNEY_DOSSIER.title).getByRole("link").first().click();
    await expect(staff).toHaveURL(new RegExp(`/instruction/dossiers/${dossierId}`));
    await expect(staff.getByRole("heading", { level: 1 })).toContainText(JOURNEY_DOSSIER.title);
    await staffJourney.waitForHydration();
    const number = await numberOnInstructionPage(staff);
    await expect(instructionStatus(staff)).toContainText("Déposé");
    await expectNoAxeViolations(staff);

    await staff.getByRole("button", { name: "Commencer l’instruction" }).click();
    await expect(staff.getByRole("status")).toContainText("L’instruction a commencé");
    await expect(instructionStatus(staff)).toContainText("En instruction");
    await expectNoAxeViolations(staff);

    const reason = `La présentation de l’initiative ne dit pas combien de personnes le garage accueillera (${suffix}).`;
    const correction = actionForm(staff, "Demander une correction");
    await correction.getByRole("checkbox", { name: SUMMARY_LABEL }).check();
    await correction.getByLabel("Motif de la demande").fill(reason);
    await expect(correction.getByLabel("Date limite de réponse")).not.toHaveValue("");
    await correction.getByRole("button", { name: "Envoyer la demande de correction" }).click();
    await expect(staff.getByRole("status")).toContainText("La demande de correction a été envoyée");
    await expect(instructionStatus(staff)).toContainText("Correction demandée");
    await expectNoAxeViolations(staff);

    // 2. The applicant reads the request, changes the answer named and files again; the email came.
    await signInAs(applicant, COLLEAGUE);
    await applicantJourney.open(`/dossiers/${dossierId}`);
    const next = applicant.locator(".next-action");
    await expect(next).toContainText(reason);
    await expect(next.getByRole("listitem").filter({ hasText: SUMMARY_LABEL })).toBeVisible();
    await expectNoAxeViolations(applicant);
    await next.getByRole("link", { name: "Corriger le dossier" }).click();
    await applicantJourney.waitForHydration();
    const newSummary = `${OLD_SUMMARY} Il accueillera 150 personnes par an (${suffix}).`;
    await applicant.getByLabel(SUMMARY_LABEL).fill(newSummary);
    await applicant.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(applicant.getByLabel(SUMMARY_LABEL)).toHaveValue(newSummary);
    await expectNoAxeViolations(applicant);
    await applicantJourney.open(`/dossiers/${dossierId}/depot`);
    await expect(
      applicant.getByRole("heading", { level: 2, name: "Renvoyer le dossier corrigé" }),
    ).toBeVisible();
    await expectNoAxeViolations(applicant);
    await applicant.getByRole("checkbox", { name: /sur l’honneur/ }).check();
    await applicant.getByRole("button", { name: "Renvoyer le dossier corrigé" }).click();
    await expect(applicant).toHaveURL(new RegExp(`/dossiers/${dossierId}(\\?|$)`));
    await expect(applicant.locator(".dossier__meta")).toContainText("En instruction");

    await openMail(applicant, COLLEAGUE.email, `Dossier ${number} : des corrections sont demandées`);
    await expect(applicant.locator("main")).toContainText(reason);

    // 3. Back in instruction: what changed, a completeness item, a private note, the proposal.
    await staff.reload();
    await staffJourney.waitForHydration();
    await expect(instructionStatus(staff)).toContainText("En instruction");
    const changes = staff.getByRole("table", { name: "Ce qui a changé" });
    const changed = changes.getByRole("row").filter({ hasText: SUMMARY_LABEL });
    await expect(changed).toContainText(OLD_SUMMARY);
    await expect(changed).toContainText(newSummary);
    await expectNoAxeViolations(staff);

    const completeness = staff.getByRole("region", { name: "Complétude du dossier" });
    const firstItem = completeness.getByRole("listitem").first();
    await firstItem.getByRole("button", { name: /^Cocher/ }).click();
    await expect(firstItem).toContainText(`vérifié par ${fullName(INSTRUCTOR)}`);
    await expect(firstItem.getByRole("button", { name: /^Décocher/ })).toBeVisible();

    const note = `À vérifier avec le GAL : le cofinancement LEADER est-il voté ? (${suffix})`;
    await staff.getByLabel("Nouvelle note interne").fill(note);
    await staff.getByRole("button", { name: "Ajouter la note" }).click();
    await expect(staff.getByRole("status")).toContainText("Votre note interne est enregistrée.");
    // The page opens on the notice, not on a section far below it; a link leads down to the notes.
    const notice = staff.locator("#confirmation");
    await expect(notice).toBeFocused();
    await expect(notice).toBeInViewport();
    await notice.getByRole("link", { name: "Voir les notes internes" }).click();
    await expect(staff.getByRole("region", { name: /^Notes internes/ })).toContainText(note);
    await expectNoAxeViolations(staff);

    const opinion = actionForm(staff, "Proposer à la Commission permanente");
    await opinion.getByRole("radio", { name: "Favorable", exact: true }).check();
    await opinion
      .getByLabel("Motivation")
      .fill(
        "Service de mobilité attendu par France Travail et les employeurs du Pays, cofinancé par LEADER.",
      );
    await opinion.getByLabel(/^Montant proposé/).fill("30 000");
    await opinion.getByRole("button", { name: "Enregistrer l’avis et proposer" }).click();
    await expect(staff.getByRole("status")).toContainText(
      "le dossier est proposé à la Commission permanente",
    );
    await expect(instructionStatus(staff)).toContainText("Proposé");
    await expectPdfLink(staff, /^Rapport d’instruction/);
    await expectNoAxeViolations(staff);

    // 4. The Commission permanente: the planned session, the dossier on its agenda, the decisions.
    await staff
      .getByRole("navigation", { name: "Instruction", exact: true })
      .getByRole("link", { name: "Commission permanente" })
      .click();
    await expect(staff.getByRole("heading", { level: 1, name: "Commission permanente" })).toBeVisible();
    await expectNoAxeViolations(staff);
    // A session still to come takes its agenda but not its decisions; today's session records them.
    const planSession = async (day: string, title: string) => {
      const form = staff.getByRole("form", { name: "Prévoir une séance" });
      await form.getByLabel("Date de la séance").fill(day);
      await form.getByLabel("Titre").fill(title);
      await form.getByRole("button", { name: "Créer la séance" }).click();
      await expect(staff.getByRole("heading", { level: 1, name: title })).toBeVisible();
    };
    await planSession(parisDayIn(30), `Séance à venir ${suffix}`);
    await expect(
      staff.getByText(/ne s’est pas encore réunie : ses décisions pourront être enregistrées/),
    ).toBeVisible();
    await expect(staff.getByRole("button", { name: "Enregistrer les décisions de la séance" })).toHaveCount(
      0,
    );
    await staff.getByRole("link", { name: "Commission permanente", exact: true }).first().click();
    const sessionTitle = `Séance du jour ${suffix}`;
    await planSession(parisDayIn(0), sessionTitle);
    await staffJourney.waitForHydration();
    await expectNoAxeViolations(staff);

    await staff.getByRole("checkbox", { name: `Inscrire le dossier ${number}` }).check();
    await staff.getByRole("button", { name: "Inscrire les dossiers cochés à l’ordre du jour" }).click();
    await expect(
      staff.getByRole("status").filter({ hasText: "Le dossier est inscrit à l’ordre du jour." }),
    ).toBeVisible();
    const agenda = staff.getByRole("table", { name: `Ordre du jour : ${sessionTitle}` });
    await expect(agenda.getByRole("row").filter({ hasText: number })).toContainText("30 000,00");
    await expectPdfLink(staff, "Télécharger l’ordre du jour (PDF)");
    await expectNoAxeViolations(staff);

    // Every dossier of the session gets its decision: ours granted its proposed amount, the others too
    // (a favourable opinion) or refused with a motivation.
    const decisions = staff.locator("fieldset.commission-decision");
    const count = await decisions.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let index = 0; index < count; index += 1) {
      const fieldset = decisions.nth(index);
      const legend = (await fieldset.locator("legend").first().textContent()) ?? "";
      if (legend.startsWith(number)) {
        await fieldset.getByRole("radio", { name: "Accordé" }).check();
        await expect(fieldset.getByLabel("Montant voté, en euros")).toHaveValue(/^30\s?000(,00)?$/);
      } else if (await fieldset.getByRole("radio", { name: "Accordé" }).isChecked()) {
        continue;
      } else {
        await fieldset.getByRole("radio", { name: "Refusé" }).check();
        await fieldset.getByLabel("Motivation").fill("Le projet ne répond pas aux priorités de la Région.");
      }
    }
    await staff.getByRole("button", { name: "Enregistrer les décisions de la séance" }).click();
    await expect(
      staff.getByRole("status").filter({ hasText: "Les décisions de la séance sont enregistrées" }),
    ).toBeVisible();
    await expect(staff.locator(".commission-session__meta")).toContainText("décisions enregistrées");
    await expect(agenda.getByRole("row").filter({ hasText: number })).toContainText("30 000,00");
    await expectNoAxeViolations(staff);

    await staff.goto(`/instruction/dossiers/${dossierId}`);
    await expect(instructionStatus(staff)).toContainText("Accordé");
    await expectNoAxeViolations(staff);
    // The staff timeline names who did each step.
    const staffTimeline = staff.getByRole("region", { name: "Historique du dossier" });
    for (const [step, who] of [
      ["Dossier déposé", COLLEAGUE],
      ["Instruction commencée", INSTRUCTOR],
      ["Correction demandée", INSTRUCTOR],
      ["Dossier corrigé renvoyé au service instructeur", COLLEAGUE],
      ["Proposition transmise à la Commission permanente", INSTRUCTOR],
      ["Aide accordée", INSTRUCTOR],
    ] as const) {
      await expect(
        staffTimeline
          .getByRole("listitem")
          .filter({ hasText: step })
          .filter({ hasText: fullName(who) }),
        `« ${step} » par ${fullName(who)}`,
      ).not.toHaveCount(0);
    }

    // 5. The applicant: granted, the letter and the agreement, the email with them, the timeline.
    await applicantJourney.open(`/dossiers/${dossierId}`);
    await expect(applicant.locator(".dossier__meta")).toContainText("Accordé");
    await expectPdfLink(applicant, "Lettre de décision (PDF)");
    await expectPdfLink(applicant, "Convention (PDF)");
    const timeline = applicant.getByRole("region", { name: "Historique du dossier" });
    for (const step of [
      "Dossier déposé",
      "Instruction commencée",
      "Correction demandée",
      "Dossier corrigé renvoyé au service instructeur",
      "Proposition transmise à la Commission permanente",
      "Aide accordée",
    ]) {
      await expect(timeline.getByRole("listitem").filter({ hasText: step }).first()).toBeVisible();
    }
    await expect(timeline).not.toContainText(fullName(INSTRUCTOR));
    await expectNoAxeViolations(applicant);

    await openMail(applicant, COLLEAGUE.email, `Dossier ${number} : aide accordée`);
    await expect(applicant.getByRole("listitem").filter({ hasText: /^Décision .*\.pdf/ })).toContainText(
      "application/pdf",
    );
    await expect(applicant.getByRole("listitem").filter({ hasText: /^Convention .*\.pdf/ })).toContainText(
      "application/pdf",
    );

    await instructorContext.close();
    await applicantContext.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a correction refused then sent, and a stale page refused with a conflict", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, INSTRUCTOR);
    const dossierId = await openFromQueue(page, NO_SCRIPT_DOSSIER.title, "Déposé");
    // The same dossier in a second page, left as it is while the first one acts.
    const stale = await context.newPage();
    await stale.goto(`/instruction/dossiers/${dossierId}`);
    await expect(stale.getByRole("button", { name: "Commencer l’instruction" })).toBeVisible();

    await page.getByRole("button", { name: "Commencer l’instruction" }).click();
    await expect(instructionStatus(page)).toContainText("En instruction");

    // Nothing ticked, no reason: French errors beside the fields, a summary, the date kept.
    const correction = actionForm(page, "Demander une correction");
    const replyBy = await correction.getByLabel("Date limite de réponse").inputValue();
    await correction.getByRole("button", { name: "Envoyer la demande de correction" }).click();
    const form = actionForm(page, "Demander une correction");
    const summary = form.getByRole("alert").filter({ hasText: /erreur/ });
    await expect(summary).toBeVisible();
    await expect(
      summary.getByRole("link", { name: /Cochez au moins un champ ou une pièce à corriger/ }),
    ).toHaveAttribute("href", "#fields");
    await expect(
      summary.getByRole("link", { name: /Expliquez au porteur de projet ce qu’il doit corriger/ }),
    ).toBeVisible();
    await expect(page.locator("#fields-error")).toHaveText(
      /Cochez au moins un champ ou une pièce à corriger\./,
    );
    const reasonField = form.getByLabel("Motif de la demande");
    await expect(reasonField).toHaveAttribute("aria-invalid", "true");
    const reasonId = await reasonField.getAttribute("id");
    await expect(reasonField).toHaveAttribute("aria-describedby", new RegExp(`${reasonId}-error`));
    await expect(page.locator(`[id="${reasonId}-error"]`)).toHaveText(
      /Expliquez au porteur de projet ce qu’il doit corriger\./,
    );
    await expect(form.getByLabel("Date limite de réponse")).toHaveValue(replyBy);
    await expect(instructionStatus(page)).toContainText("En instruction");

    // A reason but still nothing ticked: the reason typed stays, the other error stays beside its group.
    const reason = "Merci de préciser le nombre de salariés qui entrent au capital.";
    await form.getByLabel("Motif de la demande").fill(reason);
    await form.getByRole("button", { name: "Envoyer la demande de correction" }).click();
    await expect(form.getByLabel("Motif de la demande")).toHaveValue(reason);
    await expect(form.getByLabel("Motif de la demande")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#fields-error")).toHaveText(
      /Cochez au moins un champ ou une pièce à corriger\./,
    );

    // Then correctly.
    await actionForm(page, "Demander une correction").getByRole("checkbox").first().check();
    await actionForm(page, "Demander une correction")
      .getByRole("button", { name: "Envoyer la demande de correction" })
      .click();
    await expect(page.getByRole("status")).toContainText("La demande de correction a été envoyée");
    await expect(instructionStatus(page)).toContainText("Correction demandée");

    // The stale page still offers to start the instruction: refused, said, nothing changed.
    await stale.getByRole("button", { name: "Commencer l’instruction" }).click();
    const conflict = stale.getByRole("alert").filter({ hasText: "Votre action n’a pas été enregistrée" });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(
      `Ce dossier a été modifié depuis l’ouverture de la page (dernière action : correction demandée par ${fullName(INSTRUCTOR)}`,
    );
    await page.reload();
    await expect(instructionStatus(page)).toContainText("Correction demandée");
    const history = page.getByRole("region", { name: "Historique du dossier" });
    await expect(history.getByRole("listitem").filter({ hasText: "Instruction commencée" })).toHaveCount(1);
  });
});

test("the queue entrusts two dossiers at once and exports its filter as CSV", async ({ page }) => {
  await signInAs(page, INSTRUCTOR);
  await page.goto("/instruction");
  for (const title of BULK_DOSSIERS) {
    await queueRow(page, title).getByRole("checkbox").check();
  }
  await page.getByLabel("Confier à").selectOption({ label: "Personne (retirer l’instructeur·rice)" });
  await page.getByRole("button", { name: "Confier les dossiers sélectionnés" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 dossiers" })).toHaveText(
    "2 dossiers n’ont plus d’instructeur·rice attitré·e.",
  );
  for (const title of BULK_DOSSIERS) {
    await expect(queueRow(page, title)).toContainText("Non attribué");
  }
  await expectNoAxeViolations(page);

  // Entrusted to oneself: the demo stays as seeded.
  for (const title of BULK_DOSSIERS) {
    await queueRow(page, title).getByRole("checkbox").check();
  }
  await page.getByLabel("Confier à").selectOption({ label: fullName(INSTRUCTOR) });
  await page.getByRole("button", { name: "Confier les dossiers sélectionnés" }).click();
  await expect(page.getByRole("status").filter({ hasText: "confiés" })).toHaveText(
    `2 dossiers confiés à ${fullName(INSTRUCTOR)}.`,
  );

  const href = await page
    .getByRole("link", { name: "Exporter en CSV (filtre en cours)" })
    .getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  const body = await response.body();
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(body.subarray(3).toString("utf8")).toMatch(/^Numéro;/);
  expect(body.toString("utf8")).toContain(BULK_DOSSIERS[0]);
});
