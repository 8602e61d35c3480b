import { formatEuros } from "~/domain/format";
import type { FunderDossierSummary } from "~/services/funders/dossier.server";

type Plan = FunderDossierSummary["coFinancing"];

const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** The co-financing view: who brings what, and what is left to find, firmly and if the considered confirm. */
export function CoFinancingView({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="cofinancement" className="co-financing">
      <h2 id="cofinancement">Cofinancement</h2>
      {plan.totalBudgetCents === null ? (
        <p>Le porteur n’a pas renseigné de budget total : le reste à couvrir ne peut pas être calculé.</p>
      ) : null}
      <dl className="co-financing__figures">
        <div>
          <dt>Budget total du projet</dt>
          <dd>{euros(plan.totalBudgetCents)}</dd>
        </div>
        <div>
          <dt>{plan.regionLabel}</dt>
          <dd>{formatEuros(plan.regionCents)}</dd>
        </div>
        {plan.ownResourcesCents > 0 ? (
          <div>
            <dt>Fonds propres et recettes du porteur</dt>
            <dd>{formatEuros(plan.ownResourcesCents)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Engagements fermes des financeurs (engagés ou versés)</dt>
          <dd>{formatEuros(plan.firmCents)}</dd>
        </div>
        <div>
          <dt>Financements envisagés</dt>
          <dd>{formatEuros(plan.consideredCents)}</dd>
        </div>
        <div className="co-financing__gap">
          <dt>Reste à couvrir</dt>
          <dd>
            {euros(plan.gapFirmCents)}
            {plan.coveredShare !== null ? (
              <span className="co-financing__share">
                {" "}
                (budget couvert à {percent.format(plan.coveredShare)})
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Reste à couvrir si les financements envisagés se confirment</dt>
          <dd>{euros(plan.gapIfConfirmedCents)}</dd>
        </div>
      </dl>
      {plan.interestedCount > 0 ? (
        <p>
          {plan.interestedCount === 1
            ? "1 organisation s’est déclarée intéressée, sans montant à ce stade."
            : `${plan.interestedCount} organisations se sont déclarées intéressées, sans montant à ce stade.`}
        </p>
      ) : null}
      <div className="table-scroll" role="region" aria-labelledby="positions-partagees" tabIndex={0}>
        <table>
          <caption id="positions-partagees">Positions partagées des financeurs</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Position</th>
              <th scope="col">Instrument</th>
              <th scope="col" className="number">
                Montant
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.positions.length === 0 ? (
              <tr>
                <td colSpan={4}>Aucun financeur n’a encore partagé de position.</td>
              </tr>
            ) : (
              plan.positions.map((position) => (
                <tr key={position.id}>
                  <th scope="row">{position.organisation}</th>
                  <td>{position.status}</td>
                  <td>{position.instrument ?? "—"}</td>
                  <td className="number">{euros(position.amountCents)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
