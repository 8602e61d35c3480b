import { Link } from "@remix-run/react";

import type { PipelineStageKey } from "~/domain/funder-pipeline";
import type { PipelineCard as Card } from "~/services/funders/pipeline.server";

import { PipelineCard } from "./pipeline-card";

export interface BoardStage {
  key: PipelineStageKey;
  label: string;
  count: number;
  cards: Card[];
}

const projects = (count: number) => (count > 1 ? `${count} projets` : `${count} projet`);

/**
 * The board: one list per stage, each with its heading and count, so a screen reader walks it like a page;
 * a column shows its newest cards, and links to the list of all of them (`more` gives that list's address).
 */
export function PipelineBoard({
  stages,
  search,
  more,
}: {
  stages: BoardStage[];
  search: string;
  more: (stage: PipelineStageKey) => string;
}) {
  return (
    <div className="pipeline-board">
      {stages.map((stage) => (
        <section key={stage.key} className="pipeline-stage" aria-labelledby={`etape-${stage.key}`}>
          <h3 id={`etape-${stage.key}`} className="pipeline-stage__title">
            {stage.label} <span className="pipeline-stage__count">({projects(stage.count)})</span>
          </h3>
          {stage.cards.length === 0 ? (
            <p className="pipeline-stage__empty">Aucun projet à cette étape.</p>
          ) : (
            <ul className="pipeline-stage__cards">
              {stage.cards.map((card) => (
                <li key={card.id}>
                  <PipelineCard card={card} search={search} />
                </li>
              ))}
            </ul>
          )}
          {stage.count > stage.cards.length ? (
            <p className="pipeline-stage__more">
              <Link to={more(stage.key)}>
                Voir les {stage.count} projets
                <span className="visually-hidden"> de l’étape « {stage.label} »</span> en liste
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
