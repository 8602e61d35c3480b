// The community's indicators: the pipeline by scheme, department, stage and year, jobs, cooperative capital,
// leverage and EPCI co-financing, over every filed dossier (aggregates only), for one filing year or all;
// then what the grants achieved: amounts paid beside granted, jobs reported beside planned.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { BarChart } from "~/components/charts/bar-chart";
import { AchievementCharts } from "~/components/funders/achievement-charts";
import { AdvanceIndicatorTables } from "~/components/funders/advance-indicators";
import { db } from "~/db.server";
import { formatEuros } from "~/domain/format";
import {
  formatCount,
  formatFte,
  formatRatio,
  formatShare,
  readIndicatorYear,
  SERIES_IDS,
  SERIES_TITLES,
  METHOD_NOTES,
} from "~/domain/indicators";
import { isCommunityMember } from "~/services/funders/access.server";
import { communityAchievements } from "~/services/funders/achievements.server";
import { communityAdvanceIndicators } from "~/services/funders/advance-indicators.server";
import { communityIndicators } from "~/services/funders/indicators.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Indicateurs — Espace financeurs — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  if (!isCommunityMember(user))
    throw new Response("Accès réservé à la communauté des financeurs.", { status: 403 });
  const { year, notice } = readIndicatorYear(new URL(request.url).searchParams.get("annee"));
  // The advances' money after the grant, whatever the filing year.
  const [indicators, achievements, advances] = await Promise.all([
    communityIndicators(db, { year }),
    communityAchievements(db, { year }),
    communityAdvanceIndicators(db, new Date()),
  ]);
  return { indicators, achievements, advances, notice };
}

const dossiers = (count: number) => `${formatCount(count)} dossier${count > 1 ? "s" : ""}`;

export default function CommunityIndicators() {
  const { indicators, achievements, advances, notice } = useLoaderData<typeof loader>();
  const { year, years, totals, jobs, cooperatives, leverage, epci } = indicators;
  const scope = year ? `déposés en ${year}` : "déposés depuis l’ouverture du portail";
  const query = year ? `?annee=${year}` : "";
  return (
    <>
      <h1>Indicateurs</h1>
      <p>
        Ces chiffres portent sur tous les dossiers déposés auprès de la Région, partagés ou non avec la
        communauté : ce sont des totaux, aucun dossier n’y est identifiable. Les brouillons ne sont pas
        comptés.
      </p>

      <Form method="get" className="indicator-filter">
        <label htmlFor="annee">Année de dépôt</label>
        <select id="annee" name="annee" defaultValue={year ?? ""}>
          <option value="">Toutes les années</option>
          {years.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Afficher
        </button>
      </Form>
      {notice ? (
        <p className="notice notice--warning" role="status">
          {notice}
        </p>
      ) : null}

      <h2>Chiffres clés — dossiers {scope}</h2>
      {totals.dossiers === 0 ? <p>Aucun dossier n’a été déposé sur cette période.</p> : null}
      <dl className="key-figures">
        <div>
          <dt>Dossiers déposés</dt>
          <dd>{formatCount(totals.dossiers)}</dd>
        </div>
        <div>
          <dt>Montants demandés à la Région</dt>
          <dd>{formatEuros(totals.requestedCents)}</dd>
        </div>
        <div>
          <dt>Montants accordés par la Région</dt>
          <dd>
            {formatEuros(totals.grantedCents)}{" "}
            <span className="key-figures__note">({dossiers(totals.grantedDossiers)})</span>
          </dd>
        </div>
        <div>
          <dt>Emplois aidés par CAP ASSO (ETP créés · consolidés)</dt>
          <dd>
            {formatFte(jobs.createdFte)} · {formatFte(jobs.consolidatedFte)}{" "}
            <span className="key-figures__note">({dossiers(jobs.dossiers)} accordés)</span>
          </dd>
        </div>
        <div>
          <dt>Salariés associés aidés par CAP SCOP-SCIC</dt>
          <dd>
            {formatCount(cooperatives.employeeAssociates)}{" "}
            <span className="key-figures__note">
              (capital doublé : {formatEuros(cooperatives.capitalDoubledCents)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Effet levier</dt>
          <dd>
            {leverage.ratio === null
              ? "Pas encore de dossier accordé"
              : `${formatRatio(leverage.ratio)} € d’autres financeurs pour 1 € de la Région`}
          </dd>
        </div>
        <div>
          <dt>Dossiers cofinancés par une intercommunalité</dt>
          <dd>
            {epci.share === null
              ? "—"
              : `${formatShare(epci.share)} (${formatCount(epci.cofinanced)} sur ${formatCount(epci.dossiers)})`}
          </dd>
        </div>
      </dl>

      <h2>Répartition des dossiers</h2>
      {SERIES_IDS.map((id) => {
        const rows = indicators.series[id];
        const title = id === "annees" ? SERIES_TITLES[id] : `${SERIES_TITLES[id]} (${scope})`;
        return (
          <BarChart
            key={id}
            id={`serie-${id}`}
            title={title}
            description="Nombre de dossiers par catégorie."
            bars={rows.map((row) => ({
              label: row.label,
              value: row.dossiers,
              valueLabel: formatCount(row.dossiers),
            }))}
            table={{
              caption: `${title} : nombre et montants`,
              columns: ["Catégorie", "Dossiers", "Montants demandés", "Montants accordés"],
              rows: rows.map((row) => ({
                header: row.label,
                cells: [
                  formatCount(row.dossiers),
                  formatEuros(row.requestedCents),
                  formatEuros(row.grantedCents),
                ],
              })),
            }}
            csvHref={`/financeurs/indicateurs/${id}.csv${id === "annees" ? "" : query}`}
          />
        );
      })}

      <AchievementCharts achievements={achievements} scope={scope} query={query} />

      <AdvanceIndicatorTables indicators={advances} />

      <h2>Comment ces chiffres sont calculés</h2>
      <ul className="indicator-method">
        <li>L’année est celle du dépôt du dossier, à l’heure de Paris.</li>
        <li>
          Les montants accordés sont ceux des dossiers accordés par la Commission permanente ; les montants
          demandés, ceux de tous les dossiers déposés.
        </li>
        <li>
          Emplois : somme des équivalents temps plein créés et consolidés déclarés dans les dossiers CAP ASSO
          accordés.
        </li>
        <li>
          Capital doublé : la Région verse à chaque salarié associé l’équivalent de son apport ; c’est la
          somme des montants accordés des dossiers CAP SCOP-SCIC.
        </li>
        <li>{METHOD_NOTES.leverage}</li>
        <li>{METHOD_NOTES.epci}</li>
      </ul>
    </>
  );
}
