import { Link } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import { formatShare } from "~/domain/co-financing";
import { formatEuros } from "~/domain/format";
import type { PipelineCard as Card } from "~/services/funders/pipeline.server";

export const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));

/** « 2 positions partagées », « aucune position ». */
export function positionsText(count: number) {
  if (count === 0) return "Aucune position";
  return count === 1 ? "1 position partagée" : `${count} positions partagées`;
}

/** How much of the budget the holder's plan finances: « 100 % du budget ». */
export function planText(card: Pick<Card, "planShare">) {
  return card.planShare === null ? "Budget non renseigné" : `${formatShare(card.planShare)} du budget`;
}

/** How much of the plan is confirmed: « 20 000,00 € (13 %) », or « Tout confirmé ». */
export function confirmedText(card: Pick<Card, "confirmedCents" | "confirmedShare" | "toConfirmCents">) {
  if (card.toConfirmCents === 0 && card.confirmedCents > 0) return "Tout le plan";
  const share = card.confirmedShare === null ? "" : ` (${formatShare(card.confirmedShare)})`;
  return `${formatEuros(card.confirmedCents)}${share}`;
}

/** « 12 000,00 € sur 30 000,00 € »: what the Region paid of what it granted. */
export function paidText(followUp: NonNullable<Card["followUp"]>) {
  return `${formatEuros(followUp.paidCents)} sur ${formatEuros(followUp.grantedCents)}`;
}

/** « À temps », « 1 en retard sur 3 »: whether the financial reports came (or are coming) on time. */
export function reportsText(followUp: NonNullable<Card["followUp"]>) {
  if (followUp.reports === 0) return "Aucun attendu";
  if (followUp.lateReports === 0) return "À temps";
  return `${followUp.lateReports} en retard sur ${followUp.reports}`;
}

/** The one sentence that explains both figures wherever the pipeline shows them. */
export const PIPELINE_FIGURES_HINT =
  "« Plan de financement » : la part du budget que le plan du porteur finance. « Confirmé » : la part du budget déjà acquise — fonds propres, aide de la Région une fois accordée, lignes dont un financeur de même origine s’est engagé ; le reste du plan est à confirmer.";

/** One project of the board: what a funder scans before opening it. */
export function PipelineCard({ card, search }: { card: Card; search: string }) {
  return (
    <article className="pipeline-card" aria-labelledby={`carte-${card.id}`}>
      <h4 id={`carte-${card.id}`} className="pipeline-card__title">
        <Link to={`/financeurs/dossiers/${card.id}${search}`}>{card.title}</Link>
      </h4>
      <p className="pipeline-card__organisation">{card.organisation}</p>
      <dl className="pipeline-card__facts">
        <div>
          <dt>Numéro</dt>
          <dd className="nowrap">{card.number ?? "—"}</dd>
        </div>
        <div>
          <dt>Dispositif</dt>
          <dd>{card.scheme}</dd>
        </div>
        <div>
          <dt>Département</dt>
          <dd>{card.department ?? "—"}</dd>
        </div>
        <div>
          <dt>Étape</dt>
          <dd>
            <StatusBadge status={card.status} />
          </dd>
        </div>
        <div>
          <dt>Montant demandé</dt>
          <dd className="nowrap">{euros(card.requestedAmountCents)}</dd>
        </div>
        <div>
          <dt>Plan de financement</dt>
          <dd className="nowrap">{planText(card)}</dd>
        </div>
        <div>
          <dt>Confirmé</dt>
          <dd className="nowrap">{confirmedText(card)}</dd>
        </div>
        {card.followUp ? (
          <>
            <div>
              <dt>Versé</dt>
              <dd>{paidText(card.followUp)}</dd>
            </div>
            <div>
              <dt>Comptes rendus</dt>
              <dd>{reportsText(card.followUp)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>Positions</dt>
          <dd>
            {positionsText(card.positionsCount)}
            {card.ownDraft ? " (et votre brouillon)" : ""}
          </dd>
        </div>
      </dl>
    </article>
  );
}
