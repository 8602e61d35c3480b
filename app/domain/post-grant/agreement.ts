// The agreement's acceptance and the one story the decision documents tell about it: the agreement takes
// effect once both parties have accepted it (online on the portal or signed on paper), and each payment
// follows the payment terms of the rule-set version the dossier was granted under. The declarations ticked
// are stored word for word; the payment terms' sentences are article 4 of the agreement and the page's summary.
import { equityAdvanceRepaymentSchedule, repaymentMonths, type RepaymentRules } from "~/domain/schedules";
import {
  parseRuleSetParameters,
  type AVosIdParameters,
  type CapAssoParameters,
  type CapScopScicParameters,
  type EquityAdvanceParameters,
} from "~/domain/schemes";
import type {
  AVosIdPaymentTerms,
  CapAssoPaymentTerms,
  CapScopScicPaymentTerms,
} from "~/domain/schemes/payment-terms";
import { AcceptanceMethod, AgreementSide, SchemeCode } from "~/generated/prisma/enums";

import { paymentName, postGrantPlan, type PlannedPayment } from "./plan";

export const AGREEMENT_SIDE_LABELS: Record<AgreementSide, string> = {
  HOLDER: "Pour le bénéficiaire",
  REGION: "Pour la Région",
};

export const ACCEPTANCE_METHOD_LABELS: Record<AcceptanceMethod, string> = {
  ONLINE: "acceptée en ligne",
  PAPER: "signée sur papier (copie transmise)",
};

/** The declaration ticked with an acceptance, exactly as the page shows it and the certificate quotes it. */
export function agreementDeclaration(
  side: AgreementSide,
  method: AcceptanceMethod,
  dossier: { number: string; organisationName: string },
): string {
  if (side === AgreementSide.HOLDER) {
    return method === AcceptanceMethod.ONLINE
      ? `Je déclare avoir lu la convention du dossier ${dossier.number}, être habilité·e à engager ` +
          `${dossier.organisationName} et accepter cette convention en son nom, sans réserve.`
      : `Je déclare que le fichier transmis est la copie intégrale de la convention du dossier ${dossier.number}, ` +
          `signée sur papier par la personne habilitée à engager ${dossier.organisationName} désignée ci-dessus.`;
  }
  return method === AcceptanceMethod.ONLINE
    ? `J’enregistre l’acceptation de la convention du dossier ${dossier.number} au nom de la Région ` +
        "Centre-Val de Loire par la personne désignée ci-dessus, dûment habilitée."
    : `Je déclare que le fichier transmis est la copie intégrale de la convention du dossier ${dossier.number}, ` +
        "signée sur papier pour la Région Centre-Val de Loire par la personne désignée ci-dessus.";
}

/** What each scheme's payment terms say (article 4 of the agreement, and the convention page's summary). */
export type AgreementTerms =
  | { schemeCode: typeof SchemeCode.CAP_ASSO; terms: CapAssoPaymentTerms; years: number }
  | { schemeCode: typeof SchemeCode.A_VOS_ID; terms: AVosIdPaymentTerms }
  | { schemeCode: typeof SchemeCode.CAP_SCOP_SCIC; terms: CapScopScicPaymentTerms }
  | { schemeCode: typeof SchemeCode.EQUITY_ADVANCE; rules: RepaymentRules };

/** The payment terms of the rule-set version the dossier was granted under, as article 4 states them. */
export function agreementTermsOf(schemeCode: SchemeCode, ruleSetParameters: unknown): AgreementTerms {
  const parsed = parseRuleSetParameters(schemeCode, ruleSetParameters);
  // A published rule set was validated when it was saved: failing here is a defect, not bad input.
  if (!parsed.ok) throw new Error(`Paramètres du dispositif illisibles : ${parsed.error}`);
  switch (schemeCode) {
    case SchemeCode.CAP_ASSO: {
      const parameters = parsed.parameters as CapAssoParameters;
      return {
        schemeCode,
        terms: parameters.paymentTerms,
        years: Math.max(1, Math.round(parameters.agreementLengthMonths / 12)),
      };
    }
    case SchemeCode.A_VOS_ID:
      return { schemeCode, terms: (parsed.parameters as AVosIdParameters).paymentTerms };
    case SchemeCode.CAP_SCOP_SCIC:
      return { schemeCode, terms: (parsed.parameters as CapScopScicParameters).paymentTerms };
    case SchemeCode.EQUITY_ADVANCE: {
      const parameters = parsed.parameters as EquityAdvanceParameters;
      return {
        schemeCode,
        rules: {
          maxDurationMonths: parameters.maxDurationMonths,
          repaymentDeferralMonths: parameters.repaymentDeferralMonths,
          repaymentFrequencyMonths: parameters.repaymentFrequencyMonths,
        },
      };
    }
  }
}

const percent = (value: number) => `${value}\u00a0%`;
const monthsText = (value: number) => `${value}\u00a0mois`;

/** Article 3: when the agreement takes effect. */
export const AGREEMENT_EFFECT =
  "La convention prend effet à la date à laquelle les deux parties l’ont acceptée, en ligne sur le portail " +
  "ou par signature sur papier\u00a0; aucun versement ne peut intervenir avant.";

/** Article 4's paragraphs: how the aid is paid (or, for an equity advance, paid and repaid). */
export function paymentTermsParagraphs(input: AgreementTerms): string[] {
  switch (input.schemeCode) {
    case SchemeCode.CAP_ASSO: {
      const { advancePercent, reportDueMonths } = input.terms;
      return [
        advancePercent > 0
          ? `Le montant de chaque année de convention est versé en deux fois\u00a0: une avance de ` +
            `${percent(advancePercent)} du montant de l’année, à l’acceptation de la convention par les deux ` +
            "parties pour l’année 1 et, pour les années suivantes, une fois approuvé le compte rendu financier " +
            "de l’année précédente\u00a0; puis le solde de l’année, sur présentation de son compte rendu " +
            "financier, une fois celui-ci approuvé."
          : "Le montant de chaque année de convention est versé sur présentation de son compte rendu " +
            "financier, une fois celui-ci approuvé.",
        `Le compte rendu financier de chaque année est remis au plus tard ${monthsText(reportDueMonths)} ` +
          "après la fin de l’année de convention, qui court de date à date à partir de l’acceptation de la " +
          "convention.",
      ];
    }
    case SchemeCode.A_VOS_ID: {
      const { advancePercent, projectLengthMonths, reportDueMonths } = input.terms;
      return [
        (advancePercent > 0
          ? `Une avance de ${percent(advancePercent)} du montant de la subvention est versée à l’acceptation ` +
            "de la convention par les deux parties. Le solde est versé "
          : "La subvention est versée ") +
          "sur présentation du compte rendu financier du projet et de l’état récapitulatif des dépenses " +
          "acquittées, une fois ceux-ci approuvés.",
        "La subvention finalement due est égale au taux de la subvention appliqué aux dépenses éligibles " +
          "effectivement payées, sans dépasser le montant attribué. Si les sommes déjà versées la dépassent, " +
          "la différence est reversée à la Région.",
        `Le projet est réalisé dans les ${monthsText(projectLengthMonths)} qui suivent l’acceptation de la ` +
          `convention\u00a0; le compte rendu financier est remis au plus tard ${monthsText(reportDueMonths)} ` +
          "après la fin de cette période.",
      ];
    }
    case SchemeCode.CAP_SCOP_SCIC:
      return [
        "La subvention est versée en une fois, sur présentation de l’attestation de la coopérative établissant " +
          "le capital souscrit et libéré par chaque salarié associé, au plus tard " +
          `${monthsText(input.terms.proofDeadlineMonths)} après l’acceptation de la convention par les deux parties.`,
        "Son montant est recalculé à partir des apports effectivement libérés, dans la limite des plafonds par " +
          "salarié associé et par coopérative, sans dépasser le montant attribué.",
      ];
    case SchemeCode.EQUITY_ADVANCE:
      return [
        "L’apport est versé en une fois après l’acceptation de la convention par les deux parties. Le " +
          "bénéficiaire le rembourse à la Région selon l’échéancier ci-dessous, compté à partir du versement, " +
          "par virement, sans intérêt ni frais.",
        "Le bénéficiaire peut rembourser tout ou partie de l’apport par anticipation. Il informe la Région " +
          "dans un délai d’un mois de chaque versement des fonds européens attendus.",
      ];
  }
}

/** A line of the payment schedule: which payment, when (relative to the acceptance), how much is planned. */
export interface ScheduleLine {
  position: number;
  name: string;
  when: string;
  amountCents: number;
}

/** « à l’acceptation de la convention », « année 2, … »: when each planned payment falls, in words. */
export function plannedPaymentLines(
  schemeCode: SchemeCode,
  payments: readonly PlannedPayment[],
): ScheduleLine[] {
  return payments.map((payment) => {
    const year = schemeCode === SchemeCode.CAP_ASSO ? `année ${payment.period}, ` : "";
    const when = {
      ACCEPTANCE: "à l’acceptation de la convention par les deux parties",
      PREVIOUS_REPORT: `${year}une fois approuvé le compte rendu financier de l’année ${payment.period - 1}`,
      REPORT:
        schemeCode === SchemeCode.CAP_ASSO
          ? `sur le compte rendu financier de l’année ${payment.period}`
          : "sur le compte rendu financier du projet",
      PROOF: "sur justificatifs, après l’acceptation de la convention",
    }[payment.condition];
    return {
      position: payment.position,
      name: paymentName(schemeCode, payment),
      when: when.charAt(0).toUpperCase() + when.slice(1),
      amountCents: payment.plannedAmountCents,
    };
  });
}

/** The schedule the agreement and the schedule PDF print: payments planned, or an advance's repayments. */
export interface ScheduleTable {
  kind: "PAYMENT" | "REPAYMENT";
  lines: ScheduleLine[];
}

/**
 * The decision's schedule, in the plan's own terms: each payment with its condition (« à l’acceptation de
 * la convention », « année 2, … ») and its planned amount; for an equity advance, each repayment counted in
 * months from the payment of the advance. No calendar date: everything runs from the acceptance.
 */
export function scheduleTable(input: {
  terms: AgreementTerms;
  grantedAmountCents: number;
  yearlyAmountsCents: readonly number[];
}): ScheduleTable {
  const { terms, grantedAmountCents } = input;
  // Only the order and amounts are used: the dates of the plan start at the (future) acceptance.
  const startsOn = new Date(0);
  switch (terms.schemeCode) {
    case SchemeCode.EQUITY_ADVANCE: {
      const months = repaymentMonths(terms.rules);
      const schedule = equityAdvanceRepaymentSchedule(grantedAmountCents, terms.rules, startsOn);
      return {
        kind: "REPAYMENT",
        lines: schedule.instalments.map((instalment, index) => ({
          position: instalment.position,
          name: `Remboursement ${instalment.position}`,
          when: `${months[index] ?? 0}\u00a0mois après le versement de l’apport`,
          amountCents: instalment.amountCents,
        })),
      };
    }
    case SchemeCode.CAP_ASSO: {
      const plan = postGrantPlan({
        schemeCode: SchemeCode.CAP_ASSO,
        terms: terms.terms,
        agreementLengthMonths: terms.years * 12,
        grantedAmountCents,
        yearlyAmountsCents: input.yearlyAmountsCents,
        startsOn,
      });
      return { kind: "PAYMENT", lines: plannedPaymentLines(terms.schemeCode, plan.payments) };
    }
    case SchemeCode.A_VOS_ID:
    case SchemeCode.CAP_SCOP_SCIC: {
      const plan =
        terms.schemeCode === SchemeCode.A_VOS_ID
          ? postGrantPlan({
              schemeCode: SchemeCode.A_VOS_ID,
              terms: terms.terms,
              grantedAmountCents,
              startsOn,
            })
          : postGrantPlan({
              schemeCode: SchemeCode.CAP_SCOP_SCIC,
              terms: terms.terms,
              grantedAmountCents,
              startsOn,
            });
      return { kind: "PAYMENT", lines: plannedPaymentLines(terms.schemeCode, plan.payments) };
    }
  }
}
