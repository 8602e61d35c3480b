import { formatShare } from "~/domain/co-financing";
import { formatEuros } from "~/domain/format";
import type { FunderDossierSummary } from "~/services/funders/dossier.server";

type Plan = FunderDossierSummary["coFinancing"];

const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
/**
 * The co-financing view: two figures, each with its sentence — how much of the budget the plan finances, and
 * how much of the plan is confirmed — then the plan line by line and what pledges add beyond it.
 */
export function CoFinancingView({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="cofinancement" className="co-financing">
      <h2 id="cofinancement">Cofinancement</h2>
      <dl className="co-financing__figures">
        <div>
          <dt>Budget total du projet</dt>
          <dd>{euros(plan.totalBudgetCents)}</dd>
        </div>
        <div>
          <dt>Plan de financement</dt>
          <dd>
            {plan.planShare === null
              ? formatEuros(plan.planCents)
              : `${formatShare(plan.planShare)} du budget`}
          </dd>
        </div>
        <div className="co-financing__gap">
          <dt>Confirmé</dt>
          <dd>
            {formatEuros(plan.confirmedCents)}
            {plan.confirmedShare !== null ? ` (${formatShare(plan.confirmedShare)})` : null}
          </dd>
        </div>
        <div>
          <dt>À confirmer</dt>
          <dd>{formatEuros(plan.toConfirmCents)}</dd>
        </div>
        <div>
          <dt>{plan.regionLabel}</dt>
          <dd>{formatEuros(plan.regionCents)}</dd>
        </div>
      </dl>
      <p>{plan.planSentence}</p>
      <p>{plan.confirmedSentence}</p>
      <div className="table-scroll" role="region" aria-labelledby="plan-lignes" tabIndex={0}>
        <table>
          <caption id="plan-lignes">Plan de financement du porteur, ligne par ligne</caption>
          <thead>
            <tr>
              <th scope="col">Ressource</th>
              <th scope="col" className="number">
                Montant
              </th>
              <th scope="col" className="number">
                Confirmé
              </th>
              <th scope="col" className="number">
                À confirmer
              </th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {plan.lines.length === 0 ? (
              <tr>
                <td colSpan={5}>Le porteur n’a inscrit aucune ressource dans son plan.</td>
              </tr>
            ) : (
              plan.lines.map((line, index) => (
                <tr key={index}>
                  <th scope="row">
                    {line.label}
                    <span className="co-financing__origin"> — {line.originLabel}</span>
                  </th>
                  <td className="number">{formatEuros(line.amountCents)}</td>
                  <td className="number">{formatEuros(line.confirmedCents)}</td>
                  <td className="number">{formatEuros(line.toConfirmCents)}</td>
                  <td>{line.status}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {plan.additionsSentence ? <p>{plan.additionsSentence}</p> : null}
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
