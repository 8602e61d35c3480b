// The correction rounds: what was asked, by when, and once answered, what the applicant changed.
import type { DossierPageData } from "./dossier-action-result";

const STATUS: Record<string, string> = {
  OPEN: "en attente de réponse",
  ANSWERED: "répondue",
  CANCELLED: "annulée",
};

const PIECE_CHANGES: Record<string, string> = {
  added: "ajoutée",
  removed: "retirée",
  replaced: "remplacée",
};

export function DossierCorrections({ corrections }: { corrections: DossierPageData["corrections"] }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections" className="instruction-corrections">
      <h2 id="corrections">Demandes de correction</h2>
      {corrections.map((round, index) => (
        <article key={round.id} className="correction" aria-labelledby={`correction-${round.id}`}>
          <h3 id={`correction-${round.id}`}>
            Demande {index + 1} du {round.requestedOn} — {STATUS[round.status] ?? round.status}
          </h3>
          <p>
            <strong>Motif :</strong> {round.reason}
          </p>
          <p>
            Réponse attendue avant le {round.replyBy}
            {round.answeredOn ? ` ; reçue le ${round.answeredOn}.` : "."}
          </p>
          {round.fields.length + round.pieces.length > 0 ? (
            <ul>
              {round.fields.map((label) => (
                <li key={`f-${label}`}>{label}</li>
              ))}
              {round.pieces.map((label) => (
                <li key={`p-${label}`}>Pièce : {label}</li>
              ))}
            </ul>
          ) : null}
          {round.answerNote ? (
            <p className="message__body">
              <strong>Message du porteur de projet :</strong> {round.answerNote}
            </p>
          ) : null}
          {round.answeredOn ? (
            round.changes.length === 0 && round.pieceChanges.length === 0 ? (
              <p>Le porteur de projet a renvoyé son dossier sans rien changer.</p>
            ) : (
              <>
                {round.changes.length > 0 ? (
                  <div className="table-scroll" role="region" aria-label="Ce qui a changé" tabIndex={0}>
                    <table>
                      <caption>Ce qui a changé</caption>
                      <thead>
                        <tr>
                          <th scope="col">Étape</th>
                          <th scope="col">Champ</th>
                          <th scope="col">Avant</th>
                          <th scope="col">Après</th>
                        </tr>
                      </thead>
                      <tbody>
                        {round.changes.map((change) => (
                          <tr key={change.path}>
                            <td>{change.stepTitle}</td>
                            <th scope="row">{change.label}</th>
                            <td className="instruction-answer">{change.before}</td>
                            <td className="instruction-answer">{change.after}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {round.pieceChanges.length > 0 ? (
                  <>
                    <h4>Pièces modifiées</h4>
                    <ul>
                      {round.pieceChanges.map((change, position) => (
                        <li key={position}>
                          {change.label} : {PIECE_CHANGES[change.change] ?? change.change} ({change.fileName})
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            )
          ) : null}
        </article>
      ))}
    </section>
  );
}
