// What every payment page and move reads about one payment: the row, its dossier's granted rule-set version
// (the ceilings and the proofs it requires), the reports and the other payments of the dossier, and from them
// whether it may be requested and the amount due. Read in the caller's transaction, after the row lock.
import { parseEuros } from "~/domain/format";
import { paymentAvailability, type PaymentAvailability } from "~/domain/post-grant/payment-workflow";
import {
  declarationKind,
  paymentDue,
  storedDeclaration,
  type Due,
  type GrantedRules,
} from "~/domain/post-grant/payment-request";
import { paymentCondition, paymentName } from "~/domain/post-grant/plan";
import {
  parseRuleSetParameters,
  type AVosIdParameters,
  type CapScopScicParameters,
  type RuleSetParametersByScheme,
} from "~/domain/schemes";
import type { RequiredAttachment } from "~/domain/schemes/common";
import { notFound } from "~/domain/user-error";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PaymentKind, PaymentStatus, SchemeCode } from "~/generated/prisma/enums";

type Db = Prisma.TransactionClient | PrismaClient;

/** « 2 » from the URL; anything else is no payment (404). */
export function paymentPosition(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,4}$/.test(raw)) return null;
  const position = Number(raw);
  return position >= 1 ? position : null;
}

const DOSSIER_SELECT = {
  id: true,
  number: true,
  title: true,
  status: true,
  schemeCode: true,
  organisationId: true,
  assigneeId: true,
  departmentCode: true,
  territoryId: true,
  agreementAcceptedAt: true,
  grantedAmountCents: true,
  answers: true,
  organisation: { select: { name: true } },
  ruleSet: { select: { version: true, parameters: true } },
} as const;

/** The payment at `position` of the dossier, with everything its pages and moves need. */
export async function paymentContext(db: Db, dossierId: string, rawPosition: string | undefined) {
  const position = paymentPosition(rawPosition);
  const payment =
    position === null
      ? null
      : await db.payment.findUnique({
          where: { dossierId_position: { dossierId, position } },
          include: {
            attachments: {
              where: { deletedAt: null },
              orderBy: { createdAt: "asc" },
              select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
            },
            requestedBy: { select: { firstName: true, lastName: true } },
            decidedBy: { select: { firstName: true, lastName: true } },
          },
        });
  if (!payment) throw notFound("Versement introuvable.");
  const [dossier, reports, others] = await Promise.all([
    db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: DOSSIER_SELECT }),
    db.financialReport.findMany({
      where: { dossierId },
      orderBy: { period: "asc" },
      select: { period: true, status: true, retainedAmountCents: true },
    }),
    db.payment.findMany({
      where: { dossierId, period: payment.period, id: { not: payment.id } },
      select: { status: true, approvedAmountCents: true, paidAmountCents: true },
    }),
  ]);
  const parsed = parseRuleSetParameters(dossier.schemeCode, dossier.ruleSet.parameters);
  if (!parsed.ok) throw new Error(`Rule set of dossier ${dossierId}: ${parsed.error}`);
  const parameters = parsed.parameters;
  const report = reports.find((item) => item.period === payment.period) ?? null;
  const condition = paymentCondition(dossier.schemeCode, payment);
  const availability: PaymentAvailability = paymentAvailability({
    condition,
    period: payment.period,
    agreementAccepted: dossier.agreementAcceptedAt !== null,
    reports,
  });
  // What the period's other payments brought: paid, or approved and on its way.
  const periodReceivedCents = others.reduce(
    (sum, other) =>
      sum +
      (other.status === PaymentStatus.PAID
        ? (other.paidAmountCents ?? 0)
        : other.status === PaymentStatus.APPROVED
          ? (other.approvedAmountCents ?? 0)
          : 0),
    0,
  );
  const rules = grantedRules(dossier.schemeCode, parameters, dossier.answers);
  const dueInput = {
    schemeCode: dossier.schemeCode,
    kind: payment.kind,
    plannedAmountCents: payment.plannedAmountCents,
    grantedAmountCents: dossier.grantedAmountCents ?? 0,
    rules,
    report,
    periodReceivedCents,
  };
  const declaration = storedDeclaration(payment.declaration);
  return {
    dossier,
    payment,
    name: paymentName(dossier.schemeCode, payment),
    condition,
    availability,
    report,
    declarationKind: declarationKind(dossier.schemeCode, payment.kind),
    declaration,
    proofs: requiredProofs(dossier.schemeCode, payment.kind, parameters),
    /** The amount due from what was declared (the planned amount before any declaration). */
    due: paymentDue({ ...dueInput, declaration }),
    /** The amount due for another declaration (the one a request posts). */
    dueFor: (posted: Parameters<typeof paymentDue>[0]["declaration"]): Due =>
      paymentDue({ ...dueInput, declaration: posted }),
  };
}

export type PaymentContext = Awaited<ReturnType<typeof paymentContext>>;

/** The proofs the granted version requires with the request of this payment. */
export function requiredProofs(
  schemeCode: SchemeCode,
  kind: PaymentKind,
  parameters: RuleSetParametersByScheme[SchemeCode],
): RequiredAttachment[] {
  if (schemeCode === SchemeCode.CAP_SCOP_SCIC && kind === PaymentKind.SINGLE) {
    return [...(parameters as CapScopScicParameters).paymentTerms.paymentAttachments];
  }
  if (schemeCode === SchemeCode.A_VOS_ID && kind === PaymentKind.BALANCE) {
    return [...(parameters as AVosIdParameters).paymentTerms.balanceAttachments];
  }
  return [];
}

/** The ceilings of the version the dossier was granted under, and the forecast the grant was computed on. */
function grantedRules(
  schemeCode: SchemeCode,
  parameters: RuleSetParametersByScheme[SchemeCode],
  answersJson: unknown,
): GrantedRules {
  const answers = (answersJson && typeof answersJson === "object" ? answersJson : {}) as Record<
    string,
    unknown
  >;
  if (schemeCode === SchemeCode.CAP_SCOP_SCIC) {
    const p = parameters as CapScopScicParameters;
    return {
      capScopScic: {
        subsidyRateOfContributionPercent: p.subsidyRateOfContributionPercent,
        maxSubsidyPerEmployeeAssociateCents: p.maxSubsidyPerEmployeeAssociateCents,
        maxSubsidyPerCooperativeCents: p.maxSubsidyPerCooperativeCents,
      },
    };
  }
  if (schemeCode === SchemeCode.A_VOS_ID) {
    const p = parameters as AVosIdParameters;
    const forecastEligibleCents = p.expenseTypes.reduce((sum, type) => {
      const raw = answers[`expense_${type.code}`];
      const parsed = typeof raw === "string" ? parseEuros(raw) : null;
      return sum + (parsed?.ok ? parsed.cents : 0);
    }, 0);
    return { aVosId: { maxSubsidyRatePercent: p.maxSubsidyRatePercent, forecastEligibleCents } };
  }
  return {};
}

/** The employee-associates the dossier declared at filing: the request form's first lines. */
export function filedAssociates(answersJson: unknown): Array<{ name: string; contribution: string }> {
  const answers = (answersJson && typeof answersJson === "object" ? answersJson : {}) as Record<
    string,
    unknown
  >;
  const rows = Array.isArray(answers.employeeAssociates) ? (answers.employeeAssociates as unknown[]) : [];
  return rows.flatMap((row) => {
    if (!row || typeof row !== "object") return [];
    const item = row as Record<string, unknown>;
    const name = [item.firstName, item.lastName]
      .filter((part) => typeof part === "string")
      .join(" ")
      .trim();
    return name
      ? [{ name, contribution: typeof item.contribution === "string" ? item.contribution : "" }]
      : [];
  });
}
