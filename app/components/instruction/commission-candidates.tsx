import { Form, Link } from "@remix-run/react";

import { FieldError } from "~/components/form-field";

export interface CandidateView {
  id: string;
  number: string;
  title: string;
  organisationName: string;
  schemeName: string;
  department: string;
  requested: string;
  proposed: string;
  opinion: string;
}

/** The proposed dossiers on no agenda yet, to tick and put on this session's agenda. */
export function CommissionCandidates({ candidates, error }: { candidates: CandidateView[]; error?: string }) {
  if (candidates.length === 0) {
    return <p>Aucun dossier proposé de votre périmètre n’attend une inscription à l’ordre du jour.</p>;
  }
  return (
    <Form method="post" id="dossierIds" tabIndex={-1}>
      <input type="hidden" name="intent" value="add" />
      <fieldset className="commission-fieldset" aria-describedby={error ? "dossierIds-error" : undefined}>
        <legend>Dossiers proposés à inscrire à l’ordre du jour</legend>
        <FieldError id="dossierIds-error">{error}</FieldError>
        <div className="table-scroll" role="region" aria-labelledby="candidates-caption" tabIndex={0}>
          <table className="commission-table">
            <caption id="candidates-caption">Dossiers proposés, sur aucun ordre du jour</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Inscrire</span>
                </th>
                <th scope="col">Numéro</th>
                <th scope="col">Organisation</th>
                <th scope="col">Projet</th>
                <th scope="col">Dispositif</th>
                <th scope="col">Département</th>
                <th scope="col" className="number">
                  Montant demandé
                </th>
                <th scope="col" className="number">
                  Montant proposé
                </th>
                <th scope="col">Avis</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => (
                <tr key={candidate.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="dossierId"
                      value={candidate.id}
                      id={`candidate-${candidate.id}`}
                      className="commission-checkbox"
                    />
                    <label htmlFor={`candidate-${candidate.id}`} className="visually-hidden">
                      Inscrire le dossier {candidate.number}
                    </label>
                  </td>
                  <th scope="row" className="dossier-number">
                    <Link to={`/instruction/dossiers/${candidate.id}`}>{candidate.number}</Link>
                  </th>
                  <td>{candidate.organisationName}</td>
                  <td>{candidate.title}</td>
                  <td>{candidate.schemeName}</td>
                  <td>{candidate.department}</td>
                  <td className="number">{candidate.requested}</td>
                  <td className="number">{candidate.proposed}</td>
                  <td>{candidate.opinion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button">
          Inscrire les dossiers cochés à l’ordre du jour
        </button>
      </div>
    </Form>
  );
}
