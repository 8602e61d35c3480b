import { formatDateInWords, formatEuros } from "~/domain/format";
import type { AdvanceReminderKind } from "~/domain/post-grant/repayments";

import { renderEmail } from "./layout";

const SUBJECTS: Record<AdvanceReminderKind, string> = {
  BEFORE: "échéance de remboursement dans 15 jours",
  ON_DAY: "échéance de remboursement aujourd’hui",
  FORMAL: "relance — échéance de remboursement impayée",
};

/** Sent to the association's members before an instalment of its advance, on the day, and at +30 days. */
export function advanceReminder(data: {
  kind: AdvanceReminderKind;
  firstName: string;
  dossierNumber: string;
  position: number;
  dueDate: Date;
  amountCents: number;
  daysLate: number;
  outstandingCents: number;
  url: string;
}) {
  const due = formatDateInWords(data.dueDate);
  const amount = formatEuros(data.amountCents);
  const first: Record<AdvanceReminderKind, string> = {
    BEFORE: `L’échéance n°\u00a0${data.position} du remboursement de votre avance (dossier ${data.dossierNumber}), soit ${amount}, tombe le ${due}.`,
    ON_DAY: `L’échéance n°\u00a0${data.position} du remboursement de votre avance (dossier ${data.dossierNumber}), soit ${amount}, est due aujourd’hui, ${due}, et n’a pas encore été reçue.`,
    FORMAL: `L’échéance n°\u00a0${data.position} du remboursement de votre avance (dossier ${data.dossierNumber}), due le ${due}, reste impayée depuis ${data.daysLate}\u00a0jours\u00a0: ${amount}. Vous trouverez ci-joint la lettre de relance.`,
  };
  return renderEmail({
    template: "advance-reminder",
    subject: `Dossier ${data.dossierNumber}\u00a0: ${SUBJECTS[data.kind]}`,
    greeting: `Bonjour ${data.firstName},`,
    paragraphs: [
      first[data.kind],
      `Reste à rembourser sur l’avance\u00a0: ${formatEuros(data.outstandingCents)}.`,
      "Si le versement des fonds européens est retardé, vous pouvez demander un rééchelonnement depuis la page des remboursements.",
    ],
    action: { label: "Voir les remboursements de l’avance", url: data.url },
  });
}
