// What an association declares when it requests a payment, and the amount due that follows from it, computed
// with the ceilings of the rule-set version the dossier was granted under:
// - CAP SCOP-SCIC: each employee-associate's capital subscribed and paid up → capScopScicFinalSubsidy;
// - A VOS ID balance: the eligible expenses actually paid → aVosIdFinalSubsidy, minus what the period received;
// - a balance whose report is approved: the subsidy retained by the report, minus what the period received;
// - an advance: the planned amount.
// Pure: the service reads the rows, this decides. Amounts in cents.
import { formatEuros, parseEuros } from "~/domain/format";
import { PaymentKind, ReportStatus, SchemeCode } from "~/generated/prisma/enums";

import { aVosIdFinalSubsidy, capScopScicFinalSubsidy, periodBalance } from "./settlement";

export interface EmployeeAssociateDeclared {
  name: string;
  subscribedCents: number;
  paidUpCents: number;
}

/** The declaration stored with the request (Payment.declaration). */
export type PaymentDeclaration =
  | { kind: "CONTRIBUTIONS"; associates: EmployeeAssociateDeclared[] }
  | { kind: "EXPENSES"; actualEligibleCents: number }
  | { kind: "NONE" };

export type DeclarationKind = PaymentDeclaration["kind"];

/** What a payment's request must declare, from its scheme and kind. */
export function declarationKind(schemeCode: SchemeCode, kind: PaymentKind): DeclarationKind {
  if (schemeCode === SchemeCode.CAP_SCOP_SCIC && kind === PaymentKind.SINGLE) return "CONTRIBUTIONS";
  if (schemeCode === SchemeCode.A_VOS_ID && kind === PaymentKind.BALANCE) return "EXPENSES";
  return "NONE";
}

/** The file input of a proof: `proof.CAPITAL_CERTIFICATE`, `proof.OTHER`. */
export const proofField = (kind: string) => `proof.${kind}`;
/** The files one request may carry: one per required proof and one more. */
export const MAX_PROOF_FILES = 6;
export const MAX_REASON_LENGTH = 2_000;
export const MAX_MANDATE_LENGTH = 60;

/** The form's field names for the employee-associate of row `index`. */
export const associateField = (index: number, field: "name" | "subscribed" | "paidUp") =>
  `associate.${index}.${field}`;
export const EXPENSES_FIELD = "actualEligibleExpenses";
/** At most this many employee-associates are read from a form (the dossier form allows 300). */
export const MAX_ASSOCIATES = 300;

type Values = Record<string, string | string[] | undefined>;
const text = (values: Values, name: string) => {
  const value = values[name];
  return (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();
};

export type DeclarationReading =
  { ok: true; declaration: PaymentDeclaration } | { ok: false; errors: Record<string, string> };

/** The declaration typed in the form, or the French errors by field. */
export function readDeclaration(kind: DeclarationKind, values: Values): DeclarationReading {
  const errors: Record<string, string> = {};
  if (kind === "NONE") return { ok: true, declaration: { kind: "NONE" } };
  if (kind === "EXPENSES") {
    const raw = text(values, EXPENSES_FIELD);
    const parsed = parseEuros(raw);
    if (!parsed.ok) {
      errors[EXPENSES_FIELD] = raw
        ? parsed.error
        : "Indiquez le total des dépenses éligibles effectivement payées.";
      return { ok: false, errors };
    }
    return { ok: true, declaration: { kind: "EXPENSES", actualEligibleCents: parsed.cents } };
  }
  const associates: EmployeeAssociateDeclared[] = [];
  for (let index = 0; index < MAX_ASSOCIATES; index += 1) {
    const names = {
      name: associateField(index, "name"),
      subscribed: associateField(index, "subscribed"),
      paidUp: associateField(index, "paidUp"),
    };
    if (!(names.name in values) && !(names.subscribed in values) && !(names.paidUp in values)) break;
    const name = text(values, names.name);
    const subscribedRaw = text(values, names.subscribed);
    const paidUpRaw = text(values, names.paidUp);
    // A row left empty is a spare line of the form.
    if (!name && !subscribedRaw && !paidUpRaw) continue;
    if (!name) errors[names.name] = `Ligne ${index + 1}\u00a0: indiquez le nom du salarié associé.`;
    const subscribed = parseEuros(subscribedRaw);
    if (!subscribed.ok)
      errors[names.subscribed] = `Ligne ${index + 1}, capital souscrit\u00a0: ${subscribed.error}`;
    const paidUp = parseEuros(paidUpRaw);
    if (!paidUp.ok) errors[names.paidUp] = `Ligne ${index + 1}, capital libéré\u00a0: ${paidUp.error}`;
    if (subscribed.ok && paidUp.ok && paidUp.cents > subscribed.cents) {
      errors[names.paidUp] =
        `Ligne ${index + 1}\u00a0: le capital libéré ne peut pas dépasser le capital souscrit.`;
    }
    if (name && subscribed.ok && paidUp.ok) {
      associates.push({ name, subscribedCents: subscribed.cents, paidUpCents: paidUp.cents });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (associates.length === 0) {
    return {
      ok: false,
      errors: {
        [associateField(0, "name")]:
          "Indiquez au moins un salarié associé, avec le capital qu’il a souscrit et libéré.",
      },
    };
  }
  return { ok: true, declaration: { kind: "CONTRIBUTIONS", associates } };
}

/** A stored declaration read back (the column is JSON): an unknown shape is no declaration. */
export function storedDeclaration(json: unknown): PaymentDeclaration | null {
  if (!json || typeof json !== "object") return null;
  const value = json as { kind?: unknown; associates?: unknown; actualEligibleCents?: unknown };
  if (value.kind === "NONE") return { kind: "NONE" };
  if (value.kind === "EXPENSES" && Number.isSafeInteger(value.actualEligibleCents)) {
    return { kind: "EXPENSES", actualEligibleCents: value.actualEligibleCents as number };
  }
  if (value.kind === "CONTRIBUTIONS" && Array.isArray(value.associates)) {
    const associates = (value.associates as unknown[]).filter(
      (item): item is EmployeeAssociateDeclared =>
        typeof item === "object" &&
        item !== null &&
        typeof (item as EmployeeAssociateDeclared).name === "string" &&
        Number.isSafeInteger((item as EmployeeAssociateDeclared).subscribedCents) &&
        Number.isSafeInteger((item as EmployeeAssociateDeclared).paidUpCents),
    );
    return { kind: "CONTRIBUTIONS", associates };
  }
  return null;
}

/** The ceilings of the granted rule-set version a recomputation needs. */
export interface GrantedRules {
  capScopScic?: {
    subsidyRateOfContributionPercent: number;
    maxSubsidyPerEmployeeAssociateCents: number;
    maxSubsidyPerCooperativeCents: number;
  };
  aVosId?: { maxSubsidyRatePercent: number; forecastEligibleCents: number };
}

export interface DueInput {
  schemeCode: SchemeCode;
  kind: PaymentKind;
  plannedAmountCents: number;
  grantedAmountCents: number;
  declaration: PaymentDeclaration | null;
  rules: GrantedRules;
  /** The report of the payment's period, if the scheme has one. */
  report: { status: ReportStatus; retainedAmountCents: number | null } | null;
  /** What the other payments of the same period received or will receive (paid, or approved). */
  periodReceivedCents: number;
}

export interface Due {
  /** The most that may be requested (and approved). */
  dueCents: number;
  /** How it was computed, in French, for both pages. */
  basis: string;
  /** CAP SCOP-SCIC: the subsidy per employee-associate, in the order declared. */
  perPersonCents?: number[];
  /** A balance below what the period already received: the difference to repay. */
  toRepayCents?: number;
}

const received = (cents: number) =>
  cents > 0 ? ` moins ${formatEuros(cents)} déjà versés ou approuvés pour la période` : "";

/** The amount due for the payment, recomputed from what was declared and the granted version's rules. */
export function paymentDue(input: DueInput): Due {
  const { report, declaration, rules } = input;
  if (
    input.kind === PaymentKind.BALANCE &&
    report?.status === ReportStatus.APPROVED &&
    report.retainedAmountCents !== null
  ) {
    const balance = periodBalance({
      dueCents: report.retainedAmountCents,
      paidCents: input.periodReceivedCents,
    });
    return {
      dueCents: balance.toPayCents,
      toRepayCents: balance.toRepayCents,
      basis: `Subvention retenue au compte rendu financier approuvé (${formatEuros(report.retainedAmountCents)})${received(input.periodReceivedCents)}.`,
    };
  }
  if (declaration?.kind === "EXPENSES" && rules.aVosId) {
    const subsidy = aVosIdFinalSubsidy({
      grantedCents: input.grantedAmountCents,
      forecastEligibleCents: rules.aVosId.forecastEligibleCents,
      actualEligibleCents: declaration.actualEligibleCents,
      maxSubsidyRatePercent: rules.aVosId.maxSubsidyRatePercent,
    });
    const balance = periodBalance({ dueCents: subsidy.finalCents, paidCents: input.periodReceivedCents });
    const rate = subsidy.ratePercent.toLocaleString("fr-FR");
    return {
      dueCents: balance.toPayCents,
      toRepayCents: balance.toRepayCents,
      basis: `Subvention finale\u00a0: ${rate}\u00a0% de ${formatEuros(declaration.actualEligibleCents)} de dépenses éligibles payées, au plus ${formatEuros(input.grantedAmountCents)} accordés, soit ${formatEuros(subsidy.finalCents)}${received(input.periodReceivedCents)}.`,
    };
  }
  if (declaration?.kind === "CONTRIBUTIONS" && rules.capScopScic) {
    const subsidy = capScopScicFinalSubsidy({
      grantedCents: input.grantedAmountCents,
      contributionsCents: declaration.associates.map((associate) => associate.paidUpCents),
      ...rules.capScopScic,
    });
    const balance = periodBalance({ dueCents: subsidy.finalCents, paidCents: input.periodReceivedCents });
    return {
      dueCents: balance.toPayCents,
      perPersonCents: subsidy.perPersonCents,
      basis: `${rules.capScopScic.subsidyRateOfContributionPercent}\u00a0% du capital libéré par chaque salarié associé, au plus ${formatEuros(rules.capScopScic.maxSubsidyPerEmployeeAssociateCents)} par personne et ${formatEuros(rules.capScopScic.maxSubsidyPerCooperativeCents)} par coopérative, et au plus ${formatEuros(input.grantedAmountCents)} accordés\u00a0: ${formatEuros(subsidy.finalCents)}${received(input.periodReceivedCents)}.`,
    };
  }
  return { dueCents: input.plannedAmountCents, basis: "Montant prévu par la convention." };
}

export type AmountReading = { ok: true; cents: number } | { ok: false; error: string };

/** An amount typed in a form, at most `max`; empty means `fallback`. */
export function readAmount(raw: string, fallback: number, max: number, what: string): AmountReading {
  const typed = raw.trim();
  if (!typed)
    return fallback > 0
      ? { ok: true, cents: Math.min(fallback, max) }
      : { ok: false, error: "Saisissez un montant." };
  const parsed = parseEuros(typed);
  if (!parsed.ok) return parsed;
  if (parsed.cents === 0) return { ok: false, error: "Le montant doit être supérieur à zéro." };
  if (parsed.cents > max) return { ok: false, error: `${what} ne peut pas dépasser ${formatEuros(max)}.` };
  return { ok: true, cents: parsed.cents };
}
