// The next step of a granted dossier's money timeline, with its deadline, for the reader's side: what the
// association has to do next, or what the instructor has to.
import { AgreementSide, PaymentStatus, RecoveryStatus, ReportStatus } from "~/generated/prisma/enums";

interface NextInput {
  base: string;
  settled: boolean;
  sides: Array<{ side: AgreementSide; acceptedOn: string | null }>;
  payments: Array<{
    name: string;
    status: PaymentStatus;
    planned: string;
    requestable: boolean;
    href: string;
  }>;
  reports: Array<{ label: string; status: ReportStatus; dueOn: string; late: string | null; href: string }>;
  recoveries: Array<{ amount: string; dueOn: string; status: RecoveryStatus }>;
}

export interface NextStep {
  text: string;
  /** « avant le 30/06/2028 », when there is a deadline. */
  by: string | null;
  link: { href: string; label: string } | null;
}

export function applicantNextStep(input: NextInput): NextStep {
  const { base, sides, payments, reports, recoveries } = input;
  if (input.settled)
    return { text: "Dossier soldé\u00a0: il n’y a plus rien à faire.", by: null, link: null };
  const holder = sides.find((side) => side.side === AgreementSide.HOLDER);
  const region = sides.find((side) => side.side === AgreementSide.REGION);
  if (!holder?.acceptedOn) {
    return {
      text: "Accepter la convention\u00a0: aucun versement ne peut être demandé avant son acceptation par les deux parties.",
      by: null,
      link: { href: `${base}/convention`, label: "Lire et accepter la convention" },
    };
  }
  if (!region?.acceptedOn) {
    return {
      text: "Vous avez accepté la convention\u00a0; la Région doit l’accepter à son tour. Vous serez prévenu par courriel.",
      by: null,
      link: null,
    };
  }
  const recovery = recoveries.find((item) => item.status === RecoveryStatus.ISSUED);
  if (recovery) {
    return {
      text: `Reverser ${recovery.amount} à la Région, comme le demande la demande de reversement.`,
      by: `avant le ${recovery.dueOn}`,
      link: null,
    };
  }
  const toComplete = payments.find((payment) => payment.status === PaymentStatus.CORRECTION_REQUESTED);
  if (toComplete) {
    return {
      text: `Compléter la demande de versement «\u00a0${toComplete.name}\u00a0», comme le service instructeur le demande.`,
      by: null,
      link: { href: toComplete.href, label: "Compléter la demande" },
    };
  }
  const toCorrect = reports.find((report) => report.status === ReportStatus.CORRECTION_REQUESTED);
  if (toCorrect) {
    return {
      text: `Corriger le compte rendu financier (${toCorrect.label.toLowerCase()}), comme le service instructeur le demande.`,
      by: null,
      link: { href: toCorrect.href, label: "Corriger le compte rendu" },
    };
  }
  const overdue = reports.find((report) => report.late);
  if (overdue) {
    return {
      text: `Remettre le compte rendu financier (${overdue.label.toLowerCase()})\u00a0: il est ${overdue.late}.`,
      by: `il était attendu le ${overdue.dueOn}`,
      link: { href: overdue.href, label: "Remplir le compte rendu" },
    };
  }
  const requestable = payments.find(
    (payment) => payment.status === PaymentStatus.EXPECTED && payment.requestable,
  );
  if (requestable) {
    return {
      text: `Demander le versement «\u00a0${requestable.name}\u00a0» (${requestable.planned} prévus).`,
      by: null,
      link: { href: requestable.href, label: "Demander le versement" },
    };
  }
  const due = reports.find((report) => report.status === ReportStatus.DUE);
  if (due) {
    return {
      text: `Remettre le compte rendu financier (${due.label.toLowerCase()}) à la fin de la période.`,
      by: `au plus tard le ${due.dueOn}`,
      link: { href: due.href, label: "Préparer le compte rendu" },
    };
  }
  const waiting = payments.find(
    (payment) => payment.status === PaymentStatus.REQUESTED || payment.status === PaymentStatus.APPROVED,
  );
  if (waiting || reports.some((report) => report.status === ReportStatus.SUBMITTED)) {
    return {
      text: "La Région examine ce que vous avez envoyé\u00a0; vous serez prévenu par courriel.",
      by: null,
      link: null,
    };
  }
  return {
    text: "Rien à faire pour l’instant\u00a0: la Région clôturera le dossier une fois tout réglé.",
    by: null,
    link: null,
  };
}

export function staffNextStep(input: NextInput): NextStep {
  const { base, sides, payments, reports, recoveries } = input;
  if (input.settled) return { text: "Dossier soldé.", by: null, link: null };
  const holder = sides.find((side) => side.side === AgreementSide.HOLDER);
  const region = sides.find((side) => side.side === AgreementSide.REGION);
  if (!region?.acceptedOn) {
    return {
      text: holder?.acceptedOn
        ? "Le bénéficiaire a accepté la convention\u00a0: enregistrer l’acceptation de la Région."
        : "Enregistrer l’acceptation de la Région (le bénéficiaire n’a pas encore accepté la convention).",
      by: null,
      link: { href: `${base}/convention`, label: "Convention" },
    };
  }
  if (!holder?.acceptedOn) {
    return {
      text: "En attente de l’acceptation de la convention par le bénéficiaire.",
      by: null,
      link: null,
    };
  }
  const requested = payments.find((payment) => payment.status === PaymentStatus.REQUESTED);
  if (requested) {
    return {
      text: `Examiner la demande de versement «\u00a0${requested.name}\u00a0».`,
      by: null,
      link: { href: requested.href, label: "Examiner la demande" },
    };
  }
  const submitted = reports.find((report) => report.status === ReportStatus.SUBMITTED);
  if (submitted) {
    return {
      text: `Examiner le compte rendu financier (${submitted.label.toLowerCase()}).`,
      by: null,
      link: { href: submitted.href, label: "Examiner le compte rendu" },
    };
  }
  const approved = payments.find((payment) => payment.status === PaymentStatus.APPROVED);
  if (approved) {
    return {
      text: `Enregistrer le paiement de «\u00a0${approved.name}\u00a0» une fois fait par le service financier.`,
      by: null,
      link: { href: approved.href, label: "Enregistrer le paiement" },
    };
  }
  const overdue = reports.find((report) => report.late);
  if (overdue) {
    return {
      text: `Le compte rendu financier (${overdue.label.toLowerCase()}) est ${overdue.late}\u00a0: relancer le bénéficiaire.`,
      by: null,
      link: { href: overdue.href, label: "Voir le compte rendu" },
    };
  }
  if (recoveries.some((recovery) => recovery.status === RecoveryStatus.ISSUED)) {
    return {
      text: "Un reversement est attendu du bénéficiaire\u00a0: l’enregistrer une fois encaissé.",
      by: null,
      link: { href: `${base}/reversements`, label: "Reversements" },
    };
  }
  const open =
    payments.some(
      (payment) => payment.status !== PaymentStatus.PAID && payment.status !== PaymentStatus.CANCELLED,
    ) || reports.some((report) => report.status !== ReportStatus.APPROVED);
  return open
    ? { text: "En attente du bénéficiaire (demande de versement ou compte rendu).", by: null, link: null }
    : {
        text: "Tout est versé et approuvé\u00a0: le dossier peut être soldé.",
        by: null,
        link: { href: `${base}/solde`, label: "Solder le dossier" },
      };
}
