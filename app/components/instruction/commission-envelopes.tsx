export interface EnvelopeView {
  callId: string;
  title: string;
  envelope: string;
  voted: string;
  remaining: string;
  sessionProposed: string;
  remainingAfter: string;
  /** By how much the proposals exceed what remains, when they do. */
  overBy: string | null;
  exceeded: boolean;
}

/**
 * Each call's budget envelope before and after this session's proposals. Going over it is only warned of:
 * the Commission is sovereign and may vote beyond it.
 */
export function CommissionEnvelopes({ envelopes, held }: { envelopes: EnvelopeView[]; held: boolean }) {
  if (envelopes.length === 0) return null;
  const exceeded = envelopes.filter((envelope) => envelope.exceeded);
  return (
    <>
      {exceeded.length > 0 ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__title">Enveloppe budgétaire dépassée</p>
          <ul>
            {exceeded.map((envelope) => (
              <li key={envelope.callId}>
                {envelope.title} : les montants proposés à cette séance ({envelope.sessionProposed}) dépassent
                le reste disponible ({envelope.remaining}), soit un dépassement de {envelope.overBy}.
              </li>
            ))}
          </ul>
          <p>La Commission permanente reste souveraine : elle peut voter au-delà de l’enveloppe.</p>
        </div>
      ) : null}
      <div className="table-scroll" role="region" aria-labelledby="envelopes-caption" tabIndex={0}>
        <table className="commission-table">
          <caption id="envelopes-caption">Enveloppes budgétaires des appels concernés</caption>
          <thead>
            <tr>
              <th scope="col">Appel</th>
              <th scope="col" className="number">
                Enveloppe
              </th>
              <th scope="col" className="number">
                Déjà voté
              </th>
              <th scope="col" className="number">
                Reste disponible
              </th>
              {held ? null : (
                <>
                  <th scope="col" className="number">
                    Proposé à cette séance
                  </th>
                  <th scope="col" className="number">
                    Reste après la séance
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {envelopes.map((envelope) => (
              <tr
                key={envelope.callId}
                className={envelope.exceeded ? "commission-table__exceeded" : undefined}
              >
                <th scope="row">{envelope.title}</th>
                <td className="number">{envelope.envelope}</td>
                <td className="number">{envelope.voted}</td>
                <td className="number">{envelope.remaining}</td>
                {held ? null : (
                  <>
                    <td className="number">{envelope.sessionProposed}</td>
                    <td className="number">
                      {envelope.remainingAfter}
                      {envelope.exceeded ? (
                        <span className="visually-hidden"> (enveloppe dépassée)</span>
                      ) : null}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
