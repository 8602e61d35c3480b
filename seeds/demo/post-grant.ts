// The life after the grant of the post-grant demo dossiers (post-grant-dossiers.ts), written as the portal
// would have recorded it: both sides' acceptances of the stored agreement PDF (with its SHA-256), the plan's
// payments and reports stored by createPostGrantPlan from the granted rule-set version, each request,
// approval and payment, the financial reports with their answers and pieces, a recovery, and a FOLLOW_UP
// event in the timeline (with its audit line) for each act. Amounts come from the domain's functions.
import { createHash } from "node:crypto";

import { AUDIT_ACTIONS, type AuditAction } from "../../app/domain/audit";
import { formatDate, formatEuros } from "../../app/domain/format";
import { paymentName } from "../../app/domain/post-grant/plan";
import { storedReportAnswers } from "../../app/domain/post-grant/report";
import { aVosIdFinalSubsidy, capScopScicFinalSubsidy } from "../../app/domain/post-grant/settlement";
import { defaultRuleSetParameters } from "../../app/domain/schemes";
import type { Prisma } from "../../app/generated/prisma/client";
import {
  AcceptanceMethod,
  AgreementSide,
  DocumentKind,
  type PaymentKind,
  PaymentStatus,
  ReportStatus,
  SchemeCode,
} from "../../app/generated/prisma/enums";
import { issueCertificate } from "../../app/services/post-grant/agreement-certificate.server";
import { recordFollowUp } from "../../app/services/post-grant/follow-up.server";
import { createPostGrantPlan } from "../../app/services/post-grant/plan.server";
import { recoverySummary } from "../../app/services/post-grant/recoveries.server";
import { reportTerms } from "../../app/services/post-grant/report-context.server";
import { writeReportDocument } from "../../app/services/post-grant/report-documents.server";
import { writeRecoveryOrder } from "../../app/services/post-grant/recovery-order.server";
import type { FileStorage } from "../../app/services/platform/storage.server";
import { paris } from "../paris-time";

import type { DemoAccountKey } from "./accounts";
import type { DemoDossier, DemoReferences } from "./dossier-writer";
import { demoPieceFileName, renderDemoPiece } from "./piece-pdf";
import { seedDemoAdvances } from "./post-grant-advances";
import {
  A_VOS_ID_BALANCE_REQUESTED,
  A_VOS_ID_RECOVERY,
  CAP_ASSO_ADVANCE_PAID,
  CAP_ASSO_BALANCE_REQUESTED,
  CAP_ASSO_REPORT_OVERDUE,
  CAP_ASSO_YEAR_2,
  CAP_SCOP_REQUESTED,
  CAP_SCOP_SETTLED,
} from "./post-grant-dossiers";

type Tx = Prisma.TransactionClient;

const HOLDER_DECLARATION =
  "Je déclare avoir lu la convention et l’accepter au nom de la structure, que j’ai qualité pour engager.";
const REGION_DECLARATION =
  "J’enregistre l’acceptance de la convention par la Région Centre-Val de Loire, signée par délégation du président.";
const DEMO_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";

interface Piece {
  kind: string;
  label: string;
}

/** One dossier's life after the grant, act by act, in one transaction. */
export class PostGrantLife {
  private payments = new Map<number, { id: string; period: number; kind: PaymentKind }>();
  private reports = new Map<number, string>();

  constructor(
    readonly tx: Tx,
    private readonly refs: DemoReferences,
    readonly storage: FileStorage,
    private readonly demo: DemoDossier,
    readonly dossier: { id: string; title: string; schemeCode: SchemeCode },
  ) {}

  user(key: DemoAccountKey): string {
    return this.refs.users[key];
  }

  private async followUp(
    at: Date,
    by: DemoAccountKey | null,
    action: AuditAction,
    reason: string,
    target: {
      type: "AgreementAcceptance" | "Payment" | "FinancialReport" | "Recovery" | "Dossier";
      id: string;
    },
    details?: Record<string, Prisma.InputJsonValue | null>,
  ): Promise<void> {
    await recordFollowUp(this.tx, {
      dossierId: this.dossier.id,
      actorId: by ? this.user(by) : null,
      action,
      reason,
      target,
      details,
      ip: by === "instructor" ? null : "192.0.2.41",
      now: at,
    });
  }

  /** Both sides accept the stored agreement; the financed period starts on the second acceptance. */
  async accept(holderAt: Date, regionAt: Date): Promise<void> {
    const agreement = await this.tx.generatedDocument.findFirstOrThrow({
      where: { dossierId: this.dossier.id, kind: DocumentKind.AGREEMENT },
      select: { id: true, storageKey: true, createdAt: true },
    });
    const bytes = await readAll(await this.storage.get(agreement.storageKey));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const sides = [
      {
        side: AgreementSide.HOLDER,
        by: "applicantCooperative" as const,
        at: holderAt,
        role: "gérante",
        declaration: HOLDER_DECLARATION,
        reason: "Convention acceptée en ligne par Léa Dubois, gérante",
      },
      {
        side: AgreementSide.REGION,
        by: "instructor" as const,
        at: regionAt,
        role: "instructeur, par délégation",
        declaration: REGION_DECLARATION,
        reason: `Convention acceptée pour la Région par Julien Bernard : la période financée commence le ${formatDate(regionAt)}`,
      },
    ];
    for (const side of sides) {
      const row = await this.tx.agreementAcceptance.create({
        data: {
          dossierId: this.dossier.id,
          side: side.side,
          method: AcceptanceMethod.ONLINE,
          userId: this.user(side.by),
          signatoryName: side.by === "instructor" ? "Julien Bernard" : "Léa Dubois",
          signatoryRole: side.role,
          declaration: side.declaration,
          ipAddress: side.by === "instructor" ? "10.12.0.8" : "192.0.2.41",
          userAgent: DEMO_USER_AGENT,
          agreementDocumentId: agreement.id,
          agreementSha256: sha256,
          acceptedAt: side.at,
        },
      });
      await this.followUp(side.at, side.by, AUDIT_ACTIONS.agreementAccepted, side.reason, {
        type: "AgreementAcceptance",
        id: row.id,
      });
    }
    await this.tx.dossier.update({ where: { id: this.dossier.id }, data: { agreementAcceptedAt: regionAt } });
    await issueCertificate(this.tx, this.storage, {
      dossierId: this.dossier.id,
      actorId: this.user("instructor"),
      agreement: { id: agreement.id, createdAt: agreement.createdAt, sha256 },
      now: regionAt,
      written: [],
    });
    const plan = await createPostGrantPlan(this.tx, this.dossier.id, regionAt);
    const rows = await this.tx.payment.findMany({ where: { dossierId: this.dossier.id } });
    for (const row of rows)
      this.payments.set(row.position, { id: row.id, period: row.period, kind: row.kind });
    const reports = await this.tx.financialReport.findMany({ where: { dossierId: this.dossier.id } });
    for (const row of reports) this.reports.set(row.period, row.id);
    if (plan.payments.length !== rows.length) throw new Error("Demo seed: the plan was not stored");
  }

  /** The dossier with what its documents print: scheme, organisation, rule set. */
  private documentDossier() {
    return this.tx.dossier.findUniqueOrThrow({
      where: { id: this.dossier.id },
      include: { scheme: true, organisation: true, ruleSet: true },
    });
  }

  private payment(position: number) {
    const payment = this.payments.get(position);
    if (!payment) throw new Error(`Demo seed: no payment ${position} on « ${this.dossier.title} »`);
    return { ...payment, name: paymentName(this.dossier.schemeCode, payment) };
  }

  private report(period: number): string {
    const id = this.reports.get(period);
    if (!id) throw new Error(`Demo seed: no report ${period} on « ${this.dossier.title} »`);
    return id;
  }

  /** A piece uploaded with a request or a report, stored as the portal stores an upload. */
  async pieces(
    at: Date,
    pieces: Piece[],
    link: { paymentId?: string; reportId?: string; reschedulingId?: string },
  ) {
    const organisation = this.refs.filing.organisations[this.demo.organisation];
    for (const piece of pieces) {
      const pdf = await renderDemoPiece({
        label: piece.label,
        organisation,
        dossierTitle: this.dossier.title,
        createdAt: at,
      });
      const storageKey = await this.refs.filing.files.put(pdf, at, "application/pdf");
      await this.tx.attachment.create({
        data: {
          dossierId: this.dossier.id,
          kind: piece.kind,
          fileName: demoPieceFileName(piece, organisation.name),
          mimeType: "application/pdf",
          sizeBytes: pdf.length,
          sha256: createHash("sha256").update(pdf).digest("hex"),
          storageKey,
          uploadedById: this.user("applicantCooperative"),
          createdAt: at,
          ...link,
        },
      });
    }
  }

  async request(
    position: number,
    at: Date,
    amountCents: number,
    declaration: Prisma.InputJsonObject = {},
    proofs: Piece[] = [],
  ): Promise<void> {
    const payment = this.payment(position);
    await this.tx.payment.update({
      where: { id: payment.id },
      data: {
        status: PaymentStatus.REQUESTED,
        requestedAmountCents: amountCents,
        declaration,
        requestedAt: at,
        requestedById: this.user("applicantCooperative"),
      },
    });
    await this.pieces(at, proofs, { paymentId: payment.id });
    await this.followUp(
      at,
      "applicantCooperative",
      AUDIT_ACTIONS.paymentRequested,
      `${payment.name} demandé${payment.kind === "ADVANCE" ? "e" : ""} : ${formatEuros(amountCents)}`,
      { type: "Payment", id: payment.id },
      { position, amountCents },
    );
  }

  async approve(position: number, at: Date, amountCents: number): Promise<void> {
    const payment = this.payment(position);
    await this.tx.payment.update({
      where: { id: payment.id },
      data: {
        status: PaymentStatus.APPROVED,
        approvedAmountCents: amountCents,
        approvedAt: at,
        decidedById: this.user("instructor"),
      },
    });
    await this.followUp(
      at,
      "instructor",
      AUDIT_ACTIONS.paymentApproved,
      `${payment.name} approuvé${payment.kind === "ADVANCE" ? "e" : ""} : ${formatEuros(amountCents)}`,
      { type: "Payment", id: payment.id },
      { position, amountCents },
    );
  }

  async pay(position: number, on: Date, amountCents: number, mandateReference: string): Promise<void> {
    const payment = this.payment(position);
    await this.tx.payment.update({
      where: { id: payment.id },
      data: {
        status: PaymentStatus.PAID,
        paidAmountCents: amountCents,
        paidOn: on,
        mandateReference,
        decidedById: this.user("instructor"),
      },
    });
    await this.followUp(
      on,
      "instructor",
      AUDIT_ACTIONS.paymentRecorded,
      `${payment.name} versé${payment.kind === "ADVANCE" ? "e" : ""} le ${formatDate(on)} : ${formatEuros(amountCents)} (mandat ${mandateReference})`,
      { type: "Payment", id: payment.id },
      { position, amountCents, mandateReference },
    );
  }

  /** Request, approval and payment of the planned amount, a few days apart. */
  async paidInFull(position: number, requestedAt: Date, mandateReference: string, proofs: Piece[] = []) {
    const planned = await this.tx.payment.findUniqueOrThrow({
      where: { id: this.payment(position).id },
      select: { plannedAmountCents: true },
    });
    const amount = planned.plannedAmountCents;
    await this.request(position, requestedAt, amount, {}, proofs);
    await this.approve(position, days(requestedAt, 6), amount);
    await this.pay(position, days(requestedAt, 15), amount, mandateReference);
  }

  async cancel(position: number, at: Date, reason: string): Promise<void> {
    const payment = this.payment(position);
    await this.tx.payment.update({
      where: { id: payment.id },
      data: { status: PaymentStatus.CANCELLED, decidedById: this.user("instructor"), correctionNote: reason },
    });
    await this.followUp(
      at,
      "instructor",
      AUDIT_ACTIONS.paymentCancelled,
      `${payment.name} annulé : ${reason}`,
      {
        type: "Payment",
        id: payment.id,
      },
    );
  }

  async submitReport(period: number, at: Date, answers: Prisma.InputJsonObject, pieces: Piece[]) {
    const id = this.report(period);
    await this.tx.financialReport.update({
      where: { id },
      data: {
        status: ReportStatus.SUBMITTED,
        answers,
        revision: 1,
        submittedAt: at,
        submittedById: this.user("applicantCooperative"),
      },
    });
    await this.pieces(at, pieces, { reportId: id });
    // Its PDF, issued as the portal issues it at submission.
    const dossier = await this.documentDossier();
    const row = await this.tx.financialReport.findUniqueOrThrow({ where: { id } });
    const report = storedReportAnswers(row.answers).report;
    if (!report) throw new Error(`Demo seed: the report ${period} of « ${dossier.title} » is unreadable`);
    await writeReportDocument(this.tx, this.storage, {
      dossier,
      report: { ...row, report },
      period,
      terms: reportTerms(dossier.schemeCode, dossier.ruleSet.parameters),
      submittedById: this.user("applicantCooperative"),
      now: at,
      written: [],
    });
    const label = this.dossier.schemeCode === SchemeCode.CAP_ASSO ? ` de l’année ${period}` : "";
    await this.followUp(
      at,
      "applicantCooperative",
      AUDIT_ACTIONS.reportSubmitted,
      `Compte rendu financier${label} envoyé`,
      { type: "FinancialReport", id },
      { period },
    );
  }

  async approveReport(period: number, at: Date, retainedAmountCents: number) {
    const id = this.report(period);
    await this.tx.financialReport.update({
      where: { id },
      data: {
        status: ReportStatus.APPROVED,
        approvedAt: at,
        retainedAmountCents,
        decidedById: this.user("instructor"),
      },
    });
    const label = this.dossier.schemeCode === SchemeCode.CAP_ASSO ? ` de l’année ${period}` : "";
    await this.followUp(
      at,
      "instructor",
      AUDIT_ACTIONS.reportApproved,
      `Compte rendu financier${label} approuvé : subvention retenue ${formatEuros(retainedAmountCents)}`,
      { type: "FinancialReport", id },
      { period, retainedAmountCents },
    );
  }

  /** The periodic job's reminders: 30 days before, on the day, and once overdue. */
  async reminded(period: number, dueDate: Date) {
    await this.tx.financialReport.update({
      where: { id: this.report(period) },
      data: {
        remindedBeforeAt: days(dueDate, -30),
        remindedOnDayAt: dueDate,
        remindedOverdueAt: days(dueDate, 1),
      },
    });
  }

  async recovery(amountCents: number, reason: string, at: Date, dueDate: Date) {
    const row = await this.tx.recovery.create({
      data: {
        dossierId: this.dossier.id,
        amountCents,
        reason,
        decidedById: this.user("instructor"),
        decidedAt: at,
        dueDate,
      },
    });
    const dossier = await this.documentDossier();
    await writeRecoveryOrder(this.tx, this.storage, {
      dossier,
      summary: await recoverySummary(this.tx, dossier),
      recovery: row,
      actorId: this.user("instructor"),
      written: [],
    });
    await this.followUp(
      at,
      "instructor",
      AUDIT_ACTIONS.recoveryIssued,
      `Demande de reversement émise : ${formatEuros(amountCents)} à reverser avant le ${formatDate(dueDate)}`,
      { type: "Recovery", id: row.id },
      { amountCents },
    );
  }

  async settled(at: Date) {
    await this.tx.dossier.update({ where: { id: this.dossier.id }, data: { settledAt: at } });
    await this.followUp(at, "instructor", AUDIT_ACTIONS.dossierSettled, "Dossier soldé", {
      type: "Dossier",
      id: this.dossier.id,
    });
  }

  /** The dossier's budget lines, for the report's table. */
  budgetLines() {
    return this.tx.dossierBudgetLine.findMany({
      where: { dossierId: this.dossier.id },
      orderBy: [{ side: "asc" }, { position: "asc" }],
    });
  }
}

function days(date: Date, count: number): Date {
  return new Date(date.getTime() + count * 86_400_000);
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

// ── The financial report's answers, stored as the report's form stores them: what was typed (values) and
// the report read from it (report), laid out like Cerfa 15059 ──

interface ReportText {
  actions: string;
  publicReached: string;
  datesAndPlaces: string;
  inKind: string;
  /** Actual amount of each budget line as a share of its forecast, by category; 1 when not listed. */
  actualShare: Record<string, number>;
  /** Explanations of the lines off by more than the threshold, by category. */
  explanations?: Record<string, string>;
  indicators: Record<string, number>;
  eligibleExpensesPaidCents?: number;
}

const THRESHOLD_PERCENT = 15;

function typedAmount(cents: number): string {
  return (cents / 100).toFixed(2).replace(".", ",");
}

async function reportAnswers(life: PostGrantLife, text: ReportText): Promise<Prisma.InputJsonObject> {
  const budget = await life.budgetLines();
  const values: Record<string, string> = {
    actions: text.actions,
    publicReached: text.publicReached,
    datesAndPlaces: text.datesAndPlaces,
    inKind: text.inKind,
  };
  const lines = budget.map((line) => {
    const share = text.actualShare[line.category] ?? 1;
    const actualCents = Math.round(line.amountCents * share);
    const gapCents = actualCents - line.amountCents;
    const gapPercent = line.amountCents === 0 ? null : Math.round((gapCents / line.amountCents) * 1000) / 10;
    const beyondThreshold = Math.abs(gapCents) * 100 > THRESHOLD_PERCENT * Math.abs(line.amountCents);
    const explanation = beyondThreshold ? (text.explanations?.[line.category] ?? "") : "";
    if (beyondThreshold && !explanation)
      throw new Error(`Demo seed: explain the gap of ${line.category} on « ${life.dossier.title} »`);
    values[`actual_${line.id}`] = typedAmount(actualCents);
    if (explanation) values[`explanation_${line.id}`] = explanation;
    return {
      id: line.id,
      side: line.side,
      category: line.category,
      label: line.label,
      amountCents: line.amountCents,
      actualCents,
      gapCents,
      gapPercent,
      beyondThreshold,
      explanation,
    };
  });
  for (const [name, count] of Object.entries(text.indicators)) values[name] = String(count).replace(".", ",");
  if (text.eligibleExpensesPaidCents !== undefined)
    values.eligibleExpensesPaid = typedAmount(text.eligibleExpensesPaidCents);
  const aVosId = life.dossier.schemeCode === SchemeCode.A_VOS_ID;
  return {
    values,
    report: {
      actions: text.actions,
      publicReached: text.publicReached,
      datesAndPlaces: text.datesAndPlaces,
      lines,
      inKind: text.inKind,
      indicators: { kind: life.dossier.schemeCode, ...text.indicators },
      eligibleExpensesPaidCents: aVosId ? (text.eligibleExpensesPaidCents ?? 0) : null,
    },
  };
}

const CAP_ASSO_REPORT_PIECES: Piece[] = [
  { kind: "APPROVED_ACCOUNTS", label: "Comptes annuels approuvés de l’exercice" },
  { kind: "ACTIVITY_REPORT", label: "Rapport d’activité de l’année" },
];
const A_VOS_ID_REPORT_PIECES: Piece[] = [
  { kind: "APPROVED_ACCOUNTS", label: "Comptes annuels approuvés de l’exercice" },
  { kind: "ACTIVITY_REPORT", label: "Bilan de l’initiative" },
];
const EXPENSE_STATEMENT: Piece = {
  kind: "EXPENSE_STATEMENT",
  label: "État récapitulatif des dépenses acquittées, certifié par le représentant légal",
};
const CAPITAL_CERTIFICATE: Piece = {
  kind: "CAPITAL_CERTIFICATE",
  label: "Attestation de la coopérative : capital souscrit et libéré par chaque salarié associé",
};

function capAssoYearReport(year: number): ReportText {
  return {
    actions: `Année ${year} : 46 séances hebdomadaires d’activité physique adaptée dans six communes, sur prescription des médecins de la maison de santé, et deux journées de dépistage de la fragilité des seniors.`,
    publicReached:
      "112 patients en affection de longue durée (dont 71 femmes), âgés de 58 ans en moyenne ; 34 personnes âgées isolées venues par le bouche-à-oreille.",
    datesAndPlaces:
      "D’octobre à juin, dans les salles communales de Saint-Amand-Montrond, Orval, Drevant, Bouzais, Colombiers et La Groutte.",
    inKind: "Prêt des salles par la communauté de communes, 420 heures de bénévolat de l’encadrement.",
    actualShare: { PERSONNEL: 0.97, OPERATING: 1.08, SALES: 0.82 },
    explanations: {
      SALES:
        "Moins de conventions signées avec les mutuelles que prévu la première année : deux au lieu de quatre.",
    },
    indicators: { jobsCreatedFte: 1, jobsCreatedCdi: 1, jobsConsolidatedFte: 0, jobsConsolidatedCdi: 0 },
  };
}

function aVosIdReport(eligibleExpensesPaidCents: number, reduced: boolean): ReportText {
  return reduced
    ? {
        actions:
          "Une seule ombrière photovoltaïque a été posée, sur la moitié du parking : la commune propriétaire a refusé la seconde tranche en cours de projet. Les études et le programme pédagogique ont été menés.",
        publicReached: "86 sociétaires citoyens, 3 classes de l’école voisine accueillies pour des visites.",
        datesAndPlaces: "De janvier à septembre 2026, parking de la maison du Pays à La Châtre.",
        inKind: "Chantier de préparation du terrain par 14 bénévoles des associations du Pays.",
        actualShare: {
          INVESTMENT: 0.23,
          OPERATING: 0.41,
          // The Region's line: the final subsidy, out of the 45 000 € asked.
          REGION: DEMO_RECOVERY.finalCents / 4_500_000,
          OWN_FUNDS: 0.3,
          EPCI: 0.3,
          PRIVATE: 0.25,
        },
        explanations: {
          INVESTMENT:
            "Seconde tranche de l’ombrière refusée par la commune propriétaire du parking : une centrale sur deux.",
          OPERATING: "Études de la seconde tranche abandonnées avec elle.",
          OWN_FUNDS: "Épargne citoyenne collectée à hauteur des besoins de la première tranche.",
          EPCI: "Fonds de concours versé au prorata des travaux réalisés.",
          PRIVATE: "Prise de participation réduite à la première tranche.",
          REGION: "Subvention de la Région recalculée sur les dépenses réalisées.",
        },
        indicators: { jobsCreated: 0.5, servicesCreated: 1 },
        eligibleExpensesPaidCents,
      }
    : {
        actions:
          "Six centrales photovoltaïques posées sur les toits des ateliers et raccordées au réseau ; un programme de visites pour les écoles du quartier.",
        publicReached:
          "412 sociétaires citoyens, 1 850 élèves sensibilisés, 9 entreprises du quartier associées.",
        datesAndPlaces: "De novembre 2024 à août 2026, ateliers de la coopérative à Tours.",
        inKind: "Mise à disposition des toitures par la coopérative.",
        actualShare: { INVESTMENT: 1.02, OPERATING: 0.95, REGION: 40 / 45 },
        indicators: { jobsCreated: 1, servicesCreated: 2 },
        eligibleExpensesPaidCents,
      };
}

/** The contributions each employee-associate actually paid up, in cents, as the certificate states them. */
function contributionsCents(dossier: DemoDossier, shortfall?: { index: number; cents: number }): number[] {
  const associates = dossier.answers.employeeAssociates as Array<{ contribution: string }>;
  return associates.map((associate, index) =>
    shortfall && shortfall.index === index
      ? shortfall.cents
      : Number(associate.contribution.replace(/\s/g, "")) * 100,
  );
}

/** As the payment request form stores it (app/domain/post-grant/payment-request.ts): subscribed and paid up. */
function capScopDeclaration(dossier: DemoDossier, contributions: number[]): Prisma.InputJsonObject {
  const associates = dossier.answers.employeeAssociates as Array<{ firstName: string; lastName: string }>;
  const subscribed = contributionsCents(dossier);
  return {
    kind: "CONTRIBUTIONS",
    associates: associates.map((associate, index) => ({
      name: `${associate.firstName} ${associate.lastName}`,
      subscribedCents: subscribed[index] ?? 0,
      paidUpCents: contributions[index] ?? 0,
    })),
  };
}

function capScopSubsidy(contributions: number[]): number {
  const rules = defaultRuleSetParameters(SchemeCode.CAP_SCOP_SCIC);
  return capScopScicFinalSubsidy({
    grantedCents: 4_600_000,
    contributionsCents: contributions,
    subsidyRateOfContributionPercent: rules.subsidyRateOfContributionPercent,
    maxSubsidyPerEmployeeAssociateCents: rules.maxSubsidyPerEmployeeAssociateCents,
    maxSubsidyPerCooperativeCents: rules.maxSubsidyPerCooperativeCents,
  }).finalCents;
}

/** A VOS ID's subsidy from the eligible expenses actually paid (forecast 120 000 €, granted 40 000 €). */
export function demoAVosIdFinal(actualEligibleCents: number): number {
  return aVosIdFinalSubsidy({
    grantedCents: 4_000_000,
    forecastEligibleCents: 12_000_000,
    actualEligibleCents,
    maxSubsidyRatePercent: defaultRuleSetParameters(SchemeCode.A_VOS_ID).maxSubsidyRatePercent,
  }).finalCents;
}

/** The A VOS ID dossier whose actual expenses were lower: what it spent, what it must repay. */
export const DEMO_RECOVERY = (() => {
  const eligibleExpensesPaidCents = 3_123_456;
  const finalCents = demoAVosIdFinal(eligibleExpensesPaidCents);
  return { eligibleExpensesPaidCents, finalCents, toRepayCents: 1_200_000 - finalCents };
})();

type Stage = (life: PostGrantLife) => Promise<void>;

const STAGES: Array<[DemoDossier, Stage]> = [
  [
    CAP_ASSO_ADVANCE_PAID,
    async (life) => {
      await life.accept(paris("2026-01-26T18:40"), paris("2026-02-02T10:15"));
      await life.paidInFull(1, paris("2026-02-05T09:30"), "MDT-2026-004512");
    },
  ],
  [
    CAP_ASSO_BALANCE_REQUESTED,
    async (life) => {
      await life.accept(paris("2025-09-01T21:05"), paris("2025-09-03T11:00"));
      await life.paidInFull(1, paris("2025-09-08T10:00"), "MDT-2025-017733");
      const at = paris("2026-11-16T17:20");
      await life.submitReport(1, at, await reportAnswers(life, capAssoYearReport(1)), CAP_ASSO_REPORT_PIECES);
      await life.request(2, at, 600_000);
    },
  ],
  [
    CAP_ASSO_REPORT_OVERDUE,
    async (life) => {
      await life.accept(paris("2024-09-16T19:30"), paris("2024-09-20T09:45"));
      await life.paidInFull(1, paris("2024-09-30T14:00"), "MDT-2024-021408");
      // Year 1 ran to 19 September 2025: its report was due on 19 March 2026 and has not come.
      await life.reminded(1, paris("2026-03-19"));
    },
  ],
  [
    CAP_ASSO_YEAR_2,
    async (life) => {
      await life.accept(paris("2024-09-02T12:10"), paris("2024-09-05T16:30"));
      await life.paidInFull(1, paris("2024-09-09T10:00"), "MDT-2024-019870");
      const at = paris("2026-01-20T15:45");
      await life.submitReport(1, at, await reportAnswers(life, capAssoYearReport(1)), CAP_ASSO_REPORT_PIECES);
      await life.request(2, at, 600_000);
      await life.approveReport(1, paris("2026-02-06T11:00"), 1_200_000);
      await life.approve(2, paris("2026-02-06T11:05"), 600_000);
      await life.pay(2, paris("2026-02-20"), 600_000, "MDT-2026-002291");
      await life.paidInFull(3, paris("2026-02-09T09:15"), "MDT-2026-002574");
    },
  ],
  [
    A_VOS_ID_BALANCE_REQUESTED,
    async (life) => {
      await life.accept(paris("2024-09-09T18:00"), paris("2024-09-12T10:30"));
      await life.paidInFull(1, paris("2024-09-16T09:00"), "MDT-2024-020115");
      const eligible = 12_148_000;
      const balance = demoAVosIdFinal(eligible) - 1_200_000;
      const at = paris("2026-11-23T16:10");
      await life.submitReport(
        1,
        at,
        await reportAnswers(life, aVosIdReport(eligible, false)),
        A_VOS_ID_REPORT_PIECES,
      );
      await life.request(2, at, balance, { kind: "EXPENSES", actualEligibleCents: eligible }, [
        EXPENSE_STATEMENT,
      ]);
    },
  ],
  [
    A_VOS_ID_RECOVERY,
    async (life) => {
      await life.accept(paris("2024-09-23T20:15"), paris("2024-09-26T09:00"));
      await life.paidInFull(1, paris("2024-10-01T11:30"), "MDT-2024-022019");
      const { eligibleExpensesPaidCents, finalCents, toRepayCents } = DEMO_RECOVERY;
      const sent = paris("2026-10-12T10:00");
      await life.submitReport(
        1,
        sent,
        await reportAnswers(life, aVosIdReport(eligibleExpensesPaidCents, true)),
        A_VOS_ID_REPORT_PIECES,
      );
      await life.request(2, sent, 0, { kind: "EXPENSES", actualEligibleCents: eligibleExpensesPaidCents }, [
        EXPENSE_STATEMENT,
      ]);
      const decided = paris("2026-11-02T14:30");
      await life.approveReport(1, decided, finalCents);
      await life.cancel(
        2,
        decided,
        `la subvention finale, ${formatEuros(finalCents)}, est inférieure à l’avance versée`,
      );
      await life.recovery(
        toRepayCents,
        `Dépenses éligibles réalisées : ${formatEuros(eligibleExpensesPaidCents)} au lieu de 120 000,00 € prévus ; subvention finale de ${formatEuros(finalCents)} pour une avance versée de 12 000,00 €.`,
        decided,
        paris("2026-12-02"),
      );
    },
  ],
  [
    CAP_SCOP_REQUESTED,
    async (life) => {
      await life.accept(paris("2026-04-13T08:50"), paris("2026-04-16T15:20"));
      // One associate paid up 2 437,50 € instead of 3 000 €: the subsidy follows the capital paid up.
      const contributions = contributionsCents(CAP_SCOP_REQUESTED, { index: 5, cents: 243_750 });
      await life.request(
        1,
        paris("2026-11-11T10:40"),
        capScopSubsidy(contributions),
        capScopDeclaration(CAP_SCOP_REQUESTED, contributions),
        [CAPITAL_CERTIFICATE],
      );
    },
  ],
  [
    CAP_SCOP_SETTLED,
    async (life) => {
      await life.accept(paris("2026-04-06T09:10"), paris("2026-04-08T14:00"));
      const contributions = contributionsCents(CAP_SCOP_SETTLED);
      const amount = capScopSubsidy(contributions);
      await life.request(
        1,
        paris("2026-05-12T11:00"),
        amount,
        capScopDeclaration(CAP_SCOP_SETTLED, contributions),
        [CAPITAL_CERTIFICATE],
      );
      await life.approve(1, paris("2026-05-26T10:00"), amount);
      await life.pay(1, paris("2026-06-09"), amount, "MDT-2026-011846");
      await life.settled(paris("2026-06-16T10:00"));
    },
  ],
];

/** Writes the post-grant life of the demo dossiers; call it once they are written, in their transaction. */
export async function seedDemoPostGrant(
  tx: Tx,
  refs: DemoReferences,
  storage: FileStorage,
  now: Date,
): Promise<void> {
  const lifeOf = async (demo: DemoDossier) => {
    const title = String(demo.answers.title);
    const dossier = await tx.dossier.findFirstOrThrow({
      where: { title, organisationId: refs.organisations[demo.organisation] },
      select: { id: true, title: true, schemeCode: true },
    });
    return new PostGrantLife(tx, refs, storage, demo, dossier);
  };
  for (const [demo, stage] of STAGES) await stage(await lifeOf(demo));
  await seedDemoAdvances(lifeOf, now);
}
