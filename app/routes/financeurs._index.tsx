import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { PipelineBoard } from "~/components/funders/pipeline-board";
import { PIPELINE_FIGURES_HINT } from "~/components/funders/pipeline-card";
import { PipelineFilters } from "~/components/funders/pipeline-filters";
import { PipelineSaveFilter } from "~/components/funders/pipeline-save-filter";
import { PipelineTable } from "~/components/funders/pipeline-table";
import { Pagination } from "~/components/pagination";
import { db } from "~/db.server";
import {
  isPipelineFiltered,
  parsePipelineFilter,
  PIPELINE_PAGE_SIZE,
  PIPELINE_STAGES,
  pipelineSearch,
} from "~/domain/funder-pipeline";
import { loadPipeline } from "~/services/funders/pipeline.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Projets partagés — Espace financeurs — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  const filter = parsePipelineFilter(new URL(request.url).searchParams);
  const pipeline = await loadPipeline(db, user, filter);
  const shown = { ...filter, page: pipeline.page };
  const list = filter.view === "liste";
  return {
    filter: shown,
    search: pipelineSearch(shown),
    // What a saved filter keeps: the selection, not the way it is shown.
    query: pipelineSearch(shown, { view: "tableau", stage: null, page: 1 }).slice(1),
    filtered: isPipelineFiltered(shown),
    canSaveFilter: user.role === "FUNDER",
    options: pipeline.options,
    total: pipeline.total,
    listed: pipeline.listed,
    page: pipeline.page,
    pageCount: pipeline.pageCount,
    // Each view sends only what it shows: the columns' first cards, or the list's page.
    stages: pipeline.stages.map((stage) => ({ ...stage, cards: list ? [] : stage.cards })),
    rows: list ? pipeline.rows : [],
  };
}

const projects = (count: number) => (count > 1 ? `${count} projets partagés` : `${count} projet partagé`);

export default function FundersPipeline() {
  const {
    filter,
    search,
    query,
    filtered,
    canSaveFilter,
    stages,
    rows,
    options,
    total,
    listed,
    page,
    pageCount,
  } = useLoaderData<typeof loader>();
  const summary = `${projects(total)}${filtered ? " correspondent au filtre" : ""}`;
  const stageLabel = PIPELINE_STAGES.find((stage) => stage.key === filter.stage)?.label;
  const first = (page - 1) * PIPELINE_PAGE_SIZE + 1;
  const caption = `${stageLabel ? `Étape « ${stageLabel} » : ${projects(listed)}` : summary}${
    pageCount > 1 ? `, ${first} à ${first + rows.length - 1} affichés` : ""
  }`;
  return (
    <>
      <h1>Projets partagés</h1>
      <p>
        Les dossiers que leurs porteurs ont choisi de partager avec la communauté des financeurs, à chaque
        étape de leur instruction par la Région. Les notes internes des instructeurs, les échanges avec les
        porteurs et les coordonnées bancaires ne sont jamais partagés.
      </p>
      <PipelineFilters filter={filter} options={options} formKey={search} />

      <div className="pipeline-toolbar">
        <p role="status" className="pipeline-toolbar__total">
          {total === 0 ? "Aucun projet partagé ne correspond au filtre." : summary}
        </p>
        <nav aria-label="Affichage">
          <ul className="pipeline-views">
            <li>
              <Link
                to={`/financeurs${pipelineSearch(filter, { view: "tableau", stage: null, page: 1 })}`}
                aria-current={filter.view === "tableau" ? "page" : undefined}
              >
                Par étape
              </Link>
            </li>
            <li>
              <Link
                to={`/financeurs${pipelineSearch(filter, { view: "liste", stage: null, page: 1 })}`}
                aria-current={filter.view === "liste" ? "page" : undefined}
              >
                En liste
              </Link>
            </li>
          </ul>
        </nav>
      </div>

      <table className="pipeline-counts">
        <caption>Projets par étape</caption>
        <thead>
          <tr>
            {stages.map((stage) => (
              <th key={stage.key} scope="col">
                {stage.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {stages.map((stage) => (
              <td key={stage.key} className="number">
                {stage.count}
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      <p className="pipeline-hint">{PIPELINE_FIGURES_HINT}</p>
      {filter.view === "liste" ? (
        <>
          {stageLabel ? (
            <p>
              <Link to={`/financeurs${pipelineSearch(filter, { stage: null, page: 1 })}`}>
                Voir les projets de toutes les étapes
              </Link>
            </p>
          ) : null}
          <PipelineTable rows={rows} caption={caption} search={search} />
          <Pagination
            page={page}
            pageCount={pageCount}
            href={(target) => `/financeurs${pipelineSearch(filter, { page: target })}`}
            numbered
          />
        </>
      ) : (
        <>
          <h2 className="visually-hidden">Projets par étape</h2>
          <PipelineBoard
            stages={stages}
            search={search}
            more={(stage) => `/financeurs${pipelineSearch(filter, { view: "liste", stage, page: 1 })}`}
          />
        </>
      )}

      {canSaveFilter ? <PipelineSaveFilter query={query} /> : null}
    </>
  );
}
