// What a session's page shows, shaped for reading: amounts in euros, the decision form's defaults taken from
// each dossier's opinion, and the notice a redirect after an action asks for.
import { sessionHasMet, sessionNotMetMessage } from "~/domain/commission";
import { formatDate, formatDateTime, formatEuros, formatEurosInput } from "~/domain/format";
import { splitYearly } from "~/domain/schedules";

import type { AgendaItem, sessionOverview } from "./agenda.server";

type Overview = Awaited<ReturnType<typeof sessionOverview>>;

const amount = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
/** What a person would type: « 12 000,00 », without the euro sign the label already gives. */
const typed = formatEurosInput;
const opinionLabel = (item: AgendaItem) =>
  item.opinion ? (item.opinion.favourable ? "Favorable" : "Défavorable") : "Sans avis";

function decisionDefaults(item: AgendaItem) {
  const proposed = item.proposedAmountCents ?? item.opinion?.proposedAmountCents ?? 0;
  const yearly =
    item.years === 0
      ? []
      : item.opinion?.yearlyAmountsCents.length === item.years
        ? item.opinion.yearlyAmountsCents
        : splitYearly(proposed, item.years);
  return {
    outcome: item.opinion
      ? item.opinion.favourable
        ? ("GRANTED" as const)
        : ("REFUSED" as const)
      : ("" as const),
    amount: proposed > 0 ? typed(proposed) : "",
    years: yearly.map(typed),
    motivation: item.opinion && !item.opinion.favourable ? item.opinion.motivation : "",
  };
}

function candidateRow(item: AgendaItem) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    organisationName: item.organisationName,
    schemeName: item.schemeName,
    department: item.departmentCode ?? "—",
    requested: amount(item.requestedAmountCents),
    proposed: amount(item.proposedAmountCents),
    opinion: opinionLabel(item),
  };
}

function totalRow(total: {
  schemeName: string;
  count: number;
  requestedCents: number;
  proposedCents: number;
}) {
  return {
    schemeName: total.schemeName,
    count: total.count,
    requested: formatEuros(total.requestedCents),
    proposed: formatEuros(total.proposedCents),
  };
}

function confirmation(params: URLSearchParams): string | null {
  if (params.get("cree")) return "La séance est créée : inscrivez les dossiers proposés à son ordre du jour.";
  const added = Number(params.get("ajoute"));
  if (added > 0) {
    return added === 1
      ? "Le dossier est inscrit à l’ordre du jour."
      : `${added} dossiers sont inscrits à l’ordre du jour.`;
  }
  if (params.get("retire")) return "Le dossier est retiré de l’ordre du jour.";
  if (params.get("enregistre")) {
    return "Les décisions de la séance sont enregistrées : chaque porteur de projet reçoit sa lettre de décision et, pour une aide accordée, sa convention et son échéancier.";
  }
  return null;
}

export function sessionPageView(view: Overview, params: URLSearchParams, now: Date) {
  const { session } = view;
  const held = session.status === "HELD";
  return {
    session: {
      id: session.id,
      title: session.title,
      date: formatDate(session.date),
      held,
      decidedAt: session.decidedAt ? formatDateTime(session.decidedAt) : null,
      /** Before its day, the session is only being prepared: its decisions wait for it to meet. */
      notMet: !held && !sessionHasMet(session.date, now) ? sessionNotMetMessage(session.date) : null,
    },
    agenda: view.agenda.map((item) => ({
      ...candidateRow(item),
      decision:
        item.status === "GRANTED"
          ? `Accordé : ${amount(item.grantedAmountCents)}`
          : item.status === "REFUSED"
            ? "Refusé"
            : null,
      removable: !held && item.inScope,
    })),
    totals: view.totals.schemes.map(totalRow),
    total: totalRow(view.totals.total),
    envelopes: view.envelopes.map((envelope) => ({
      callId: envelope.callId,
      title: envelope.title,
      envelope: formatEuros(envelope.envelopeCents),
      voted: formatEuros(envelope.votedCents),
      remaining: formatEuros(envelope.remainingCents),
      sessionProposed: formatEuros(envelope.sessionProposedCents),
      remainingAfter: formatEuros(envelope.remainingAfterCents),
      overBy: envelope.exceeded ? formatEuros(-envelope.remainingAfterCents) : null,
      exceeded: envelope.exceeded,
    })),
    candidates: view.candidates.map(candidateRow),
    canDecide: view.canDecide,
    decisions: view.canDecide
      ? view.agenda.map((item) => ({
          id: item.id,
          number: item.number,
          organisationName: item.organisationName,
          title: item.title,
          schemeName: item.schemeName,
          proposed: amount(item.proposedAmountCents),
          opinion: opinionLabel(item),
          defaults: decisionDefaults(item),
        }))
      : [],
    confirmation: confirmation(params),
  };
}
