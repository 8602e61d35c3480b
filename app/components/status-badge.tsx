import { DOSSIER_STATUS_LABELS, statusTone } from "~/domain/dossier-status";
import type { DossierStatus } from "~/generated/prisma/enums";

export function StatusBadge({ status }: { status: DossierStatus }) {
  return <span className={`badge badge--${statusTone(status)}`}>{DOSSIER_STATUS_LABELS[status]}</span>;
}
