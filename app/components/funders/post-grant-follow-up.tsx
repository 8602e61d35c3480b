// A shared dossier's life after the grant, as funders see it: paid beside granted, reports on time or not.
import { formatEuros } from "~/domain/format";
import { AdvanceSummary } from "~/components/post-grant/advance";
import type { FunderPostGrant } from "~/services/funders/post-grant.server";

export function PostGrantFollowUp({ followUp }: { followUp: FunderPostGrant }) {
  return (
    <section aria-labelledby="apres-octroi">
      <h2 id="apres-octroi">Après l’octroi</h2>
      <dl className="details">
        <div>
          <dt>Montant accordé</dt>
          <dd>{formatEuros(followUp.grantedCents)}</dd>
        </div>
        <div>
          <dt>Montant versé</dt>
          <dd>{formatEuros(followUp.paidCents)}</dd>
        </div>
        {followUp.toRepayCents > 0 ? (
          <div>
            <dt>À reverser à la Région</dt>
            <dd>{formatEuros(followUp.toRepayCents)}</dd>
          </div>
        ) : null}
        {followUp.settledOn ? (
          <div>
            <dt>Dossier soldé</dt>
            <dd>le {followUp.settledOn}</dd>
          </div>
        ) : null}
      </dl>
      {followUp.advance ? (
        <>
          <h3>Remboursement de l’avance</h3>
          <AdvanceSummary summary={followUp.advance} />
        </>
      ) : null}
      {followUp.reports.length > 0 ? (
        <div
          className="table-scroll"
          role="region"
          aria-labelledby="apres-octroi-comptes-rendus"
          tabIndex={0}
        >
          <table>
            <caption id="apres-octroi-comptes-rendus">Comptes rendus financiers</caption>
            <thead>
              <tr>
                <th scope="col">Compte rendu</th>
                <th scope="col">Échéance</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {followUp.reports.map((report) => (
                <tr key={report.name}>
                  <th scope="row">{report.name}</th>
                  <td>{report.dueOn}</td>
                  <td>{report.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
