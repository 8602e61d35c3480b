// A dossier's timeline as its applicants read it: what happened, in their words, and by whom. Region
// staff are never named to applicants: they read « Service instructeur de la Région ».
import { fullName } from "~/domain/people";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { formatDateTime } from "~/domain/format";
import { formatBytes } from "~/domain/uploads";
import { DossierEventKind, DossierStatus, UserRole } from "~/generated/prisma/enums";

export const REGION_AUTHOR_LABEL = "Service instructeur de la Région";

const STATUS_CHANGES: Partial<Record<DossierStatus, string>> = {
  DRAFT: "Brouillon créé",
  FILED: "Dossier déposé",
  UNDER_INSTRUCTION: "Instruction commencée",
  CORRECTION_REQUESTED: "Correction demandée",
  PROPOSED: "Proposition transmise à la Commission permanente",
  GRANTED: "Aide accordée",
  REFUSED: "Demande refusée",
  CLOSED: "Dossier clos sans suite",
  SETTLED: "Dossier soldé",
};

export type TimelineEvent = {
  kind: DossierEventKind;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  reason: string | null;
};

/** What happened, in the applicant's words. */
export function eventLabel(event: TimelineEvent): string {
  switch (event.kind) {
    case DossierEventKind.STATUS_CHANGE:
      if (
        event.fromStatus === DossierStatus.CORRECTION_REQUESTED &&
        event.toStatus === DossierStatus.UNDER_INSTRUCTION
      ) {
        return "Dossier corrigé renvoyé au service instructeur";
      }
      return event.toStatus
        ? (STATUS_CHANGES[event.toStatus] ?? `Nouveau statut\u00a0: ${DOSSIER_STATUS_LABELS[event.toStatus]}`)
        : "Changement de statut";
    case DossierEventKind.ASSIGNMENT:
      return "Dossier confié à une instructrice ou un instructeur";
    case DossierEventKind.SHARING:
      return event.reason ?? "Choix de partage avec les financeurs";
    case DossierEventKind.ANSWERS_UPDATED:
      return "Réponses modifiées après le dépôt";
    case DossierEventKind.DOCUMENT_ISSUED:
      return "Document établi";
    case DossierEventKind.AGENDA:
      return "Ordre du jour de la Commission permanente";
    case DossierEventKind.FOLLOW_UP:
      return event.reason ?? "Suivi de l’aide accordée";
  }
}

export function personLabel(person: { firstName: string; lastName: string; role: UserRole } | null): string {
  if (!person) return "Le portail";
  return person.role === UserRole.APPLICANT ? fullName(person) : REGION_AUTHOR_LABEL;
}

export type TimelineEntry = {
  id: string;
  at: string;
  iso: string;
  label: string;
  actor: string;
  reason: string | null;
};

/** One line of a timeline as a page shows it; `actor` is how this reader names the person who acted. */
export function timelineEntry(
  event: TimelineEvent & { id: string; createdAt: Date },
  actor: string,
): TimelineEntry {
  const label = eventLabel(event);
  return {
    id: event.id,
    at: formatDateTime(event.createdAt),
    iso: event.createdAt.toISOString(),
    label,
    actor,
    reason: event.reason && event.reason !== label ? event.reason : null,
  };
}

export type MessageEntry = ReturnType<typeof messageEntry>;

/** One message of a dossier's conversation as a page shows it, its files linked under `piecesPath`. */
export function messageEntry(
  message: {
    id: string;
    body: string;
    createdAt: Date;
    authorLabel: string;
    fromApplicant: boolean;
    attachments: ReadonlyArray<{ id: string; fileName: string; sizeBytes: number }>;
  },
  piecesPath: string,
) {
  return {
    id: message.id,
    body: message.body,
    at: formatDateTime(message.createdAt),
    iso: message.createdAt.toISOString(),
    authorLabel: message.authorLabel,
    fromApplicant: message.fromApplicant,
    attachments: message.attachments.map((file) => ({
      href: `${piecesPath}/${file.id}`,
      fileName: file.fileName,
      size: formatBytes(file.sizeBytes),
    })),
  };
}
