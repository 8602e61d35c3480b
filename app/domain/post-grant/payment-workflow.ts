// A payment's life after the grant: planned, requested by the association with its proofs, sent back for
// a correction or approved by the instructor, then paid by the Region's finance service (recorded by the
// instructor with the date, the amount and the mandate reference). Whether a planned payment may be
// requested yet (agreement accepted, previous report approved...) is `paymentAvailability`.
import { PaymentStatus, ReportStatus, UserRole } from "~/generated/prisma/enums";

import { checkMove, type Move } from "./machine";
import { PAYMENT_CONDITION_LABELS, type PaymentCondition } from "./plan";

export const PAYMENT_MOVES = {
  REQUEST: {
    label: "Demander le versement",
    from: [PaymentStatus.EXPECTED],
    to: PaymentStatus.REQUESTED,
    roles: [UserRole.APPLICANT],
    notifies: ["ASSIGNEE"],
    effects: "La demande et ses justificatifs sont transmis au service instructeur de la Région.",
  },
  ASK_CORRECTION: {
    label: "Demander un complément",
    from: [PaymentStatus.REQUESTED],
    to: PaymentStatus.CORRECTION_REQUESTED,
    roles: [UserRole.INSTRUCTOR],
    reasonRequired: true,
    notifies: ["APPLICANT"],
    effects: "La demande revient à l’association, prévenue par e-mail avec ce qu’il faut compléter.",
  },
  RESUBMIT: {
    label: "Renvoyer la demande complétée",
    from: [PaymentStatus.CORRECTION_REQUESTED],
    to: PaymentStatus.REQUESTED,
    roles: [UserRole.APPLICANT],
    notifies: ["ASSIGNEE"],
    effects: "La demande complétée est transmise au service instructeur.",
  },
  APPROVE: {
    label: "Approuver le versement",
    from: [PaymentStatus.REQUESTED],
    to: PaymentStatus.APPROVED,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    effects:
      "Le montant approuvé est transmis au service financier de la Région pour mise en paiement\u202f; l’association est prévenue.",
  },
  RECORD_PAYMENT: {
    label: "Enregistrer le paiement",
    from: [PaymentStatus.APPROVED],
    to: PaymentStatus.PAID,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    effects:
      "Le paiement fait par le service financier est enregistré (date, montant, mandat)\u202f; l’association est prévenue.",
  },
  CANCEL: {
    label: "Annuler ce versement",
    from: [PaymentStatus.EXPECTED, PaymentStatus.REQUESTED, PaymentStatus.CORRECTION_REQUESTED],
    to: PaymentStatus.CANCELLED,
    roles: [UserRole.INSTRUCTOR],
    reasonRequired: true,
    notifies: ["APPLICANT"],
    effects:
      "Le versement n’est plus dû (par exemple un solde ramené à zéro)\u202f; l’association est prévenue avec le motif.",
  },
} as const satisfies Record<string, Move<PaymentStatus>>;

export type PaymentMove = keyof typeof PAYMENT_MOVES;

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  EXPECTED: "Prévu",
  REQUESTED: "Demandé",
  CORRECTION_REQUESTED: "Complément demandé",
  APPROVED: "Approuvé, en cours de paiement",
  PAID: "Versé",
  CANCELLED: "Annulé",
};

const PAYMENT_PHRASES: Record<PaymentStatus, string> = {
  EXPECTED: "un versement qui n’a pas encore été demandé",
  REQUESTED: "un versement demandé",
  CORRECTION_REQUESTED: "un versement en attente de complément",
  APPROVED: "un versement approuvé",
  PAID: "un versement déjà payé",
  CANCELLED: "un versement annulé",
};

export function checkPaymentMove(request: {
  status: PaymentStatus;
  move: string;
  role: UserRole;
  reason?: string | null;
}) {
  return checkMove<PaymentStatus>(PAYMENT_MOVES, PAYMENT_PHRASES, request);
}

export type PaymentAvailability = { ok: true } | { ok: false; reason: string };

/**
 * Whether a planned payment may be requested now, given what happened to the dossier: the agreement
 * accepted by both sides, the report of the period (a balance) or of the previous period (a later advance).
 */
export function paymentAvailability(input: {
  condition: PaymentCondition;
  period: number;
  agreementAccepted: boolean;
  reports: readonly { period: number; status: ReportStatus }[];
}): PaymentAvailability {
  if (!input.agreementAccepted) {
    return {
      ok: false,
      reason: "La convention doit d’abord être acceptée par l’association et par la Région.",
    };
  }
  const report = (period: number) => input.reports.find((item) => item.period === period);
  switch (input.condition) {
    case "ACCEPTANCE":
    case "PROOF":
      return { ok: true };
    case "PREVIOUS_REPORT": {
      const previous = report(input.period - 1);
      return previous?.status === ReportStatus.APPROVED
        ? { ok: true }
        : {
            ok: false,
            reason: `Possible ${PAYMENT_CONDITION_LABELS.PREVIOUS_REPORT} (année ${input.period - 1}).`,
          };
    }
    case "REPORT": {
      const own = report(input.period);
      return own && own.status !== ReportStatus.DUE && own.status !== ReportStatus.CORRECTION_REQUESTED
        ? { ok: true }
        : { ok: false, reason: "Possible une fois le compte rendu financier de la période envoyé." };
    }
  }
}
