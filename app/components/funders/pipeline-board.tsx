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

/** The board: one list per stage, each with its heading and count, so a screen reader walks it like a page. */
export function PipelineBoard({ stages, search }: { stages: BoardStage[]; search: string }) {
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
        </section>
      ))}
    </div>
  );
}
