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

/** After the grant: where the agreement and the financial reports stand, for the home's one line. */
export interface AfterGrant {
  holderAccepted: boolean;
  regionAccepted: boolean;
  /** The earliest report still to send (or to correct), if any. */
  nextReport: { period: number; dueDate: Date | string; correction: boolean } | null;
}

export function applicantNextStep(
  dossier: {
    id: string;
    status: DossierStatus;
    correctionReplyBy?: Date | string | null;
  },
  afterGrant?: AfterGrant,
  now: Date = new Date(),
): NextStep {
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
    case DossierStatus.GRANTED: {
      if (!afterGrant)
        return { label: "Aide accordée : convention et courrier à télécharger", href: page, urgent: false };
      if (!afterGrant.holderAccepted)
        return { label: "Aide accordée : accepter la convention", href: `${page}/convention`, urgent: true };
      if (!afterGrant.regionAccepted)
        return { label: "Convention acceptée : en attente de la Région", href: page, urgent: false };
      const report = afterGrant.nextReport;
      if (report) {
        const href = `${page}/comptes-rendus/${report.period}`;
        if (report.correction)
          return { label: "Corriger et renvoyer le compte rendu financier", href, urgent: true };
        if (new Date(report.dueDate).getTime() < now.getTime())
          return { label: "Compte rendu financier en retard : à remettre", href, urgent: true };
      }
      return { label: "Aide accordée : versements et comptes rendus à suivre", href: page, urgent: false };
    }
    case DossierStatus.REFUSED:
      return { label: "Aide refusée : courrier de décision à consulter", href: page, urgent: false };
    case DossierStatus.CLOSED:
      return { label: "Clos sans suite", href: null, urgent: false };
    case DossierStatus.SETTLED:
      return { label: "Dossier soldé : documents à consulter", href: page, urgent: false };
  }
}
