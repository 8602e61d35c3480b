// What an applicant has to do next with a dossier, as the applicant's home lists it.
import { formatDate } from "~/domain/format";
import { DossierStatus } from "~/generated/prisma/enums";

export interface NextStep {
  label: string;
  /** Where to go to do it, when there is something to do. */
  href: string | null;
  /** The applicant is expected to act. */
  urgent: boolean;
}

export function applicantNextStep(dossier: {
  id: string;
  status: DossierStatus;
  correctionReplyBy?: Date | string | null;
}): NextStep {
  const page = `/dossiers/${dossier.id}`;
  switch (dossier.status) {
    case DossierStatus.DRAFT:
      return { label: "Compléter et déposer le dossier", href: page, urgent: true };
    case DossierStatus.CORRECTION_REQUESTED:
      return {
        label: dossier.correctionReplyBy
          ? `Corriger et renvoyer avant le ${formatDate(dossier.correctionReplyBy)}`
          : "Corriger et renvoyer le dossier",
        href: page,
        urgent: true,
      };
    case DossierStatus.FILED:
      return { label: "En attente d’instruction (encore modifiable)", href: page, urgent: false };
    case DossierStatus.UNDER_INSTRUCTION:
      return { label: "En cours d’instruction par la Région", href: null, urgent: false };
    case DossierStatus.PROPOSED:
      return { label: "Proposé à la Commission permanente", href: null, urgent: false };
    case DossierStatus.GRANTED:
      return { label: "Aide accordée : convention et courrier à télécharger", href: page, urgent: false };
    case DossierStatus.REFUSED:
      return { label: "Aide refusée : courrier de décision à consulter", href: page, urgent: false };
    case DossierStatus.CLOSED:
      return { label: "Clos sans suite", href: null, urgent: false };
    case DossierStatus.SETTLED:
      return { label: "Dossier soldé : documents à consulter", href: page, urgent: false };
  }
}
