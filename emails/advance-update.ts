import { renderEmail } from "./layout";

/**
 * Sent to the association's members when its equity advance moves: a repayment recorded, the remaining
 * instalments recomputed, a rescheduling granted or refused.
 */
export function advanceUpdate(data: {
  firstName: string;
  dossierNumber: string;
  /** « remboursement reçu », « rééchelonnement accordé »… */
  subject: string;
  sentences: string[];
  url: string;
}) {
  return renderEmail({
    template: "advance-update",
    subject: `Dossier ${data.dossierNumber}\u00a0: ${data.subject}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: data.sentences,
    action: { label: "Voir les remboursements de l’avance", url: data.url },
  });
}
