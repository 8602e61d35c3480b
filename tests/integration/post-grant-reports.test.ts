// The financial report after the grant, through the real services: every status × move × role of the
// report machine (a refusal changes nothing), an A VOS ID dossier whose expenses actually paid are lower
// ending with the right retained amount and a recovery to the cent, the reminders sent once each, and the
// settlement refused while something is open, then allowed.
import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatEuros } from "~/domain/format";
import { checkReportMove, REPORT_MOVES } from "~/domain/post-grant/report-workflow";
import {
  actualField,
  ELIGIBLE_EXPENSES_FIELD,
  readReport,
  type RawReport,
  type ReportContext,
} from "~/domain/post-grant/report";
import type { Prisma } from "~/generated/prisma/client";
import {
  DossierStatus,
  PaymentKind,
  PaymentStatus,
  RecoveryStatus,
  ReportStatus,
  UserRole,
} from "~/generated/prisma/enums";
import { createPostGrantPlan } from "~/services/post-grant/plan.server";
import { issueRecovery, recoverySummary, settleRecovery } from "~/services/post-grant/recoveries.server";
import { addParisDays, paris, parisDay } from "~/domain/paris-time";
import { sendReportReminders } from "~/services/post-grant/report-reminders.server";
import { reportContextOf, reportTerms } from "~/services/post-grant/report-context.server";
import { approveReport, askReportCorrection } from "~/services/post-grant/report-decisions.server";
import { saveReportDraft, submitReport } from "~/services/post-grant/report-submission.server";
import { settleDossier } from "~/services/post-grant/settlement.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { APP_URL, createWorld, DAY, type World } from "../support/instruction-world";
import { bindAppDatabase } from "../support/fuzz";
import { pdfText } from "../support/pdf-text";
import { cookieOf, get, outcome, post } from "../support/routes";
import { grantDossiers, type GrantedDossier } from "../support/post-grant-world";

const ACCEPTED_ON = new Date("2026-01-15T10:00:00Z");

describe.each(databaseKinds())("financial reports, recoveries and settlement on %s", (kind) => {
  let world: World;
  let capAsso: GrantedDossier;
  let aVosId: GrantedDossier;
  let byForms: GrantedDossier;

  beforeAll(async () => {
    world = await createWorld(kind);
    bindAppDatabase(world.database);
    globalThis.__storage = world.storage;
    const granted = await grantDossiers(world, ["CAP_ASSO", "A_VOS_ID", "A_VOS_ID"]);
    capAsso = granted[0]!;
    aVosId = granted[1]!;
    byForms = granted[2]!;
    for (const dossier of granted) {
      await world.db.$transaction((tx) => createPostGrantPlan(tx, dossier.id, ACCEPTED_ON));
      await world.db.dossier.update({
        where: { id: dossier.id },
        data: { agreementAcceptedAt: ACCEPTED_ON },
      });
    }
  });
  afterAll(async () => {
    globalThis.__storage = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  async function contextOf(dossierId: string): Promise<ReportContext> {
    const dossier = await world.db.dossier.findUniqueOrThrow({
      where: { id: dossierId },
      include: { ruleSet: true },
    });
    return reportContextOf(world.db, dossier, reportTerms(dossier.schemeCode, dossier.ruleSet.parameters));
  }

  /** A complete report: every line as forecast (no gap to explain) unless `actual` says otherwise. */
  async function completeValues(dossierId: string, overrides: RawReport = {}): Promise<RawReport> {
    const context = await contextOf(dossierId);
    const values: RawReport = {
      actions: "Ateliers de réparation hebdomadaires et collecte en déchèterie.",
      publicReached: "412 habitants, dont 60 jeunes en insertion.",
      datesAndPlaces: "De janvier à décembre, à Bourges et Vierzon.",
      jobsCreatedFte: "1,5",
      jobsCreatedCdi: "1",
      jobsConsolidatedFte: "2",
      jobsConsolidatedCdi: "2",
      jobsCreated: "2",
      servicesCreated: "3",
      [ELIGIBLE_EXPENSES_FIELD]: "150 000",
    };
    for (const line of context.lines) values[actualField(line.id)] = String(line.amountCents / 100);
    return { ...values, ...overrides };
  }

  async function pieces(dossierId: string) {
    const dossier = await world.db.dossier.findUniqueOrThrow({
      where: { id: dossierId },
      include: { ruleSet: true },
    });
    const { attachments } = reportTerms(dossier.schemeCode, dossier.ruleSet.parameters);
    return Promise.all(
      attachments.map(async (required) => ({
        kind: required.kind,
        inspection: await inspectUpload(
          Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${required.kind} ${Math.random()}\n`)]),
          `${required.kind.toLowerCase()}.pdf`,
        ),
      })),
    );
  }

  const reportRow = (dossierId: string, period = 1) =>
    world.db.financialReport.findUniqueOrThrow({ where: { dossierId_period: { dossierId, period } } });

  /** What a refusal must leave untouched: the report, the timeline, the outbox, the payments. */
  async function snapshot(dossierId: string) {
    const report = await reportRow(dossierId);
    return {
      report: { ...report, updatedAt: null },
      events: await world.db.dossierEvent.count({ where: { dossierId } }),
      emails: await world.db.outboxEmail.count(),
      payments: await world.db.payment.findMany({ where: { dossierId }, orderBy: { position: "asc" } }),
      attachments: await world.db.attachment.count({ where: { reportId: report.id } }),
    };
  }

  it("saves an incomplete draft, refuses an incomplete submission in French and keeps what was typed", async () => {
    const values = { actions: "Premières actions", [actualField("inconnu")]: "x" };
    await saveReportDraft(world.db, world.storage, {
      userId: capAsso.member.id,
      dossierId: capAsso.id,
      period: 1,
      values,
      files: [],
      appUrl: APP_URL,
    });
    expect((await reportRow(capAsso.id)).answers).toEqual({ values: { actions: "Premières actions" } });
    // A typed amount that is no amount is refused, even in a draft.
    const context = await contextOf(capAsso.id);
    const line = context.lines[0]!;
    await expect(
      saveReportDraft(world.db, world.storage, {
        userId: capAsso.member.id,
        dossierId: capAsso.id,
        period: 1,
        values: { [actualField(line.id)]: "beaucoup" },
        files: [],
        appUrl: APP_URL,
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { [actualField(line.id)]: expect.stringContaining("montant") },
    });
    // A submission without the public reached: refused, the draft keeps the rest.
    const partial = await completeValues(capAsso.id, { publicReached: "" });
    await expect(
      submitReport(world.db, world.storage, {
        userId: capAsso.owner.id,
        dossierId: capAsso.id,
        period: 1,
        values: partial,
        files: [],
        appUrl: APP_URL,
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { publicReached: "Renseignez «\u00a0Public touché\u00a0»." },
    });
    const stored = (await reportRow(capAsso.id)).answers as { values: RawReport };
    expect(stored.values.actions).toBe(partial.actions);
    expect((await reportRow(capAsso.id)).status).toBe(ReportStatus.DUE);
    // A gap beyond the threshold (15 %) needs its explanation.
    const beyond = await completeValues(capAsso.id, {
      [actualField(line.id)]: String(Math.round((line.amountCents * 1.2) / 100)),
    });
    const reading = readReport(context, beyond, "submit");
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(Object.keys(reading.errors)).toEqual([`explanation_${line.id}`]);
    // Complete, but a required piece missing: refused, naming it.
    await expect(
      submitReport(world.db, world.storage, {
        userId: capAsso.owner.id,
        dossierId: capAsso.id,
        period: 1,
        values: await completeValues(capAsso.id),
        files: (await pieces(capAsso.id)).slice(1),
        appUrl: APP_URL,
      }),
    ).rejects.toThrow(/Joignez la pièce requise\u00a0: Comptes annuels approuvés de l’exercice/);
    expect((await reportRow(capAsso.id)).status).toBe(ReportStatus.DUE);
  });

  it("makes every move of the report machine for the roles allowed, and a refusal changes nothing", async () => {
    const dossierId = capAsso.id;
    const complete = await completeValues(dossierId);
    const context = await contextOf(dossierId);
    const reading = readReport(context, complete, "submit");
    if (!reading.ok) throw new Error(JSON.stringify(reading.errors));
    const answers = { values: complete, report: reading.report } as unknown as Prisma.InputJsonValue;
    const actors = {
      [UserRole.APPLICANT]: { id: capAsso.owner.id, role: UserRole.APPLICANT },
      [UserRole.INSTRUCTOR]: world.instructor,
      [UserRole.ADMIN]: world.admin,
    } as const;
    const files = await pieces(dossierId);
    for (const status of Object.values(ReportStatus)) {
      for (const move of Object.keys(REPORT_MOVES)) {
        for (const role of [UserRole.APPLICANT, UserRole.INSTRUCTOR, UserRole.ADMIN] as const) {
          const report = await reportRow(dossierId);
          await world.db.financialReport.update({
            where: { id: report.id },
            data: { status, answers, retainedAmountCents: null, approvedAt: null },
          });
          await world.db.payment.updateMany({
            where: { dossierId, period: 1, kind: PaymentKind.BALANCE },
            data: { status: PaymentStatus.EXPECTED, plannedAmountCents: 600_000 },
          });
          const before = await snapshot(dossierId);
          const actor = actors[role];
          const call = () => {
            const common = { dossierId, period: 1, appUrl: APP_URL };
            if (move === "SUBMIT")
              return submitReport(world.db, world.storage, {
                ...common,
                userId: actor.id,
                values: complete,
                files,
              });
            if (move === "ASK_CORRECTION")
              return askReportCorrection(world.db, { ...common, actor, reason: "Joignez le bilan signé." });
            return approveReport(world.db, { ...common, actor });
          };
          const allowed = checkReportMove({ status, move, role, reason: "motif" });
          const label = `${status} × ${move} × ${role}`;
          if (allowed.ok) {
            await call();
            expect((await reportRow(dossierId)).status, label).toBe(allowed.to);
          } else {
            await expect(call(), label).rejects.toMatchObject({ status: expect.any(Number) });
            expect(await snapshot(dossierId), label).toEqual(before);
          }
        }
      }
    }
  });

  it("approves a CAP ASSO year at a lowered amount and sets the year's balance to what remains", async () => {
    const dossierId = capAsso.id;
    const report = await reportRow(dossierId);
    await world.db.financialReport.update({
      where: { id: report.id },
      data: { status: ReportStatus.SUBMITTED },
    });
    await world.db.payment.updateMany({
      where: { dossierId, period: 1, kind: PaymentKind.ADVANCE },
      data: { status: PaymentStatus.PAID, paidAmountCents: 600_000, paidOn: ACCEPTED_ON },
    });
    // Above the year's amount (12 000 €): refused.
    await expect(
      approveReport(world.db, {
        actor: world.instructor,
        dossierId,
        period: 1,
        retainedCents: 1_200_001,
        appUrl: APP_URL,
      }),
    ).rejects.toMatchObject({ status: 422 });
    const result = await approveReport(world.db, {
      actor: world.instructor,
      dossierId,
      period: 1,
      retainedCents: 1_100_050,
      appUrl: APP_URL,
    });
    expect(result).toEqual({ retainedCents: 1_100_050, toPayCents: 500_050, toRepayCents: 0 });
    const balance = await world.db.payment.findFirstOrThrow({
      where: { dossierId, period: 1, kind: PaymentKind.BALANCE },
    });
    expect([balance.status, balance.plannedAmountCents]).toEqual([PaymentStatus.EXPECTED, 500_050]);
    const email = await world.db.outboxEmail.findFirstOrThrow({
      where: { template: "report-approved", to: capAsso.owner.email },
      orderBy: { createdAt: "desc" },
    });
    expect(email.text).toContain(
      `Subvention finalement due pour la période\u00a0: ${formatEuros(1_100_050)}.`,
    );
    expect(email.text).toContain(`Il reste ${formatEuros(500_050)} à vous verser`);
  });

  it("ends an A VOS ID dossier whose expenses paid are lower with the right recovery, then settles it", async () => {
    const dossierId = aVosId.id;
    // Granted 60 000 € on 150 000 € of eligible expenses (40 %); the 30 % advance (18 000 €) was paid.
    await world.db.payment.updateMany({
      where: { dossierId, kind: PaymentKind.ADVANCE },
      data: { status: PaymentStatus.PAID, paidAmountCents: 1_800_000, paidOn: ACCEPTED_ON },
    });
    await submitReport(world.db, world.storage, {
      userId: aVosId.owner.id,
      dossierId,
      period: 1,
      values: await completeValues(dossierId, {
        [ELIGIBLE_EXPENSES_FIELD]: "40 000,55",
        // Lines as forecast: the eligible expenses paid are declared apart (the statement of expenses).
      }),
      files: await pieces(dossierId),
      appUrl: APP_URL,
    });
    const document = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId, kind: "FINANCIAL_REPORT", period: 1 },
    });
    const reportText = await pdfText(await readAll(await world.storage.get(document.storageKey)));
    expect(reportText).toContain("Compte rendu financier de subvention");
    expect(reportText).toContain(formatEuros(4_000_055));

    const approved = await approveReport(world.db, {
      actor: world.instructor,
      dossierId,
      period: 1,
      // Ignored: A VOS ID's amount is computed.
      retainedCents: 5_000_000,
      appUrl: APP_URL,
    });
    // min(60 000 €, 40 % × 40 000,55 €) = 16 000,22 €; 18 000 € paid: 1 999,78 € to repay.
    expect(approved).toEqual({ retainedCents: 1_600_022, toPayCents: 0, toRepayCents: 199_978 });
    const balance = await world.db.payment.findFirstOrThrow({
      where: { dossierId, kind: PaymentKind.BALANCE },
    });
    expect(balance.status).toBe(PaymentStatus.CANCELLED);

    const dossier = await world.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    const summary = await recoverySummary(world.db, dossier);
    expect([summary.paidCents, summary.dueCents, summary.proposedCents]).toEqual([
      1_800_000, 1_600_022, 199_978,
    ]);

    await expect(
      settleDossier(world.db, { actor: world.instructor, dossierId, appUrl: APP_URL }),
    ).rejects.toThrow(/Le dossier ne peut pas encore être soldé/);
    // More than paid and not yet asked back: refused.
    await expect(
      issueRecovery(world.db, world.storage, {
        actor: world.instructor,
        dossierId,
        amountCents: 1_800_001,
        reason: "Dépenses réalisées inférieures au prévu.",
        appUrl: APP_URL,
      }),
    ).rejects.toMatchObject({ status: 422 });
    const recovery = await issueRecovery(world.db, world.storage, {
      actor: world.instructor,
      dossierId,
      amountCents: summary.proposedCents,
      reason: "Dépenses éligibles réalisées inférieures au prévu.",
      appUrl: APP_URL,
    });
    const order = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId, kind: "RECOVERY_ORDER" },
    });
    const orderText = await pdfText(await readAll(await world.storage.get(order.storageKey)));
    for (const amount of [6_000_000, 1_800_000, 1_600_022, 199_978])
      expect(orderText).toContain(formatEuros(amount));
    expect(orderText).toContain("comptable public de la Région");
    const mail = await world.db.outboxEmail.findFirstOrThrow({
      where: { template: "recovery-issued", to: aVosId.owner.email },
    });
    expect(mail.subject).toContain(formatEuros(199_978));
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: "application/pdf" })]);

    await expect(
      settleDossier(world.db, { actor: world.instructor, dossierId, appUrl: APP_URL }),
    ).rejects.toThrow("Le dossier ne peut pas encore être soldé\u202f: un reversement n’est pas réglé.");
    // A day still to come is refused; today's date typed at half past midnight in Paris (still yesterday in
    // UTC) is not « in the future ».
    const tomorrow = parisDay(addParisDays(new Date(), 1));
    await expect(
      settleRecovery(world.db, {
        actor: world.instructor,
        dossierId,
        recoveryId: recovery.id,
        settledOn: paris(`${tomorrow}T12:00`),
        reference: "TR-2028-0042",
        appUrl: APP_URL,
      }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { settledOn: expect.stringMatching(/futur/) } });
    await settleRecovery(world.db, {
      actor: world.instructor,
      dossierId,
      recoveryId: recovery.id,
      settledOn: paris(`${tomorrow}T12:00`),
      reference: "TR-2028-0042",
      appUrl: APP_URL,
      now: paris(`${tomorrow}T00:30`),
    });
    await expect(
      settleRecovery(world.db, {
        actor: world.instructor,
        dossierId,
        recoveryId: recovery.id,
        settledOn: new Date(),
        reference: "TR-2028-0043",
        appUrl: APP_URL,
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await world.db.recovery.findUniqueOrThrow({ where: { id: recovery.id } })).status).toBe(
      RecoveryStatus.SETTLED,
    );
    await settleDossier(world.db, { actor: world.instructor, dossierId, appUrl: APP_URL });
    const settled = await world.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(settled.status).toBe(DossierStatus.SETTLED);
    expect(settled.settledAt).not.toBeNull();
    expect(
      await world.db.outboxEmail.count({ where: { template: "dossier-settled", to: aVosId.owner.email } }),
    ).toBe(1);
  });

  it("sends each report reminder once: 30 days before, on the day, once overdue", async () => {
    // CAP ASSO year 2 is still due.
    const report = await reportRow(capAsso.id, 2);
    const count = () =>
      world.db.outboxEmail.count({ where: { template: "report-reminder", to: capAsso.owner.email } });
    const run = (at: Date) => sendReportReminders(world.db, { now: at, appUrl: APP_URL });
    expect(await run(new Date(report.dueDate.getTime() - 40 * DAY))).toBe(0);
    for (const [at, subject] of [
      [new Date(report.dueDate.getTime() - 20 * DAY), "à remettre avant le"],
      [new Date(report.dueDate.getTime() + 6 * 3_600_000), "à remettre aujourd’hui"],
      [new Date(report.dueDate.getTime() + 3 * DAY), "en retard"],
    ] as const) {
      const before = await count();
      await run(at);
      await run(at);
      expect(await count()).toBe(before + 1);
      const last = await world.db.outboxEmail.findFirstOrThrow({
        where: { template: "report-reminder", to: capAsso.owner.email },
        orderBy: [{ createdAt: "desc" }],
      });
      expect(last.subject).toContain(subject);
    }
    const after = await reportRow(capAsso.id, 2);
    expect([after.remindedBeforeAt, after.remindedOnDayAt, after.remindedOverdueAt].every(Boolean)).toBe(
      true,
    );
  });

  // The pages as a browser without JavaScript uses them: plain form posts (multipart for the report with its
  // pieces), the answers read from the rendered data; e2e cannot prepare a granted dossier with an accepted
  // agreement through pages that do not exist yet (the agreement's acceptance is built in parallel).
  it("goes through the pages by plain form posts: draft, refused submission keeping values, submission, approval, recovery, settlement", async () => {
    const applicantPage = await import("~/routes/dossiers.$id.comptes-rendus.$period");
    const staffPage = await import("~/routes/instruction.dossiers.$id_.comptes-rendus.$period");
    const recoveriesPage = await import("~/routes/instruction.dossiers.$id_.reversements");
    const settlementPage = await import("~/routes/instruction.dossiers.$id_.solde");
    const reportPdfRoute = await import("~/routes/dossiers.$id.comptes-rendus.$period.pdf");
    const dossierId = byForms.id;
    const params = { id: dossierId, period: "1" };
    const applicant = await cookieOf(world.db, byForms.owner.id);
    const instructor = await cookieOf(world.db, world.instructor.id);
    await world.db.payment.updateMany({
      where: { dossierId, kind: PaymentKind.ADVANCE },
      data: { status: PaymentStatus.PAID, paidAmountCents: 1_800_000, paidOn: ACCEPTED_ON },
    });
    const url = `http://localhost/dossiers/${dossierId}/comptes-rendus/1`;
    const multipart = (fields: Record<string, string>, files: Record<string, Buffer> = {}) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      for (const [name, bytes] of Object.entries(files))
        form.append(name, new File([new Uint8Array(bytes)], `${name}.pdf`, { type: "application/pdf" }));
      return {
        request: new Request(url, { method: "POST", body: form, headers: { cookie: applicant } }),
        params,
        context: {},
      };
    };
    const page = await outcome(applicantPage.loader(get(url, applicant, params)));
    expect(page.status).toBe(200);
    expect((page.body as { form: { lines: unknown[] } }).form.lines.length).toBeGreaterThan(0);

    // Sent incomplete, with one piece: refused with the French errors, what was typed and the piece kept.
    const values = await completeValues(dossierId, {
      publicReached: "",
      [ELIGIBLE_EXPENSES_FIELD]: "40 000,55",
    });
    const pieceKinds = (await pieces(dossierId)).map((piece) => piece.kind);
    const refused = await outcome(
      applicantPage.action(
        multipart({ ...values, intent: "SUBMIT" }, { [`piece_${pieceKinds[0]}`]: SAMPLE_FILES.pdf }) as never,
      ),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      errors: { publicReached: "Renseignez «\u00a0Public touché\u00a0»." },
      values: { actions: values.actions },
    });
    const reloaded = (await outcome(applicantPage.loader(get(url, applicant, params)))).body as {
      form: { values: Record<string, string>; pieces: Array<{ file: string | null }> };
    };
    expect(reloaded.form.values[ELIGIBLE_EXPENSES_FIELD]).toBe("40 000,55");
    expect(reloaded.form.pieces[0]!.file).not.toBeNull();

    // Completed and sent with the other piece: redirected with the confirmation, then read-only with its PDF.
    const files = Object.fromEntries(
      pieceKinds
        .slice(1)
        .map((kind) => [`piece_${kind}`, Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(kind)])]),
    );
    const sent = await outcome(
      applicantPage.action(
        multipart({ ...values, publicReached: "80 familles", intent: "SUBMIT" }, files) as never,
      ),
    );
    expect(sent.location).toBe(`/dossiers/${dossierId}/comptes-rendus/1?message=envoye`);
    const readOnly = (await outcome(applicantPage.loader(get(`${url}?message=envoye`, applicant, params))))
      .body as {
      editable: boolean;
      pdf: string;
      confirmation: string;
    };
    expect([readOnly.editable, readOnly.confirmation]).toEqual([
      false,
      "Votre compte rendu financier est envoyé au service instructeur de la Région.",
    ]);
    const download = await reportPdfRoute.loader(get(`${url}/pdf`, applicant, params));
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(await pdfText(new Uint8Array(await download.arrayBuffer()))).toContain(formatEuros(4_000_055));

    // The instructor sees the computed amount and approves.
    const staffUrl = `http://localhost/instruction/dossiers/${dossierId}/comptes-rendus/1`;
    const staffView = (await outcome(staffPage.loader(get(staffUrl, instructor, params)))).body as {
      approval: { editable: boolean; retained: string };
      canApprove: boolean;
    };
    expect(staffView).toMatchObject({
      canApprove: true,
      approval: { editable: false, retained: formatEuros(1_600_022) },
    });
    const approvedAnswer = await outcome(
      staffPage.action(post(staffUrl, { intent: "APPROVE" }, instructor, params)),
    );
    expect(approvedAnswer.location).toBe(
      `/instruction/dossiers/${dossierId}/comptes-rendus/1?message=approuve`,
    );

    // Reversements: a refused form keeps what was typed; the proposed amount is issued; then settled.
    const recoveriesUrl = `http://localhost/instruction/dossiers/${dossierId}/reversements`;
    const recoveriesView = (
      await outcome(recoveriesPage.loader(get(recoveriesUrl, instructor, { id: dossierId })))
    ).body as {
      proposed: string;
      defaultDueDate: string;
    };
    expect(recoveriesView.proposed).toBe("1\u202f999,78");
    const noReason = await outcome(
      recoveriesPage.action(
        post(
          recoveriesUrl,
          { intent: "issue", amount: "1999,78", reason: "", dueDate: recoveriesView.defaultDueDate },
          instructor,
          { id: dossierId },
        ),
      ),
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({
      intent: "issue",
      values: { amount: "1999,78" },
      errors: { reason: expect.any(String) },
    });
    const issued = await outcome(
      recoveriesPage.action(
        post(
          recoveriesUrl,
          {
            intent: "issue",
            amount: "1999,78",
            reason: "Dépenses inférieures.",
            dueDate: recoveriesView.defaultDueDate,
          },
          instructor,
          { id: dossierId },
        ),
      ),
    );
    expect(issued.location).toBe(`/instruction/dossiers/${dossierId}/reversements?message=emis`);
    // Nothing paid beyond the final subsidy is left to ask for: no amount is offered (never « 0,00 »); what
    // was paid and not asked back may still be recovered for another reason.
    const afterIssue = (
      await outcome(recoveriesPage.loader(get(recoveriesUrl, instructor, { id: dossierId })))
    ).body as { proposed: string; recoverable: boolean; recoverableAmount: string };
    expect(afterIssue).toMatchObject({ proposed: "", recoverable: true });
    expect(afterIssue.recoverableAmount).toBe(formatEuros(1_800_000 - 199_978));
    const settlementUrl = `http://localhost/instruction/dossiers/${dossierId}/solde`;
    const tooEarly = await outcome(
      settlementPage.action(post(settlementUrl, { intent: "SETTLE" }, instructor, { id: dossierId })),
    );
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({
      errors: { form: expect.stringContaining("un reversement n’est pas réglé") },
    });
    const recovery = await world.db.recovery.findFirstOrThrow({ where: { dossierId } });
    expect(recovery.amountCents).toBe(199_978);
    const settledAnswer = await outcome(
      recoveriesPage.action(
        post(
          recoveriesUrl,
          {
            intent: "settle",
            recoveryId: recovery.id,
            settledOn: new Date().toISOString().slice(0, 10),
            reference: "TR-42",
          },
          instructor,
          { id: dossierId },
        ),
      ),
    );
    expect(settledAnswer.location).toBe(`/instruction/dossiers/${dossierId}/reversements?message=regle`);
    const done = await outcome(
      settlementPage.action(post(settlementUrl, { intent: "SETTLE" }, instructor, { id: dossierId })),
    );
    expect(done.location).toBe(`/instruction/dossiers/${dossierId}/solde?message=solde`);
    expect((await world.db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).status).toBe(
      DossierStatus.SETTLED,
    );
  });
});

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
