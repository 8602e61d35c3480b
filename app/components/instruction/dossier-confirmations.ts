// What the instructor's dossier page says after an action, and the section it changed: the notice is shown
// at the top of the page, where the redirect opens it (and focus goes with JavaScript), with a link down
// to that section rather than a jump past the notice.
export const CONFIRMATION_ID = "confirmation";

export interface DossierConfirmation {
  text: string;
  /** The section the action changed, by its heading's id, and the link's words. */
  section: { anchor: string; label: string };
}

export const DOSSIER_CONFIRMATIONS: Record<string, DossierConfirmation> = {
  confie: {
    text: "Le dossier a été confié.",
    section: { anchor: "synthese", label: "Voir la synthèse" },
  },
  instruction: {
    text: "L’instruction a commencé : le porteur de projet a été prévenu et ne peut plus modifier son dossier.",
    section: { anchor: "actions", label: "Voir les actions d’instruction" },
  },
  correction: {
    text: "La demande de correction a été envoyée au porteur de projet.",
    section: { anchor: "corrections", label: "Voir les demandes de correction" },
  },
  proposition: {
    text: "L’avis est enregistré et le dossier est proposé à la Commission permanente ; le rapport d’instruction est disponible dans les documents.",
    section: { anchor: "documents", label: "Voir les documents" },
  },
  clos: {
    text: "Le dossier est clos sans suite ; le porteur de projet a été prévenu.",
    section: { anchor: "historique", label: "Voir l’historique" },
  },
  rouvert: {
    text: "Le dossier est rouvert et repris en instruction ; le porteur de projet a été prévenu.",
    section: { anchor: "historique", label: "Voir l’historique" },
  },
  completude: {
    text: "La liste de complétude est à jour.",
    section: { anchor: "completude", label: "Voir la complétude" },
  },
  note: {
    text: "Votre note interne est enregistrée.",
    section: { anchor: "notes", label: "Voir les notes internes" },
  },
  message: {
    text: "Votre message a été envoyé au porteur de projet.",
    section: { anchor: "messages", label: "Voir les messages" },
  },
};
