import { formatEuros } from "~/domain/format";
import type { CallEnvelope } from "~/services/instruction/queue.server";

/** How much of each call's budget the Commission has voted, how much is proposed, and what remains. */
export function QueueEnvelopes({ envelopes }: { envelopes: CallEnvelope[] }) {
  if (envelopes.length === 0) return null;
  return (
    <section aria-labelledby="enveloppes">
      <h2 id="enveloppes">Enveloppes budgétaires</h2>
      <div className="table-scroll" role="region" aria-labelledby="enveloppes-caption" tabIndex={0}>
        <table>
          <caption id="enveloppes-caption">
            Par appel : enveloppe votée au budget, montants accordés en Commission permanente et proposés
          </caption>
          <thead>
            <tr>
              <th scope="col">Appel</th>
              <th scope="col" className="number">
                Enveloppe
              </th>
              <th scope="col" className="number">
                Voté
              </th>
              <th scope="col" className="number">
                Proposé
              </th>
              <th scope="col" className="number">
                Reste
              </th>
            </tr>
          </thead>
          <tbody>
            {envelopes.map((envelope) => (
              <tr key={envelope.callId}>
                <th scope="row">{envelope.title}</th>
                <td className="number">{formatEuros(envelope.envelopeCents)}</td>
                <td className="number">{formatEuros(envelope.votedCents)}</td>
                <td className="number">{formatEuros(envelope.proposedCents)}</td>
                <td className={envelope.remainingCents < 0 ? "number queue-envelope--over" : "number"}>
                  {formatEuros(envelope.remainingCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
