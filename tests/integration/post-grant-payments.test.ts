// The payment machine after the grant, on granted demo dossiers whose agreement is accepted: every status ×
// move × role (an allowed move changes the row, a refused one changes nothing and says why in French), the
// amounts recomputed from the rule-set version the dossier was granted under, the proofs a request needs, a
// double approval at once recorded once, the emails and the audit lines, the finance service's CSV, and the
// pages reached as a browser without JavaScript reaches them (multipart form, redirects).
import { rm } from "node:fs/promises";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { checkPaymentMove, PAYMENT_MOVES, type PaymentMove } from "~/domain/post-grant/payment-workflow";
import { aVosIdFinalSubsidy } from "~/domain/post-grant/settlement";
import { parisDay } from "~/domain/paris-time";
import type { Prisma } from "~/generated/prisma/client";
import { PaymentStatus, ReportStatus, UserRole } from "~/generated/prisma/enums";
import { isUserError } from "~/domain/user-error";
import { financeCsvExport } from "~/services/post-grant/finance-export.server";
import { applicantPaymentPage } from "~/services/post-grant/payment-pages.server";
import { decidePayment } from "~/services/post-grant/payment-decisions.server";
import { requestPayment, type RequestInput } from "~/services/post-grant/payment-requests.server";
import { createPostGrantPlan } from "~/services/post-grant/plan.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { bindAppDatabase, fuzzRequest } from "../support/fuzz";
import { APP_URL, createWorld, type World } from "../support/instruction-world";
import { grantDossiers, type GrantedDossier } from "../support/post-grant-world";
import { cookieOf, get, outcome } from "../support/routes";

const pdf = (tag: string) => Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${tag}\n`)]);
async function proof(field: string, tag = field) {
  return { field, declaredName: `${tag}.pdf`, inspection: await inspectUpload(pdf(tag), `${tag}.pdf`) };
}

/** What a refused call answered: its status and French message. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error))
      return { status: error.status, message: error.message, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("the call was expected to be refused");
}

describe.each(databaseKinds())("payments after the grant on %s", (kind) => {
  let world: World;
  let capAsso: GrantedDossier;
  let aVosId: GrantedDossier;
  let capScopScic: GrantedDossier;

  beforeAll(async () => {
    world = await createWorld(kind);
    [capAsso, aVosId, capScopScic] = (await grantDossiers(world, [
      "CAP_ASSO",
      "A_VOS_ID",
      "CAP_SCOP_SCIC",
    ])) as [GrantedDossier, GrantedDossier, GrantedDossier];
    // The agreement accepted by both sides (helper A's acceptance does this in its transaction).
    const acceptedAt = new Date(Date.now() - 30 * 86_400_000);
    for (const dossier of [capAsso, aVosId, capScopScic]) {
      await world.db.$transaction(async (tx) => {
        await tx.dossier.update({ where: { id: dossier.id }, data: { agreementAcceptedAt: acceptedAt } });
        await createPostGrantPlan(tx, dossier.id, acceptedAt);
      });
    }
    // A later version of each rule set lowers the ceilings: the granted dossiers keep their own.
    for (const dossier of [aVosId, capScopScic]) {
      const { ruleSet } = await world.db.dossier.findUniqueOrThrow({
        where: { id: dossier.id },
        include: { ruleSet: true },
      });
      const parameters = ruleSet.parameters as Record<string, unknown>;
      await world.db.ruleSet.create({
        data: {
          schemeId: ruleSet.schemeId,
          version: ruleSet.version + 1,
          status: "PUBLISHED",
          publishedAt: new Date(),
          effectiveFrom: new Date(),
          parameters: {
            ...parameters,
            ...("maxSubsidyPerEmployeeAssociateCents" in parameters
              ? { maxSubsidyPerEmployeeAssociateCents: 100_000 }
              : { maxSubsidyRatePercent: 10 }),
          } as Prisma.InputJsonObject,
        },
      });
    }
  });

  afterAll(async () => {
    globalThis.__storage = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  const paymentAt = (dossierId: string, position: number) =>
    world.db.payment.findUniqueOrThrow({ where: { dossierId_position: { dossierId, position } } });
  const request = (input: Partial<RequestInput> & Pick<RequestInput, "dossierId" | "userId">) =>
    requestPayment(world.db, world.storage, {
      position: "1",
      move: "REQUEST",
      values: {},
      files: [],
      extraFiles: 0,
      appUrl: APP_URL,
      ...input,
    });
  const decide = (
    move: "ASK_CORRECTION" | "APPROVE" | "RECORD_PAYMENT" | "CANCEL",
    dossierId: string,
    position: number,
    values: Record<string, string> = {},
    actor = world.instructor as { id: string; role: UserRole },
  ) =>
    decidePayment(world.db, { actor, dossierId, position: String(position), move, values, appUrl: APP_URL });

  it("makes each move only from its statuses and for its role; a refusal changes nothing", async () => {
    // CAP ASSO's first advance: no declaration, no proof, requestable since the agreement was accepted.
    const dossierId = capAsso.id;
    const today = parisDay(new Date());
    const values = { reason: "Motif de la décision", paidOn: today, mandateReference: "MDT-2026-0001" };
    const actors = {
      member: { kind: "applicant", id: capAsso.member.id, role: UserRole.APPLICANT },
      instructor: { kind: "staff", ...world.instructor },
      outsider: { kind: "staff", ...world.outsider },
      admin: { kind: "staff", ...world.admin },
    } as const;
    const planned = (await paymentAt(dossierId, 1)).plannedAmountCents;
    let cases = 0;
    for (const status of Object.values(PaymentStatus)) {
      for (const move of Object.keys(PAYMENT_MOVES) as PaymentMove[]) {
        for (const [who, actor] of Object.entries(actors)) {
          await world.db.payment.update({
            where: { dossierId_position: { dossierId, position: 1 } },
            data: {
              status,
              requestedAmountCents: planned,
              approvedAmountCents: planned,
              approvedAt: new Date(Date.now() - 86_400_000),
              paidAmountCents: null,
            },
          });
          const before = await paymentAt(dossierId, 1);
          const applicantMove = move === "REQUEST" || move === "RESUBMIT";
          const call =
            actor.kind === "applicant"
              ? applicantMove
                ? request({ dossierId, userId: actor.id, move })
                : decide(move, dossierId, 1, values, actor)
              : applicantMove
                ? request({ dossierId, userId: actor.id, move })
                : decide(move, dossierId, 1, values, actor);
          const check = checkPaymentMove({ status, move, role: actor.role, reason: values.reason });
          // Only the organisation's members reach the request, only staff in scope the decisions.
          const reaches = (actor.kind === "applicant") === applicantMove && who !== "outsider";
          if (reaches && check.ok) {
            await call;
            expect((await paymentAt(dossierId, 1)).status, `${who} ${move} from ${status}`).toBe(check.to);
          } else {
            const refused = await refusal(call);
            expect(refused.status, `${who} ${move} from ${status}`).toBe(
              !reaches ? 404 : who === "admin" ? 403 : 409,
            );
            if (reaches) expect(refused.message).toBe((check as { error: string }).error);
            expect(await paymentAt(dossierId, 1), `${who} ${move} from ${status}`).toEqual(before);
          }
          cases += 1;
        }
      }
    }
    expect(cases).toBe(6 * 6 * 4);
  });

  it("asks for a correction, takes the completed request back, approves once and records the payment", async () => {
    const dossierId = capAsso.id;
    await world.db.payment.update({
      where: { dossierId_position: { dossierId, position: 1 } },
      data: {
        status: PaymentStatus.EXPECTED,
        requestedAmountCents: null,
        approvedAmountCents: null,
        approvedAt: null,
      },
    });
    const planned = (await paymentAt(dossierId, 1)).plannedAmountCents;
    expect(planned).toBe(600_000);
    // What the matrix above wrote is left aside.
    const since = { createdAt: { gte: new Date() } };
    // More than what is due is refused.
    const tooMuch = await refusal(
      request({ dossierId, userId: capAsso.owner.id, values: { amount: "6 000,01" } }),
    );
    expect(tooMuch.fields.amount).toBe("Le montant demandé ne peut pas dépasser 6\u202f000,00\u00a0€.");
    await request({ dossierId, userId: capAsso.owner.id, values: { amount: "" } });
    let row = await paymentAt(dossierId, 1);
    expect([row.status, row.requestedAmountCents, row.requestedById]).toEqual([
      PaymentStatus.REQUESTED,
      600_000,
      capAsso.owner.id,
    ]);
    const toInstructor = await world.db.outboxEmail.findMany({
      where: { to: world.instructor.email, template: "payment-requested", ...since },
    });
    expect(toInstructor.map((mail) => mail.subject)).toContain(
      `Dossier ${capAsso.number}\u00a0: demande de versement (avance de l’année 1)`,
    );

    // No reason, no correction request.
    const noReason = await refusal(decide("ASK_CORRECTION", dossierId, 1, { reason: "  " }));
    expect(noReason.fields.reason).toBe("Indiquez le motif\u202f: il figure dans l’historique du dossier.");
    expect((await paymentAt(dossierId, 1)).status).toBe(PaymentStatus.REQUESTED);
    await decide("ASK_CORRECTION", dossierId, 1, { reason: "Joignez le RIB à jour de l’association." });
    row = await paymentAt(dossierId, 1);
    expect([row.status, row.correctionNote]).toEqual([
      PaymentStatus.CORRECTION_REQUESTED,
      "Joignez le RIB à jour de l’association.",
    ]);
    const asked = await world.db.outboxEmail.findMany({
      where: { template: "payment-correction-requested", ...since },
    });
    expect(asked.map((mail) => mail.to).sort()).toEqual(
      [
        (await world.db.user.findUniqueOrThrow({ where: { id: capAsso.owner.id } })).email,
        (await world.db.user.findUniqueOrThrow({ where: { id: capAsso.member.id } })).email,
      ].sort(),
    );
    const page = await applicantPaymentPage(world.db, capAsso.member.id, dossierId, "1");
    expect(page.payment.correctionNote).toBe("Joignez le RIB à jour de l’association.");
    expect(page.form?.move).toBe("RESUBMIT");
    expect(page.form?.amount).toBe("6\u202f000,00");

    await request({ dossierId, userId: capAsso.member.id, move: "RESUBMIT", values: { amount: "5 500" } });
    expect((await paymentAt(dossierId, 1)).requestedAmountCents).toBe(550_000);

    // Two instructors approve at the same moment: the second waits for the first and is refused.
    const approvals = await Promise.allSettled([
      decide("APPROVE", dossierId, 1),
      decide("APPROVE", dossierId, 1, {}, { id: world.colleague.id, role: world.colleague.role }),
    ]);
    expect(approvals.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const second = approvals.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(second.reason.message).toBe(
      "Impossible de «\u00a0approuver le versement\u00a0» pour un versement approuvé.",
    );
    expect(
      await world.db.auditLog.count({
        where: { action: AUDIT_ACTIONS.paymentApproved, targetId: row.id, ...since },
      }),
    ).toBe(1);
    row = await paymentAt(dossierId, 1);
    expect([row.status, row.approvedAmountCents]).toEqual([PaymentStatus.APPROVED, 550_000]);

    const future = parisDay(new Date(Date.now() + 3 * 86_400_000));
    const refused = await refusal(
      decide("RECORD_PAYMENT", dossierId, 1, { paidOn: future, mandateReference: "" }),
    );
    expect(refused.fields).toEqual({
      paidOn: "La date du paiement ne peut pas être dans le futur.",
      mandateReference: "Indiquez la référence du mandat de paiement.",
    });
    await decide("RECORD_PAYMENT", dossierId, 1, {
      paidOn: parisDay(new Date()),
      mandateReference: "MDT-2026-0042",
    });
    row = await paymentAt(dossierId, 1);
    expect([row.status, row.paidAmountCents, row.mandateReference]).toEqual([
      PaymentStatus.PAID,
      550_000,
      "MDT-2026-0042",
    ]);
    const paidMail = await world.db.outboxEmail.findFirstOrThrow({
      where: { template: "payment-paid", ...since },
      orderBy: { createdAt: "desc" },
    });
    expect(paidMail.text).toContain("La Région a versé 5\u202f500,00\u00a0€ à votre organisation le");
    const events = await world.db.dossierEvent.findMany({
      where: { dossierId, kind: "FOLLOW_UP" },
      orderBy: { createdAt: "asc" },
      select: { reason: true },
    });
    expect(events.map((event) => event.reason).slice(-2)).toEqual([
      "Avance de l’année 1\u00a0: versement approuvé, 5\u202f500,00\u00a0€",
      "Avance de l’année 1\u00a0: paiement de 5\u202f500,00\u00a0€ enregistré (mandat MDT-2026-0042)",
    ]);
  });

  it("says why a later advance cannot be asked yet", async () => {
    const page = await applicantPaymentPage(world.db, capAsso.owner.id, capAsso.id, "3");
    expect(page.payment.name).toBe("Avance de l’année 2");
    expect(page.form).toBeNull();
    expect(page.blocked).toBe("Possible une fois le compte rendu de l’année précédente approuvé (année 1).");
    const refused = await refusal(
      request({ dossierId: capAsso.id, userId: capAsso.owner.id, position: "3" }),
    );
    expect([refused.status, refused.message]).toEqual([409, page.blocked]);
  });

  it("recomputes CAP SCOP-SCIC from the capital paid up, under the granted version, and needs the certificate", async () => {
    const dossierId = capScopScic.id;
    const values = {
      "associate.0.name": "Léa Martin",
      "associate.0.subscribed": "3 000",
      "associate.0.paidUp": "3 000",
      "associate.1.name": "Yanis Roux",
      "associate.1.subscribed": "8 000",
      "associate.1.paidUp": "6 000",
      "associate.2.name": "Inès Petit",
      "associate.2.subscribed": "2 000",
      "associate.2.paidUp": "1 000",
      "associate.3.name": "",
      "associate.3.subscribed": "",
      "associate.3.paidUp": "",
    };
    const withoutProof = await refusal(request({ dossierId, userId: capScopScic.owner.id, values }));
    expect(withoutProof.status).toBe(422);
    expect(withoutProof.fields["proof.CAPITAL_CERTIFICATE"]).toBe(
      "Joignez la pièce «\u00a0Attestation de la coopérative\u00a0: capital souscrit et libéré par chaque salarié associé\u00a0»\u202f: elle est exigée pour ce versement.",
    );
    expect((await paymentAt(dossierId, 1)).status).toBe(PaymentStatus.EXPECTED);
    expect(await world.db.attachment.count({ where: { dossierId, paymentId: { not: null } } })).toBe(0);

    const paidMore = await refusal(
      request({
        dossierId,
        userId: capScopScic.owner.id,
        values: { ...values, "associate.2.paidUp": "2 500" },
        files: [await proof("proof.CAPITAL_CERTIFICATE")],
      }),
    );
    expect(paidMore.fields["associate.2.paidUp"]).toBe(
      "Ligne 3\u00a0: le capital libéré ne peut pas dépasser le capital souscrit.",
    );
    await request({
      dossierId,
      userId: capScopScic.owner.id,
      values,
      files: [await proof("proof.CAPITAL_CERTIFICATE")],
    });
    const row = await paymentAt(dossierId, 1);
    // 100 % of 3 000 + 6 000 capped at 5 000 + 1 000: 9 000 € (the later version caps each at 1 000 €).
    expect([row.status, row.requestedAmountCents]).toEqual([PaymentStatus.REQUESTED, 900_000]);
    expect(row.declaration).toEqual({
      kind: "CONTRIBUTIONS",
      associates: [
        { name: "Léa Martin", subscribedCents: 300_000, paidUpCents: 300_000 },
        { name: "Yanis Roux", subscribedCents: 800_000, paidUpCents: 600_000 },
        { name: "Inès Petit", subscribedCents: 200_000, paidUpCents: 100_000 },
      ],
    });
    expect(
      await world.db.attachment.findMany({ where: { paymentId: row.id }, select: { kind: true } }),
    ).toEqual([{ kind: "CAPITAL_CERTIFICATE" }]);
    // The proof is not one of the filing's pieces.
    const { listAttachments } = await import("~/services/applicant/attachments.server");
    const pieces = await listAttachments(world.db, capScopScic.owner.id, dossierId);
    expect(pieces.every((piece) => piece.paymentId === null)).toBe(true);
    await decide("APPROVE", dossierId, 1, { amount: "9 000,01" }).catch(() => undefined);
    expect((await paymentAt(dossierId, 1)).status).toBe(PaymentStatus.REQUESTED);
  });

  it("computes the A VOS ID balance from the expenses paid, and pays it only once its report is approved", async () => {
    const dossierId = aVosId.id;
    const advance = await paymentAt(dossierId, 1);
    await request({ dossierId, userId: aVosId.owner.id });
    await decide("APPROVE", dossierId, 1);
    await decide("RECORD_PAYMENT", dossierId, 1, { paidOn: parisDay(new Date()), mandateReference: "MDT-7" });
    // The balance waits for the report to be sent.
    const early = await refusal(request({ dossierId, userId: aVosId.owner.id, position: "2" }));
    expect(early.message).toBe("Possible une fois le compte rendu financier de la période envoyé.");
    await world.db.financialReport.update({
      where: { dossierId_period: { dossierId, period: 1 } },
      data: { status: ReportStatus.SUBMITTED, submittedAt: new Date() },
    });
    const values = { actualEligibleExpenses: "100 000" };
    const withoutStatement = await refusal(
      request({ dossierId, userId: aVosId.owner.id, position: "2", values }),
    );
    expect(Object.keys(withoutStatement.fields)).toEqual(["proof.EXPENSE_STATEMENT"]);
    await request({
      dossierId,
      userId: aVosId.owner.id,
      position: "2",
      values,
      files: [await proof("proof.EXPENSE_STATEMENT")],
    });
    // 150 000 € forecast: the rate granted, at most 50 % (the later version's 10 % does not apply).
    const { finalCents } = aVosIdFinalSubsidy({
      grantedCents: aVosId.grantedAmountCents,
      forecastEligibleCents: 15_000_000,
      actualEligibleCents: 10_000_000,
      maxSubsidyRatePercent: 50,
    });
    const balance = await paymentAt(dossierId, 2);
    expect(balance.requestedAmountCents).toBe(finalCents - advance.plannedAmountCents);
    expect(balance.requestedAmountCents).toBeGreaterThan(0);
    const notYet = await refusal(decide("APPROVE", dossierId, 2));
    expect([notYet.status, notYet.message]).toEqual([
      409,
      "Le solde se verse une fois le compte rendu financier de la période approuvé\u202f: approuvez d’abord le compte rendu.",
    ]);
    await world.db.financialReport.update({
      where: { dossierId_period: { dossierId, period: 1 } },
      data: { status: ReportStatus.APPROVED, approvedAt: new Date(), retainedAmountCents: finalCents },
    });
    await decide("APPROVE", dossierId, 2);
    expect((await paymentAt(dossierId, 2)).approvedAmountCents).toBe(finalCents - advance.plannedAmountCents);
  });

  it("exports the payments approved over the period in French CSV, within the staff's scope", async () => {
    const today = parisDay(new Date());
    const { csv, count } = await financeCsvExport(
      world.db,
      world.instructor,
      { from: today, to: today },
      new Date(),
    );
    expect(csv.startsWith("\ufeffNuméro de dossier;Organisation;SIRET;IBAN;BIC;Dispositif;Versement;")).toBe(
      true,
    );
    const lines = csv.trim().split("\r\n").slice(1);
    expect(count).toBe(lines.length);
    const capAssoLine = lines.find((line) => line.startsWith(`${capAsso.number};`))!.split(";");
    expect(capAssoLine.slice(6, 12)).toEqual([
      "Avance de l’année 1",
      "5500,00",
      new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(new Date()),
      "Versé",
      new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(new Date()),
      "5500,00",
    ]);
    expect(lines.filter((line) => line.startsWith(`${aVosId.number};`))).toHaveLength(2);
    expect(
      await world.db.auditLog.count({
        where: { action: AUDIT_ACTIONS.paymentsExported, actorId: world.instructor.id },
      }),
    ).toBe(1);
    // An instructor of Eure-et-Loir only sees none of these dossiers.
    const outside = await financeCsvExport(world.db, world.outsider, { from: today, to: today }, new Date());
    expect(outside.count).toBe(0);
  });

  it("serves the pages and takes the forms as a browser without JavaScript sends them", async () => {
    bindAppDatabase(world.database);
    globalThis.__storage = world.storage;
    const applicantRoute = await import("~/routes/dossiers.$id.versements.$position");
    const staffRoute = await import("~/routes/instruction.dossiers.$id_.versements.$position");
    const exportRoute = await import("~/routes/instruction.versements[.csv]");
    const owner = await cookieOf(world.db, capAsso.owner.id);
    const instructor = await cookieOf(world.db, world.instructor.id);
    const dossierId = capAsso.id;
    // Year 1's balance: its report sent, the request posted as a multipart form.
    await world.db.financialReport.update({
      where: { dossierId_period: { dossierId, period: 1 } },
      data: { status: ReportStatus.SUBMITTED, submittedAt: new Date() },
    });
    const url = `/dossiers/${dossierId}/versements/2`;
    const params = { id: dossierId, position: "2" };
    const page = await outcome(applicantRoute.loader(get(url, owner, params) as LoaderFunctionArgs));
    expect(page.status).toBe(200);
    expect(page.text).toContain("Solde de l’année 1");
    const posted = await outcome(
      applicantRoute.action({
        request: fuzzRequest(
          url,
          {
            kind: "multipart",
            fields: [
              ["intent", "REQUEST"],
              ["amount", "6 000"],
            ],
            files: [
              {
                field: "proof.OTHER",
                fileName: "bilan.pdf",
                contentType: "application/pdf",
                bytes: pdf("bilan"),
              },
            ],
          },
          owner,
        ),
        params,
        context: {},
      } as unknown as ActionFunctionArgs),
    );
    expect([posted.status, posted.location]).toEqual([302, `${url}?message=demande`]);
    expect((await paymentAt(dossierId, 2)).status).toBe(PaymentStatus.REQUESTED);
    // The instructor's form: a refusal comes back with the field's message and what was typed.
    const staffUrl = `/instruction/dossiers/${dossierId}/versements/2`;
    const staffParams = { id: dossierId, position: "2" };
    const refused = await outcome(
      staffRoute.action({
        request: fuzzRequest(
          staffUrl,
          {
            kind: "urlencoded",
            fields: [
              ["intent", "CANCEL"],
              ["cancelReason", ""],
            ],
          },
          instructor,
        ),
        params: staffParams,
        context: {},
      } as unknown as ActionFunctionArgs),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      intent: "CANCEL",
      errors: { reason: "Indiquez le motif\u202f: il figure dans l’historique du dossier." },
    });
    const cancelled = await outcome(
      staffRoute.action({
        request: fuzzRequest(
          staffUrl,
          {
            kind: "urlencoded",
            fields: [
              ["intent", "CANCEL"],
              ["cancelReason", "Solde ramené à zéro par le compte rendu."],
            ],
          },
          instructor,
        ),
        params: staffParams,
        context: {},
      } as unknown as ActionFunctionArgs),
    );
    expect([cancelled.status, cancelled.location]).toEqual([302, `${staffUrl}?message=CANCEL`]);
    expect((await paymentAt(dossierId, 2)).status).toBe(PaymentStatus.CANCELLED);
    const staffPage = await outcome(
      staffRoute.loader(get(`${staffUrl}?message=CANCEL`, instructor, staffParams)),
    );
    expect(staffPage.text).toContain("Le versement est annulé");
    const bad = await outcome(
      exportRoute.loader(get("/instruction/versements.csv?du=2026-02-30", instructor)),
    );
    expect([bad.status, bad.text]).toEqual([400, "Indiquez une date de début valide (JJ/MM/AAAA)."]);
  });
});
