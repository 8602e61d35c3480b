// The public key figures, open to everyone without signing in: aggregates only, and no cell or figure resting
// on fewer than 3 dossiers, so that no organisation can be recognised behind a number.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { BarChart } from "~/components/charts/bar-chart";
import { formatEuros } from "~/domain/format";
import {
  formatCount,
  formatFte,
  formatRatio,
  formatShare,
  SERIES_IDS,
  SERIES_TITLES,
  METHOD_NOTES,
} from "~/domain/indicators";
import { publicCellLabel, SMALL_CELL_LABEL } from "~/domain/public-indicators";
import { db } from "~/db.server";
import { publicIndicators } from "~/services/funders/indicators.server";

export const meta: MetaFunction = () => [
  { title: "Chiffres clés — Portail ESS Centre-Val de Loire" },
  {
    name: "description",
    content:
      "Les dossiers déposés et les aides accordées par la Région Centre-Val de Loire à l’économie sociale et solidaire.",
  },
];

export async function loader(_args: LoaderFunctionArgs) {
  return publicIndicators(db);
}

const SECRET = "Non publié : moins de 3 dossiers";

export default function PublicIndicators() {
  const { totals, series, jobs, cooperatives, leverage, epci } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Les chiffres de l’économie sociale et solidaire en Centre-Val de Loire</h1>
      <p className="lead">
        Les dossiers déposés sur le portail et les aides accordées par la Région, depuis son ouverture.
      </p>
      <p>
        Pour qu’aucune organisation ne soit reconnaissable, un chiffre qui repose sur moins de 3 dossiers
        n’est pas publié : il apparaît comme « {SMALL_CELL_LABEL} ». Une autre case peut alors être marquée «
        non diffusé », pour que le total ne permette pas de retrouver le chiffre masqué.
      </p>

      <h2>Chiffres clés</h2>
      <dl className="key-figures">
        <div>
          <dt>Dossiers déposés</dt>
          <dd>{totals ? formatCount(totals.dossiers) : SECRET}</dd>
        </div>
        <div>
          <dt>Montants demandés à la Région</dt>
          <dd>{totals ? formatEuros(totals.requestedCents) : SECRET}</dd>
        </div>
        <div>
          <dt>Montants accordés par la Région</dt>
          <dd>{totals ? formatEuros(totals.grantedCents) : SECRET}</dd>
        </div>
        <div>
          <dt>Emplois aidés par CAP ASSO (ETP créés · consolidés)</dt>
          <dd>{jobs ? `${formatFte(jobs.createdFte)} · ${formatFte(jobs.consolidatedFte)}` : SECRET}</dd>
        </div>
        <div>
          <dt>Salariés associés aidés par CAP SCOP-SCIC</dt>
          <dd>
            {cooperatives
              ? `${formatCount(cooperatives.employeeAssociates)} (capital doublé : ${formatEuros(cooperatives.capitalDoubledCents)})`
              : SECRET}
          </dd>
        </div>
        <div>
          <dt>Effet levier</dt>
          <dd>
            {leverage?.ratio != null
              ? `${formatRatio(leverage.ratio)} € d’autres financeurs pour 1 € de la Région`
              : SECRET}
          </dd>
        </div>
        <div>
          <dt>Dossiers cofinancés par une intercommunalité</dt>
          <dd>{epci?.share != null ? formatShare(epci.share) : SECRET}</dd>
        </div>
      </dl>

      <h2>Répartition des dossiers</h2>
      {SERIES_IDS.map((id) => {
        const rows = series[id];
        return (
          <BarChart
            key={id}
            id={`serie-${id}`}
            title={SERIES_TITLES[id]}
            description="Nombre de dossiers par catégorie ; les cases de moins de 3 dossiers ne sont pas publiées."
            bars={rows.map((row) => ({
              label: row.label,
              value: row.dossiers,
              valueLabel: publicCellLabel(row, row.dossiers, formatCount),
            }))}
            table={{
              caption: `${SERIES_TITLES[id]} : nombre et montants`,
              columns: ["Catégorie", "Dossiers", "Montants demandés", "Montants accordés"],
              rows: rows.map((row) => ({
                header: row.label,
                cells: [
                  publicCellLabel(row, row.dossiers, formatCount),
                  publicCellLabel(row, row.requestedCents, formatEuros),
                  publicCellLabel(row, row.grantedCents, formatEuros),
                ],
              })),
            }}
            csvHref={`/indicateurs/${id}.csv`}
          />
        );
      })}

      <h2>Comment ces chiffres sont calculés</h2>
      <ul className="indicator-method">
        <li>
          Sont comptés les dossiers déposés, quelle que soit leur étape ; les brouillons ne le sont pas.
        </li>
        <li>L’année est celle du dépôt du dossier, à l’heure de Paris.</li>
        <li>Les montants accordés sont ceux votés par la Commission permanente du Conseil régional.</li>
        <li>{METHOD_NOTES.leverage}</li>
        <li>{METHOD_NOTES.epci}</li>
      </ul>

      <h2>Données ouvertes</h2>
      <p>
        Les subventions attribuées par la Région au titre de ces dispositifs, une ligne par convention
        acceptée, au format national SCDL «&nbsp;subventions&nbsp;» (version 2.1.1), sous{" "}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte 2.0</a>&nbsp;:
      </p>
      <ul>
        <li>
          <a href="/donnees/subventions.csv" download>
            Subventions attribuées (CSV)
          </a>
        </li>
        <li>
          <a href="/donnees/subventions.json">Subventions attribuées (JSON)</a>
        </li>
        <li>
          <a href="https://schema.data.gouv.fr/scdl/subventions/2.1.1/">
            Description du format (schema.data.gouv.fr)
          </a>
        </li>
      </ul>
      <p>
        Les avances remboursables (apport en fonds propres) ne sont pas des subventions&nbsp;: elles n’y
        figurent pas.
      </p>
    </>
  );
}
