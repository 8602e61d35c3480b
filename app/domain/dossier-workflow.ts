// The dossier's life cycle, as one explicit state machine: each transition says from which statuses it
// starts, where it leads, who may make it, what it requires, whom it emails and which documents it issues —
// the one place to read to know what a transition does. Services make transitions only through
// applyTransition (app/services/dossiers/transitions.server.ts), which checks them with `checkTransition`;
// anything else is refused with a French message and changes nothing. The pages' buttons carry `label`.
import { DocumentKind, DossierStatus, UserRole } from "~/generated/prisma/enums";

/** Who a transition emails: the applicant organisation's members, or the dossier's referent instructor. */
export type Notified = "APPLICANT" | "ASSIGNEE";

export const TRANSITIONS = {
  /** The applicant files a complete, eligible draft. */
  FILE: {
    label: "Déposer le dossier",
    from: [DossierStatus.DRAFT],
    to: DossierStatus.FILED,
    roles: [UserRole.APPLICANT],
    notifies: ["APPLICANT"],
    documents: [DocumentKind.FILING_RECEIPT],
    effects:
      "Le dossier reçoit son numéro\u202f; le récépissé de dépôt est établi et envoyé par e-mail au porteur de projet.",
  },
  /** An instructor takes a filed dossier up: from now on the applicant can no longer change it. */
  START_INSTRUCTION: {
    label: "Commencer l’instruction",
    from: [DossierStatus.FILED],
    to: DossierStatus.UNDER_INSTRUCTION,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    documents: [],
    effects: "Le porteur de projet est prévenu par e-mail et ne peut plus modifier son dossier.",
  },
  /** The dossier goes back to the applicant, who fixes the fields named. */
  REQUEST_CORRECTION: {
    label: "Demander une correction",
    from: [DossierStatus.UNDER_INSTRUCTION],
    to: DossierStatus.CORRECTION_REQUESTED,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    documents: [],
    effects:
      "Le dossier revient au porteur de projet, prévenu par e-mail avec les éléments à corriger et la date de réponse\u202f; un rappel part avant cette date.",
  },
  /** The applicant sends the corrected dossier back. */
  RESUBMIT: {
    label: "Renvoyer le dossier corrigé",
    from: [DossierStatus.CORRECTION_REQUESTED],
    to: DossierStatus.UNDER_INSTRUCTION,
    roles: [UserRole.APPLICANT],
    notifies: ["ASSIGNEE"],
    documents: [],
    effects:
      "L’instructrice ou l’instructeur référent est prévenu\u202f; ce qui a changé est affiché sur le dossier.",
  },
  /** The instructor's opinion and proposed amount, for the Commission Permanente. */
  PROPOSE: {
    label: "Proposer à la Commission permanente",
    from: [DossierStatus.UNDER_INSTRUCTION],
    to: DossierStatus.PROPOSED,
    roles: [UserRole.INSTRUCTOR],
    notifies: [],
    documents: [DocumentKind.INSTRUCTOR_REPORT],
    effects:
      "Le rapport d’instruction est établi\u202f; le dossier peut être inscrit à l’ordre du jour d’une Commission permanente.",
  },
  /** The Commission Permanente's decisions, recorded by the instruction service or an administrator. */
  GRANT: {
    label: "Enregistrer l’attribution votée",
    from: [DossierStatus.PROPOSED],
    to: DossierStatus.GRANTED,
    roles: [UserRole.INSTRUCTOR, UserRole.ADMIN],
    notifies: ["APPLICANT"],
    documents: [
      DocumentKind.DECISION_LETTER,
      DocumentKind.AGREEMENT,
      DocumentKind.PAYMENT_SCHEDULE,
      DocumentKind.REPAYMENT_SCHEDULE,
    ],
    effects:
      "La lettre de décision, la convention et l’échéancier sont établis et envoyés par e-mail au porteur de projet\u202f; l’enveloppe de l’appel est débitée.",
  },
  REFUSE: {
    label: "Enregistrer le refus voté",
    from: [DossierStatus.PROPOSED],
    to: DossierStatus.REFUSED,
    roles: [UserRole.INSTRUCTOR, UserRole.ADMIN],
    notifies: ["APPLICANT"],
    documents: [DocumentKind.DECISION_LETTER],
    effects:
      "La lettre de décision, motivée et avec les voies de recours, est envoyée par e-mail au porteur de projet.",
  },
  /**
   * After the grant, once every payment is made or cancelled, every report approved and every amount to repay
   * settled (app/domain/post-grant/settlement.ts says when): the dossier is balanced.
   */
  SETTLE: {
    label: "Solder le dossier",
    from: [DossierStatus.GRANTED],
    to: DossierStatus.SETTLED,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    documents: [],
    effects:
      "Le dossier est soldé : plus aucun versement ni compte rendu n’est attendu ; le porteur de projet est prévenu par e-mail.",
  },
  /** Closed without follow-up, at any open stage (withdrawn, abandoned, out of time). */
  CLOSE: {
    label: "Clore sans suite",
    from: [
      DossierStatus.FILED,
      DossierStatus.UNDER_INSTRUCTION,
      DossierStatus.CORRECTION_REQUESTED,
      DossierStatus.PROPOSED,
    ],
    to: DossierStatus.CLOSED,
    roles: [UserRole.INSTRUCTOR],
    notifies: ["APPLICANT"],
    documents: [],
    effects: "Le porteur de projet est prévenu par e-mail, avec le motif.",
  },
  /** Reopening a closed dossier is an administrator's act. */
  REOPEN: {
    label: "Rouvrir le dossier",
    from: [DossierStatus.CLOSED],
    to: DossierStatus.UNDER_INSTRUCTION,
    roles: [UserRole.ADMIN],
    notifies: ["APPLICANT", "ASSIGNEE"],
    documents: [],
    effects:
      "Le dossier reprend en instruction\u202f; le porteur de projet et l’instructrice ou l’instructeur référent sont prévenus.",
  },
} as const satisfies Record<
  string,
  {
    label: string;
    from: readonly DossierStatus[];
    to: DossierStatus;
    roles: readonly UserRole[];
    /**
     * Who is emailed, in the transaction that makes the move (outbox): applyTransition enqueues the email
     * of app/services/dossiers/transition-notices.server.ts for each party listed.
     */
    notifies: readonly Notified[];
    /**
     * The PDF documents the move may issue (the schedule: payment or repayment, by scheme): applyTransition
     * records those it is given, and refuses any other kind.
     */
    documents: readonly DocumentKind[];
    /** What happens, in French, shown with the action's form (the label is its title and button). */
    effects: string;
  }
>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

/** Transitions that must say why: the reason is written in the timeline and sent to the applicant. */
const REASON_REQUIRED: readonly Transition[] = ["REQUEST_CORRECTION", "PROPOSE", "REFUSE", "CLOSE", "REOPEN"];

export interface TransitionRequest {
  status: DossierStatus;
  transition: Transition;
  role: UserRole;
  reason?: string | null;
}

export type TransitionCheck = { ok: true; to: DossierStatus } | { ok: false; error: string };

const STATUS_PHRASES: Record<DossierStatus, string> = {
  DRAFT: "un brouillon",
  FILED: "un dossier déposé",
  UNDER_INSTRUCTION: "un dossier en instruction",
  CORRECTION_REQUESTED: "un dossier en attente de correction",
  PROPOSED: "un dossier proposé à la Commission permanente",
  GRANTED: "un dossier accordé",
  REFUSED: "un dossier refusé",
  CLOSED: "un dossier clos",
  SETTLED: "un dossier soldé",
};

/** Whether `role` may make `transition` from `status`, and where it leads; a French refusal otherwise. */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  const transition = TRANSITIONS[request.transition];
  if (!transition) return { ok: false, error: "Action inconnue." };
  if (!(transition.roles as readonly UserRole[]).includes(request.role)) {
    return {
      ok: false,
      error: `Vous ne pouvez pas « ${transition.label.toLowerCase()} » : action réservée.`,
    };
  }
  if (!(transition.from as readonly DossierStatus[]).includes(request.status)) {
    return {
      ok: false,
      error: `Impossible de « ${transition.label.toLowerCase()} » pour ${STATUS_PHRASES[request.status]}.`,
    };
  }
  if (REASON_REQUIRED.includes(request.transition) && !request.reason?.trim()) {
    return { ok: false, error: "Indiquez le motif : il figure dans l’historique du dossier." };
  }
  return { ok: true, to: transition.to };
}

/** What a role may do with a dossier in this status, for the buttons a page offers. */
export function availableTransitions(status: DossierStatus, role: UserRole): Transition[] {
  return TRANSITION_NAMES.filter((name) => {
    const transition = TRANSITIONS[name];
    return (
      (transition.from as readonly DossierStatus[]).includes(status) &&
      (transition.roles as readonly UserRole[]).includes(role)
    );
  });
}
