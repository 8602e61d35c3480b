import { Link } from "@remix-run/react";

import { StatusBadge } from "~/components/status-badge";
import { formatEuros } from "~/domain/format";
import type { PipelineCard as Card } from "~/services/funders/pipeline.server";

export const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));

/** « 2 positions partagées », « aucune position ». */
export function positionsText(count: number) {
  if (count === 0) return "Aucune position";
  return count === 1 ? "1 position partagée" : `${count} positions partagées`;
}

/** « Reste à couvrir »: nothing known without a budget; « couvert » once firm positions cover it all. */
export function gapText(card: Pick<Card, "gapFirmCents">) {
  if (card.gapFirmCents === null) return "Budget non renseigné";
  return card.gapFirmCents === 0 ? "Financement couvert" : formatEuros(card.gapFirmCents);
}

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
          <dt>Reste à couvrir</dt>
          <dd className="nowrap">{gapText(card)}</dd>
        </div>
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
