import type { DossierStatus } from "~/generated/prisma/enums";

/** The dossier statuses as users read them. */
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  DRAFT: "Brouillon",
  FILED: "Déposé",
  UNDER_INSTRUCTION: "En instruction",
  CORRECTION_REQUESTED: "Correction demandée",
  PROPOSED: "Proposé",
  GRANTED: "Accordé",
  REFUSED: "Refusé",
  CLOSED: "Clos sans suite",
  SETTLED: "Soldé",
};

export const DOSSIER_STATUS_ORDER: DossierStatus[] = [
  "DRAFT",
  "FILED",
  "UNDER_INSTRUCTION",
  "CORRECTION_REQUESTED",
  "PROPOSED",
  "GRANTED",
  "SETTLED",
  "REFUSED",
  "CLOSED",
];

/** The tone of a status badge (a CSS modifier). */
export function statusTone(status: DossierStatus): "draft" | "open" | "attention" | "granted" | "refused" {
  switch (status) {
    case "DRAFT":
    case "CLOSED":
      return "draft";
    case "CORRECTION_REQUESTED":
      return "attention";
    case "GRANTED":
    case "SETTLED":
      return "granted";
    case "REFUSED":
      return "refused";
    default:
      return "open";
  }
}
